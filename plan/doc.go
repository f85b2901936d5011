// Package plan is the intermediate representation shared by the compiler
// front end, the optimizer, the code generator and the interpreter. It
// imports nothing of ours, so every stage can depend on it and on nothing
// else.
//
// The logical plan: the app's relations, and each continuous query as a
// DAG of logical operators (Node; a node names its inputs) rooted at its
// Insert, over typed expressions. A query reads its inputs through
// Bindings (the FROM stream today; join sides and pattern aliases later);
// a ColRef names a binding and a column of its relation, never a position.
// Window parameters are typed specs, one per kind (window.go), whose kind
// table states what every layer needs to know about a window.
//
// The physical plan (physical*.go, one operator type per file): what the
// optimizer's ChoosePhysical pass decided for each query — the row Layout
// each operator reads (where column references become positions), the
// runtime window, the aggregator implementation per aggregate call
// (agg_impl.go), the selector's §4.5 rules, the group index, and how
// generated code runs a single event — with the costed alternatives it
// weighed (Choice). Both backends read these choices and take none again;
// FormatPhysical prints them for efc explain and the generated comments.
//
// walk.go is the one walker over operators and expressions that every pass
// and both backends use.
package plan
