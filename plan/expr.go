package plan

// Expr is a typed scalar expression. The checker inserts every implicit
// conversion as an explicit Cast, so backends never guess: the operands of
// an arithmetic Binary have the result type (except '/', whose operands are
// DOUBLE), and the operands of a comparison have one common type.
type Expr interface {
	Type() Type
}

// Const is a literal. A NULL constant has Null set and any type.
type Const struct {
	T    Type
	Null bool
	I    int64 // INT, BIGINT, BOOL (0/1)
	F    float64
	S    string
}

// Binding is one input a query reads under a name: the stream of FROM
// today; each side of a join and each pattern alias when those land. Column
// references name their binding; which slot of which row holds the column
// is decided by the physical plan (Layout).
type Binding struct {
	// ID is the binding's position among the query's bindings.
	ID int
	// Name is how the query refers to the input: its alias, or else the
	// relation's name.
	Name string
	Rel  *Relation
}

// ColRef reads column Col (an index into Bind.Rel.Columns) of a binding.
type ColRef struct {
	Bind *Binding
	Col  int
	Name string
	T    Type
	// Elem picks one event of a pattern alias that collects several
	// (e[0].price, e[last].price, §6.4); nil for a binding of one event.
	Elem *CollIndex
}

// CollIndex is an index into a pattern collection: the k-th event from the
// start, or from the end when FromEnd (e[last] is FromEnd with K 0).
type CollIndex struct {
	K       int
	FromEnd bool
}

// Ref is the reference to column col of b.
func (b *Binding) Ref(col int) *ColRef {
	c := b.Rel.Columns[col]
	return &ColRef{Bind: b, Col: col, Name: c.Name, T: c.Type}
}

// Same reports whether two references read the same column of the same
// binding (and the same collection element).
func (r *ColRef) Same(o *ColRef) bool {
	if r.Bind != o.Bind || r.Col != o.Col || (r.Elem == nil) != (o.Elem == nil) {
		return false
	}
	return r.Elem == nil || *r.Elem == *o.Elem
}

// AggRef reads aggregate slot Index of the enclosing Selector.
type AggRef struct {
	Index int
	T     Type
}

type UnaryOp uint8

const (
	Neg UnaryOp = iota
	Not
)

// Unary is -x or NOT x.
type Unary struct {
	Op UnaryOp
	X  Expr
	T  Type
}

type BinOp uint8

const (
	Add BinOp = iota
	Sub
	Mul
	Div
	Mod
	Eq
	Ne
	Lt
	Le
	Gt
	Ge
	And
	Or
)

var binOpNames = [...]string{"+", "-", "*", "/", "%", "=", "!=", "<", "<=", ">", ">=", "AND", "OR"}

func (o BinOp) String() string { return binOpNames[o] }

// IsComparison reports = != < <= > >=.
func (o BinOp) IsComparison() bool { return o >= Eq && o <= Ge }

// Binary is an arithmetic, comparison or logical operator.
type Binary struct {
	Op   BinOp
	L, R Expr
	T    Type
}

// IsNull is x IS [NOT] NULL.
type IsNull struct {
	X   Expr
	Not bool
}

// In is x [NOT] IN (list); all of one common type.
type In struct {
	X    Expr
	List []Expr
	Not  bool
}

// When is one branch of a searched CASE.
type When struct {
	Cond, Result Expr
}

// Case is a searched CASE (the simple form is lowered into it); Else may be nil.
type Case struct {
	Whens []When
	Else  Expr
	T     Type
}

// Cast converts X to T with the rules of LANGUAGE.md §2.7; Implicit marks
// conversions the checker inserted (numeric widening, assignment).
type Cast struct {
	X        Expr
	T        Type
	Implicit bool
}

// Call is a built-in scalar function (its catalog entry: Func.Info).
type Call struct {
	Func Func
	Args []Expr
	T    Type
}

func (e *Const) Type() Type  { return e.T }
func (e *ColRef) Type() Type { return e.T }
func (e *AggRef) Type() Type { return e.T }
func (e *Unary) Type() Type  { return e.T }
func (e *Binary) Type() Type { return e.T }
func (e *IsNull) Type() Type { return Bool }
func (e *In) Type() Type     { return Bool }
func (e *Case) Type() Type   { return e.T }
func (e *Cast) Type() Type   { return e.T }
func (e *Call) Type() Type   { return e.T }

// Children returns the direct sub-expressions of e in evaluation order.
func Children(e Expr) []Expr {
	switch e := e.(type) {
	case *Unary:
		return []Expr{e.X}
	case *Binary:
		return []Expr{e.L, e.R}
	case *IsNull:
		return []Expr{e.X}
	case *In:
		return append([]Expr{e.X}, e.List...)
	case *Case:
		var out []Expr
		for _, w := range e.Whens {
			out = append(out, w.Cond, w.Result)
		}
		if e.Else != nil {
			out = append(out, e.Else)
		}
		return out
	case *Cast:
		return []Expr{e.X}
	case *Call:
		return e.Args
	}
	return nil
}

// Walk calls fn on e and every sub-expression, parents first; fn returning
// false stops the descent below that node.
func Walk(e Expr, fn func(Expr) bool) {
	if e == nil || !fn(e) {
		return
	}
	for _, c := range Children(e) {
		Walk(c, fn)
	}
}

// Rewrite rebuilds e bottom-up, replacing each node by fn(node) after its
// children were rewritten. Nodes are copied, never mutated in place.
func Rewrite(e Expr, fn func(Expr) Expr) Expr {
	if e == nil {
		return nil
	}
	switch n := e.(type) {
	case *Unary:
		c := *n
		c.X = Rewrite(n.X, fn)
		e = &c
	case *Binary:
		c := *n
		c.L, c.R = Rewrite(n.L, fn), Rewrite(n.R, fn)
		e = &c
	case *IsNull:
		c := *n
		c.X = Rewrite(n.X, fn)
		e = &c
	case *In:
		c := *n
		c.X = Rewrite(n.X, fn)
		c.List = make([]Expr, len(n.List))
		for i, x := range n.List {
			c.List[i] = Rewrite(x, fn)
		}
		e = &c
	case *Case:
		c := *n
		c.Whens = make([]When, len(n.Whens))
		for i, w := range n.Whens {
			c.Whens[i] = When{Rewrite(w.Cond, fn), Rewrite(w.Result, fn)}
		}
		c.Else = Rewrite(n.Else, fn)
		e = &c
	case *Cast:
		c := *n
		c.X = Rewrite(n.X, fn)
		e = &c
	case *Call:
		c := *n
		c.Args = make([]Expr, len(n.Args))
		for i, x := range n.Args {
			c.Args[i] = Rewrite(x, fn)
		}
		e = &c
	}
	return fn(e)
}

// Volatile reports whether e calls a function whose value is not fixed by
// its arguments and the event's columns (uuid, now, eventTimestamp).
func Volatile(e Expr) bool {
	found := false
	Walk(e, func(x Expr) bool {
		if c, ok := x.(*Call); ok && c.Func.Info().Volatile {
			found = true
		}
		return !found
	})
	return found
}
