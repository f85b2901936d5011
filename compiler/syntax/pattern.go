package syntax

import (
	"github.com/eventflux/eventflux-go/compiler/ast"
	"github.com/eventflux/eventflux-go/compiler/diag"
)

// Pattern bodies (LANGUAGE.md §6.1, §0.2, §0.3.4). Binding, tightest first:
// EVERY (a prefix on the element or group right after it), count and
// filter, AND, OR, ->.

// parsePatternSource reads PATTERN|SEQUENCE ( body ) [WITHIN duration | WITHIN n EVENTS].
func (p *parser) parsePatternSource() (*ast.PatternSource, *diag.Error) {
	kw := p.next()
	ps := &ast.PatternSource{Pos: kw.pos, Sequence: kw.up == "SEQUENCE"}
	p.i++ // (
	body, err := p.patternChain(0)
	if err != nil {
		return nil, err
	}
	ps.Pattern = body
	if t := p.peek(); !t.isPunct(")") {
		e := expected(t, "'->' or ')'")
		if t.is("WITHIN") {
			e.WithHint("WITHIN goes after the closing parenthesis")
		}
		return nil, e
	}
	p.i++
	if !p.accept("WITHIN") {
		return ps, nil
	}
	if v, u := p.peek(), p.peekAt(1); v.kind == tkInt && (u.is("EVENTS") || u.is("EVENT")) {
		n, err := parseInt(v)
		if err != nil {
			return nil, err
		}
		if n <= 0 {
			return nil, errAt(v, "E100", "SQL parse error: WITHIN … EVENTS needs a positive number of events")
		}
		ps.WithinEvents = n
		p.i += 2
		return ps, nil
	}
	d, err := p.parseDuration()
	if err != nil {
		return nil, err
	}
	ps.Within = &d
	return ps, nil
}

func (p *parser) patternChain(depth int) (ast.PatternExpr, *diag.Error) {
	first, err := p.patternOr(depth)
	if err != nil {
		return nil, err
	}
	items := []ast.PatternExpr{first}
	for p.acceptPunct("->") {
		next, err := p.patternOr(depth)
		if err != nil {
			return nil, err
		}
		items = append(items, next)
	}
	if len(items) == 1 {
		return first, nil
	}
	return &ast.PatternChain{Pos: first.Position(), Items: items}, nil
}

func (p *parser) patternOr(depth int) (ast.PatternExpr, *diag.Error) {
	return p.patternLogical(depth, "OR", p.patternAnd)
}

func (p *parser) patternAnd(depth int) (ast.PatternExpr, *diag.Error) {
	return p.patternLogical(depth, "AND", p.patternUnary)
}

// patternLogical reads operands of one logical operator; a run of the same
// operator becomes one node with several items.
func (p *parser) patternLogical(depth int, op string, operand func(int) (ast.PatternExpr, *diag.Error)) (ast.PatternExpr, *diag.Error) {
	first, err := operand(depth)
	if err != nil {
		return nil, err
	}
	items := []ast.PatternExpr{first}
	for p.accept(op) {
		next, err := operand(depth)
		if err != nil {
			return nil, err
		}
		items = append(items, next)
	}
	if len(items) == 1 {
		return first, nil
	}
	return &ast.PatternLogical{Pos: first.Position(), Or: op == "OR", Items: items}, nil
}

func (p *parser) patternUnary(depth int) (ast.PatternExpr, *diag.Error) {
	t := p.peek()
	if depth > maxNesting {
		return nil, errAt(t, "E100", "SQL parse error: pattern nested too deeply")
	}
	switch {
	case t.is("EVERY"):
		p.i++
		inner, err := p.patternUnary(depth + 1)
		if err != nil {
			return nil, err
		}
		return &ast.PatternEvery{Pos: t.pos, Inner: inner}, nil
	case t.is("NOT"):
		return p.patternAbsent()
	case t.isPunct("("):
		p.i++
		inner, err := p.patternChain(depth + 1)
		if err != nil {
			return nil, err
		}
		if c := p.peek(); !c.isPunct(")") {
			return nil, expected(c, "'->' or ')'")
		}
		p.i++
		return inner, nil
	}
	return p.patternElem()
}

// patternWords cannot name a pattern element's stream or alias.
var patternWords = map[string]bool{"EVERY": true, "NOT": true, "AND": true, "OR": true, "WITHIN": true, "FOR": true}

func (p *parser) patternElem() (ast.PatternExpr, *diag.Error) {
	t := p.peek()
	if !t.isName() || (t.kind == tkWord && patternWords[t.up]) {
		return nil, expected(t, "a pattern element (alias=Stream)")
	}
	el := &ast.PatternElem{Pos: t.pos}
	p.i++
	if p.acceptPunct("=") {
		el.Alias = &ast.Ident{Name: t.name(), Pos: t.pos}
		s := p.peek()
		if !s.isName() || (s.kind == tkWord && patternWords[s.up]) {
			return nil, expected(s, "a stream name after '='")
		}
		p.i++
		el.Stream = ast.Ident{Name: s.name(), Pos: s.pos}
	} else {
		el.Stream = ast.Ident{Name: t.name(), Pos: t.pos}
		if p.accept("AS") {
			a, err := p.ident("an alias name")
			if err != nil {
				return nil, err
			}
			el.Alias = &a
		}
	}
	// filter and count may come in either order
	for {
		switch t := p.peek(); {
		case t.isPunct("["):
			if el.Filter != nil {
				return nil, errAt(t, "E100", "SQL parse error: a pattern element has at most one filter […]")
			}
			f, err := p.patternFilter()
			if err != nil {
				return nil, err
			}
			el.Filter = f
			continue
		case isCountStart(t):
			if el.Count != nil {
				return nil, errAt(t, "E100", "SQL parse error: a pattern element has at most one count")
			}
			c, err := p.parseCount()
			if err != nil {
				return nil, err
			}
			el.Count = c
			continue
		}
		return el, nil
	}
}

func (p *parser) patternFilter() (ast.Expr, *diag.Error) {
	p.i++ // [
	f, err := p.parseExpr()
	if err != nil {
		return nil, err
	}
	if _, err := p.expectPunct("]"); err != nil {
		return nil, err
	}
	return f, nil
}

// patternAbsent reads NOT Stream [filter] [FOR duration].
func (p *parser) patternAbsent() (ast.PatternExpr, *diag.Error) {
	not := p.next()
	s := p.peek()
	if !s.isName() || (s.kind == tkWord && patternWords[s.up]) {
		return nil, expected(s, "a stream name after NOT")
	}
	p.i++
	if a := p.peek(); a.isPunct("=") || a.is("AS") {
		return nil, errAt(a, "E100", "SQL parse error: an absent element (NOT …) binds no event and takes no alias")
	}
	ab := &ast.PatternAbsent{Pos: not.pos, Stream: ast.Ident{Name: s.name(), Pos: s.pos}}
	if p.peek().isPunct("[") {
		f, err := p.patternFilter()
		if err != nil {
			return nil, err
		}
		ab.Filter = f
	}
	if p.accept("FOR") {
		d, err := p.parseDuration()
		if err != nil {
			return nil, err
		}
		ab.For = d
	}
	return ab, nil
}

func isCountStart(t token) bool {
	if t.kind != tkPunct {
		return false
	}
	switch t.text {
	case "{", "<", "+", "*", "?":
		return true
	}
	return false
}

// parseCount reads {n}, {m,n}, {m,}, {,n}, <n>, <m:n>, <m:>, <:n>, +, * or ?.
func (p *parser) parseCount() (*ast.Count, *diag.Error) {
	t := p.next()
	c := &ast.Count{Pos: t.pos}
	switch t.text {
	case "+":
		c.Min, c.Max = 1, -1
		return c, nil
	case "*":
		c.Min, c.Max = 0, -1
		return c, nil
	case "?":
		c.Min, c.Max = 0, 1
		return c, nil
	}
	sep, closer := ",", "}"
	if t.text == "<" {
		sep, closer = ":", ">"
	}
	min, hasMin, err := p.countValue()
	if err != nil {
		return nil, err
	}
	c.Min, c.Max = min, min
	if p.acceptPunct(sep) {
		max, hasMax, err := p.countValue()
		if err != nil {
			return nil, err
		}
		c.Max = -1
		if hasMax {
			c.Max = max
		}
		if !hasMin && !hasMax {
			return nil, expected(p.peek(), "a count")
		}
	} else if !hasMin {
		return nil, expected(p.peek(), "a count")
	}
	if _, err := p.expectPunct(closer); err != nil {
		return nil, err
	}
	return c, nil
}

func (p *parser) countValue() (int, bool, *diag.Error) {
	t := p.peek()
	if t.isPunct("-") {
		return 0, false, errAt(t, "E100", "SQL parse error: a count cannot be negative")
	}
	if t.kind != tkInt {
		return 0, false, nil
	}
	v, err := parseInt(t)
	if err != nil || v > 1<<31-1 {
		return 0, false, errAt(t, "E100", "SQL parse error: count %s is too large", shorten(t.text))
	}
	p.i++
	return int(v), true, nil
}
