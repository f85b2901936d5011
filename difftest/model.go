package difftest

import rt "github.com/eventflux/eventflux-go/runtime"

// InputStream is the name of every generated app's one input stream.
const InputStream = "Src"

// Column is one typed attribute of a stream.
type Column struct {
	Name string
	Type rt.Type
}

// App is a generated app: one input stream and the queries over it (a query
// reads the input stream or the output of an earlier query).
type App struct {
	Input   []Column
	Queries []*Query
}

// EventKind selects which rows a query writes (§4.6).
type EventKind uint8

const (
	DefaultEvents EventKind = iota // no keyword: CURRENT
	CurrentEvents
	ExpiredEvents
	AllEvents
)

// Query is one INSERT INTO … SELECT … over one stream.
type Query struct {
	Target  string
	Events  EventKind
	From    string
	Window  *Window
	Star    bool // SELECT * (Items is then empty)
	Items   []Item
	Where   *Expr
	GroupBy []*Expr
	Having  *Expr
	OrderBy []Order
	Limit   int64 // < 0: none
	Offset  int64 // < 0: none
	Rate    *Rate
}

// Item is one select item; Alias is empty for a bare column keeping its name.
type Item struct {
	Expr  *Expr
	Alias string
}

// Order is one ORDER BY key.
type Order struct {
	Expr *Expr
	Desc bool
}

// Window is a WINDOW('kind', args…) clause; Args are rendered SQL (numbers,
// durations, column names, quoted strings).
type Window struct {
	Kind string
	Args []string
	// period is the ms between the window's timer deadlines (expiry,
	// flush, release, session gap), 0 for windows without timers: the
	// generator builds timer chains from it; rendering ignores it.
	period int64
}

// RateMode is the behaviour word of an OUTPUT clause.
type RateMode uint8

const (
	RateAll RateMode = iota
	RateFirst
	RateLast
	RateSnapshot
)

// Rate is an OUTPUT … EVERY … clause: Events > 0 counts events, otherwise
// Millis is the period.
type Rate struct {
	Mode     RateMode
	Explicit bool // write ALL (the default word) explicitly
	Events   int64
	Millis   int64
}

// Name is the output column name of an item (§4.1).
func (it Item) Name() string {
	if it.Alias != "" {
		return it.Alias
	}
	return it.Expr.Name
}

// outputColumns is the schema a query writes, given its input schema.
func (q *Query) outputColumns(input []Column) []Column {
	if q.Star {
		return append([]Column(nil), input...)
	}
	cols := make([]Column, len(q.Items))
	for i, it := range q.Items {
		cols[i] = Column{Name: it.Name(), Type: it.Expr.T}
	}
	return cols
}

// aggregating reports whether the query reduces per chunk (§4.5).
func (q *Query) aggregating() bool {
	if len(q.GroupBy) > 0 {
		return true
	}
	for _, it := range q.Items {
		if it.Expr.hasAgg() {
			return true
		}
	}
	return q.Having != nil && q.Having.hasAgg()
}

// schemas maps every stream name of the app to its columns.
func (a *App) schemas() map[string][]Column {
	s := map[string][]Column{InputStream: a.Input}
	for _, q := range a.Queries {
		if _, ok := s[q.Target]; !ok {
			s[q.Target] = q.outputColumns(s[q.From])
		}
	}
	return s
}

// clone deep-copies the app so the shrinker can edit a candidate freely.
func (a *App) clone() *App {
	b := &App{Input: append([]Column(nil), a.Input...)}
	for _, q := range a.Queries {
		b.Queries = append(b.Queries, q.clone())
	}
	return b
}

func (q *Query) clone() *Query {
	c := *q
	if q.Window != nil {
		w := *q.Window
		w.Args = append([]string(nil), q.Window.Args...)
		c.Window = &w
	}
	c.Items = make([]Item, len(q.Items))
	for i, it := range q.Items {
		c.Items[i] = Item{Expr: it.Expr.clone(), Alias: it.Alias}
	}
	c.Where = q.Where.clone()
	c.GroupBy = nil
	for _, g := range q.GroupBy {
		c.GroupBy = append(c.GroupBy, g.clone())
	}
	c.Having = q.Having.clone()
	c.OrderBy = nil
	for _, o := range q.OrderBy {
		c.OrderBy = append(c.OrderBy, Order{Expr: o.Expr.clone(), Desc: o.Desc})
	}
	if q.Rate != nil {
		r := *q.Rate
		c.Rate = &r
	}
	return &c
}
