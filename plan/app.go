package plan

// RelKind tells streams, tables and triggers apart.
type RelKind uint8

const (
	StreamRel RelKind = iota
	TableRel
	TriggerRel
)

func (k RelKind) String() string {
	switch k {
	case TableRel:
		return "TABLE"
	case TriggerRel:
		return "TRIGGER"
	}
	return "STREAM"
}

// Option is one WITH option.
type Option struct {
	Key, Value string
}

// Pos is a source position (1-based line and column).
type Pos struct {
	Line, Col int
}

// TriggerSpec is how a trigger fires (LANGUAGE.md §1.7).
type TriggerSpec struct {
	AtStart bool
	Every   int64  // ms; 0 when not periodic
	Cron    string // Quartz-style expression; "" when not cron
}

// Relation is a stream, table or trigger of the app.
type Relation struct {
	Name       string
	Kind       RelKind
	Columns    []Column
	PrimaryKey []int // column indexes; tables only
	With       []Option
	Trigger    *TriggerSpec
	// Inferred marks a stream created implicitly by INSERT INTO (§1.5 rule 3).
	Inferred bool
	// Written is true when some query writes into the relation.
	Written bool
	Pos     Pos
}

// App is a checked application: relations in definition order and
// continuous queries in statement order.
type App struct {
	Relations []*Relation
	Queries   []*Query
}

// Relation finds a relation by exact name.
func (a *App) Relation(name string) *Relation {
	for _, r := range a.Relations {
		if r.Name == name {
			return r
		}
	}
	return nil
}

// Query is one continuous query: a tree of logical operators rooted at an
// Insert, plus what the optimizer did to it.
type Query struct {
	Index int // 0-based statement order among queries
	Pos   Pos
	Root  *Insert
	// Bindings are the inputs the query reads, by Binding.ID.
	Bindings []*Binding
	// Rules lists the optimizer rules that fired on this query, in order.
	Rules []string
	// Physical is filled in by the optimizer's last pass.
	Physical *PhysicalQuery
}
