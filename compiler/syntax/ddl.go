package syntax

import (
	"strings"

	"github.com/eventflux/eventflux-go/compiler/ast"
	"github.com/eventflux/eventflux-go/compiler/diag"
)

// parseCreate dispatches CREATE STREAM / TABLE / TRIGGER / AGGREGATION.
func (p *parser) parseCreate() (ast.Stmt, *diag.Error) {
	create := p.next()
	t := p.peek()
	switch {
	case t.is("STREAM"):
		p.i++
		return p.parseCreateStream(create)
	case t.is("TABLE"):
		p.i++
		return p.parseCreateTable(create)
	case t.is("TRIGGER"):
		p.i++
		return p.parseCreateTrigger(create)
	case t.is("AGGREGATION"):
		p.i++
		return p.parseCreateAggregation(create)
	case t.kind == tkWord:
		what := t.up
		if t.up == "OR" && p.peekAt(1).is("REPLACE") {
			what = "OR REPLACE"
		}
		return nil, errAt(create, "E102", "Unsupported statement type: CREATE %s", what).
			WithHint("CREATE STREAM, TABLE, TRIGGER and AGGREGATION are supported")
	}
	return nil, expected(t, "STREAM, TABLE, TRIGGER or AGGREGATION")
}

// ifNotExists rejects CREATE … IF NOT EXISTS: a name is defined once.
func (p *parser) ifNotExists() *diag.Error {
	if t := p.peek(); t.is("IF") && p.peekAt(1).is("NOT") {
		return errAt(t, "E100", "SQL parse error: IF NOT EXISTS is not supported")
	}
	return nil
}

func (p *parser) parseCreateStream(create token) (ast.Stmt, *diag.Error) {
	if err := p.ifNotExists(); err != nil {
		return nil, err
	}
	name, err := p.ident("a stream name")
	if err != nil {
		return nil, err
	}
	st := &ast.CreateStream{Pos: create.pos, Name: name}
	if _, err := p.expectPunct("("); err != nil {
		return nil, err
	}
	for {
		if t := p.peek(); t.is("PRIMARY") && p.peekAt(1).is("KEY") {
			return nil, errAt(t, "E100", "SQL parse error: a PRIMARY KEY constraint is only allowed in CREATE TABLE")
		}
		col, err := p.parseColumn()
		if err != nil {
			return nil, err
		}
		st.Columns = append(st.Columns, col)
		if !p.acceptPunct(",") {
			break
		}
	}
	if err := p.endColumns(); err != nil {
		return nil, err
	}
	st.With, err = p.parseWith()
	return st, err
}

// endColumns closes a column list.
func (p *parser) endColumns() *diag.Error {
	t := p.peek()
	if t.isPunct(")") {
		p.i++
		return nil
	}
	e := expected(t, "',' or ')'")
	if t.isName() {
		e.WithHint("separate columns with ','")
	}
	return e
}

func (p *parser) parseCreateTable(create token) (ast.Stmt, *diag.Error) {
	if err := p.ifNotExists(); err != nil {
		return nil, err
	}
	name, err := p.ident("a table name")
	if err != nil {
		return nil, err
	}
	st := &ast.CreateTable{Pos: create.pos, Name: name}
	if _, err := p.expectPunct("("); err != nil {
		return nil, err
	}
	for {
		if t := p.peek(); t.is("PRIMARY") && p.peekAt(1).is("KEY") {
			if st.PKPos.IsValid() {
				return nil, errAt(t, "E100", "SQL parse error: a table has at most one PRIMARY KEY constraint")
			}
			st.PKPos = t.pos
			p.i += 2
			keys, err := p.parseNameList("a key column name")
			if err != nil {
				return nil, err
			}
			st.PrimaryKey = keys
		} else {
			col, err := p.parseColumn()
			if err != nil {
				return nil, err
			}
			st.Columns = append(st.Columns, col)
		}
		if !p.acceptPunct(",") {
			break
		}
	}
	if err := p.endColumns(); err != nil {
		return nil, err
	}
	st.With, err = p.parseWith()
	return st, err
}

// parseNameList reads ( name {, name} ).
func (p *parser) parseNameList(what string) ([]ast.Ident, *diag.Error) {
	if _, err := p.expectPunct("("); err != nil {
		return nil, err
	}
	var out []ast.Ident
	for {
		id, err := p.ident(what)
		if err != nil {
			return nil, err
		}
		out = append(out, id)
		if !p.acceptPunct(",") {
			break
		}
	}
	_, err := p.expectPunct(")")
	return out, err
}

// parseColumn reads `name type [PRIMARY KEY]`.
func (p *parser) parseColumn() (ast.ColumnDef, *diag.Error) {
	name, err := p.ident("a column name")
	if err != nil {
		return ast.ColumnDef{}, err
	}
	tn, err := p.parseTypeName()
	if err != nil {
		return ast.ColumnDef{}, err
	}
	col := ast.ColumnDef{Name: name, Type: tn}
	if p.peek().is("PRIMARY") && p.peekAt(1).is("KEY") {
		col.PrimaryKey = true
		p.i += 2
	}
	if t := p.peek(); t.is("NOT") || t.is("NULL") || t.is("DEFAULT") || t.is("UNIQUE") || t.is("CHECK") || t.is("REFERENCES") {
		return col, errAt(t, "E100", "SQL parse error: column constraint %s is not supported", t.up).
			WithHint("only PRIMARY KEY is allowed on a column")
	}
	return col, nil
}

// parseTypeName reads a column type as written: one word (two for DOUBLE
// PRECISION and CHARACTER VARYING) and ignored arguments such as (20) or
// <INT>. Whether the type exists is the checker's business (E110).
func (p *parser) parseTypeName() (ast.TypeName, *diag.Error) {
	t := p.peek()
	if t.kind != tkWord {
		return ast.TypeName{}, expected(t, "a column type")
	}
	p.i++
	name := t.up
	if n := p.peek(); (t.up == "DOUBLE" && n.is("PRECISION")) || (t.up == "CHARACTER" && n.is("VARYING")) {
		name += " " + n.up
		p.i++
	}
	tn := ast.TypeName{Name: name, Pos: t.pos}
	switch {
	case p.peek().isPunct("("):
		return tn, p.skipBalanced("(", ")")
	case p.peek().isPunct("<"):
		return tn, p.skipBalanced("<", ">")
	}
	return tn, nil
}

// skipBalanced skips an argument list of a type: (20), (10, 2), <INT>.
func (p *parser) skipBalanced(open, close string) *diag.Error {
	start := p.next()
	depth := 1
	for depth > 0 {
		t := p.peek()
		switch {
		case t.kind == tkEOF || t.kind == tkError || t.isPunct(";"):
			return errAt(t, "E100", "SQL parse error: expected '%s' to close the '%s' at %s, found %s", close, open, start.pos, t.describe())
		case t.isPunct(open):
			depth++
		case t.isPunct(close):
			depth--
		case t.isPunct(">>") && close == ">":
			depth -= 2
		}
		p.i++
	}
	if depth < 0 {
		return errAt(p.toks[p.i-1], "E100", "SQL parse error: unbalanced '>'")
	}
	return nil
}

// parseWith reads an optional WITH ( key = value, … ).
func (p *parser) parseWith() ([]ast.Option, *diag.Error) {
	if !p.accept("WITH") {
		return nil, nil
	}
	if _, err := p.expectPunct("("); err != nil {
		return nil, err
	}
	var opts []ast.Option
	for {
		o, err := p.parseOption()
		if err != nil {
			return nil, err
		}
		opts = append(opts, o)
		if !p.acceptPunct(",") {
			break
		}
	}
	_, err := p.expectPunct(")")
	return opts, err
}

func (p *parser) parseOption() (ast.Option, *diag.Error) {
	t := p.peek()
	var o ast.Option
	o.KeyPos = t.pos
	switch t.kind {
	case tkString, tkQuoted:
		o.Key = t.val
		p.i++
	case tkWord:
		// a bare dotted key (kafka.topic) reads as its parts joined
		var b strings.Builder
		b.WriteString(t.text)
		p.i++
		for p.peek().isPunct(".") && p.peekAt(1).kind == tkWord {
			b.WriteByte('.')
			b.WriteString(p.peekAt(1).text)
			p.i += 2
		}
		o.Key = b.String()
	default:
		return o, expected(t, "an option name")
	}
	if _, err := p.expectPunct("="); err != nil {
		return o, err
	}
	v := p.peek()
	o.ValuePos = v.pos
	switch {
	case v.kind == tkString:
		o.Value = v.val
	case v.kind == tkInt || v.kind == tkDecimal:
		o.Value = v.text
	case (v.isPunct("-") || v.isPunct("+")) && (p.peekAt(1).kind == tkInt || p.peekAt(1).kind == tkDecimal):
		p.i++
		o.Value = strings.TrimPrefix(v.text, "+") + p.peek().text
	case v.is("TRUE"), v.is("FALSE"):
		o.Value = strings.ToLower(v.text)
	case v.kind == tkWord || v.kind == tkQuoted:
		o.Value = v.name()
	default:
		return o, expected(v, "an option value (a string, number, TRUE, FALSE or name)")
	}
	p.i++
	return o, nil
}

func (p *parser) parseCreateTrigger(create token) (ast.Stmt, *diag.Error) {
	name, err := p.ident("a trigger name")
	if err != nil {
		return nil, err
	}
	st := &ast.CreateTrigger{Pos: create.pos, Name: name}
	if _, err := p.expect("AT"); err != nil {
		return nil, err
	}
	t := p.peek()
	switch {
	case t.is("START"), t.kind == tkString && strings.EqualFold(t.val, "start"):
		p.i++
		st.Kind = ast.TriggerStart
	case t.is("EVERY"):
		p.i++
		st.Kind = ast.TriggerEvery
		st.Every, err = p.parseDuration()
	case t.is("CRON"):
		p.i++
		c := p.peek()
		if c.kind != tkString {
			return nil, expected(c, "a cron expression in quotes")
		}
		p.i++
		st.Kind, st.Cron, st.CronPos = ast.TriggerCron, c.val, c.pos
	default:
		return nil, expected(t, "START, EVERY or CRON")
	}
	return st, err
}

// aggregationUnits are the granularities of CREATE AGGREGATION in order,
// so that a range `SECONDS ... YEARS` can be spelled out.
var aggregationUnits = []string{"SECONDS", "MINUTES", "HOURS", "DAYS", "MONTHS", "YEARS"}

func aggregationUnitIndex(word string) int {
	w := strings.TrimSuffix(strings.ToUpper(word), "S")
	for i, u := range aggregationUnits {
		if w == strings.TrimSuffix(u, "S") || (w == "SEC" && i == 0) || (w == "MIN" && i == 1) {
			return i
		}
	}
	return -1
}

func (p *parser) parseCreateAggregation(create token) (ast.Stmt, *diag.Error) {
	name, err := p.ident("an aggregation name")
	if err != nil {
		return nil, err
	}
	if _, err := p.expect("AS"); err != nil {
		return nil, err
	}
	if !p.peek().is("SELECT") {
		return nil, expected(p.peek(), "SELECT")
	}
	sel, err := p.parseSelect()
	if err != nil {
		return nil, err
	}
	st := &ast.CreateAggregation{Pos: create.pos, Name: name, Select: sel}
	if _, err := p.expect("AGGREGATE"); err != nil {
		return nil, err
	}
	if p.accept("BY") {
		by, err := p.ident("a timestamp column")
		if err != nil {
			return nil, err
		}
		st.By = &by
	}
	if _, err := p.expect("EVERY"); err != nil {
		return nil, err
	}
	for {
		u := p.peek()
		if u.kind != tkWord {
			return nil, expected(u, "a granularity (SECONDS, MINUTES, HOURS, DAYS, MONTHS, YEARS)")
		}
		p.i++
		if p.acceptPunct("...") {
			to := p.peek()
			from, end := aggregationUnitIndex(u.text), aggregationUnitIndex(to.text)
			if from < 0 {
				return nil, errAt(u, "E100", "SQL parse error: unknown granularity '%s'", u.text)
			}
			if to.kind != tkWord || end < 0 {
				return nil, expected(to, "a granularity (SECONDS, MINUTES, HOURS, DAYS, MONTHS, YEARS)")
			}
			if end < from {
				return nil, errAt(to, "E100", "SQL parse error: granularity range %s ... %s runs backwards", u.text, to.text)
			}
			p.i++
			st.Every = append(st.Every, ast.Ident{Name: u.text, Pos: u.pos})
			for k := from + 1; k < end; k++ {
				st.Every = append(st.Every, ast.Ident{Name: aggregationUnits[k], Pos: u.pos})
			}
			if end > from {
				st.Every = append(st.Every, ast.Ident{Name: to.text, Pos: to.pos})
			}
		} else {
			st.Every = append(st.Every, ast.Ident{Name: u.text, Pos: u.pos})
		}
		if !p.acceptPunct(",") {
			break
		}
	}
	return st, nil
}
