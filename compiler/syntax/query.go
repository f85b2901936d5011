package syntax

import (
	"github.com/eventflux/eventflux-go/compiler/ast"
	"github.com/eventflux/eventflux-go/compiler/diag"
)

// parseQuery reads INSERT [kind EVENTS] INTO target SELECT … or a bare SELECT.
func (p *parser) parseQuery() (ast.Stmt, *diag.Error) {
	start := p.peek()
	q := &ast.Query{Pos: start.pos}
	if p.accept("INSERT") {
		switch t := p.peek(); {
		case t.is("CURRENT"), t.is("EXPIRED"), t.is("ALL"):
			p.i++
			q.Events = map[string]ast.EventKind{"CURRENT": ast.CurrentEvents, "EXPIRED": ast.ExpiredEvents, "ALL": ast.AllEvents}[t.up]
			if _, err := p.expect("EVENTS"); err != nil {
				return nil, err
			}
		case t.is("OVERWRITE"), t.is("IGNORE"):
			return nil, errAt(t, "E100", "SQL parse error: INSERT %s is not supported", t.up)
		}
		if _, err := p.expect("INTO"); err != nil {
			return nil, err
		}
		target, err := p.ident("a target stream or table name")
		if err != nil {
			return nil, err
		}
		q.Target = &target
		switch t := p.peek(); {
		case t.is("VALUES"), t.is("VALUE"):
			return nil, errAt(start, "E102", "Unsupported statement type: INSERT … VALUES").
				WithHint("send events through the input handler instead")
		case t.isPunct("("):
			return nil, errAt(t, "E100", "SQL parse error: a column list after INSERT INTO is not supported").
				WithHint("columns are matched by position")
		case t.is("SET"):
			return nil, errAt(start, "E102", "Unsupported statement type: INSERT … SET")
		case !t.is("SELECT"):
			return nil, expected(t, "SELECT")
		}
	}
	sel, err := p.parseSelect()
	if err != nil {
		return nil, err
	}
	q.Select = sel
	return q, nil
}

// parseSelect reads SELECT … FROM … and its clauses, in their fixed order.
func (p *parser) parseSelect() (*ast.Select, *diag.Error) {
	selTok, err := p.expect("SELECT")
	if err != nil {
		return nil, err
	}
	sel := &ast.Select{Pos: selTok.pos}
	if t := p.peek(); t.is("DISTINCT") || t.is("DISTINCTROW") {
		return nil, errAt(t, "E100", "SQL parse error: SELECT DISTINCT is not supported").
			WithHint("GROUP BY the columns instead")
	}
	for {
		item, err := p.parseSelectItem()
		if err != nil {
			return nil, err
		}
		sel.Items = append(sel.Items, item)
		if !p.acceptPunct(",") {
			break
		}
	}
	if t := p.peek(); !t.is("FROM") {
		e := expected(t, "FROM")
		if t.isName() {
			e.WithHint("separate select items with ','")
		}
		return nil, e
	}
	p.i++
	if sel.From, err = p.parseSource(); err != nil {
		return nil, err
	}
	if p.accept("WHERE") {
		if sel.Where, err = p.parseExpr(); err != nil {
			return nil, err
		}
	}
	if p.peek().is("GROUP") {
		p.i++
		if _, err := p.expect("BY"); err != nil {
			return nil, err
		}
		if t := p.peek(); t.is("ROLLUP") || t.is("CUBE") || t.is("GROUPING") {
			return nil, errAt(t, "E100", "SQL parse error: GROUP BY %s is not supported", t.up)
		}
		for {
			e, err := p.parseExpr()
			if err != nil {
				return nil, err
			}
			sel.GroupBy = append(sel.GroupBy, e)
			if !p.acceptPunct(",") {
				break
			}
		}
		if t := p.peek(); t.is("WITH") && p.peekAt(1).is("ROLLUP") {
			return nil, errAt(t, "E100", "SQL parse error: WITH ROLLUP is not supported")
		}
	}
	if p.accept("HAVING") {
		if sel.Having, err = p.parseExpr(); err != nil {
			return nil, err
		}
	}
	if p.peek().is("ORDER") {
		p.i++
		if _, err := p.expect("BY"); err != nil {
			return nil, err
		}
		for {
			e, err := p.parseExpr()
			if err != nil {
				return nil, err
			}
			item := ast.OrderItem{Expr: e}
			if p.accept("DESC") {
				item.Desc = true
			} else {
				p.accept("ASC")
			}
			if t := p.peek(); t.is("NULLS") {
				return nil, errAt(t, "E100", "SQL parse error: NULLS FIRST/LAST is not supported").
					WithHint("NULL sorts first ascending and last descending")
			}
			sel.OrderBy = append(sel.OrderBy, item)
			if !p.acceptPunct(",") {
				break
			}
		}
	}
	if p.accept("LIMIT") {
		if sel.Limit, err = p.limitValue("LIMIT"); err != nil {
			return nil, err
		}
		if t := p.peek(); t.isPunct(",") {
			return nil, errAt(t, "E100", "SQL parse error: LIMIT m, n is not supported").
				WithHint("write LIMIT n OFFSET m")
		}
	}
	if p.accept("OFFSET") {
		if sel.Offset, err = p.limitValue("OFFSET"); err != nil {
			return nil, err
		}
	}
	if t := p.peek(); t.is("OUTPUT") {
		if sel.Output, err = p.parseOutputRate(); err != nil {
			return nil, err
		}
	}
	return sel, nil
}

// parseSelectItem reads `*`, `q.*` or `expr [[AS] alias]`.
func (p *parser) parseSelectItem() (ast.SelectItem, *diag.Error) {
	t := p.peek()
	item := ast.SelectItem{Pos: t.pos}
	if t.isPunct("*") {
		p.i++
		item.Star = true
		return item, nil
	}
	if t.isName() && p.peekAt(1).isPunct(".") && p.peekAt(2).isPunct("*") {
		p.i += 3
		item.Star = true
		item.Qualifier = &ast.Ident{Name: t.name(), Pos: t.pos}
		return item, nil
	}
	e, err := p.parseExpr()
	if err != nil {
		return item, err
	}
	item.Expr = e
	switch a := p.peek(); {
	case a.is("AS"):
		p.i++
		n := p.peek()
		if n.kind == tkString {
			return item, errAt(n, "E100", "SQL parse error: expected an alias name, found %s", n.describe()).
				WithHint("quote names with \"…\", not '…'")
		}
		alias, err := p.ident("an alias name")
		if err != nil {
			return item, err
		}
		item.Alias = &alias
	case a.kind == tkQuoted || (a.kind == tkWord && !selectAliasStop[a.up]):
		p.i++
		item.Alias = &ast.Ident{Name: a.name(), Pos: a.pos}
	}
	return item, nil
}

// selectAliasStop are words that end a select item rather than name it.
var selectAliasStop = map[string]bool{
	"FROM": true, "WHERE": true, "GROUP": true, "HAVING": true, "ORDER": true, "LIMIT": true,
	"OFFSET": true, "OUTPUT": true, "UNION": true, "INTERSECT": true, "EXCEPT": true,
	"INTO": true, "END": true, "ON": true, "AGGREGATE": true, "WINDOW": true, "JOIN": true,
	"WHEN": true, "THEN": true, "ELSE": true, "SELECT": true, "BY": true, "ASC": true, "DESC": true,
	"CREATE": true, "INSERT": true, "UPDATE": true, "DELETE": true, "UPSERT": true, "PARTITION": true,
	"SET": true, "USING": true, "WITHIN": true, "EVERY": true, "OF": true, "DISTINCT": true,
}

// limitValue reads the non-negative integer constant of LIMIT or OFFSET.
func (p *parser) limitValue(clause string) (*ast.IntLit, *diag.Error) {
	t := p.peek()
	switch {
	case t.kind == tkInt:
		v, err := parseInt(t)
		if err != nil {
			return nil, errAt(t, "E314", "LIMIT/OFFSET must be numeric constants").
				WithHint("%s %s is out of range", clause, shorten(t.text))
		}
		p.i++
		return &ast.IntLit{Value: v, Pos: t.pos}, nil
	case t.kind == tkEOF, t.kind == tkError, t.isPunct(";"), t.kind == tkWord && selectAliasStop[t.up]:
		return nil, expected(t, "a number after "+clause)
	}
	return nil, errAt(t, "E314", "LIMIT/OFFSET must be numeric constants").
		WithHint("%s takes a non-negative integer literal", clause)
}

// parseOutputRate reads OUTPUT [ALL|FIRST|LAST|SNAPSHOT] EVERY (n EVENTS | duration).
func (p *parser) parseOutputRate() (*ast.OutputRate, *diag.Error) {
	out := &ast.OutputRate{Pos: p.next().pos}
	switch t := p.peek(); {
	case t.is("ALL"):
		out.Mode = ast.RateAll
	case t.is("FIRST"):
		out.Mode = ast.RateFirst
	case t.is("LAST"):
		out.Mode = ast.RateLast
	case t.is("SNAPSHOT"):
		out.Mode = ast.RateSnapshot
	case t.is("EVERY"):
	default:
		return nil, expected(t, "ALL, FIRST, LAST, SNAPSHOT or EVERY after OUTPUT")
	}
	if !p.peek().is("EVERY") {
		p.i++
	}
	if _, err := p.expect("EVERY"); err != nil {
		return nil, err
	}
	v := p.peek()
	out.ValuePos = v.pos
	if v.isPunct("-") && (p.peekAt(1).kind == tkInt || p.peekAt(1).kind == tkDecimal) {
		return nil, errAt(v, "E701", "Rate limit value must be greater than 0")
	}
	if v.kind == tkDecimal {
		return nil, errAt(v, "E100", "SQL parse error: the OUTPUT rate must be a whole number, found '%s'", v.text)
	}
	if v.kind != tkInt {
		return nil, expected(v, "a number of events or a duration after EVERY")
	}
	if e := p.peekAt(1); e.is("EVENTS") || e.is("EVENT") {
		n, err := parseInt(v)
		if err != nil {
			return nil, err
		}
		if n <= 0 {
			return nil, errAt(v, "E701", "Rate limit value must be greater than 0")
		}
		if out.Mode == ast.RateSnapshot {
			return nil, errAt(e, "E702", "SNAPSHOT mode is not supported with EVENTS - use time units instead")
		}
		p.i += 2
		out.Events = n
		return out, nil
	}
	d, err := p.parseDuration()
	if err != nil {
		return nil, err
	}
	if d.Millis <= 0 {
		return nil, errAt(v, "E701", "Rate limit value must be greater than 0")
	}
	out.Every = d
	return out, nil
}
