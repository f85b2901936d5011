package check

import (
	"fmt"

	"github.com/eventflux/eventflux-go/compiler/ast"
	"github.com/eventflux/eventflux-go/compiler/diag"
	"github.com/eventflux/eventflux-go/plan"
)

// query checks INSERT INTO … SELECT (or a bare SELECT) over one stream and
// builds Insert ← [RateLimit] ← Selector ← [Filter] ← [Window] ← Scan.
func (c *checker) query(q *ast.Query) *diag.Error {
	sel := q.Select
	var src *ast.StreamSource
	switch from := sel.From.(type) {
	case *ast.StreamSource:
		src = from
	case *ast.JoinSource:
		return notImplemented(from.Pos, "JOIN")
	case *ast.PatternSource:
		what := "PATTERN"
		if from.Sequence {
			what = "SEQUENCE"
		}
		return notImplemented(from.Pos, what)
	default:
		return diag.Errorf(sel.Pos, "E100", "SQL parse error: missing FROM")
	}
	rel, err := c.readable(src.Name)
	if err != nil {
		return err
	}
	if rel.Kind == plan.TableRel {
		return notImplemented(src.Name.Pos, "reading table '"+rel.Name+"' in FROM (change feed)")
	}
	if src.Unidirectional {
		return notImplemented(src.Name.Pos, "UNIDIRECTIONAL")
	}
	bind := &plan.Binding{Name: rel.Name, Rel: rel}
	names := []string{rel.Name}
	if src.Alias != nil {
		bind.Name = src.Alias.Name
		names = append(names, src.Alias.Name)
	}
	sc := &scope{binds: []*scopeBinding{{Binding: bind, names: names}}}
	var node plan.Node = &plan.Scan{Bind: bind}
	if src.Window != nil {
		spec, err := checkWindow(src.Window, bind)
		if err != nil {
			return err
		}
		node = &plan.Window{Input: node, Spec: spec}
	}
	if sel.Where != nil {
		b := &binder{scope: sc, clause: "WHERE"}
		cond, err := b.expr(sel.Where)
		if err != nil {
			return err
		}
		if err := wantBool(cond, sel.Where, "WHERE"); err != nil {
			return err
		}
		node = &plan.Filter{Input: node, Cond: convert(cond, plan.Bool)}
	}
	s, err := c.selector(sel, sc, node)
	if err != nil {
		return err
	}
	s.Events = eventKinds[q.Events]
	node = s
	if sel.Output != nil {
		node = rateLimit(sel.Output, node)
	}
	ins, err := c.insert(q, node, s)
	if err != nil {
		return err
	}
	c.app.Queries = append(c.app.Queries, &plan.Query{Index: len(c.app.Queries), Pos: pos(q.Pos), Root: ins,
		Bindings: []*plan.Binding{bind}})
	return nil
}

// readable finds a relation a statement reads: it must be defined earlier (§1.2).
func (c *checker) readable(name ast.Ident) (*plan.Relation, *diag.Error) {
	rel, ok := c.defined[name.Name]
	if !ok {
		err := diag.Errorf(name.Pos, "E201", "Schema not found for relation (stream or table): %s", name.Name)
		if _, later := c.declared[name.Name]; later {
			err.WithHint("%s is defined further down; define a stream before the statements that read it", name.Name)
		} else {
			var cands []string
			for _, r := range c.app.Relations {
				cands = append(cands, r.Name)
			}
			if best, ok := diag.Closest(name.Name, cands); ok {
				err.WithHint("did you mean '%s'?", best)
			}
		}
		return nil, err
	}
	return rel, nil
}

func wantBool(e plan.Expr, at ast.Expr, clause string) *diag.Error {
	if t := e.Type(); t != plan.Bool && t != plan.Object {
		return diag.Errorf(at.Position(), "E310", "%s clause must return BOOL type, found %s", clause, t).
			WithHint("compare the value, e.g. %s > 0", clause)
	}
	return nil
}

func (c *checker) selector(sel *ast.Select, sc *scope, input plan.Node) (*plan.Selector, *diag.Error) {
	s := &plan.Selector{Input: input, Limit: -1}
	b := &binder{scope: sc, aggs: &s.Aggs, clause: "SELECT"}
	names := map[string]diag.Pos{}
	addItem := func(name string, p diag.Pos, e plan.Expr) *diag.Error {
		if prev, dup := names[name]; dup {
			return diag.Errorf(p, "E230", "Duplicate output column '%s'", name).
				WithHint("the first '%s' is at %s; give one of them an alias with AS", name, prev)
		}
		names[name] = p
		s.Items = append(s.Items, plan.NamedExpr{Name: name, Expr: e})
		return nil
	}
	for _, it := range sel.Items {
		if it.Star {
			binds := sc.binds
			if it.Qualifier != nil {
				sb := sc.qualified(it.Qualifier.Name)
				if sb == nil {
					return nil, diag.Errorf(it.Qualifier.Pos, "E201", "Unknown stream: %s", it.Qualifier.Name)
				}
				binds = []*scopeBinding{sb}
			}
			for _, sb := range binds {
				for i, col := range sb.Rel.Columns {
					if err := addItem(col.Name, it.Pos, sb.Ref(i)); err != nil {
						return nil, err
					}
				}
			}
			continue
		}
		e, err := b.expr(it.Expr)
		if err != nil {
			return nil, err
		}
		name := fmt.Sprintf("expr_%d", len(s.Items))
		p := it.Expr.Position()
		if it.Alias != nil {
			name, p = it.Alias.Name, it.Alias.Pos
		} else if ref, ok := unparen(it.Expr).(*ast.ColumnRef); ok {
			name = ref.Name.Name
		}
		if err := addItem(name, p, e); err != nil {
			return nil, err
		}
	}
	gb := &binder{scope: sc, clause: "GROUP BY"}
	for _, g := range sel.GroupBy {
		e, err := gb.expr(g)
		if err != nil {
			return nil, err
		}
		s.GroupBy = append(s.GroupBy, e)
	}
	aliases := map[string]plan.Expr{}
	for _, it := range s.Items {
		aliases[it.Name] = it.Expr
	}
	ab := &binder{scope: sc.withAliases(aliases), aggs: &s.Aggs, clause: "HAVING"}
	if sel.Having != nil {
		h, err := ab.expr(sel.Having)
		if err != nil {
			return nil, err
		}
		if err := wantBool(h, sel.Having, "HAVING"); err != nil {
			return nil, err
		}
		s.Having = convert(h, plan.Bool)
	}
	ab.clause = "ORDER BY"
	for _, o := range sel.OrderBy {
		e, err := ab.expr(o.Expr)
		if err != nil {
			return nil, err
		}
		s.OrderBy = append(s.OrderBy, plan.SortKey{Expr: e, Desc: o.Desc})
	}
	if sel.Limit != nil {
		s.Limit = sel.Limit.Value
	}
	if sel.Offset != nil {
		s.Offset = sel.Offset.Value
	}
	return s, nil
}

func unparen(e ast.Expr) ast.Expr {
	for {
		p, ok := e.(*ast.Paren)
		if !ok {
			return e
		}
		e = p.X
	}
}

// The ast's enums map to the plan's by name, never by ordinal.
var (
	rateModes = map[ast.RateMode]plan.RateMode{ast.RateAll: plan.RateAll, ast.RateFirst: plan.RateFirst,
		ast.RateLast: plan.RateLast, ast.RateSnapshot: plan.RateSnapshot}
	eventKinds = map[ast.EventKind]plan.EventKind{ast.CurrentEvents: plan.CurrentEvents,
		ast.ExpiredEvents: plan.ExpiredEvents, ast.AllEvents: plan.AllEvents}
)

func rateLimit(o *ast.OutputRate, input plan.Node) *plan.RateLimit {
	r := &plan.RateLimit{Input: input, Mode: rateModes[o.Mode]}
	if o.Events > 0 {
		r.Events = o.Events
	} else {
		r.Millis = o.Every.Millis
	}
	return r
}

// insert resolves the target (§1.5): a declared stream gets the select list
// converted by position; an unknown name becomes a new stream.
func (c *checker) insert(q *ast.Query, input plan.Node, s *plan.Selector) (*plan.Insert, *diag.Error) {
	name := ast.Ident{Name: "OutputStream", Pos: q.Pos}
	if q.Target != nil {
		name = *q.Target
	}
	produced := input.Schema()
	target, ok := c.defined[name.Name]
	if !ok {
		if decl, later := c.declared[name.Name]; later {
			// Defined further down: take its declared schema now.
			var err *diag.Error
			switch d := decl.(type) {
			case *ast.CreateStream:
				var cols []plan.Column
				if cols, err = columns(d.Name.Name, d.Columns); err != nil {
					return nil, err
				}
				target = &plan.Relation{Name: name.Name, Kind: plan.StreamRel, Columns: cols, Inferred: true, Pos: pos(d.Pos)}
			case *ast.CreateTable:
				return nil, notImplemented(name.Pos, "INSERT INTO table '"+name.Name+"'")
			}
			if err := c.convertInto(target, s, name); err != nil {
				return nil, err
			}
		} else {
			cols := make([]plan.Column, len(produced))
			for i, col := range produced {
				t := col.Type
				if t == plan.Object {
					t = plan.String // a bare NULL column: no better type is known
					s.Items[i].Expr = nullOf(t)
				}
				cols[i] = plan.Column{Name: col.Name, Type: t}
			}
			target = &plan.Relation{Name: name.Name, Kind: plan.StreamRel, Columns: cols, Inferred: true, Pos: pos(q.Pos)}
		}
		c.defined[name.Name] = target
		c.app.Relations = append(c.app.Relations, target)
	} else {
		switch target.Kind {
		case plan.TableRel:
			return nil, notImplemented(name.Pos, "INSERT INTO table '"+name.Name+"'")
		case plan.TriggerRel:
			return nil, diag.Errorf(name.Pos, "E224", "Cannot insert into trigger '%s'", name.Name)
		}
		if err := c.convertInto(target, s, name); err != nil {
			return nil, err
		}
	}
	target.Written = true
	return &plan.Insert{Input: input, Target: target}, nil
}

// convertInto checks arity and types against a declared target (E215, E216)
// and converts each select item to its column type (§2.3 assignment).
func (c *checker) convertInto(target *plan.Relation, s *plan.Selector, at ast.Ident) *diag.Error {
	if len(s.Items) != len(target.Columns) {
		return diag.Errorf(at.Pos, "E215", "Schema mismatch: query produces %d columns, stream '%s' has %d",
			len(s.Items), target.Name, len(target.Columns))
	}
	for i, col := range target.Columns {
		t := s.Items[i].Expr.Type()
		ok := t == col.Type || t == plan.Object || (t.IsNumeric() && col.Type.IsNumeric())
		if !ok {
			return diag.Errorf(at.Pos, "E216", "Schema mismatch: column %d of '%s' is %s, query produces %s",
				i+1, target.Name, col.Type, t).WithHint("column %d is '%s'; CAST the value or change the stream definition", i+1, s.Items[i].Name)
		}
		s.Items[i].Expr = convert(s.Items[i].Expr, col.Type)
	}
	return nil
}
