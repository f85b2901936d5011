package difftest

import (
	"strconv"
	"strings"
)

// SQL renders the app as EventFlux SQL text, one statement per line group.
// Operators are fully parenthesized, so the text never depends on the
// parser's precedence table (that is the conformance suite's business).
func (a *App) SQL() string {
	var b strings.Builder
	b.WriteString("CREATE STREAM " + InputStream + " (")
	for i, c := range a.Input {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(sqlName(c.Name) + " " + typeName(c.Type))
	}
	b.WriteString(");\n")
	for _, q := range a.Queries {
		q.render(&b)
	}
	return b.String()
}

func (q *Query) render(b *strings.Builder) {
	b.WriteString("INSERT ")
	switch q.Events {
	case CurrentEvents:
		b.WriteString("CURRENT EVENTS ")
	case ExpiredEvents:
		b.WriteString("EXPIRED EVENTS ")
	case AllEvents:
		b.WriteString("ALL EVENTS ")
	}
	b.WriteString("INTO " + sqlName(q.Target) + "\nSELECT ")
	if q.Star {
		b.WriteString("*")
	}
	for i, it := range q.Items {
		if i > 0 {
			b.WriteString(", ")
		}
		it.Expr.render(b)
		if it.Alias != "" {
			b.WriteString(" AS " + sqlName(it.Alias))
		}
	}
	b.WriteString("\nFROM " + sqlName(q.From))
	if w := q.Window; w != nil {
		b.WriteString(" WINDOW('" + w.Kind + "'")
		for _, a := range w.Args {
			b.WriteString(", " + a)
		}
		b.WriteString(")")
	}
	if q.Where != nil {
		b.WriteString("\nWHERE ")
		q.Where.render(b)
	}
	if len(q.GroupBy) > 0 {
		b.WriteString("\nGROUP BY ")
		for i, g := range q.GroupBy {
			if i > 0 {
				b.WriteString(", ")
			}
			g.render(b)
		}
	}
	if q.Having != nil {
		b.WriteString("\nHAVING ")
		q.Having.render(b)
	}
	if len(q.OrderBy) > 0 {
		b.WriteString("\nORDER BY ")
		for i, o := range q.OrderBy {
			if i > 0 {
				b.WriteString(", ")
			}
			o.Expr.render(b)
			if o.Desc {
				b.WriteString(" DESC")
			}
		}
	}
	if q.Limit >= 0 {
		b.WriteString("\nLIMIT " + strconv.FormatInt(q.Limit, 10))
	}
	if q.Offset >= 0 {
		b.WriteString("\nOFFSET " + strconv.FormatInt(q.Offset, 10))
	}
	if r := q.Rate; r != nil {
		b.WriteString("\nOUTPUT ")
		switch r.Mode {
		case RateAll:
			if r.Explicit {
				b.WriteString("ALL ")
			}
		case RateFirst:
			b.WriteString("FIRST ")
		case RateLast:
			b.WriteString("LAST ")
		case RateSnapshot:
			b.WriteString("SNAPSHOT ")
		}
		b.WriteString("EVERY ")
		if r.Events > 0 {
			b.WriteString(strconv.FormatInt(r.Events, 10) + " EVENTS")
		} else {
			b.WriteString(duration(r.Millis))
		}
	}
	b.WriteString(";\n")
}

// duration renders milliseconds as a duration literal.
func duration(ms int64) string {
	switch {
	case ms%1000 == 0 && ms == 1000:
		return "1 SECOND"
	case ms%1000 == 0:
		return strconv.FormatInt(ms/1000, 10) + " SECONDS"
	}
	return strconv.FormatInt(ms, 10) + " MILLISECONDS"
}

// String renders the expression as SQL.
func (e *Expr) String() string {
	var b strings.Builder
	e.render(&b)
	return b.String()
}

func (e *Expr) render(b *strings.Builder) {
	switch e.Op {
	case OpCol:
		b.WriteString(sqlName(e.Name))
	case OpLit:
		b.WriteString(e.Lit)
	case OpNeg:
		b.WriteString("(-")
		e.Args[0].render(b)
		b.WriteString(")")
	case OpNot:
		b.WriteString("(NOT ")
		e.Args[0].render(b)
		b.WriteString(")")
	case OpBin:
		b.WriteString("(")
		e.Args[0].render(b)
		b.WriteString(" " + e.Name + " ")
		e.Args[1].render(b)
		b.WriteString(")")
	case OpIsNull:
		b.WriteString("(")
		e.Args[0].render(b)
		if e.Not {
			b.WriteString(" IS NOT NULL)")
		} else {
			b.WriteString(" IS NULL)")
		}
	case OpIn:
		b.WriteString("(")
		e.Args[0].render(b)
		b.WriteString(not(e.Not) + " IN (")
		for i, a := range e.Args[1:] {
			if i > 0 {
				b.WriteString(", ")
			}
			a.render(b)
		}
		b.WriteString("))")
	case OpBetween:
		b.WriteString("(")
		e.Args[0].render(b)
		b.WriteString(not(e.Not) + " BETWEEN ")
		e.Args[1].render(b)
		b.WriteString(" AND ")
		e.Args[2].render(b)
		b.WriteString(")")
	case OpLike:
		b.WriteString("(")
		e.Args[0].render(b)
		b.WriteString(not(e.Not) + " LIKE ")
		e.Args[1].render(b)
		b.WriteString(")")
	case OpCase:
		b.WriteString("CASE")
		n, i := len(e.Args), 0
		if e.Else {
			n--
		}
		if e.Simple {
			b.WriteString(" ")
			e.Args[0].render(b)
			i = 1
		}
		for ; i+1 < n; i += 2 {
			b.WriteString(" WHEN ")
			e.Args[i].render(b)
			b.WriteString(" THEN ")
			e.Args[i+1].render(b)
		}
		if e.Else {
			b.WriteString(" ELSE ")
			e.Args[n].render(b)
		}
		b.WriteString(" END")
	case OpCast:
		b.WriteString("CAST(")
		e.Args[0].render(b)
		b.WriteString(" AS " + e.Name + ")")
	case OpCall, OpAgg:
		b.WriteString(e.Name + "(")
		for i, a := range e.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			a.render(b)
		}
		b.WriteString(")")
	}
}

func not(n bool) string {
	if n {
		return " NOT"
	}
	return ""
}
