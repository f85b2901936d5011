// Package check resolves names and types of a parsed app (LANGUAGE.md §2,
// §13) and builds its logical plan. Every error is a *diag.Error naming the
// offending token's position.
package check

import (
	"strings"

	"github.com/eventflux/eventflux-go/compiler/ast"
	"github.com/eventflux/eventflux-go/compiler/diag"
	"github.com/eventflux/eventflux-go/plan"
)

// checker holds the relations seen so far, in definition order.
type checker struct {
	app      *plan.App
	defined  map[string]*plan.Relation // defined so far (readable)
	declared map[string]ast.Stmt       // every CREATE in the text, for INSERT targets defined later
}

// Check builds the logical plan of app. The error, if any, is a *diag.Error.
func Check(app *ast.App) (*plan.App, error) {
	c := &checker{app: &plan.App{}, defined: map[string]*plan.Relation{}, declared: map[string]ast.Stmt{}}
	if err := c.run(app); err != nil {
		return nil, err
	}
	return c.app, nil
}

func (c *checker) run(app *ast.App) *diag.Error {
	if len(app.Stmts) == 0 {
		return diag.Errorf(diag.Pos{}, "E101", "Empty SQL application")
	}
	for _, st := range app.Stmts {
		switch s := st.(type) {
		case *ast.CreateStream:
			if _, dup := c.declared[s.Name.Name]; !dup {
				c.declared[s.Name.Name] = s
			}
		case *ast.CreateTable:
			if _, dup := c.declared[s.Name.Name]; !dup {
				c.declared[s.Name.Name] = s
			}
		}
	}
	for _, st := range app.Stmts {
		var err *diag.Error
		switch s := st.(type) {
		case *ast.CreateStream:
			err = c.createStream(s)
		case *ast.CreateTable:
			err = c.createTable(s)
		case *ast.CreateTrigger:
			err = c.createTrigger(s)
		case *ast.Query:
			err = c.query(s)
		case *ast.Partition:
			err = notImplemented(s.Pos, "PARTITION")
		case *ast.Update:
			err = notImplemented(s.Pos, "UPDATE (stream-driven table update)")
		case *ast.Delete:
			err = notImplemented(s.Pos, "DELETE (stream-driven table delete)")
		case *ast.Upsert:
			err = notImplemented(s.Pos, "UPSERT")
		case *ast.CreateAggregation:
			err = notImplemented(s.Pos, "CREATE AGGREGATION")
		default:
			err = diag.Errorf(st.Position(), "E102", "Unsupported statement type")
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (c *checker) define(name ast.Ident, rel *plan.Relation) *diag.Error {
	if prev, dup := c.defined[name.Name]; dup && !prev.Inferred {
		return diag.Errorf(name.Pos, "E111", "Duplicate stream definition: %s", name.Name).
			WithHint("%s is already defined at line %d", name.Name, prev.Pos.Line)
	}
	if prev, ok := c.defined[name.Name]; ok && prev.Inferred {
		// An INSERT INTO created it earlier; the definition fixes its schema,
		// which must match what the earlier query produces.
		if !sameSchema(prev.Columns, rel.Columns) {
			return diag.Errorf(name.Pos, "E216", "Schema mismatch: stream '%s' is defined as %s, but an earlier query writes %s",
				name.Name, schemaText(rel.Columns), schemaText(prev.Columns))
		}
		prev.Inferred = false
		prev.With = rel.With
		return nil
	}
	c.defined[name.Name] = rel
	c.app.Relations = append(c.app.Relations, rel)
	return nil
}

func sameSchema(a, b []plan.Column) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Type != b[i].Type {
			return false
		}
	}
	return true
}

func schemaText(cols []plan.Column) string {
	s := make([]string, len(cols))
	for i, c := range cols {
		s[i] = c.Name + " " + c.Type.String()
	}
	return "(" + strings.Join(s, ", ") + ")"
}

func columns(name string, defs []ast.ColumnDef) ([]plan.Column, *diag.Error) {
	seen := map[string]bool{}
	var cols []plan.Column
	for _, d := range defs {
		if seen[d.Name.Name] {
			return nil, diag.Errorf(d.Name.Pos, "E112", "Duplicate column '%s' in %s", d.Name.Name, name)
		}
		seen[d.Name.Name] = true
		t, err := resolveType(d.Type)
		if err != nil {
			return nil, err
		}
		cols = append(cols, plan.Column{Name: d.Name.Name, Type: t})
	}
	return cols, nil
}

func pos(p diag.Pos) plan.Pos { return plan.Pos{Line: p.Line, Col: p.Col} }

func (c *checker) createStream(s *ast.CreateStream) *diag.Error {
	cols, err := columns(s.Name.Name, s.Columns)
	if err != nil {
		return err
	}
	for _, col := range s.Columns {
		if col.PrimaryKey {
			return diag.Errorf(col.Name.Pos, "E100", "SQL parse error: PRIMARY KEY is only allowed on tables")
		}
	}
	opts, err := streamOptions(s.With)
	if err != nil {
		return err
	}
	return c.define(s.Name, &plan.Relation{Name: s.Name.Name, Kind: plan.StreamRel, Columns: cols, With: opts, Pos: pos(s.Pos)})
}

// streamOptions validates the WITH combinations of §11.1 that are errors at
// compile time (E113).
func streamOptions(with []ast.Option) ([]plan.Option, *diag.Error) {
	var opts []plan.Option
	get := map[string]ast.Option{}
	for _, o := range with {
		opts = append(opts, plan.Option{Key: o.Key, Value: o.Value})
		get[strings.ToLower(o.Key)] = o
	}
	typ, hasType := get["type"]
	if hasType {
		switch strings.ToLower(typ.Value) {
		case "source", "sink":
			if _, ok := get["extension"]; !ok {
				return nil, diag.Errorf(typ.KeyPos, "E113", "Missing required property 'extension'").
					WithHint("a %s stream names its connector, e.g. 'extension' = 'kafka'", strings.ToLower(typ.Value))
			}
		case "internal":
			if f, ok := get["format"]; ok {
				return nil, diag.Errorf(f.KeyPos, "E113", "Stream with type='internal' cannot specify 'format'")
			}
		default:
			return nil, diag.Errorf(typ.ValuePos, "E113", "Invalid stream type '%s', must be 'source', 'sink', or 'internal'", typ.Value)
		}
	} else if ext, ok := get["extension"]; ok {
		return nil, diag.Errorf(ext.KeyPos, "E113", "Missing required property 'type'").
			WithHint("say whether the stream is a 'source' or a 'sink'")
	}
	return opts, nil
}

func (c *checker) createTable(s *ast.CreateTable) *diag.Error {
	cols, err := columns(s.Name.Name, s.Columns)
	if err != nil {
		return err
	}
	rel := &plan.Relation{Name: s.Name.Name, Kind: plan.TableRel, Columns: cols, Pos: pos(s.Pos)}
	for i, col := range s.Columns {
		if col.PrimaryKey {
			if len(rel.PrimaryKey) > 0 || len(s.PrimaryKey) > 0 {
				return diag.Errorf(col.Name.Pos, "E100", "SQL parse error: a table has at most one PRIMARY KEY")
			}
			rel.PrimaryKey = []int{i}
		}
	}
	for _, k := range s.PrimaryKey {
		i := plan.ColumnIndex(cols, k.Name)
		if i < 0 {
			return diag.Errorf(k.Pos, "E202", "Unknown column: %s.%s", s.Name.Name, k.Name)
		}
		rel.PrimaryKey = append(rel.PrimaryKey, i)
	}
	for _, o := range s.With {
		switch strings.ToLower(o.Key) {
		case "type", "format":
			return diag.Errorf(o.KeyPos, "E113", "Table '%s' cannot specify '%s'", s.Name.Name, o.Key).
				WithHint("tables take 'extension' and its options only")
		}
		rel.With = append(rel.With, plan.Option{Key: o.Key, Value: o.Value})
	}
	return c.define(s.Name, rel)
}

func (c *checker) createTrigger(s *ast.CreateTrigger) *diag.Error {
	spec := &plan.TriggerSpec{}
	switch s.Kind {
	case ast.TriggerStart:
		spec.AtStart = true
	case ast.TriggerEvery:
		if s.Every.Millis <= 0 {
			return diag.Errorf(s.Every.Pos, "E114", "Trigger period must be positive")
		}
		spec.Every = s.Every.Millis
	case ast.TriggerCron:
		spec.Cron = s.Cron
		if err := checkCron(s.Cron, s.CronPos); err != nil {
			return err
		}
	}
	rel := &plan.Relation{Name: s.Name.Name, Kind: plan.TriggerRel, Trigger: spec, Pos: pos(s.Pos),
		Columns: []plan.Column{{Name: "triggered_time", Type: plan.BigInt}}}
	return c.define(s.Name, rel)
}
