package plan

import (
	"fmt"
	"strconv"
	"strings"
)

// FormatExpr renders an expression deterministically. Column references show
// their binding and name (S.price), aggregate slots as agg#i, implicit
// conversions as TYPE(x).
func FormatExpr(e Expr) string {
	var b strings.Builder
	formatExpr(&b, e)
	return b.String()
}

func formatExpr(b *strings.Builder, e Expr) {
	switch e := e.(type) {
	case nil:
		b.WriteString("<nil>")
	case *Const:
		b.WriteString(FormatConst(e))
	case *ColRef:
		if e.Bind != nil {
			b.WriteString(e.Bind.Name)
			if e.Elem != nil {
				switch {
				case e.Elem.FromEnd && e.Elem.K == 0:
					b.WriteString("[last]")
				case e.Elem.FromEnd:
					fmt.Fprintf(b, "[last-%d]", e.Elem.K)
				default:
					fmt.Fprintf(b, "[%d]", e.Elem.K)
				}
			}
			b.WriteString(".")
		}
		b.WriteString(e.Name)
	case *AggRef:
		fmt.Fprintf(b, "agg#%d", e.Index)
	case *Unary:
		if e.Op == Neg {
			b.WriteString("-")
		} else {
			b.WriteString("NOT ")
		}
		formatExpr(b, e.X)
	case *Binary:
		b.WriteByte('(')
		formatExpr(b, e.L)
		b.WriteString(" " + e.Op.String() + " ")
		formatExpr(b, e.R)
		b.WriteByte(')')
	case *IsNull:
		formatExpr(b, e.X)
		if e.Not {
			b.WriteString(" IS NOT NULL")
		} else {
			b.WriteString(" IS NULL")
		}
	case *In:
		formatExpr(b, e.X)
		if e.Not {
			b.WriteString(" NOT")
		}
		b.WriteString(" IN (")
		for i, x := range e.List {
			if i > 0 {
				b.WriteString(", ")
			}
			formatExpr(b, x)
		}
		b.WriteByte(')')
	case *Case:
		b.WriteString("CASE")
		for _, w := range e.Whens {
			b.WriteString(" WHEN ")
			formatExpr(b, w.Cond)
			b.WriteString(" THEN ")
			formatExpr(b, w.Result)
		}
		if e.Else != nil {
			b.WriteString(" ELSE ")
			formatExpr(b, e.Else)
		}
		b.WriteString(" END")
	case *Cast:
		if e.Implicit {
			b.WriteString(e.T.String() + "(")
			formatExpr(b, e.X)
			b.WriteByte(')')
		} else {
			b.WriteString("CAST(")
			formatExpr(b, e.X)
			b.WriteString(" AS " + e.T.String() + ")")
		}
	case *Call:
		b.WriteString(e.Func.String() + "(")
		for i, x := range e.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			formatExpr(b, x)
		}
		b.WriteByte(')')
	default:
		fmt.Fprintf(b, "%T", e)
	}
}

// FormatConst renders a literal with its type where the text alone is ambiguous.
func FormatConst(c *Const) string {
	if c.Null {
		return "NULL"
	}
	switch c.T {
	case String:
		return "'" + strings.ReplaceAll(c.S, "'", "''") + "'"
	case Int:
		return strconv.FormatInt(c.I, 10) + ":INT"
	case BigInt:
		return strconv.FormatInt(c.I, 10)
	case Float:
		return strconv.FormatFloat(c.F, 'g', -1, 32) + ":FLOAT"
	case Double:
		s := strconv.FormatFloat(c.F, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eEnN") {
			s += ".0"
		}
		return s
	case Bool:
		if c.I != 0 {
			return "TRUE"
		}
		return "FALSE"
	}
	return "?"
}

// FormatQuery renders a query's logical tree, root first, one operator per line.
func FormatQuery(q *Query) string {
	var b strings.Builder
	fmt.Fprintf(&b, "query %d (line %d)\n", q.Index, q.Pos.Line)
	formatNode(&b, q.Root, 1)
	return b.String()
}

// Format renders all queries of the app.
func (a *App) Format() string {
	var b strings.Builder
	for _, q := range a.Queries {
		b.WriteString(FormatQuery(q))
	}
	return b.String()
}

func formatNode(b *strings.Builder, n Node, depth int) {
	b.WriteString(strings.Repeat("  ", depth))
	b.WriteString(NodeLabel(n))
	b.WriteByte('\n')
	for _, in := range n.Inputs() {
		formatNode(b, in, depth+1)
	}
}

// NodeLabel is a one-line description of an operator.
func NodeLabel(n Node) string {
	switch n := n.(type) {
	case *Scan:
		s := "Scan " + n.Bind.Rel.Name
		if n.Bind.Name != n.Bind.Rel.Name {
			s += " AS " + n.Bind.Name
		}
		return s + " " + formatColumns(n.Bind.Rel.Columns)
	case *Window:
		return "Window " + FormatWindow(n.Spec)
	case *Project:
		return "Project [" + strings.Join(refList(n.Cols), ", ") + "]"
	case *Filter:
		return "Filter " + FormatExpr(n.Cond)
	case *Selector:
		var parts []string
		items := make([]string, len(n.Items))
		for i, it := range n.Items {
			items[i] = it.Name + "=" + FormatExpr(it.Expr)
		}
		parts = append(parts, "items=["+strings.Join(items, ", ")+"]")
		if len(n.Aggs) > 0 {
			aggs := make([]string, len(n.Aggs))
			for i, a := range n.Aggs {
				arg := ""
				if a.Arg != nil {
					arg = FormatExpr(a.Arg)
				}
				aggs[i] = fmt.Sprintf("agg#%d=%s(%s)", i, a.Func, arg)
			}
			parts = append(parts, "aggs=["+strings.Join(aggs, ", ")+"]")
		}
		if len(n.GroupBy) > 0 {
			g := make([]string, len(n.GroupBy))
			for i, x := range n.GroupBy {
				g[i] = FormatExpr(x)
			}
			parts = append(parts, "group=["+strings.Join(g, ", ")+"]")
		}
		if n.Having != nil {
			parts = append(parts, "having="+FormatExpr(n.Having))
		}
		if len(n.OrderBy) > 0 {
			parts = append(parts, "order=["+formatSortKeys(n.OrderBy)+"]")
		}
		if n.Offset > 0 {
			parts = append(parts, fmt.Sprintf("offset=%d", n.Offset))
		}
		if n.Limit >= 0 {
			parts = append(parts, fmt.Sprintf("limit=%d", n.Limit))
		}
		if n.Events != CurrentEvents {
			parts = append(parts, "events="+n.Events.String())
		}
		return "Selector " + strings.Join(parts, " ")
	case *RateLimit:
		if n.Events > 0 {
			return fmt.Sprintf("RateLimit %s every %d events", n.Mode, n.Events)
		}
		return fmt.Sprintf("RateLimit %s every %dms", n.Mode, n.Millis)
	case *Insert:
		return "Insert " + n.Target.Name + " " + formatColumns(n.Target.Columns)
	}
	return fmt.Sprintf("%T", n)
}

func formatSortKeys(keys []SortKey) string {
	s := make([]string, len(keys))
	for i, k := range keys {
		s[i] = FormatExpr(k.Expr)
		if k.Desc {
			s[i] += " DESC"
		}
	}
	return strings.Join(s, ", ")
}

func formatColumns(cols []Column) string {
	s := make([]string, len(cols))
	for i, c := range cols {
		s[i] = c.Name + " " + c.Type.String()
	}
	return "(" + strings.Join(s, ", ") + ")"
}
