package syntax

import (
	"strings"
	"unicode/utf8"

	"github.com/eventflux/eventflux-go/compiler/diag"
)

// tokKind classifies a token. The lexer follows TiDB's quoting rules
// ('…' strings with ” escapes, "…" and `…` identifiers, -- and /* */
// comments) but is our own, because TiDB's scanner cannot be driven from
// outside its package and because our lexical rules are stricter
// (LANGUAGE.md §1.1: no backslash escapes, no exponent or hex literals).
type tokKind int

const (
	tkEOF     tokKind = iota
	tkWord            // keyword or bare identifier
	tkQuoted          // "…" or `…` identifier; val holds the name
	tkString          // '…'; val holds the unescaped text
	tkInt             // digits
	tkDecimal         // digits '.' digits
	tkPunct           // operators and punctuation; text holds the spelling
	tkError           // a lexical error; err says which
)

type token struct {
	kind tokKind
	text string // as written in the source
	val  string // tkQuoted, tkString: the unquoted value
	up   string // tkWord: upper-cased text, for keyword matching
	off  int    // byte offset of the first character
	end  int    // byte offset after the last character
	pos  diag.Pos
	err  *diag.Error // tkError
}

// is reports whether t is the keyword kw (given in upper case).
func (t token) is(kw string) bool { return t.kind == tkWord && t.up == kw }

// isPunct reports whether t is the punctuation p.
func (t token) isPunct(p string) bool { return t.kind == tkPunct && t.text == p }

// isName reports whether t can be a name: a bare word or a quoted identifier.
func (t token) isName() bool { return t.kind == tkWord || t.kind == tkQuoted }

// name is the identifier a name token denotes.
func (t token) name() string {
	if t.kind == tkQuoted {
		return t.val
	}
	return t.text
}

// describe renders the token for "found …" in messages.
func (t token) describe() string {
	switch t.kind {
	case tkEOF:
		return "end of input"
	case tkString:
		return "string " + quoteShort(t.text)
	case tkQuoted:
		return quoteShort(t.text)
	}
	return "'" + shorten(t.text) + "'"
}

func quoteShort(s string) string {
	s = shorten(s)
	if strings.HasPrefix(s, "'") {
		return s
	}
	return "'" + s + "'"
}

func shorten(s string) string {
	const max = 24
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}

// puncts lists multi-character operators longest first so the lexer can
// take the longest match; single characters follow.
var puncts = []string{
	"...", "->>", "<=>",
	"->", "<=", ">=", "<>", "!=", "==", "<<", ">>", "||", "&&", ":=",
	"(", ")", "[", "]", "{", "}", ",", ";", ".", "*", "+", "-", "/", "%",
	"=", "<", ">", "!", "&", "|", "^", "~", ":", "?", "@",
}

type lexer struct {
	src  string
	i    int
	line int
	col  int // column of src[i]
	toks []token
}

// lex splits src into tokens. A lexical error ends the stream with a
// tkError token (then tkEOF), so the parser reports whichever error comes
// first in the text.
func lex(src string) []token {
	lx := &lexer{src: src, line: 1, col: 1}
	if strings.HasPrefix(src, "\uFEFF") { // a byte-order mark is not text
		lx.advance(3)
	}
	for {
		if err := lx.skipSpaceAndComments(); err != nil {
			lx.toks = append(lx.toks, token{kind: tkError, off: err.Pos.Offset, end: err.Pos.Offset, pos: err.Pos, err: err})
			break
		}
		if lx.i >= len(src) {
			break
		}
		t := lx.next()
		lx.toks = append(lx.toks, t)
		if t.kind == tkError {
			break
		}
	}
	lx.toks = append(lx.toks, token{kind: tkEOF, off: len(src), end: len(src), pos: lx.here()})
	return lx.toks
}

func (lx *lexer) here() diag.Pos { return diag.Pos{Line: lx.line, Col: lx.col, Offset: lx.i} }

// advance moves n bytes forward keeping line and column (columns count
// runes, as diag.PosAt does).
func (lx *lexer) advance(n int) {
	for ; n > 0 && lx.i < len(lx.src); n-- {
		c := lx.src[lx.i]
		lx.i++
		if c == '\n' {
			lx.line++
			lx.col = 1
		} else if c&0xC0 != 0x80 {
			lx.col++
		}
	}
}

func (lx *lexer) peekByte(k int) byte {
	if lx.i+k < len(lx.src) {
		return lx.src[lx.i+k]
	}
	return 0
}

func (lx *lexer) skipSpaceAndComments() *diag.Error {
	for lx.i < len(lx.src) {
		c := lx.src[lx.i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			lx.advance(1)
		case c == '-' && lx.peekByte(1) == '-':
			for lx.i < len(lx.src) && lx.src[lx.i] != '\n' {
				lx.advance(1)
			}
		case c == '/' && lx.peekByte(1) == '*':
			start := lx.here()
			end := strings.Index(lx.src[lx.i+2:], "*/")
			if end < 0 {
				return diag.Errorf(start, "E100", "SQL parse error: unterminated comment").
					WithHint("close the comment with */")
			}
			lx.advance(end + 4)
		default:
			return nil
		}
	}
	return nil
}

func isLetter(c byte) bool { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

func (lx *lexer) next() token {
	start := lx.here()
	c := lx.src[lx.i]
	switch {
	case isLetter(c):
		return lx.word(start)
	case isDigit(c):
		return lx.number(start)
	case c == '\'':
		return lx.quoted(start, '\'', tkString, "string literal")
	case c == '"':
		return lx.quoted(start, '"', tkQuoted, "quoted identifier")
	case c == '`':
		return lx.quoted(start, '`', tkQuoted, "quoted identifier")
	}
	for _, p := range puncts {
		if strings.HasPrefix(lx.src[lx.i:], p) {
			lx.advance(len(p))
			return token{kind: tkPunct, text: p, off: start.Offset, end: lx.i, pos: start}
		}
	}
	r, _ := utf8.DecodeRuneInString(lx.src[lx.i:])
	e := diag.Errorf(start, "E100", "SQL parse error: unexpected character %q", r)
	if c == '#' {
		e.WithHint("comments are written -- … or /* … */")
	}
	return token{kind: tkError, off: start.Offset, end: start.Offset, pos: start, err: e}
}

func (lx *lexer) word(start diag.Pos) token {
	j := lx.i
	for j < len(lx.src) && (isLetter(lx.src[j]) || isDigit(lx.src[j])) {
		j++
	}
	text := lx.src[lx.i:j]
	// X'0F', B'01', N'…' and _charset'…' are MySQL literal forms we lack.
	if j < len(lx.src) && lx.src[j] == '\'' {
		up := strings.ToUpper(text)
		if up == "X" || up == "B" || up == "N" || strings.HasPrefix(text, "_") {
			e := diag.Errorf(start, "E100", "SQL parse error: %s'…' literals are not supported", text)
			return token{kind: tkError, off: start.Offset, end: start.Offset, pos: start, err: e}
		}
	}
	lx.advance(j - lx.i)
	return token{kind: tkWord, text: text, up: strings.ToUpper(text), off: start.Offset, end: lx.i, pos: start}
}

func (lx *lexer) number(start diag.Pos) token {
	j := lx.i
	for j < len(lx.src) && isDigit(lx.src[j]) {
		j++
	}
	kind := tkInt
	if j+1 < len(lx.src) && lx.src[j] == '.' && isDigit(lx.src[j+1]) {
		kind = tkDecimal
		j++
		for j < len(lx.src) && isDigit(lx.src[j]) {
			j++
		}
	}
	if j < len(lx.src) && (isLetter(lx.src[j]) || isDigit(lx.src[j])) {
		k := j
		for k < len(lx.src) && (isLetter(lx.src[k]) || isDigit(lx.src[k]) || lx.src[k] == '.') {
			k++
		}
		text := lx.src[lx.i:k]
		return token{kind: tkError, off: start.Offset, end: start.Offset, pos: start, err: badNumber(start, text, lx.src[j])}
	}
	text := lx.src[lx.i:j]
	lx.advance(j - lx.i)
	return token{kind: kind, text: text, off: start.Offset, end: lx.i, pos: start}
}

func badNumber(pos diag.Pos, text string, after byte) *diag.Error {
	lower := strings.ToLower(text)
	switch {
	case strings.HasPrefix(lower, "0x") || strings.HasPrefix(lower, "0b"):
		return diag.Errorf(pos, "E100", "SQL parse error: hexadecimal and binary literals are not supported: '%s'", text)
	case after == 'e' || after == 'E':
		return diag.Errorf(pos, "E100", "SQL parse error: exponent notation is not supported: '%s'", text).
			WithHint("write the number out in full, e.g. 1000 or 0.001")
	}
	return diag.Errorf(pos, "E100", "SQL parse error: invalid number '%s'", text).
		WithHint("names start with a letter or '_'")
}

// quoted reads a literal delimited by q in which a doubled q stands for one.
func (lx *lexer) quoted(start diag.Pos, q byte, kind tokKind, what string) token {
	var b strings.Builder
	j := lx.i + 1
	for {
		k := strings.IndexByte(lx.src[j:], q)
		if k < 0 {
			e := diag.Errorf(start, "E100", "SQL parse error: unterminated %s", what).
				WithHint("close it with %c", q)
			return token{kind: tkError, off: start.Offset, end: start.Offset, pos: start, err: e}
		}
		b.WriteString(lx.src[j : j+k])
		j += k + 1
		if j < len(lx.src) && lx.src[j] == q {
			b.WriteByte(q)
			j++
			continue
		}
		break
	}
	text := lx.src[lx.i:j]
	val := b.String()
	if kind == tkQuoted && strings.TrimSpace(val) == "" {
		e := diag.Errorf(start, "E100", "SQL parse error: empty quoted identifier %s", text)
		return token{kind: tkError, off: start.Offset, end: start.Offset, pos: start, err: e}
	}
	lx.advance(j - lx.i)
	return token{kind: kind, text: text, val: val, off: start.Offset, end: lx.i, pos: start}
}
