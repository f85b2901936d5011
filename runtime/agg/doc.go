// Package agg holds the typed aggregators of LANGUAGE.md §9.6, shared by the
// interpreter and generated code.
//
// Conventions (§3.1, §4.5): a CURRENT event calls Add, an EXPIRED event
// calls Remove with the same value, a RESET marker calls Reset. The caller
// skips NULL inputs for every aggregate that ignores NULL, so aggregators
// only see non-NULL values; distinctCount, where NULL counts as a value, has
// AddNull and RemoveNull. Value returns (value, ok) where ok=false means the
// result is NULL; aggregates that are never NULL (count, distinctCount, and,
// or) return the bare value.
//
// Every aggregator is exact under removal, including removal of any held
// value (sort and unique windows expire events from the middle). Removing a
// value that is not held is a caller error; it never panics and is ignored
// where it can be detected cheaply.
//
// Every aggregator implements Snapshotter so a snapshot (§12.1) captures
// its internal state.
package agg
