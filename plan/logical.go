package plan

// Node is a logical operator of a continuous query. A query is a DAG of
// nodes rooted at its Insert: each node names its inputs, so a join (two
// inputs) or a pattern (one per element stream) fits the same shape; the
// single-stream queries of today are the chain
// Insert ← [RateLimit] ← Selector ← [Filter] ← [Window] ← [Project] ← Scan.
type Node interface {
	// Schema is the row layout the node produces.
	Schema() []Column
	// Inputs are the child operators.
	Inputs() []Node
}

// Scan reads the events of one stream or trigger through a binding.
type Scan struct {
	Bind *Binding
}

// Rel is the relation the scan reads.
func (n *Scan) Rel() *Relation { return n.Bind.Rel }

// Window retains events and emits CURRENT/EXPIRED/RESET chunks (§3).
type Window struct {
	Input Node
	Spec  WindowSpec
}

// SortKey orders by one expression.
type SortKey struct {
	Expr Expr
	Desc bool
}

// Filter keeps events for which Cond is TRUE (WHERE after the window, §4.2).
type Filter struct {
	Input Node
	Cond  Expr
}

// AggCall is one aggregate function call of a Selector; Arg is nil for count().
type AggCall struct {
	Func AggFunc
	Arg  Expr
	T    Type
}

// NamedExpr is one output column.
type NamedExpr struct {
	Name string
	Expr Expr
}

// EventKind selects which candidate rows are written (§4.6).
type EventKind uint8

const (
	CurrentEvents EventKind = iota
	ExpiredEvents
	AllEvents
)

func (k EventKind) String() string {
	switch k {
	case ExpiredEvents:
		return "EXPIRED"
	case AllEvents:
		return "ALL"
	}
	return "CURRENT"
}

// Selector is projection, aggregation, GROUP BY, HAVING, ORDER BY, OFFSET and
// LIMIT with the per-chunk row production of §4.5. Expressions of Items,
// Having and OrderBy read input columns (ColRef) and aggregate slots (AggRef);
// GroupBy and Aggs[i].Arg read input columns only.
type Selector struct {
	Input   Node
	Items   []NamedExpr
	Aggs    []AggCall
	GroupBy []Expr
	Having  Expr
	OrderBy []SortKey
	Limit   int64 // -1: none
	Offset  int64
	Events  EventKind
}

// Aggregating reports whether §4.5's reduction applies (aggregates or GROUP BY).
func (s *Selector) Aggregating() bool { return len(s.Aggs) > 0 || len(s.GroupBy) > 0 }

type RateMode uint8

const (
	RateAll RateMode = iota
	RateFirst
	RateLast
	RateSnapshot
)

func (m RateMode) String() string {
	return [...]string{"ALL", "FIRST", "LAST", "SNAPSHOT"}[m]
}

// RateLimit is OUTPUT … EVERY … (§4.8).
type RateLimit struct {
	Input  Node
	Mode   RateMode
	Events int64 // > 0: every n events
	Millis int64 // > 0: every period
}

// Insert writes rows into Target, converting each column to the target's
// declared type (Casts are already in Input's last projection).
type Insert struct {
	Input  Node
	Target *Relation
}

func (n *Scan) Schema() []Column      { return n.Bind.Rel.Columns }
func (n *Window) Schema() []Column    { return n.Input.Schema() }
func (n *Filter) Schema() []Column    { return n.Input.Schema() }
func (n *RateLimit) Schema() []Column { return n.Input.Schema() }
func (n *Insert) Schema() []Column    { return n.Target.Columns }
func (n *Selector) Schema() []Column {
	out := make([]Column, len(n.Items))
	for i, it := range n.Items {
		out[i] = Column{Name: it.Name, Type: it.Expr.Type()}
	}
	return out
}

func (n *Scan) Inputs() []Node      { return nil }
func (n *Window) Inputs() []Node    { return []Node{n.Input} }
func (n *Filter) Inputs() []Node    { return []Node{n.Input} }
func (n *Selector) Inputs() []Node  { return []Node{n.Input} }
func (n *RateLimit) Inputs() []Node { return []Node{n.Input} }
func (n *Insert) Inputs() []Node    { return []Node{n.Input} }

// Project keeps only the input columns a query reads, in Cols order, so
// that windows retain narrow events (placed right above the Scan by the
// PruneColumns rule).
type Project struct {
	Input Node
	Cols  []*ColRef
}

func (n *Project) Schema() []Column {
	out := make([]Column, len(n.Cols))
	for i, c := range n.Cols {
		out[i] = Column{Name: c.Name, Type: c.T}
	}
	return out
}

func (n *Project) Inputs() []Node { return []Node{n.Input} }
