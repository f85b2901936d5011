// Package hand holds the benchmark workloads written by hand, the way a
// good Go programmer would code exactly each query for this data: typed
// structs, no NULLs (the ticks have none), no generic machinery. Each one
// writes the same rows, with the same timestamps and in the same order, as
// the app in bench/apps run by the engine; bench's TestSameRows checks it.
package hand
