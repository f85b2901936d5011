// Package syntax parses EventFlux SQL (LANGUAGE.md §1) into the AST of
// package ast. It is the only package that sees the TiDB parser: the
// streaming dialect (definitions, WINDOW, PATTERN, PARTITION, OUTPUT, …) is
// parsed by a hand-written recursive-descent parser, and every scalar
// expression is handed to TiDB for its structure (precedence, CASE, IN,
// BETWEEN, LIKE, IS NULL) after our own lexer has validated it token by
// token (see expr_scan.go and expr_tidb.go).
package syntax

import (
	"strings"

	"github.com/eventflux/eventflux-go/compiler/ast"
	"github.com/eventflux/eventflux-go/compiler/diag"
)

// Parse parses a whole application. The error, if any, is a *diag.Error
// with File and Src set; positions point at the offending token.
func Parse(file, src string) (app *ast.App, err error) {
	p := &parser{src: src, toks: lex(src)}
	defer func() {
		// Last line of defence only: a panic here is a bug, reported as E100
		// so that a compile never crashes its caller.
		if r := recover(); r != nil {
			at := p.toks[max(0, min(p.i, len(p.toks)-1))].pos
			app = nil
			err = p.finish(file, diag.Errorf(at, "E100", "SQL parse error: internal error: %v", r))
		}
	}()
	app, derr := p.parseApp()
	if derr != nil {
		return nil, p.finish(file, derr)
	}
	return app, nil
}

func (p *parser) finish(file string, e *diag.Error) error {
	e.File, e.Src = file, p.src
	return e
}

type parser struct {
	src  string
	toks []token
	i    int
	tidb *tidbParser // created on first use
	nest int         // PARTITION bodies open
}

func (p *parser) peek() token { return p.toks[p.i] }

// peekAt looks k tokens ahead; past the end it returns the EOF token.
func (p *parser) peekAt(k int) token {
	if p.i+k < len(p.toks) {
		return p.toks[p.i+k]
	}
	return p.toks[len(p.toks)-1]
}

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tkEOF {
		p.i++
	}
	return t
}

// accept consumes the keyword kw if it is next.
func (p *parser) accept(kw string) bool {
	if p.peek().is(kw) {
		p.i++
		return true
	}
	return false
}

// acceptPunct consumes the punctuation s if it is next.
func (p *parser) acceptPunct(s string) bool {
	if p.peek().isPunct(s) {
		p.i++
		return true
	}
	return false
}

// errAt builds an error at t; a lexical error token reports itself instead,
// since it is the real cause.
func errAt(t token, code, format string, args ...any) *diag.Error {
	if t.kind == tkError {
		return t.err
	}
	return diag.Errorf(t.pos, code, format, args...)
}

// expected is the standard E100 "expected X, found Y".
func expected(t token, what string) *diag.Error {
	return errAt(t, "E100", "SQL parse error: expected %s, found %s", what, t.describe())
}

func (p *parser) expect(kw string) (token, *diag.Error) {
	t := p.peek()
	if !t.is(kw) {
		return t, expected(t, kw)
	}
	p.i++
	return t, nil
}

func (p *parser) expectPunct(s string) (token, *diag.Error) {
	t := p.peek()
	if !t.isPunct(s) {
		return t, expected(t, "'"+s+"'")
	}
	p.i++
	return t, nil
}

// ident consumes a name (bare or quoted) described as what in errors.
func (p *parser) ident(what string) (ast.Ident, *diag.Error) {
	t := p.peek()
	if !t.isName() {
		return ast.Ident{}, expected(t, what)
	}
	p.i++
	return ast.Ident{Name: t.name(), Pos: t.pos}, nil
}

// intValue consumes an integer literal.
func (p *parser) intValue(what string) (int64, token, *diag.Error) {
	t := p.peek()
	if t.kind != tkInt {
		return 0, t, expected(t, what)
	}
	v, err := parseInt(t)
	if err != nil {
		return 0, t, err
	}
	p.i++
	return v, t, nil
}

func (p *parser) parseApp() (*ast.App, *diag.Error) {
	app := &ast.App{}
	for {
		for p.acceptPunct(";") {
		}
		if p.peek().kind == tkEOF {
			break
		}
		st, err := p.parseStatement()
		if err != nil {
			return nil, err
		}
		app.Stmts = append(app.Stmts, st)
		if err := p.endOfStatement(false); err != nil {
			return nil, err
		}
	}
	if len(app.Stmts) == 0 {
		t := p.peek()
		if t.kind == tkError {
			return nil, t.err
		}
		return nil, diag.Errorf(diag.PosAt(p.src, 0), "E101", "Empty SQL application")
	}
	return app, nil
}

// clauseOrder is the hint for a clause found after the point where it may appear.
const clauseOrder = "clauses go in the order SELECT, FROM, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT, OFFSET, OUTPUT"

// endOfStatement checks that a statement ends here: ';', the end of input
// or, inside a partition body, END.
func (p *parser) endOfStatement(inPartition bool) *diag.Error {
	t := p.peek()
	if t.isPunct(";") || t.kind == tkEOF || (inPartition && t.is("END")) {
		return nil
	}
	what := "';' or end of input"
	if inPartition {
		what = "';' or END"
	}
	e := expected(t, what)
	switch t.up {
	case "UNION", "INTERSECT", "EXCEPT":
		return errAt(t, "E100", "SQL parse error: %s is not supported", t.up).
			WithHint("write one INSERT INTO … SELECT per input")
	case "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "OUTPUT", "FROM", "WINDOW":
		e.WithHint(clauseOrder)
	}
	return e
}

// unsupportedStatements are statement keywords of SQL we do not have (E102).
var unsupportedStatements = map[string]bool{
	"DROP": true, "ALTER": true, "TRUNCATE": true, "RENAME": true, "SHOW": true,
	"DESCRIBE": true, "DESC": true, "EXPLAIN": true, "USE": true, "SET": true,
	"GRANT": true, "REVOKE": true, "CALL": true, "REPLACE": true, "LOAD": true,
	"WITH": true, "VALUES": true, "BEGIN": true, "START": true, "COMMIT": true,
	"ROLLBACK": true, "LOCK": true, "UNLOCK": true, "ANALYZE": true, "PREPARE": true,
	"EXECUTE": true, "DEALLOCATE": true, "MERGE": true, "TABLE": true, "DECLARE": true,
}

var statementKeywords = []string{"CREATE", "INSERT", "SELECT", "UPDATE", "DELETE", "UPSERT", "PARTITION"}

func (p *parser) parseStatement() (ast.Stmt, *diag.Error) {
	t := p.peek()
	switch {
	case t.is("CREATE"):
		return p.parseCreate()
	case t.is("INSERT"), t.is("SELECT"):
		return p.parseQuery()
	case t.is("UPDATE"):
		return p.parseUpdate()
	case t.is("DELETE"):
		return p.parseDelete()
	case t.is("UPSERT"):
		return p.parseUpsert()
	case t.is("PARTITION"):
		return p.parsePartition()
	case t.kind == tkWord && unsupportedStatements[t.up]:
		what := t.up
		if t.up == "WITH" {
			what = "WITH (common table expressions)"
		}
		return nil, errAt(t, "E102", "Unsupported statement type: %s", what)
	case t.isPunct("@"):
		return nil, errAt(t, "E100", "SQL parse error: annotations are not supported").
			WithHint("configure streams with WITH (…) options")
	case t.isPunct("("):
		return nil, errAt(t, "E100", "SQL parse error: expected a statement, found '('").
			WithHint("parenthesised queries are not supported")
	}
	e := expected(t, "a statement ("+strings.Join(statementKeywords, ", ")+")")
	if t.kind == tkWord {
		if s, ok := diag.Closest(t.text, statementKeywords); ok {
			e.WithHint("did you mean %s?", s)
		}
	}
	return nil, e
}

// parseInt converts an integer token to int64.
func parseInt(t token) (int64, *diag.Error) {
	var v int64
	for i := 0; i < len(t.text); i++ {
		d := int64(t.text[i] - '0')
		if v > (1<<63-1-d)/10 {
			return 0, errAt(t, "E100", "SQL parse error: integer %s is out of range for BIGINT", shorten(t.text))
		}
		v = v*10 + d
	}
	return v, nil
}
