package syntax

import (
	"github.com/eventflux/eventflux-go/compiler/ast"
	"github.com/eventflux/eventflux-go/compiler/diag"
)

// parseSource reads the FROM item: a stream, a join of two streams, or a
// PATTERN / SEQUENCE.
func (p *parser) parseSource() (ast.Source, *diag.Error) {
	t := p.peek()
	if isPatternStart(p) {
		ps, err := p.parsePatternSource()
		if err != nil {
			return nil, err
		}
		if j, ok := p.joinStart(); ok {
			return nil, errAt(j, "E242", "JOIN against PATTERN/SEQUENCE inputs is not yet supported")
		}
		return ps, nil
	}
	if t.isPunct("(") {
		if p.peekAt(1).is("SELECT") {
			return nil, subquery(p.peekAt(1))
		}
		return nil, expected(t, "a stream or table name")
	}
	left, err := p.parseStreamRef()
	if err != nil {
		return nil, err
	}
	jt, ok := p.joinStart()
	if !ok {
		if c := p.peek(); c.isPunct(",") {
			return nil, errAt(c, "E100", "SQL parse error: a comma-separated FROM list is not supported").
				WithHint("use JOIN … ON")
		}
		return left, nil
	}
	kind, err := p.parseJoinKind()
	if err != nil {
		return nil, err
	}
	if isPatternStart(p) {
		return nil, errAt(p.peek(), "E242", "JOIN against PATTERN/SEQUENCE inputs is not yet supported")
	}
	right, err := p.parseStreamRef()
	if err != nil {
		return nil, err
	}
	js := &ast.JoinSource{Pos: jt.pos, Left: left, Right: right, Kind: kind}
	switch t := p.peek(); {
	case t.is("ON"):
		p.i++
		if js.On, err = p.parseExpr(); err != nil {
			return nil, err
		}
	case t.is("USING"):
		return nil, errAt(t, "E243", "JOIN USING clause not yet supported. Use ON clause instead.")
	case t.is("WITHIN") || t.is("PER"):
		return nil, errAt(t, "E100", "SQL parse error: joining an aggregation (WITHIN … PER …) is not supported yet")
	}
	if j, ok := p.joinStart(); ok {
		return nil, errAt(j, "E240", "Chained joins are not supported").
			WithHint("join two inputs per query and chain queries through intermediate streams")
	}
	return js, nil
}

func isPatternStart(p *parser) bool {
	t := p.peek()
	return (t.is("PATTERN") || t.is("SEQUENCE")) && p.peekAt(1).isPunct("(")
}

// joinStart reports whether a join operator starts at the current token.
func (p *parser) joinStart() (token, bool) {
	t := p.peek()
	n := p.peekAt(1)
	switch t.up {
	case "JOIN", "NATURAL", "STRAIGHT_JOIN":
		return t, t.kind == tkWord
	case "INNER", "CROSS":
		return t, n.is("JOIN")
	case "LEFT", "RIGHT", "FULL":
		return t, n.is("JOIN") || n.is("OUTER")
	}
	return t, false
}

func (p *parser) parseJoinKind() (ast.JoinKind, *diag.Error) {
	t := p.next()
	kind := ast.InnerJoin
	switch t.up {
	case "NATURAL":
		return 0, errAt(t, "E243", "NATURAL JOIN not yet supported. Use ON clause instead.")
	case "STRAIGHT_JOIN":
		return 0, errAt(t, "E100", "SQL parse error: STRAIGHT_JOIN is not supported").WithHint("use JOIN")
	case "JOIN":
		return kind, nil
	case "CROSS":
		kind = ast.CrossJoin
	case "LEFT":
		kind = ast.LeftJoin
		p.accept("OUTER")
	case "RIGHT":
		kind = ast.RightJoin
		p.accept("OUTER")
	case "FULL":
		kind = ast.FullJoin
		p.accept("OUTER")
	}
	_, err := p.expect("JOIN")
	return kind, err
}

// streamAliasStop are words after a stream name that are not its alias.
var streamAliasStop = map[string]bool{
	"WINDOW": true, "UNIDIRECTIONAL": true, "JOIN": true, "INNER": true, "LEFT": true, "RIGHT": true,
	"FULL": true, "CROSS": true, "NATURAL": true, "OUTER": true, "STRAIGHT_JOIN": true, "ON": true,
	"USING": true, "WHERE": true, "GROUP": true, "HAVING": true, "ORDER": true, "LIMIT": true,
	"OFFSET": true, "OUTPUT": true, "END": true, "AGGREGATE": true, "WITHIN": true, "PER": true,
	"SET": true, "UNION": true, "INTERSECT": true, "EXCEPT": true, "AS": true, "SELECT": true,
	"INSERT": true, "CREATE": true, "UPDATE": true, "DELETE": true, "UPSERT": true, "PARTITION": true,
}

// streamNameReserved are words that cannot name a stream in FROM.
var streamNameReserved = map[string]bool{
	"SELECT": true, "FROM": true, "WHERE": true, "HAVING": true, "JOIN": true, "ON": true, "AS": true,
	"GROUP": true, "ORDER": true, "LIMIT": true, "OFFSET": true, "OUTPUT": true, "WINDOW": true,
	"USING": true, "SET": true,
}

// parseStreamRef reads `name [[AS] alias] [WINDOW(...)] [UNIDIRECTIONAL]`.
func (p *parser) parseStreamRef() (*ast.StreamSource, *diag.Error) {
	t := p.peek()
	if !t.isName() || (t.kind == tkWord && streamNameReserved[t.up] && !p.peekAt(1).isPunct(".")) {
		return nil, expected(t, "a stream or table name")
	}
	p.i++
	ref := &ast.StreamSource{Name: ast.Ident{Name: t.name(), Pos: t.pos}}
	if a, ok, err := p.optionalAlias(streamAliasStop); err != nil {
		return nil, err
	} else if ok {
		ref.Alias = &a
	}
	if w := p.peek(); w.is("WINDOW") {
		win, err := p.parseWindow()
		if err != nil {
			return nil, err
		}
		ref.Window = win
		if w2 := p.peek(); w2.is("WINDOW") {
			return nil, errAt(w2, "E100", "SQL parse error: an input has at most one WINDOW")
		}
	}
	if p.accept("UNIDIRECTIONAL") {
		ref.Unidirectional = true
	}
	if a := p.peek(); a.is("AS") {
		return nil, errAt(a, "E100", "SQL parse error: unexpected AS after WINDOW(…)").
			WithHint("the alias goes right after the stream name: FROM S AS s WINDOW(…)")
	}
	return ref, nil
}

// optionalAlias reads `AS name` or a bare name that is not in stop.
func (p *parser) optionalAlias(stop map[string]bool) (ast.Ident, bool, *diag.Error) {
	t := p.peek()
	if t.is("AS") {
		p.i++
		id, err := p.ident("an alias name")
		return id, err == nil, err
	}
	if t.kind == tkQuoted || (t.kind == tkWord && !stop[t.up]) {
		p.i++
		return ast.Ident{Name: t.name(), Pos: t.pos}, true, nil
	}
	return ast.Ident{}, false, nil
}

// parseWindow reads WINDOW('type', arg, …); duration arguments may use
// the short unit forms (5 sec).
func (p *parser) parseWindow() (*ast.Window, *diag.Error) {
	kw := p.next()
	w := &ast.Window{Pos: kw.pos}
	if t := p.peek(); !t.isPunct("(") {
		return nil, expected(t, "'(' after WINDOW")
	}
	p.i++
	switch t := p.peek(); {
	case t.kind == tkString:
		w.Type, w.TypePos = t.val, t.pos
		p.i++
	case t.isName():
		return nil, errAt(t, "E100", "SQL parse error: expected the window type as a quoted string, found %s", t.describe()).
			WithHint("write WINDOW('%s', …)", t.name())
	default:
		return nil, expected(t, "the window type as a quoted string")
	}
	for p.acceptPunct(",") {
		arg, err := p.parseExprWith(true)
		if err != nil {
			return nil, err
		}
		w.Args = append(w.Args, arg)
	}
	if t := p.peek(); !t.isPunct(")") {
		return nil, expected(t, "',' or ')'")
	}
	p.i++
	return w, nil
}
