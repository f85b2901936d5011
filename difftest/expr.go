package difftest

import rt "github.com/eventflux/eventflux-go/runtime"

// Op is the kind of an expression node.
type Op uint8

const (
	OpCol     Op = iota // Name: column (or output alias) name
	OpLit               // Lit: SQL text of a literal of type T
	OpNeg               // -Args[0]
	OpNot               // NOT Args[0]
	OpBin               // Args[0] Name Args[1]: arithmetic, comparison, AND, OR
	OpIsNull            // Args[0] IS [NOT] NULL
	OpIn                // Args[0] [NOT] IN (Args[1:])
	OpBetween           // Args[0] [NOT] BETWEEN Args[1] AND Args[2]
	OpLike              // Args[0] [NOT] LIKE Args[1]
	OpCase              // CASE [Args[0]] WHEN … THEN … [ELSE last] END
	OpCast              // CAST(Args[0] AS Name)
	OpCall              // scalar function Name(Args…)
	OpAgg               // aggregate Name(Args…) (no Args: count())
)

// Expr is one node of a typed expression tree. A single node type keeps the
// shrinker's tree edits generic: every subtree is reachable through Args.
type Expr struct {
	Op   Op
	T    rt.Type
	Name string
	Lit  string
	Args []*Expr
	// Not negates IS NULL, IN, BETWEEN and LIKE.
	Not bool
	// Simple marks CASE x WHEN v …: Args[0] is x, then (v, result) pairs.
	Simple bool
	// Else marks a CASE whose last argument is the ELSE result.
	Else bool
}

func (e *Expr) clone() *Expr {
	if e == nil {
		return nil
	}
	c := *e
	c.Args = make([]*Expr, len(e.Args))
	for i, a := range e.Args {
		c.Args[i] = a.clone()
	}
	return &c
}

func (e *Expr) hasAgg() bool {
	if e == nil {
		return false
	}
	if e.Op == OpAgg {
		return true
	}
	for _, a := range e.Args {
		if a.hasAgg() {
			return true
		}
	}
	return false
}

// size counts the nodes of the tree (the shrinker's measure of progress).
func (e *Expr) size() int {
	if e == nil {
		return 0
	}
	n := 1
	for _, a := range e.Args {
		n += a.size()
	}
	return n
}

func col(c Column) *Expr { return &Expr{Op: OpCol, T: c.Type, Name: c.Name} }

func lit(t rt.Type, text string) *Expr { return &Expr{Op: OpLit, T: t, Lit: text} }

func bin(op string, t rt.Type, l, r *Expr) *Expr {
	return &Expr{Op: OpBin, T: t, Name: op, Args: []*Expr{l, r}}
}

func call(name string, t rt.Type, args ...*Expr) *Expr {
	return &Expr{Op: OpCall, T: t, Name: name, Args: args}
}

func agg(name string, t rt.Type, args ...*Expr) *Expr {
	return &Expr{Op: OpAgg, T: t, Name: name, Args: args}
}

func cast(x *Expr, t rt.Type) *Expr {
	return &Expr{Op: OpCast, T: t, Name: typeName(t), Args: []*Expr{x}}
}

// nullOf is a NULL of type t: CAST(NULL AS t) keeps types exact.
func nullOf(t rt.Type) *Expr {
	return &Expr{Op: OpCast, T: t, Name: typeName(t), Args: []*Expr{{Op: OpLit, Lit: "NULL"}}}
}

func typeName(t rt.Type) string {
	switch t {
	case rt.String:
		return "STRING"
	case rt.Int:
		return "INT"
	case rt.BigInt:
		return "BIGINT"
	case rt.Float:
		return "FLOAT"
	case rt.Double:
		return "DOUBLE"
	case rt.Bool:
		return "BOOL"
	}
	return "OBJECT"
}
