// Package conformance runs the external acceptance suite (the case format of
// /work/shared/conformance/FORMAT.md) against any backend that produces a
// runtime.App, and reports per-file results. It knows nothing of the
// compiler, the interpreter or generated code: backends are plugged in by the
// caller, so every backend is judged by the same runner.
package conformance
