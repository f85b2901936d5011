// Package interp is the reference interpreter: it runs a query's physical
// plan on the runtime's building blocks (runtime/window, runtime/agg,
// runtime/rate, runtime/sel) with every expression compiled once into
// closures over dynamic values, its column references resolved to slots
// through the plan's row layouts. It is the semantics the generated code
// must match and the baseline it must beat, and the one package that
// knows both the plan and the runtime.
//
// It makes no decision of its own: the aggregator per call, the selector's
// §4.5 rules and the window come from plan.PhysicalQuery. Choices that
// only concern how generated Go runs (the single-event paths, the group
// index, groups carried by window rows, deferred candidates) do not change
// rows, so the interpreter, as the reference, runs every chunk one way.
package interp
