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
// The candidate is by default the generated-code backend (Gen): every
// distinct app of a batch is compiled, optimized and generated into its own
// package of one program, built once per batch (internal/gobuild) and run
// on the batch's cases (internal/gobuild/harness, DiffMain), which writes
// back every recorded event with its Go type and floats as bit patterns.
// The interpreter runs in process through the same harness loop.
//
// A third of the runs persist, restore and restart (FORMAT.md's steps).
// When the candidate runs the reference's plans (Config.SamePlans: gen, or
// a second interpreter) their snapshots must be byte for byte equal, and
// every agreeing run with a restart runs twice more, its restart going
// onto the other backend in each direction (cross.go): the part before
// the restart on one, the part after on the other from the first's
// snapshot, which must record what the reference records. Such a mismatch
// shrinks with the crossing runs as the candidate.
// TestCrossBackendSnapshots does the same for a hand-written app per area
// (testdata/snapshot: every window, aggregate, GROUP BY key type, rate
// mode and trigger) at several cut points.
//
// TestDifferential drives it:
//
//	go test ./difftest                                   # 200 apps, fixed seed, one batch
//	go test ./difftest -difftest.count=10000 -difftest.seed=5 -v -timeout 3h
//	go test ./difftest -difftest.start=227 -difftest.count=1 -v   # rerun one app
//	go test ./difftest -difftest.candidate=interp        # two interpreters
//	go test ./difftest -difftest.candidate=interp-noopt  # optimizer passes off
//
// `make difftest` is the long run. Regression cases land in
// testdata/regressions; `efc test testdata/regressions` replays them on any
// backend.
package difftest
