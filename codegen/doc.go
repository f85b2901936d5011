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
//   - Send asks the scheduler whether a deadline is due (a look at the top
//     of its queue) and runs its loop only then; a timed query's receive
//     paths read their window's deadline back when done (timers.go).
//
// Other choices made here, not in the optimizer, because they concern how
// Go code runs rather than what it computes: events and candidates are
// built in place field by field (copy.go), GROUP BY on one column looks
// groups up by the bare value, a grouped window row remembers its group,
// and avg(x) is read off a sum(x) of the same query.
package codegen
