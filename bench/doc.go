// Package bench compares, on named workloads over the same synthetic stock
// ticks (bench/internal/ticks), the interpreter (interp), the generated
// code's typed API (bench/gen/wN, from bench/apps/wN.sql) and hand-written
// Go (bench/hand). Benchmarks are BenchmarkWN/{interp,gen,hand}; one op is
// one event, so ns/op is ns/event. TestSameRows proves the three write the
// same rows; TestGeneratedAllocs proves the generated code does not
// allocate per event in steady state. `make bench` runs them and writes
// bench/results/.
package bench
