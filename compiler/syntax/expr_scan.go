package syntax

import (
	"math"
	"strconv"
	"strings"

	"github.com/eventflux/eventflux-go/compiler/ast"
	"github.com/eventflux/eventflux-go/compiler/diag"
)

// The expression scanner walks the tokens of one expression, alternating
// between "operand expected" and "operator expected". It finds where the
// expression ends (so the dialect parser around it needs no lookahead),
// rejects constructs we lack with a precise message, and renders a text for
// TiDB in which every operand (name, literal, function name, duration,
// indexed pattern reference) is a placeholder identifier `pN`. TiDB thus
// decides only the structure, never sees a user name (so its reserved words
// do not matter) and never reads a literal (so its quoting quirks do not
// matter); each placeholder maps back to our tokens for exact positions.

const maxNesting = 200

const minInt64Digits = "9223372036854775808"

type frameKind int

const (
	frTop      frameKind = iota
	frGroup              // ( expr )
	frCall               // f( args )
	frSubstr             // SUBSTRING( s FROM a FOR n ) or with commas
	frTrim               // TRIM( s )
	frPosition           // POSITION( sub IN s ) or with a comma
	frCast               // CAST( x AS type )
	frIn                 // x IN ( list )
	frCase               // CASE … END
)

type casePhase int

const (
	caseOperand casePhase = iota // after CASE x: WHEN comes
	caseWhen                     // after WHEN cond: THEN comes
	caseThen                     // after THEN result: WHEN, ELSE or END
	caseElse                     // after ELSE result: END
)

type frame struct {
	kind     frameKind
	open     int // token index of '(' or CASE
	holder   int // placeholder of a call or cast
	phase    casePhase
	between  int // BETWEENs still waiting for their AND
	args     int // separators seen (frSubstr)
	usedFrom bool
}

type holderKind int

const (
	hOperand holderKind = iota // expr holds the finished leaf
	hCall                      // a function call or CAST
	hInTable                   // the table of `x IN T`
)

// holder is one placeholder: a token span of the source standing for a leaf.
type holder struct {
	kind        holderKind
	first, last int
	expr        ast.Expr      // hOperand
	name        ast.Ident     // hCall: function; hInTable: table
	star        bool          // name(*)
	cast        *ast.TypeName // CAST
}

type mark struct{ off, tok int }

type exprScan struct {
	p           *parser
	shortUnits  bool // accept `5 s`, `1 min`: in WINDOW arguments
	out         strings.Builder
	marks       []mark // rendered offset → token index
	holders     []holder
	frames      []frame
	parenMatch  map[int]int // '(' token → ')' token
	caseEnd     map[int]int // CASE token → END token
	prefixes    int
	prefixMinus int // token index of the last unary minus
	end         int // first token after the expression
}

// parseExpr parses one expression starting at the current token.
func (p *parser) parseExpr() (ast.Expr, *diag.Error) { return p.parseExprWith(false) }

func (p *parser) parseExprWith(shortUnits bool) (ast.Expr, *diag.Error) {
	s := &exprScan{p: p, shortUnits: shortUnits, parenMatch: map[int]int{}, caseEnd: map[int]int{}, prefixMinus: -1}
	if err := s.run(); err != nil {
		return nil, err
	}
	return p.buildExpr(s)
}

func (s *exprScan) emit(text string, tok int) {
	s.marks = append(s.marks, mark{off: s.out.Len(), tok: tok})
	s.out.WriteString(text)
	s.out.WriteByte(' ')
}

func (s *exprScan) emitHolder(h holder) int {
	n := len(s.holders)
	s.holders = append(s.holders, h)
	s.emit("`p"+strconv.Itoa(n)+"`", h.first)
	return n
}

func (s *exprScan) leaf(e ast.Expr, first, last int) {
	s.emitHolder(holder{kind: hOperand, first: first, last: last, expr: e})
	s.p.i = last + 1
}

func (s *exprScan) top() *frame { return &s.frames[len(s.frames)-1] }

func (s *exprScan) push(f frame) *diag.Error {
	if len(s.frames) > maxNesting {
		return errAt(s.p.peek(), "E100", "SQL parse error: expression nested too deeply")
	}
	s.frames = append(s.frames, f)
	return nil
}

func (s *exprScan) pop() frame {
	f := s.frames[len(s.frames)-1]
	s.frames = s.frames[:len(s.frames)-1]
	return f
}

func (s *exprScan) run() *diag.Error {
	s.out.WriteString("SELECT ")
	s.frames = append(s.frames, frame{kind: frTop})
	wantOperand := true
	for {
		if wantOperand {
			done, err := s.operandStep()
			if err != nil {
				return err
			}
			if done {
				wantOperand = false
				s.prefixes = 0
			} else if s.prefixes++; s.prefixes > maxNesting {
				return errAt(s.p.peek(), "E100", "SQL parse error: expression nested too deeply")
			}
			continue
		}
		operand, stop, err := s.operatorStep()
		if err != nil {
			return err
		}
		if stop {
			s.end = s.p.i
			return nil
		}
		wantOperand = operand
	}
}

// operandStep consumes a whole operand (true) or a prefix: a unary
// operator, '(' or CASE (false, an operand is still expected).
func (s *exprScan) operandStep() (bool, *diag.Error) {
	p := s.p
	t := p.peek()
	i := p.i
	switch t.kind {
	case tkInt:
		if done, err := s.durationLiteral(t); done || err != nil {
			return done, err
		}
		v, err := parseInt(t)
		if err != nil {
			// -9223372036854775808 is a BIGINT although its digits alone are
			// not; the converter folds the minus into the literal.
			if t.text != minInt64Digits || s.prefixMinus != i-1 {
				return false, err
			}
			v = math.MinInt64
		}
		s.leaf(&ast.Literal{Pos: t.pos, Kind: ast.LitInt, Int: v, Text: t.text}, i, i)
		return true, nil
	case tkDecimal:
		v, err := strconv.ParseFloat(t.text, 64)
		if err != nil {
			return false, errAt(t, "E100", "SQL parse error: invalid number '%s'", shorten(t.text))
		}
		s.leaf(&ast.Literal{Pos: t.pos, Kind: ast.LitDecimal, Float: v, Text: t.text}, i, i)
		return true, nil
	case tkString:
		s.leaf(&ast.Literal{Pos: t.pos, Kind: ast.LitString, Str: t.val, Text: t.text}, i, i)
		return true, nil
	case tkWord:
		return s.wordOperand(t)
	case tkQuoted:
		if p.peekAt(1).isPunct("(") {
			return s.call(t)
		}
		return s.nameOperand(t)
	case tkPunct:
		switch t.text {
		case "(":
			if p.peekAt(1).is("SELECT") {
				return false, subquery(p.peekAt(1))
			}
			if err := s.push(frame{kind: frGroup, open: i}); err != nil {
				return false, err
			}
			s.emit("(", i)
			p.i++
			return false, nil
		case "-", "+":
			if t.text == "-" {
				s.prefixMinus = i
			}
			s.emit(t.text, i)
			p.i++
			return false, nil
		case "!":
			return false, errAt(t, "E100", "SQL parse error: operator '!' is not supported").WithHint("use NOT")
		case "~":
			return false, bitwise(t)
		case "@":
			return false, errAt(t, "E100", "SQL parse error: variables (@name) are not supported")
		case "?":
			return false, errAt(t, "E100", "SQL parse error: parameter markers (?) are not supported")
		case ".":
			if n := p.peekAt(1); n.kind == tkInt {
				return false, errAt(t, "E100", "SQL parse error: expected an expression, found '.'").
					WithHint("write 0.%s", n.text)
			}
		}
	}
	return false, missingOperand(t)
}

func missingOperand(t token) *diag.Error { return expected(t, "an expression") }

func subquery(t token) *diag.Error {
	return errAt(t, "E100", "SQL parse error: subqueries are not supported").
		WithHint("compute the inner query into a stream or table and join with it")
}

func bitwise(t token) *diag.Error {
	return errAt(t, "E100", "SQL parse error: bitwise operator '%s' is not supported", t.text)
}

// reservedOperand lists words that cannot start an operand: a column of
// that name must be quoted. GROUP and ORDER count only before BY, since
// apps do name columns `group` and `order`.
func (s *exprScan) reservedOperand(t token) bool {
	switch t.up {
	case "FROM", "WHERE", "AS", "AND", "OR", "IS", "IN", "BETWEEN", "LIKE", "WHEN", "THEN",
		"ELSE", "END", "ON", "JOIN", "HAVING", "INTO", "UNION", "INTERSECT", "EXCEPT":
		return true
	case "GROUP", "ORDER":
		return s.p.peekAt(1).is("BY")
	}
	return false
}

func (s *exprScan) wordOperand(t token) (bool, *diag.Error) {
	p := s.p
	i := p.i
	next := p.peekAt(1)
	switch t.up {
	case "NULL":
		s.leaf(&ast.Literal{Pos: t.pos, Kind: ast.LitNull, Text: t.text}, i, i)
		return true, nil
	case "TRUE", "FALSE":
		s.leaf(&ast.Literal{Pos: t.pos, Kind: ast.LitBool, Bool: t.up == "TRUE", Text: t.text}, i, i)
		return true, nil
	case "NOT":
		s.emit("NOT", i)
		p.i++
		return false, nil
	case "CASE":
		if err := s.push(frame{kind: frCase, open: i, phase: caseOperand}); err != nil {
			return false, err
		}
		s.emit("CASE", i)
		p.i++
		if next.is("WHEN") {
			s.top().phase = caseWhen
			s.emit("WHEN", i+1)
			p.i++
		}
		return false, nil
	case "INTERVAL":
		if next.kind == tkString || next.kind == tkInt {
			return true, s.interval(t)
		}
	case "EXISTS":
		if next.isPunct("(") {
			return false, errAt(t, "E100", "SQL parse error: EXISTS is not supported").
				WithHint("use x IN Table for a membership test")
		}
	case "SELECT":
		return false, subquery(t)
	case "DISTINCT":
		return false, errAt(t, "E100", "SQL parse error: DISTINCT is not supported")
	}
	if next.isPunct("(") {
		return s.call(t)
	}
	return s.nameOperand(t)
}

// nameOperand reads `name`, `q.name` or `alias[index].name`.
func (s *exprScan) nameOperand(t token) (bool, *diag.Error) {
	p := s.p
	i := p.i
	name := ast.Ident{Name: t.name(), Pos: t.pos}
	switch n1 := p.peekAt(1); {
	case n1.isPunct("."):
		n2 := p.peekAt(2)
		if n2.isPunct("*") {
			return false, errAt(n2, "E100", "SQL parse error: '%s.*' is only allowed as a select item", t.name())
		}
		if !n2.isName() {
			return false, expected(n2, "a column name after '.'")
		}
		if n3 := p.peekAt(3); n3.isPunct("(") {
			return false, errAt(t, "E100", "SQL parse error: qualified function names are not supported").
				WithHint("quote namespaced functions with backticks: `ns:name`(…)")
		} else if n3.isPunct(".") {
			return false, errAt(n3, "E100", "SQL parse error: a column reference has at most one qualifier")
		}
		q := name
		s.leaf(&ast.ColumnRef{Qualifier: &q, Name: ast.Ident{Name: n2.name(), Pos: n2.pos}}, i, i+2)
		return true, nil
	case n1.isPunct("["):
		return s.indexed(t)
	}
	if t.kind == tkWord && s.reservedOperand(t) {
		return false, missingOperand(t)
	}
	s.leaf(&ast.ColumnRef{Name: name}, i, i)
	return true, nil
}

// indexed reads alias[N].col or alias[last].col (pattern collections, §6.4).
func (s *exprScan) indexed(t token) (bool, *diag.Error) {
	p := s.p
	i := p.i
	it := p.peekAt(2)
	idx := &ast.EventIndex{Pos: it.pos}
	switch {
	case it.kind == tkInt:
		v, err := parseInt(it)
		if err != nil || v > 1<<31-1 {
			return false, errAt(it, "E100", "SQL parse error: event index %s is too large", shorten(it.text))
		}
		idx.N = int(v)
	case it.is("LAST"):
		idx.Last = true
	case it.isPunct("-"):
		return false, errAt(it, "E100", "SQL parse error: negative event indexes are not supported").
			WithHint("use %s[last] for the last event", t.name())
	case it.is("FIRST"):
		return false, errAt(it, "E100", "SQL parse error: %s[first] is not supported", t.name()).
			WithHint("use %s[0] for the first event", t.name())
	default:
		return false, expected(it, "an event index (a number or last)")
	}
	if c := p.peekAt(3); !c.isPunct("]") {
		return false, expected(c, "']'")
	}
	if d := p.peekAt(4); !d.isPunct(".") {
		return false, expected(d, "'.' and a column name after "+t.name()+"[…]")
	}
	col := p.peekAt(5)
	if !col.isName() {
		return false, expected(col, "a column name")
	}
	s.leaf(&ast.ColumnRef{
		Qualifier: &ast.Ident{Name: t.name(), Pos: t.pos},
		Name:      ast.Ident{Name: col.name(), Pos: col.pos},
		Index:     idx,
	}, i, i+5)
	return true, nil
}

// call starts a function call at its name token t ('(' follows).
func (s *exprScan) call(t token) (bool, *diag.Error) {
	p := s.p
	i := p.i
	kind := frCall
	var cast *ast.TypeName
	if t.kind == tkWord {
		switch t.up {
		case "CAST":
			kind, cast = frCast, &ast.TypeName{}
		case "SUBSTRING", "SUBSTR":
			kind = frSubstr
		case "TRIM":
			kind = frTrim
		case "POSITION":
			kind = frPosition
		}
	}
	h := holder{kind: hCall, first: i, name: ast.Ident{Name: t.name(), Pos: t.pos}, cast: cast}
	a := p.peekAt(2)
	switch {
	case a.is("DISTINCT"):
		return false, errAt(a, "E100", "SQL parse error: %s(DISTINCT …) is not supported", t.name()).
			WithHint("distinctCount(x) counts distinct values")
	case a.is("SELECT"):
		return false, subquery(a)
	case kind == frTrim && (a.is("BOTH") || a.is("LEADING") || a.is("TRAILING")):
		return false, trimForm(a)
	case kind != frCast && a.isPunct("*") && p.peekAt(3).isPunct(")"):
		h.star, h.last = true, i+3
		s.emitHolder(h)
		s.emit("(", i+1)
		s.emit(")", i+3)
		s.parenMatch[i+1] = i + 3
		p.i += 4
		return true, nil
	case kind != frCast && a.isPunct(")"):
		h.last = i + 2
		s.emitHolder(h)
		s.emit("(", i+1)
		s.emit(")", i+2)
		s.parenMatch[i+1] = i + 2
		p.i += 3
		return true, nil
	}
	n := s.emitHolder(h)
	if err := s.push(frame{kind: kind, open: i + 1, holder: n}); err != nil {
		return false, err
	}
	s.emit("(", i+1)
	p.i += 2
	return false, nil
}

func trimForm(t token) *diag.Error {
	return errAt(t, "E100", "SQL parse error: only TRIM(s) is supported").
		WithHint("trim, ltrim and rtrim remove whitespace")
}

// interval reads INTERVAL 'n' UNIT (or INTERVAL n UNIT) as a BIGINT of ms.
func (s *exprScan) interval(t token) *diag.Error {
	p := s.p
	i := p.i
	vt := p.peekAt(1)
	var n int64
	if vt.kind == tkInt {
		v, err := parseInt(vt)
		if err != nil {
			return err
		}
		n = v
	} else {
		v, err := strconv.ParseInt(strings.TrimSpace(vt.val), 10, 64)
		if err != nil {
			return errAt(vt, "E114", "Invalid INTERVAL value %s: expected a whole number", shorten(vt.text))
		}
		n = v
	}
	ut := p.peekAt(2)
	if ut.kind != tkWord {
		return expected(ut, "a time unit (SECOND, MINUTE, HOUR, DAY, …)")
	}
	unit, ok := longUnits[ut.up]
	if !ok {
		unit, ok = calendarUnits[ut.up]
	}
	if !ok {
		return errAt(ut, "E114", "Unsupported time unit '%s'", ut.up).
			WithHint("INTERVAL takes MILLISECOND, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH or YEAR")
	}
	ms, err := scaleDuration(n, unit, vt)
	if err != nil {
		return err
	}
	text := t.text + " " + vt.text + " " + ut.text
	s.leaf(&ast.Literal{Pos: t.pos, Kind: ast.LitDuration, Int: ms, Text: text}, i, i+2)
	return nil
}

// durationLiteral reads `5 SECONDS` (and, in WINDOW arguments, `5 sec`).
func (s *exprScan) durationLiteral(t token) (bool, *diag.Error) {
	p := s.p
	ut := p.peekAt(1)
	if p.peekAt(2).isPunct("(") { // `5 min(x)` is not a unit
		return false, nil
	}
	unit, kind := durationUnit(ut, s.shortUnits)
	switch kind {
	case unitRejected:
		return false, unsupportedUnit(ut)
	case notUnit:
		return false, nil
	}
	n, err := parseInt(t)
	if err != nil {
		return false, err
	}
	ms, err := scaleDuration(n, unit, t)
	if err != nil {
		return false, err
	}
	s.leaf(&ast.Literal{Pos: t.pos, Kind: ast.LitDuration, Int: ms, Text: t.text + " " + ut.text}, p.i, p.i+1)
	return true, nil
}

// operatorStep handles the token after a complete operand. It returns
// whether an operand is expected next, or stop when the expression ended.
func (s *exprScan) operatorStep() (operand, stop bool, err *diag.Error) {
	p := s.p
	t := p.peek()
	i := p.i
	f := s.top()
	switch t.kind {
	case tkPunct:
		switch t.text {
		case "+", "-", "*", "/", "%", "=", "!=", "<>", "<", "<=", ">", ">=":
			s.emit(t.text, i)
			p.i++
			return true, false, nil
		case "==":
			s.emit("=", i)
			p.i++
			return true, false, nil
		case "||":
			return false, false, errAt(t, "E100", "SQL parse error: operator '||' is not supported").
				WithHint("use concat(a, b) to join strings, OR for a logical or")
		case "&&":
			return false, false, errAt(t, "E100", "SQL parse error: operator '&&' is not supported").WithHint("use AND")
		case "&", "|", "^", "<<", ">>", "~":
			return false, false, bitwise(t)
		case "<=>":
			return false, false, errAt(t, "E100", "SQL parse error: operator '<=>' is not supported").
				WithHint("use IS NULL or =")
		case "->", "->>":
			return false, false, errAt(t, "E100", "SQL parse error: unexpected '%s' in an expression", t.text).
				WithHint("'->' only joins elements of PATTERN/SEQUENCE")
		case ":=":
			return false, false, errAt(t, "E100", "SQL parse error: operator ':=' is not supported")
		case ",":
			switch f.kind {
			case frTop:
				return false, true, nil
			case frCall, frIn, frTrim, frPosition:
				f.args++
				s.emit(",", i)
				p.i++
				return true, false, nil
			case frSubstr:
				if !f.usedFrom {
					f.args++
					s.emit(",", i)
					p.i++
					return true, false, nil
				}
			case frCast:
				// cast(x, 'int') is the function form (§9.3), an ordinary call
				f.kind = frCall
				s.holders[f.holder].cast = nil
				s.emit(",", i)
				p.i++
				return true, false, nil
			case frGroup:
				return false, false, expected(t, "')'").WithHint("row values (a, b) are not supported")
			}
			return false, false, s.unclosed(t)
		case ")":
			if f.between > 0 {
				return false, false, expected(t, "AND")
			}
			switch f.kind {
			case frTop:
				return false, true, nil
			case frGroup, frCall, frIn, frSubstr, frTrim, frPosition:
				s.closeParen(i)
				return false, false, nil
			}
			return false, false, s.unclosed(t)
		case "(", "[", ".":
			return false, false, errAt(t, "E100", "SQL parse error: unexpected '%s' after an operand", t.text)
		}
	case tkWord:
		return s.operatorWord(t, f)
	}
	return s.endOrUnclosed(t)
}

// endOrUnclosed ends the expression at t if no bracket is open.
func (s *exprScan) endOrUnclosed(t token) (bool, bool, *diag.Error) {
	f := s.top()
	if f.kind != frTop {
		return false, false, s.unclosed(t)
	}
	if f.between > 0 {
		return false, false, expected(t, "AND")
	}
	return false, true, nil
}

func (s *exprScan) closeParen(i int) {
	f := s.pop()
	s.parenMatch[f.open] = i
	if f.kind != frGroup && f.kind != frIn {
		s.holders[f.holder].last = i
	}
	s.emit(")", i)
	s.p.i = i + 1
}

func (s *exprScan) operatorWord(t token, f *frame) (bool, bool, *diag.Error) {
	p := s.p
	i := p.i
	switch t.up {
	case "AND":
		if f.between > 0 {
			f.between--
		}
		s.emit("AND", i)
		p.i++
		return true, false, nil
	case "OR":
		s.emit("OR", i)
		p.i++
		return true, false, nil
	case "XOR":
		return false, false, errAt(t, "E100", "SQL parse error: operator XOR is not supported").
			WithHint("write (a AND NOT b) OR (NOT a AND b)")
	case "DIV":
		return false, false, errAt(t, "E100", "SQL parse error: operator DIV is not supported").
			WithHint("use / (the result is DOUBLE) and CAST to an integer type")
	case "MOD":
		return false, false, errAt(t, "E100", "SQL parse error: operator MOD is not supported").WithHint("use %% or mod(a, b)")
	case "REGEXP", "RLIKE":
		return false, false, errAt(t, "E100", "SQL parse error: operator %s is not supported", t.up).WithHint("use LIKE")
	case "SOUNDS", "COLLATE", "MEMBER", "ILIKE":
		return false, false, errAt(t, "E100", "SQL parse error: operator %s is not supported", t.up)
	case "ESCAPE":
		return false, false, errAt(t, "E100", "SQL parse error: LIKE … ESCAPE is not supported")
	case "OVER":
		return false, false, errAt(t, "E100", "SQL parse error: window functions (OVER …) are not supported").
			WithHint("use WINDOW('…') on the input stream")
	case "IS":
		return s.isNull(t)
	case "NOT":
		n := p.peekAt(1)
		switch {
		case n.is("IN"), n.is("BETWEEN"), n.is("LIKE"):
			s.emit("NOT", i)
			p.i++
			return s.operatorWord(n, f)
		case n.is("REGEXP"), n.is("RLIKE"), n.is("ILIKE"):
			return false, false, errAt(n, "E100", "SQL parse error: operator %s is not supported", n.up)
		}
		return false, false, expected(n, "IN, BETWEEN or LIKE after NOT")
	case "IN":
		if f.kind == frPosition && f.args == 0 {
			// POSITION(sub IN s) is position(sub, s)
			f.args++
			s.emit(",", i)
			p.i++
			return true, false, nil
		}
		return s.in(i, i)
	case "CONTAINS":
		// `x CONTAINS IN T` is the EventFlux tests' spelling of `x IN T`.
		if p.peekAt(1).is("IN") {
			return s.in(i, i+1)
		}
	case "BETWEEN":
		f.between++
		s.emit("BETWEEN", i)
		p.i++
		return true, false, nil
	case "LIKE":
		s.emit("LIKE", i)
		p.i++
		return true, false, nil
	case "WHEN", "THEN", "ELSE", "END":
		if f.kind == frCase {
			return s.caseWord(t, f)
		}
	case "AS":
		if f.kind == frCast {
			return false, false, s.castType(f)
		}
	case "FROM":
		if f.kind == frSubstr && f.args == 0 && !f.usedFrom {
			f.usedFrom = true
			f.args++
			s.emit(",", i)
			p.i++
			return true, false, nil
		}
		if f.kind == frTrim {
			return false, false, trimForm(t)
		}
	case "FOR":
		if f.kind == frSubstr && f.usedFrom && f.args == 1 {
			f.args++
			s.emit(",", i)
			p.i++
			return true, false, nil
		}
	}
	return s.endOrUnclosed(t)
}

func (s *exprScan) isNull(t token) (bool, bool, *diag.Error) {
	p := s.p
	j := p.i
	s.emit("IS", j)
	j++
	if p.toks[j].is("NOT") {
		s.emit("NOT", j)
		j++
	}
	n := p.toks[j]
	switch {
	case n.is("NULL"):
		s.emit("NULL", j)
		p.i = j + 1
		return false, false, nil
	case n.is("TRUE"), n.is("FALSE"), n.is("UNKNOWN"):
		return false, false, errAt(n, "E100", "SQL parse error: IS %s is not supported", n.up).
			WithHint("compare with = TRUE or = FALSE")
	}
	return false, false, expected(n, "NULL")
}

// in handles IN at token in (whose rendered keyword maps to token at, the
// CONTAINS of `CONTAINS IN`): a list in parentheses or a table name.
func (s *exprScan) in(at, in int) (bool, bool, *diag.Error) {
	p := s.p
	n := p.toks[in+1]
	switch {
	case n.isPunct("("):
		if p.toks[in+2].is("SELECT") {
			return false, false, subquery(p.toks[in+2])
		}
		if err := s.push(frame{kind: frIn, open: in + 1}); err != nil {
			return false, false, err
		}
		s.emit("IN", at)
		s.emit("(", in+1)
		p.i = in + 2
		return true, false, nil
	case n.isName() && !p.toks[in+2].isPunct("(") && !p.toks[in+2].isPunct("."):
		// TiDB needs a list: render IN (`pN`) with the placeholder standing
		// for the table; the converter turns it back into In.Table.
		s.emit("IN", at)
		s.marks = append(s.marks, mark{off: s.out.Len(), tok: in + 1})
		s.out.WriteString("( ")
		s.emitHolder(holder{kind: hInTable, first: in + 1, last: in + 1, name: ast.Ident{Name: n.name(), Pos: n.pos}})
		s.marks = append(s.marks, mark{off: s.out.Len(), tok: in + 1})
		s.out.WriteString(") ")
		p.i = in + 2
		return false, false, nil
	}
	return false, false, expected(n, "'(' or a table name after IN")
}

func (s *exprScan) caseWord(t token, f *frame) (bool, bool, *diag.Error) {
	p := s.p
	i := p.i
	if f.between > 0 {
		return false, false, expected(t, "AND")
	}
	switch {
	case t.up == "WHEN" && (f.phase == caseOperand || f.phase == caseThen):
		f.phase = caseWhen
	case t.up == "THEN" && f.phase == caseWhen:
		f.phase = caseThen
	case t.up == "ELSE" && f.phase == caseThen:
		f.phase = caseElse
	case t.up == "END" && (f.phase == caseThen || f.phase == caseElse):
		s.pop()
		s.caseEnd[f.open] = i
		s.emit("END", i)
		p.i++
		return false, false, nil
	default:
		return false, false, s.unclosed(t)
	}
	s.emit(t.up, i)
	p.i++
	return true, false, nil
}

// castType reads `AS type )` of CAST.
func (s *exprScan) castType(f *frame) *diag.Error {
	p := s.p
	p.i++ // AS
	tn, err := p.parseTypeName()
	if err != nil {
		return err
	}
	if !p.peek().isPunct(")") {
		return expected(p.peek(), "')'")
	}
	*s.holders[f.holder].cast = tn
	s.closeParen(p.i)
	return nil
}

// unclosed reports t where the innermost open bracket needs something else.
func (s *exprScan) unclosed(t token) *diag.Error {
	f := s.top()
	if f.between > 0 {
		return expected(t, "AND")
	}
	var what string
	switch f.kind {
	case frGroup:
		what = "')'"
	case frCall, frIn, frTrim, frPosition:
		what = "',' or ')'"
	case frSubstr:
		switch {
		case f.usedFrom && f.args == 1:
			what = "FOR or ')'"
		case f.usedFrom:
			what = "')'"
		case f.args == 0:
			what = "',', FROM or ')'"
		default:
			what = "',' or ')'"
		}
	case frCast:
		what = "AS or ','"
	case frCase:
		switch f.phase {
		case caseOperand:
			what = "WHEN"
		case caseWhen:
			what = "THEN"
		case caseThen:
			what = "WHEN, ELSE or END"
		default:
			what = "END"
		}
	}
	return expected(t, what)
}
