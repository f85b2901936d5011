package plan

// Node is a logical operator of a continuous query. Every query is a chain
// Insert ← [RateLimit] ← Selector ← [Filter] ← [Window] ← Scan today; joins,
// patterns and partitions will add node kinds here.
type Node interface {
	// Schema is the row layout the node produces.
	Schema() []Column
	// Inputs are the child operators.
	Inputs() []Node
}

// Scan reads the events of one stream or trigger.
type Scan struct {
	Rel *Relation
	// Alias is the name the query uses for the stream ("" when none).
	Alias string
}

// Window retains events and emits CURRENT/EXPIRED/RESET chunks (§3).
type Window struct {
	Input Node
	Spec  WindowSpec
}

// WindowSpec is a window type with its checked constant parameters.
type WindowSpec struct {
	Kind      string // canonical: length, lengthBatch, time, timeBatch, hop, timeLength, batch, delay, externalTime, externalTimeBatch, session, sort, unique, firstUnique, frequent, lossyFrequent, cron
	Length    int64  // length, lengthBatch, timeLength, sort, frequent
	Millis    int64  // time, timeBatch, hop (size), timeLength, delay, externalTime*, session gap
	Slide     int64  // hop
	Latency   int64  // session allowed latency
	Attrs     []int  // externalTime* timestamp column, session/unique/firstUnique/frequent/lossyFrequent keys
	Sort      []SortKey
	Support   float64 // lossyFrequent
	ErrorRate float64 // lossyFrequent
	Cron      string
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
	Func string // canonical lower-case: count, sum, avg, min, max, minforever, maxforever, distinctcount, stddev, first, last, and, or
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
	// FIFORemoval is set by the optimizer when the input removes events in
	// the order they arrived, so min/max can use O(1) monotonic deques.
	FIFORemoval bool
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
	// Grouped is true when the selector has GROUP BY: FIRST/LAST and
	// SNAPSHOT then act per group.
	Grouped bool
	// Windowed is true when the query has a window (snapshot semantics differ).
	Windowed bool
	// Aggregating mirrors the selector (snapshot of an aggregate query without GROUP BY is one row).
	Aggregating bool
}

// Insert writes rows into Target, converting each column to the target's
// declared type (Casts are already in Input's last projection).
type Insert struct {
	Input  Node
	Target *Relation
}

func (n *Scan) Schema() []Column      { return n.Rel.Columns }
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
	Cols  []int
}

func (n *Project) Schema() []Column {
	in := n.Input.Schema()
	out := make([]Column, len(n.Cols))
	for i, c := range n.Cols {
		out[i] = in[c]
	}
	return out
}

func (n *Project) Inputs() []Node { return []Node{n.Input} }

// Timed reports windows that act on the clock (they have timer deadlines);
// the others only react to arrivals and need no scheduler slot.
func (w WindowSpec) Timed() bool {
	switch w.Kind {
	case "time", "timeBatch", "hop", "timeLength", "delay", "session", "cron":
		return true
	}
	return false
}
