// Package codegen turns an optimized plan into one Go package per app:
// a typed struct per stream, typed Send/On methods, and per query one fused
// function that runs filter, window, aggregation, GROUP BY, HAVING, ORDER
// BY/LIMIT and rate limiting on typed fields. Reusable logic (windows,
// aggregators, rate limiters, the scheduler) comes from the runtime; the
// generated code wires typed fields into it. Generation is a pure
// function: plan in, files out, deterministic bytes, gofmt-clean.
package codegen
