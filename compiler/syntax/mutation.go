package syntax

import (
	"github.com/eventflux/eventflux-go/compiler/ast"
	"github.com/eventflux/eventflux-go/compiler/diag"
)

// Stream-driven table mutations (LANGUAGE.md §1.8, §8.3). A missing FROM,
// USING or WHERE is left nil for the checker to report (E220); shapes the
// AST cannot hold (several sources, a join, tuple assignment) are reported
// here with the checker's codes.

var mutationAliasStop = map[string]bool{"SET": true, "USING": true, "WHERE": true, "FROM": true, "OR": true}

// parseUpdate reads UPDATE T [[AS] t] SET … [FROM S [[AS] s]] [WHERE cond].
func (p *parser) parseUpdate() (ast.Stmt, *diag.Error) {
	kw := p.next()
	table, err := p.ident("a table name")
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.is("OR") && p.peekAt(1).is("INSERT") {
		return nil, errAt(t, "E100", "SQL parse error: UPDATE OR INSERT is not supported").WithHint("use UPSERT INTO")
	}
	up := &ast.Update{Pos: kw.pos, Table: table}
	if a, ok, err := p.optionalAlias(mutationAliasStop); err != nil {
		return nil, err
	} else if ok {
		up.Alias = &a
	}
	if _, err := p.expect("SET"); err != nil {
		return nil, err
	}
	for {
		if t := p.peek(); t.isPunct("(") {
			return nil, errAt(t, "E222", "Tuple assignments (SET (a, b) = …) are not supported").
				WithHint("assign each column: SET a = …, b = …")
		}
		a, err := p.parseAssign()
		if err != nil {
			return nil, err
		}
		up.Sets = append(up.Sets, a)
		if !p.acceptPunct(",") {
			break
		}
	}
	if p.accept("FROM") {
		if up.From, err = p.mutationSource("UPDATE"); err != nil {
			return nil, err
		}
	}
	if p.accept("WHERE") {
		if up.Where, err = p.parseExpr(); err != nil {
			return nil, err
		}
	}
	return up, nil
}

// parseAssign reads [q.]col = expr.
func (p *parser) parseAssign() (ast.Assign, *diag.Error) {
	var a ast.Assign
	col, err := p.ident("a column to SET")
	if err != nil {
		return a, err
	}
	if p.acceptPunct(".") {
		q := col
		a.Qualifier = &q
		if col, err = p.ident("a column name after '.'"); err != nil {
			return a, err
		}
	}
	a.Column = col
	if t := p.peek(); !t.isPunct("=") {
		return a, expected(t, "'='")
	}
	p.i++
	a.Value, err = p.parseExpr()
	return a, err
}

// mutationSource reads the single source stream of UPDATE … FROM / DELETE … USING.
func (p *parser) mutationSource(stmt string) (*ast.StreamSource, *diag.Error) {
	if isPatternStart(p) {
		return nil, errAt(p.peek(), "E221", "%s with PATTERN/SEQUENCE source not supported", stmt)
	}
	src, err := p.parseStreamRef()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.isPunct(",") {
		return nil, errAt(t, "E221", "%s with multiple source streams not supported", stmt)
	}
	if j, ok := p.joinStart(); ok {
		return nil, errAt(j, "E221", "%s with JOIN source not supported", stmt)
	}
	return src, nil
}

// parseDelete reads DELETE FROM T [[AS] t] [USING S [[AS] s]] [WHERE cond].
func (p *parser) parseDelete() (ast.Stmt, *diag.Error) {
	kw := p.next()
	if _, err := p.expect("FROM"); err != nil {
		return nil, err
	}
	table, err := p.ident("a table name")
	if err != nil {
		return nil, err
	}
	del := &ast.Delete{Pos: kw.pos, Table: table}
	if a, ok, err := p.optionalAlias(mutationAliasStop); err != nil {
		return nil, err
	} else if ok {
		del.Alias = &a
	}
	if p.accept("USING") {
		if del.Using, err = p.mutationSource("DELETE"); err != nil {
			return nil, err
		}
	}
	if p.accept("WHERE") {
		if del.Where, err = p.parseExpr(); err != nil {
			return nil, err
		}
	}
	return del, nil
}

// parseUpsert reads UPSERT INTO T SELECT … FROM S [[AS] s] [WHERE cond] ON cond.
func (p *parser) parseUpsert() (ast.Stmt, *diag.Error) {
	kw := p.next()
	if _, err := p.expect("INTO"); err != nil {
		return nil, err
	}
	table, err := p.ident("a table name")
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.is("AS") || (t.isName() && !t.is("SELECT")) {
		return nil, errAt(t, "E100", "SQL parse error: UPSERT INTO takes no table alias").
			WithHint("refer to the table by its name: ON %s.col = …", table.Name)
	}
	if t := p.peek(); !t.is("SELECT") {
		return nil, expected(t, "SELECT")
	}
	sel, err := p.parseSelect()
	if err != nil {
		return nil, err
	}
	if j, ok := sel.From.(*ast.JoinSource); ok {
		return nil, diag.Errorf(j.Pos, "E221", "UPSERT with JOIN source not supported")
	}
	up := &ast.Upsert{Pos: kw.pos, Table: table, Select: sel}
	switch t := p.peek(); {
	case t.is("SET"):
		return nil, errAt(t, "E100", "SQL parse error: UPSERT … SET is not supported").
			WithHint("select the whole new row")
	case !t.is("ON"):
		return nil, expected(t, "ON").WithHint("UPSERT needs ON <condition> to find the rows to replace")
	}
	p.i++
	if up.On, err = p.parseExpr(); err != nil {
		return nil, err
	}
	return up, nil
}
