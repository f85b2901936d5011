// Package difftest is the seeded random differential tester: it generates
// random apps (one input stream, one to three queries) and random event
// streams, runs them on a reference and a candidate backend, compares every
// recorded event (timestamps and values, floats bit for bit), and on a
// mismatch shrinks the app and the steps and writes the minimal reproduction
// as a conformance case into a regressions folder.
//
// Everything generated is a pure function of (seed, index), so a printed
// seed and index reproduce a failure exactly. The generator builds its own
// small typed model (App, Query, Expr) rather than the compiler's AST: the
// model keeps types consistent by construction and is what the shrinker
// edits.
//
// TestDifferential drives it:
//
//	go test ./difftest                                   # 300 apps, fixed seed
//	go test ./difftest -difftest.count=20000 -difftest.seed=5
//	go test ./difftest -difftest.start=227 -difftest.count=1 -v   # rerun one app
//	go test ./difftest -difftest.candidate=interp-noopt  # optimizer passes off
//
// The candidate defaults to "gen" once a generated-code backend registers
// itself in Candidates, and to a second, fresh interpreter until then.
// Regression cases land in testdata/regressions; `efc test
// testdata/regressions` replays them on any backend.
package difftest
