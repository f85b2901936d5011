// Package interp is the reference interpreter: it runs an optimized plan on
// the runtime's typed building blocks, with every expression compiled once
// into closures over typed values. It is the semantics the generated code
// must match and the baseline it must beat. It is the one package that knows
// both the plan and the runtime.
package interp
