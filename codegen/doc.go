// Package codegen turns an optimized plan into one Go package per app:
// a typed struct per stream, typed Send/On methods, and per query one fused
// function that runs filter, window, aggregation, GROUP BY, HAVING, ORDER
// BY/LIMIT and rate limiting on typed fields. Reusable logic (windows,
// aggregators, rate limiters, the scheduler) comes from the runtime; the
// generated code wires typed fields into it. Generation is a pure
// function: plan in, files out, deterministic bytes, gofmt-clean.
//
// Every query has two entry points that give the same rows: receive, for a
// chunk (§0.3.13), and receiveOne, for a single event, which is what a
// typed Send, the JSON driver and a one-row generic Send use. The single
// path avoids the chunk machinery where it can:
//   - a stateless query (no window, aggregation, ORDER BY, LIMIT or rate
//     limit) filters and projects the event and hands the row on (one);
//   - a length or time window gives out the slot the event lives in, and
//     the selector runs per event and per chunk of one (fused.go);
//   - a time batch takes the event in place (TimeBatch.Push);
//   - Send asks the app's timer sources directly whether one is due
//     (timers.go) and runs the scheduler's loop only then.
//
// Every such choice is the physical plan's (plan.PhysicalQuery, made by
// the optimizer's ChoosePhysical with its cost model): the single-event
// path, the aggregator types, the group index on a bare key, groups carried
// by window rows, avg read off a sum, deferred candidates. The generator
// reads them and decides nothing about semantics itself; each query's
// comment prints the physical plan exactly as efc explain does. The
// selector's per-chunk rules (reduction, ORDER BY key order, OFFSET/LIMIT)
// are runtime/sel's, called as the interpreter calls them. What remains
// here is how Go code runs, not what it computes: events and candidates
// are built in place field by field (copy.go).
package codegen
