// Package runtime is the small library every EventFlux binary links: typed
// events, the clock and timer scheduler, the generic App interface that
// drivers use, and (in subpackages) windows, aggregators and scalar
// functions. It knows nothing about the compiler or the plan: the
// interpreter and the generated code both wire these building blocks.
package runtime
