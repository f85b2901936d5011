package syntax

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/eventflux/eventflux-go/compiler/ast"
)

// Print renders an app as an indented S-expression with the line:col of
// every node, one statement after another. It is deterministic and is the
// expected output of the parser's text tests.
func Print(app *ast.App) string {
	var w printer
	for _, s := range app.Stmts {
		w.stmt(s, 0)
	}
	if len(w.lines) == 0 {
		return ""
	}
	return strings.Join(w.lines, "\n") + "\n"
}

type printer struct{ lines []string }

func (w *printer) line(depth int, format string, args ...any) {
	w.lines = append(w.lines, strings.Repeat("  ", depth)+fmt.Sprintf(format, args...))
}

func at(p ast.Pos) string { return "@" + p.String() }

func id(i ast.Ident) string { return fmt.Sprintf("%s%s", quoteName(i.Name), at(i.Pos)) }

// quoteName shows names that are not plain words in double quotes.
func quoteName(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(isLetter(c) || (i > 0 && isDigit(c))) {
			return strconv.Quote(s)
		}
	}
	if s == "" {
		return `""`
	}
	return s
}

func (w *printer) stmt(s ast.Stmt, d int) {
	switch s := s.(type) {
	case *ast.CreateStream:
		w.line(d, "(create-stream%s %s", at(s.Pos), id(s.Name))
		w.columns(s.Columns, d+1)
		w.options(s.With, d+1)
	case *ast.CreateTable:
		w.line(d, "(create-table%s %s", at(s.Pos), id(s.Name))
		w.columns(s.Columns, d+1)
		if len(s.PrimaryKey) > 0 {
			names := make([]string, len(s.PrimaryKey))
			for i, k := range s.PrimaryKey {
				names[i] = id(k)
			}
			w.line(d+1, "(primary-key%s %s)", at(s.PKPos), strings.Join(names, " "))
		}
		w.options(s.With, d+1)
	case *ast.CreateTrigger:
		switch s.Kind {
		case ast.TriggerStart:
			w.line(d, "(create-trigger%s %s start", at(s.Pos), id(s.Name))
		case ast.TriggerEvery:
			w.line(d, "(create-trigger%s %s every %s", at(s.Pos), id(s.Name), dur(s.Every))
		case ast.TriggerCron:
			w.line(d, "(create-trigger%s %s cron %q%s", at(s.Pos), id(s.Name), s.Cron, at(s.CronPos))
		}
	case *ast.Query:
		head := fmt.Sprintf("(query%s", at(s.Pos))
		if s.Target != nil {
			head += " into " + id(*s.Target)
		}
		head += " " + [...]string{"current", "expired", "all"}[s.Events] + "-events"
		w.line(d, "%s", head)
		w.selectStmt(s.Select, d+1)
	case *ast.Partition:
		w.line(d, "(partition%s", at(s.Pos))
		for _, k := range s.Keys {
			w.partitionKey(k, d+1)
		}
		for _, q := range s.Queries {
			w.stmt(q, d+1)
		}
	case *ast.Update:
		w.line(d, "(update%s %s%s", at(s.Pos), id(s.Table), alias(s.Alias))
		for _, a := range s.Sets {
			target := id(a.Column)
			if a.Qualifier != nil {
				target = id(*a.Qualifier) + "." + target
			}
			w.line(d+1, "(set %s %s)", target, expr(a.Value))
		}
		if s.From != nil {
			w.line(d+1, "(from %s)", streamSource(s.From))
		}
		w.optExpr("where", s.Where, d+1)
	case *ast.Delete:
		w.line(d, "(delete%s %s%s", at(s.Pos), id(s.Table), alias(s.Alias))
		if s.Using != nil {
			w.line(d+1, "(using %s)", streamSource(s.Using))
		}
		w.optExpr("where", s.Where, d+1)
	case *ast.Upsert:
		w.line(d, "(upsert%s %s", at(s.Pos), id(s.Table))
		w.selectStmt(s.Select, d+1)
		w.optExpr("on", s.On, d+1)
	case *ast.CreateAggregation:
		w.line(d, "(create-aggregation%s %s", at(s.Pos), id(s.Name))
		w.selectStmt(s.Select, d+1)
		if s.By != nil {
			w.line(d+1, "(by %s)", id(*s.By))
		}
		units := make([]string, len(s.Every))
		for i, u := range s.Every {
			units[i] = id(u)
		}
		w.line(d+1, "(every %s)", strings.Join(units, " "))
	default:
		w.line(d, "(unknown-statement %T", s)
	}
	w.close()
}

// close ends the node opened last by appending ")" to the last line.
func (w *printer) close() { w.lines[len(w.lines)-1] += ")" }

func (w *printer) columns(cols []ast.ColumnDef, d int) {
	for _, c := range cols {
		pk := ""
		if c.PrimaryKey {
			pk = " primary-key"
		}
		w.line(d, "(column %s %s%s%s)", id(c.Name), c.Type.Name, at(c.Type.Pos), pk)
	}
}

func (w *printer) options(opts []ast.Option, d int) {
	for _, o := range opts {
		w.line(d, "(with %q%s %q%s)", o.Key, at(o.KeyPos), o.Value, at(o.ValuePos))
	}
}

func (w *printer) partitionKey(k ast.PartitionKey, d int) {
	if k.Attr != nil {
		w.line(d, "(key%s %s of %s)", at(k.Pos), expr(k.Attr), id(k.Stream))
		return
	}
	w.line(d, "(range-key%s of %s", at(k.Pos), id(k.Stream))
	for _, r := range k.Ranges {
		w.line(d+1, "(case %q %s)", r.Label, expr(r.Cond))
	}
	w.close()
}

func (w *printer) optExpr(label string, e ast.Expr, d int) {
	if e != nil {
		w.line(d, "(%s %s)", label, expr(e))
	}
}

func (w *printer) selectStmt(s *ast.Select, d int) {
	w.line(d, "(select%s", at(s.Pos))
	for _, it := range s.Items {
		switch {
		case it.Star && it.Qualifier != nil:
			w.line(d+1, "(item%s %s.*)", at(it.Pos), id(*it.Qualifier))
		case it.Star:
			w.line(d+1, "(item%s *)", at(it.Pos))
		default:
			w.line(d+1, "(item%s %s%s)", at(it.Pos), expr(it.Expr), alias(it.Alias))
		}
	}
	if s.From != nil {
		w.source(s.From, d+1)
	}
	w.optExpr("where", s.Where, d+1)
	if len(s.GroupBy) > 0 {
		parts := make([]string, len(s.GroupBy))
		for i, g := range s.GroupBy {
			parts[i] = expr(g)
		}
		w.line(d+1, "(group-by %s)", strings.Join(parts, " "))
	}
	w.optExpr("having", s.Having, d+1)
	for _, o := range s.OrderBy {
		dir := "asc"
		if o.Desc {
			dir = "desc"
		}
		w.line(d+1, "(order-by %s %s)", expr(o.Expr), dir)
	}
	if s.Limit != nil {
		w.line(d+1, "(limit %d%s)", s.Limit.Value, at(s.Limit.Pos))
	}
	if s.Offset != nil {
		w.line(d+1, "(offset %d%s)", s.Offset.Value, at(s.Offset.Pos))
	}
	if o := s.Output; o != nil {
		mode := [...]string{"all", "first", "last", "snapshot"}[o.Mode]
		if o.Events > 0 {
			w.line(d+1, "(output%s %s every %d events%s)", at(o.Pos), mode, o.Events, at(o.ValuePos))
		} else {
			w.line(d+1, "(output%s %s every %s)", at(o.Pos), mode, dur(o.Every))
		}
	}
	w.close()
}

func (w *printer) source(s ast.Source, d int) {
	switch s := s.(type) {
	case *ast.StreamSource:
		w.line(d, "(from %s)", streamSource(s))
	case *ast.JoinSource:
		kind := [...]string{"inner", "left", "right", "full", "cross"}[s.Kind]
		w.line(d, "(from (join%s %s", at(s.Pos), kind)
		w.line(d+2, "%s", streamSource(s.Left))
		w.line(d+2, "%s", streamSource(s.Right))
		if s.On != nil {
			w.line(d+2, "(on %s)", expr(s.On))
		}
		w.close()
		w.close()
	case *ast.PatternSource:
		kind := "pattern"
		if s.Sequence {
			kind = "sequence"
		}
		head := fmt.Sprintf("(from (%s%s", kind, at(s.Pos))
		if s.Within != nil {
			head += " within " + dur(*s.Within)
		}
		if s.WithinEvents > 0 {
			head += fmt.Sprintf(" within %d events", s.WithinEvents)
		}
		w.line(d, "%s", head)
		w.pattern(s.Pattern, d+2)
		w.close()
		w.close()
	}
}

func streamSource(s *ast.StreamSource) string {
	out := "(stream " + id(s.Name) + alias(s.Alias)
	if s.Window != nil {
		out += fmt.Sprintf(" (window%s %q%s", at(s.Window.Pos), s.Window.Type, at(s.Window.TypePos))
		for _, a := range s.Window.Args {
			out += " " + expr(a)
		}
		out += ")"
	}
	if s.Unidirectional {
		out += " unidirectional"
	}
	return out + ")"
}

func (w *printer) pattern(p ast.PatternExpr, d int) {
	switch p := p.(type) {
	case *ast.PatternElem:
		out := "(elem" + at(p.Pos)
		if p.Alias != nil {
			out += " " + id(*p.Alias) + " ="
		}
		out += " " + id(p.Stream)
		if p.Filter != nil {
			out += " [" + expr(p.Filter) + "]"
		}
		if p.Count != nil {
			out += " " + count(p.Count)
		}
		w.line(d, "%s)", out)
	case *ast.PatternAbsent:
		out := "(not" + at(p.Pos) + " " + id(p.Stream)
		if p.Filter != nil {
			out += " [" + expr(p.Filter) + "]"
		}
		if p.For.Pos.IsValid() {
			out += " for " + dur(p.For)
		}
		w.line(d, "%s)", out)
	case *ast.PatternChain:
		w.line(d, "(->%s", at(p.Pos))
		for _, it := range p.Items {
			w.pattern(it, d+1)
		}
		w.close()
	case *ast.PatternLogical:
		op := "and"
		if p.Or {
			op = "or"
		}
		w.line(d, "(%s%s", op, at(p.Pos))
		for _, it := range p.Items {
			w.pattern(it, d+1)
		}
		w.close()
	case *ast.PatternEvery:
		w.line(d, "(every%s", at(p.Pos))
		w.pattern(p.Inner, d+1)
		w.close()
	}
}

func count(c *ast.Count) string {
	max := "unbounded"
	if c.Max >= 0 {
		max = strconv.Itoa(c.Max)
	}
	return fmt.Sprintf("(count%s %d %s)", at(c.Pos), c.Min, max)
}

func dur(d ast.Duration) string { return fmt.Sprintf("%dms%s", d.Millis, at(d.Pos)) }

func alias(a *ast.Ident) string {
	if a == nil {
		return ""
	}
	return " as " + id(*a)
}

// expr renders an expression on one line.
func expr(e ast.Expr) string {
	var b strings.Builder
	writeExpr(&b, e)
	return b.String()
}

func writeExpr(b *strings.Builder, e ast.Expr) {
	switch e := e.(type) {
	case *ast.Literal:
		switch e.Kind {
		case ast.LitInt:
			fmt.Fprintf(b, "(int %d%s)", e.Int, at(e.Pos))
		case ast.LitDecimal:
			f := strconv.FormatFloat(e.Float, 'f', -1, 64)
			if !strings.ContainsAny(f, ".NI") {
				f += ".0"
			}
			fmt.Fprintf(b, "(double %s%s)", f, at(e.Pos))
		case ast.LitString:
			fmt.Fprintf(b, "(string %q%s)", e.Str, at(e.Pos))
		case ast.LitBool:
			fmt.Fprintf(b, "(bool %t%s)", e.Bool, at(e.Pos))
		case ast.LitNull:
			fmt.Fprintf(b, "(null%s)", at(e.Pos))
		case ast.LitDuration:
			fmt.Fprintf(b, "(duration %dms %q%s)", e.Int, e.Text, at(e.Pos))
		}
	case *ast.ColumnRef:
		b.WriteString("(col ")
		if e.Qualifier != nil {
			b.WriteString(id(*e.Qualifier))
			if e.Index != nil {
				if e.Index.Last {
					fmt.Fprintf(b, "[last%s]", at(e.Index.Pos))
				} else {
					fmt.Fprintf(b, "[%d%s]", e.Index.N, at(e.Index.Pos))
				}
			}
			b.WriteByte('.')
		}
		b.WriteString(id(e.Name))
		b.WriteByte(')')
	case *ast.Unary:
		fmt.Fprintf(b, "(%s%s ", e.Op, at(e.Pos))
		writeExpr(b, e.X)
		b.WriteByte(')')
	case *ast.Binary:
		fmt.Fprintf(b, "(%s%s ", e.Op, at(e.Pos))
		writeExpr(b, e.L)
		b.WriteByte(' ')
		writeExpr(b, e.R)
		b.WriteByte(')')
	case *ast.IsNull:
		op := "is-null"
		if e.Not {
			op = "is-not-null"
		}
		fmt.Fprintf(b, "(%s%s ", op, at(e.Pos))
		writeExpr(b, e.X)
		b.WriteByte(')')
	case *ast.In:
		op := "in"
		if e.Not {
			op = "not-in"
		}
		fmt.Fprintf(b, "(%s%s ", op, at(e.Pos))
		writeExpr(b, e.X)
		if e.Table != nil {
			b.WriteString(" table " + id(*e.Table))
		}
		for _, x := range e.List {
			b.WriteByte(' ')
			writeExpr(b, x)
		}
		b.WriteByte(')')
	case *ast.Between:
		op := "between"
		if e.Not {
			op = "not-between"
		}
		fmt.Fprintf(b, "(%s%s ", op, at(e.Pos))
		writeExpr(b, e.X)
		b.WriteByte(' ')
		writeExpr(b, e.Lo)
		b.WriteByte(' ')
		writeExpr(b, e.Hi)
		b.WriteByte(')')
	case *ast.Like:
		op := "like"
		if e.Not {
			op = "not-like"
		}
		fmt.Fprintf(b, "(%s%s ", op, at(e.Pos))
		writeExpr(b, e.X)
		b.WriteByte(' ')
		writeExpr(b, e.Pattern)
		b.WriteByte(')')
	case *ast.Call:
		fmt.Fprintf(b, "(call %s", id(e.Name))
		if e.Star {
			b.WriteString(" *")
		}
		for _, a := range e.Args {
			b.WriteByte(' ')
			writeExpr(b, a)
		}
		b.WriteByte(')')
	case *ast.Case:
		fmt.Fprintf(b, "(case%s", at(e.Pos))
		if e.Operand != nil {
			b.WriteByte(' ')
			writeExpr(b, e.Operand)
		}
		for _, wh := range e.Whens {
			b.WriteString(" (when ")
			writeExpr(b, wh.Cond)
			b.WriteByte(' ')
			writeExpr(b, wh.Result)
			b.WriteByte(')')
		}
		if e.Else != nil {
			b.WriteString(" (else ")
			writeExpr(b, e.Else)
			b.WriteByte(')')
		}
		b.WriteByte(')')
	case *ast.Cast:
		fmt.Fprintf(b, "(cast%s ", at(e.Pos))
		writeExpr(b, e.X)
		fmt.Fprintf(b, " %s%s)", e.Type.Name, at(e.Type.Pos))
	case *ast.Paren:
		fmt.Fprintf(b, "(paren%s ", at(e.Pos))
		writeExpr(b, e.X)
		b.WriteByte(')')
	default:
		fmt.Fprintf(b, "(unknown %T)", e)
	}
}
