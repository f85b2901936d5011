package ast

// Expr is a scalar expression.
type Expr interface {
	Position() Pos
	expr()
}

type LitKind int

const (
	LitInt     LitKind = iota // BIGINT
	LitDecimal                // DOUBLE
	LitString
	LitBool
	LitNull
	LitDuration // "5 SECONDS" in a duration position, or INTERVAL '5' SECOND: BIGINT ms
)

type Literal struct {
	Pos   Pos
	Kind  LitKind
	Int   int64   // LitInt, LitDuration (ms)
	Float float64 // LitDecimal
	Str   string  // LitString
	Bool  bool    // LitBool
	Text  string  // the literal as written, for messages
}

// ColumnRef is `col`, `q.col`, or in patterns `alias[index].col`.
type ColumnRef struct {
	Qualifier *Ident
	Name      Ident
	Index     *EventIndex // pattern collections: e1[0].price, e1[last].price
}

type EventIndex struct {
	Last bool // [last]
	N    int  // [N] when not Last
	Pos  Pos
}

// Unary: Op is "-", "+" or "NOT".
type Unary struct {
	Pos Pos
	Op  string
	X   Expr
}

// Binary: Op is one of + - * / % = != < <= > >= AND OR ("==" and "<>" are
// normalised to "=" and "!="). Pos is the operator's position.
type Binary struct {
	Pos  Pos
	Op   string
	L, R Expr
}

type IsNull struct {
	Pos Pos
	X   Expr
	Not bool
}

// In is x [NOT] IN (list) or x [NOT] IN table.
type In struct {
	Pos   Pos
	X     Expr
	List  []Expr
	Table *Ident
	Not   bool
}

type Between struct {
	Pos       Pos
	X, Lo, Hi Expr
	Not       bool
}

type Like struct {
	Pos     Pos
	X       Expr
	Pattern Expr
	Not     bool
}

// Call is a function call; Name keeps its spelling (functions are matched
// case-insensitively). Star is count(*).
type Call struct {
	Name Ident
	Args []Expr
	Star bool
}

type When struct {
	Cond   Expr
	Result Expr
}

// Case: Operand is nil for the searched form.
type Case struct {
	Pos     Pos
	Operand Expr
	Whens   []When
	Else    Expr
}

type Cast struct {
	Pos  Pos
	X    Expr
	Type TypeName
}

// Paren keeps explicit parentheses only for positions; the checker unwraps it.
type Paren struct {
	Pos Pos
	X   Expr
}

func (e *Literal) Position() Pos { return e.Pos }
func (e *ColumnRef) Position() Pos {
	if e.Qualifier != nil {
		return e.Qualifier.Pos
	}
	return e.Name.Pos
}
func (e *Unary) Position() Pos   { return e.Pos }
func (e *Binary) Position() Pos  { return e.Pos }
func (e *IsNull) Position() Pos  { return e.Pos }
func (e *In) Position() Pos      { return e.Pos }
func (e *Between) Position() Pos { return e.Pos }
func (e *Like) Position() Pos    { return e.Pos }
func (e *Call) Position() Pos    { return e.Name.Pos }
func (e *Case) Position() Pos    { return e.Pos }
func (e *Cast) Position() Pos    { return e.Pos }
func (e *Paren) Position() Pos   { return e.Pos }

func (*Literal) expr()   {}
func (*ColumnRef) expr() {}
func (*Unary) expr()     {}
func (*Binary) expr()    {}
func (*IsNull) expr()    {}
func (*In) expr()        {}
func (*Between) expr()   {}
func (*Like) expr()      {}
func (*Call) expr()      {}
func (*Case) expr()      {}
func (*Cast) expr()      {}
func (*Paren) expr()     {}
