package check_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/compiler/check"
	"github.com/eventflux/eventflux-go/compiler/diag"
	"github.com/eventflux/eventflux-go/compiler/syntax"
	"github.com/eventflux/eventflux-go/internal/datadriven"
	"github.com/eventflux/eventflux-go/plan"
)

// TestCheck runs testdata/*.txt. Command "check" parses and checks the app
// (no optimizer) and prints the checked plan: every relation with its
// column types, then each query's operators from the Insert down to the
// Scan with fully typed expressions, so every implicit conversion the
// checker inserted is visible; or the error as line:col: error[Ecode]: msg
// with the caret under the offending token and the hint.
// Rewrite with: go test ./compiler/check -rewrite
//
// Expression notation: a column is name#index:TYPE, an aggregate slot
// agg#i:TYPE, NULL is NULL:TYPE; arithmetic, negation, CASE and calls end
// in :TYPE; an implicit conversion is TYPE(x), an explicit one CAST(x AS T).
// Comparisons and logical operators are BOOL and carry no suffix.
func TestCheck(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			datadriven.Run(t, f, func(t *testing.T, c *datadriven.Case) string {
				if c.Cmd != "check" {
					t.Fatalf("%s: unknown command %q", c.Pos, c.Cmd)
				}
				ast, err := syntax.Parse("", c.Input)
				if err != nil {
					return "parse error: " + short(err)
				}
				p, err := check.Check(ast)
				if err != nil {
					var d *diag.Error
					if !errors.As(err, &d) {
						t.Errorf("%s: error is %T, want *diag.Error: %v", c.Pos, err, err)
						return "error: " + err.Error()
					}
					if !d.Pos.IsValid() && d.Code != "E101" {
						t.Errorf("%s: checker error without a position: %v", c.Pos, err)
					}
					d.Src = c.Input
					return "error: " + d.Error()
				}
				return formatApp(p)
			})
		})
	}
}

func short(err error) string {
	var d *diag.Error
	if errors.As(err, &d) {
		return d.Short()
	}
	return err.Error()
}

func formatApp(a *plan.App) string {
	var b strings.Builder
	for _, r := range a.Relations {
		b.WriteString(formatRelation(r) + "\n")
	}
	for _, q := range a.Queries {
		fmt.Fprintf(&b, "query %d (line %d)\n", q.Index, q.Pos.Line)
		formatNode(&b, q.Root, 1)
	}
	return b.String()
}

func formatRelation(r *plan.Relation) string {
	s := r.Kind.String() + " " + r.Name + " " + columns(r.Columns)
	if len(r.PrimaryKey) > 0 {
		var k []string
		for _, i := range r.PrimaryKey {
			k = append(k, r.Columns[i].Name)
		}
		s += " primary-key=(" + strings.Join(k, ", ") + ")"
	}
	if t := r.Trigger; t != nil {
		switch {
		case t.AtStart:
			s += " at=start"
		case t.Every > 0:
			s += fmt.Sprintf(" at=every %dms", t.Every)
		default:
			s += " at=cron '" + t.Cron + "'"
		}
	}
	for _, o := range r.With {
		s += fmt.Sprintf(" with %s=%q", o.Key, o.Value)
	}
	if r.Inferred {
		s += " inferred"
	}
	if r.Written {
		s += " written"
	}
	return s
}

func columns(cols []plan.Column) string {
	s := make([]string, len(cols))
	for i, c := range cols {
		s[i] = c.Name + " " + c.Type.String()
	}
	return "(" + strings.Join(s, ", ") + ")"
}

// formatNode prints a chain of single-input operators at one indentation
// (that is every query today); a node with several inputs indents them.
func formatNode(b *strings.Builder, n plan.Node, depth int) {
	ind := strings.Repeat("  ", depth)
	attr := func(format string, args ...any) {
		b.WriteString(ind + "  " + fmt.Sprintf(format, args...) + "\n")
	}
	switch n := n.(type) {
	case *plan.Insert:
		b.WriteString(ind + "Insert " + n.Target.Name + " " + columns(n.Target.Columns) + "\n")
	case *plan.RateLimit:
		s := ind + "RateLimit " + n.Mode.String()
		if n.Events > 0 {
			s += fmt.Sprintf(" every %d events", n.Events)
		} else {
			s += fmt.Sprintf(" every %dms", n.Millis)
		}
		b.WriteString(s + "\n")
	case *plan.Selector:
		s := ind + "Selector"
		if n.Events != plan.CurrentEvents {
			s += " events=" + n.Events.String()
		}
		if n.Aggregating() {
			s += " aggregating"
		}
		b.WriteString(s + "\n")
		for _, it := range n.Items {
			attr("item %s %s = %s", it.Name, it.Expr.Type(), expr(it.Expr))
		}
		for i, a := range n.Aggs {
			arg := ""
			if a.Arg != nil {
				arg = expr(a.Arg)
			}
			attr("agg#%d %s = %s(%s)", i, a.T, a.Func, arg)
		}
		for _, g := range n.GroupBy {
			attr("group %s", expr(g))
		}
		if n.Having != nil {
			attr("having %s", expr(n.Having))
		}
		for _, o := range n.OrderBy {
			attr("order %s", sortKey(o))
		}
		if n.Limit >= 0 || n.Offset > 0 {
			attr("limit %d offset %d", n.Limit, n.Offset)
		}
	case *plan.Filter:
		b.WriteString(ind + "Filter " + expr(n.Cond) + "\n")
	case *plan.Window:
		// FormatWindow prints every parameter of the typed spec; the
		// referenced columns are printed with their types.
		s := ind + "Window " + plan.FormatWindow(n.Spec)
		var refs []string
		for _, r := range n.Spec.Refs() {
			refs = append(refs, expr(r))
		}
		if len(refs) > 0 {
			s += " refs=[" + strings.Join(refs, ", ") + "]"
		}
		if n.Spec.Kind().Timed() {
			s += " timed"
		}
		b.WriteString(s + "\n")
	case *plan.Scan:
		s := ind + "Scan " + n.Bind.Rel.Name
		if n.Bind.Name != n.Bind.Rel.Name {
			s += " AS " + n.Bind.Name
		}
		b.WriteString(s + " " + columns(n.Bind.Rel.Columns) + "\n")
	default:
		b.WriteString(ind + plan.NodeLabel(n) + "\n")
	}
	ins := n.Inputs()
	next := depth
	if len(ins) > 1 {
		next++
	}
	for _, in := range ins {
		formatNode(b, in, next)
	}
}

func sortKey(k plan.SortKey) string {
	if k.Desc {
		return expr(k.Expr) + " DESC"
	}
	return expr(k.Expr)
}

func expr(e plan.Expr) string {
	switch e := e.(type) {
	case nil:
		return "<nil>"
	case *plan.Const:
		if e.Null {
			return "NULL:" + e.T.String()
		}
		return plan.FormatConst(e)
	case *plan.ColRef:
		return fmt.Sprintf("%s.%s#%d:%s", e.Bind.Name, e.Name, e.Col, e.T)
	case *plan.AggRef:
		return fmt.Sprintf("agg#%d:%s", e.Index, e.T)
	case *plan.Unary:
		if e.Op == plan.Not {
			return "NOT " + expr(e.X)
		}
		return "(-" + expr(e.X) + "):" + e.T.String()
	case *plan.Binary:
		s := "(" + expr(e.L) + " " + e.Op.String() + " " + expr(e.R) + ")"
		if e.Op.IsComparison() || e.Op == plan.And || e.Op == plan.Or {
			if e.T != plan.Bool {
				s += ":" + e.T.String() // never expected: shows a mistyped predicate
			}
			return s
		}
		return s + ":" + e.T.String()
	case *plan.IsNull:
		if e.Not {
			return expr(e.X) + " IS NOT NULL"
		}
		return expr(e.X) + " IS NULL"
	case *plan.In:
		list := make([]string, len(e.List))
		for i, x := range e.List {
			list[i] = expr(x)
		}
		not := ""
		if e.Not {
			not = " NOT"
		}
		return expr(e.X) + not + " IN (" + strings.Join(list, ", ") + ")"
	case *plan.Case:
		s := "CASE"
		for _, w := range e.Whens {
			s += " WHEN " + expr(w.Cond) + " THEN " + expr(w.Result)
		}
		if e.Else != nil {
			s += " ELSE " + expr(e.Else)
		}
		return s + " END:" + e.T.String()
	case *plan.Cast:
		if e.Implicit {
			return e.T.String() + "(" + expr(e.X) + ")"
		}
		return "CAST(" + expr(e.X) + " AS " + e.T.String() + ")"
	case *plan.Call:
		args := make([]string, len(e.Args))
		for i, x := range e.Args {
			args[i] = expr(x)
		}
		return e.Func.String() + "(" + strings.Join(args, ", ") + "):" + e.T.String()
	}
	return fmt.Sprintf("%T", e)
}
