// Package ast is EventFlux SQL's own syntax tree. The parser (package
// syntax) builds it from the app text; nothing outside syntax ever sees the
// TiDB parser's types. Every node carries the position of its first token.
package ast

import "github.com/eventflux/eventflux-go/compiler/diag"

type Pos = diag.Pos

// Ident is a name with its position. Identifiers are case-sensitive.
type Ident struct {
	Name string
	Pos  Pos
}

// App is a whole application: statements in text order.
type App struct {
	Stmts []Stmt
}

// Stmt is one top-level statement.
type Stmt interface {
	Position() Pos
	stmt()
}

// TypeName is a column type as written (e.g. "VARCHAR", "DOUBLE PRECISION").
// The checker maps it onto the six types of LANGUAGE.md §2.1.
type TypeName struct {
	Name string // upper-cased spelling without length arguments
	Pos  Pos
}

type ColumnDef struct {
	Name       Ident
	Type       TypeName
	PrimaryKey bool // column constraint PRIMARY KEY
}

// Option is one WITH ('k' = 'v') entry; keys and values are unquoted text.
type Option struct {
	Key      string
	KeyPos   Pos
	Value    string
	ValuePos Pos
}

type CreateStream struct {
	Pos     Pos
	Name    Ident
	Columns []ColumnDef
	With    []Option
}

type CreateTable struct {
	Pos        Pos
	Name       Ident
	Columns    []ColumnDef
	PrimaryKey []Ident // table constraint PRIMARY KEY (a, b); empty when none
	PKPos      Pos     // position of a table-level PRIMARY KEY
	With       []Option
}

type TriggerKind int

const (
	TriggerStart TriggerKind = iota
	TriggerEvery
	TriggerCron
)

type CreateTrigger struct {
	Pos     Pos
	Name    Ident
	Kind    TriggerKind
	Every   Duration // TriggerEvery
	Cron    string   // TriggerCron
	CronPos Pos
}

// Duration is a duration literal ("5 SECONDS", a bare integer = ms) in ms.
type Duration struct {
	Millis int64
	Pos    Pos
}

// EventKind selects which candidate rows a query writes (LANGUAGE.md §4.6).
type EventKind int

const (
	CurrentEvents EventKind = iota
	ExpiredEvents
	AllEvents
)

// Query is INSERT [kind EVENTS] INTO target SELECT …, or a bare SELECT
// (Target nil: writes to OutputStream).
type Query struct {
	Pos    Pos
	Target *Ident
	Events EventKind
	Select *Select
}

type Select struct {
	Pos     Pos
	Items   []SelectItem
	From    Source
	Where   Expr
	GroupBy []Expr
	Having  Expr
	OrderBy []OrderItem
	Limit   *IntLit
	Offset  *IntLit
	Output  *OutputRate
}

// SelectItem is `*`, `q.*` or `expr [AS alias]`.
type SelectItem struct {
	Pos       Pos
	Star      bool
	Qualifier *Ident // for q.*
	Expr      Expr
	Alias     *Ident
}

type OrderItem struct {
	Expr Expr
	Desc bool
}

type IntLit struct {
	Value int64
	Pos   Pos
}

type RateMode int

const (
	RateAll RateMode = iota
	RateFirst
	RateLast
	RateSnapshot
)

// OutputRate is OUTPUT [ALL|FIRST|LAST|SNAPSHOT] EVERY (n EVENTS | duration).
type OutputRate struct {
	Pos      Pos
	Mode     RateMode
	Events   int64 // > 0 for the EVENTS form
	Every    Duration
	ValuePos Pos
}

// Source is the FROM item.
type Source interface {
	Position() Pos
	source()
}

// StreamSource is `name [[AS] alias] [WINDOW(...)] [UNIDIRECTIONAL]`.
type StreamSource struct {
	Name           Ident
	Alias          *Ident
	Window         *Window
	Unidirectional bool
}

// Window is WINDOW('type', args...). Duration arguments are *DurationLit.
type Window struct {
	Pos     Pos
	Type    string
	TypePos Pos
	Args    []Expr
}

type JoinKind int

const (
	InnerJoin JoinKind = iota
	LeftJoin
	RightJoin
	FullJoin
	CrossJoin
)

type JoinSource struct {
	Pos   Pos
	Left  *StreamSource
	Right *StreamSource
	Kind  JoinKind
	On    Expr
}

// PatternSource is PATTERN (…) or SEQUENCE (…) with optional WITHIN.
type PatternSource struct {
	Pos          Pos
	Sequence     bool
	Pattern      PatternExpr
	Within       *Duration
	WithinEvents int64 // > 0 for WITHIN n EVENTS
}

func (s *StreamSource) Position() Pos  { return s.Name.Pos }
func (s *JoinSource) Position() Pos    { return s.Pos }
func (s *PatternSource) Position() Pos { return s.Pos }
func (*StreamSource) source()          {}
func (*JoinSource) source()            {}
func (*PatternSource) source()         {}

// PatternExpr is a node of a PATTERN/SEQUENCE body.
type PatternExpr interface {
	Position() Pos
	pattern()
}

// Count is a pattern quantifier; Max < 0 means unbounded.
type Count struct {
	Min, Max int
	Pos      Pos
}

// PatternElem is `[alias =] Stream [[filter]] [count]` (or `Stream AS alias`).
type PatternElem struct {
	Pos    Pos
	Alias  *Ident
	Stream Ident
	Filter Expr
	Count  *Count
}

// PatternAbsent is NOT Stream [[filter]] FOR duration.
type PatternAbsent struct {
	Pos    Pos
	Stream Ident
	Filter Expr
	For    Duration
}

// PatternChain is a -> b -> c.
type PatternChain struct {
	Pos   Pos
	Items []PatternExpr
}

// PatternLogical is a AND b / a OR b.
type PatternLogical struct {
	Pos   Pos
	Or    bool
	Items []PatternExpr
}

// PatternEvery is EVERY x.
type PatternEvery struct {
	Pos   Pos
	Inner PatternExpr
}

func (p *PatternElem) Position() Pos    { return p.Pos }
func (p *PatternAbsent) Position() Pos  { return p.Pos }
func (p *PatternChain) Position() Pos   { return p.Pos }
func (p *PatternLogical) Position() Pos { return p.Pos }
func (p *PatternEvery) Position() Pos   { return p.Pos }
func (*PatternElem) pattern()           {}
func (*PatternAbsent) pattern()         {}
func (*PatternChain) pattern()          {}
func (*PatternLogical) pattern()        {}
func (*PatternEvery) pattern()          {}

// Partition is PARTITION WITH (keys) BEGIN queries END.
type Partition struct {
	Pos     Pos
	Keys    []PartitionKey
	Queries []Stmt // normally *Query; anything else is E602 in the checker
}

// PartitionKey is `attr OF Stream` (value) or `expr AS 'label' OR … OF Stream` (range).
type PartitionKey struct {
	Pos    Pos
	Attr   Expr // value partition
	Ranges []RangeCase
	Stream Ident
}

type RangeCase struct {
	Cond  Expr
	Label string
}

// Assign is one SET target = expr of UPDATE.
type Assign struct {
	Qualifier *Ident
	Column    Ident
	Value     Expr
}

type Update struct {
	Pos   Pos
	Table Ident
	Alias *Ident
	Sets  []Assign
	From  *StreamSource // nil when missing (E220)
	Where Expr
}

type Delete struct {
	Pos   Pos
	Table Ident
	Alias *Ident
	Using *StreamSource // nil when missing (E220)
	Where Expr
}

type Upsert struct {
	Pos    Pos
	Table  Ident
	Select *Select // From is the source stream; Where optional
	On     Expr
}

// CreateAggregation is CREATE AGGREGATION name AS SELECT … AGGREGATE [BY ts] EVERY units.
type CreateAggregation struct {
	Pos    Pos
	Name   Ident
	Select *Select
	By     *Ident
	Every  []Ident
}

func (s *CreateStream) Position() Pos      { return s.Pos }
func (s *CreateTable) Position() Pos       { return s.Pos }
func (s *CreateTrigger) Position() Pos     { return s.Pos }
func (s *Query) Position() Pos             { return s.Pos }
func (s *Partition) Position() Pos         { return s.Pos }
func (s *Update) Position() Pos            { return s.Pos }
func (s *Delete) Position() Pos            { return s.Pos }
func (s *Upsert) Position() Pos            { return s.Pos }
func (s *CreateAggregation) Position() Pos { return s.Pos }
func (*CreateStream) stmt()                {}
func (*CreateTable) stmt()                 {}
func (*CreateTrigger) stmt()               {}
func (*Query) stmt()                       {}
func (*Partition) stmt()                   {}
func (*Update) stmt()                      {}
func (*Delete) stmt()                      {}
func (*Upsert) stmt()                      {}
func (*CreateAggregation) stmt()           {}
