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
//
// # Names
//
// One registry (names.go) gives out every identifier of the Go scopes an
// app's names reach: the package block, App's fields and methods, and each
// event struct's fields. It never hands out an identifier twice:
//
//   - A user name (stream, table, trigger, column, alias) becomes its Go
//     name: every character a Go identifier cannot hold (anything but a
//     Unicode letter or decimal digit, '_' included) separates words, each
//     word starts upper-case, and an X goes in front of a result that is
//     empty or starts with no upper-case letter ("a_b" and "aB" → AB,
//     "type" → Type, "日本" → X日本, "1st" → X1st, "élan" → Élan). A Go name
//     is exported and holds no '_': never a keyword, a predeclared name or
//     an import's name.
//   - The generator's fixed identifiers (App, New, streams, the imports'
//     and predeclared names; App's sched, Send, SendJSON, q0, …; an event
//     struct's Nulls, values, readJSON, appendJSON, grp) are taken first.
//   - Then each relation, in declaration order, takes its Go name X and
//     every identifier derived from it at once: the type X and its helpers
//     xFrom, xFromJSON, xCodec, appendX, readX, decodeXJSON; App's
//     deliverX, deliverXOne, deliverXCopy, SendX, SendXBatch, OnX and the
//     fields subX, bufX, inX, curX, trigX (each as far as the relation's
//     kind declares it). If any is taken, X_2, X_3, … are tried in turn:
//     a stream ABatch declared after A is ABatch_2 (SendABatch is A's),
//     a after A is A_2. Columns work alike within their struct (a column
//     Nulls is Nulls_2). A suffixed name cannot equal a Go name, which has
//     no '_', so the rule terminates and is deterministic. The package
//     doc of generated code lists every name mapped with a suffix.
//   - Last, the generator's per-query identifiers (q0Group, q0Key, q0Cand,
//     q0WinKey, appendq0Key, the narrow row q0Row with its q0RowFrom and
//     q0RowCodec, like0, …) take what is left, with the same suffix rule:
//     a user's names never depend on the queries. Only a narrow row can
//     meet a user name in practice (a stream Q0Row takes q0RowFrom, so the
//     row is q0Row_2).
//
// Locals and temporaries (ev, in, g, av1, t3, …) never derive from user
// names: user names reach function bodies only as exported type names and
// field selectors. Comments show a user name as it is when it is a plain
// identifier and Go-quoted otherwise, so no name can end or split a
// comment.
package codegen
