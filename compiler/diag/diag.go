// Package diag holds source positions and the compile error type shared by
// every front-end stage, so that all errors render the same way
// (LANGUAGE.md §13.1): "file:line:col: error[Ecode]: message", the source
// line with a caret, and an optional hint.
package diag

import (
	"fmt"
	"strings"
)

// Pos is a 1-based line and column plus the 0-based byte offset in the app text.
type Pos struct {
	Line, Col, Offset int
}

// IsValid reports whether the position was set.
func (p Pos) IsValid() bool { return p.Line > 0 }

func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// Error is one compile-time error. Compilation stops at the first one.
type Error struct {
	File string // may be empty
	Pos  Pos
	Code string // "E202"
	Msg  string
	Hint string
	Src  string // the whole app text, for the caret line; may be empty
}

// Errorf builds an Error at pos.
func Errorf(pos Pos, code, format string, args ...any) *Error {
	return &Error{Pos: pos, Code: code, Msg: fmt.Sprintf(format, args...)}
}

// WithHint returns e with its hint set.
func (e *Error) WithHint(format string, args ...any) *Error {
	e.Hint = fmt.Sprintf(format, args...)
	return e
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteByte(':')
	}
	if e.Pos.IsValid() {
		fmt.Fprintf(&b, "%d:%d: ", e.Pos.Line, e.Pos.Col)
	}
	fmt.Fprintf(&b, "error[%s]: %s", e.Code, e.Msg)
	if line, ok := sourceLine(e.Src, e.Pos.Line); ok {
		b.WriteString("\n  ")
		b.WriteString(line)
		b.WriteString("\n  ")
		b.WriteString(caretPad(line, e.Pos.Col))
		b.WriteByte('^')
	}
	if e.Hint != "" {
		b.WriteString("\n  hint: ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

// Short is the first line only (no source excerpt, no hint).
func (e *Error) Short() string {
	s := e.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func sourceLine(src string, line int) (string, bool) {
	if src == "" || line <= 0 {
		return "", false
	}
	lines := strings.Split(src, "\n")
	if line > len(lines) {
		return "", false
	}
	return strings.TrimRight(lines[line-1], "\r"), true
}

// caretPad keeps tabs so the caret lines up under the offending column.
func caretPad(line string, col int) string {
	var b strings.Builder
	for i, r := range line {
		if i >= col-1 {
			break
		}
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// PosAt converts a byte offset of src into a Pos.
func PosAt(src string, offset int) Pos {
	if offset < 0 {
		offset = 0
	}
	if offset > len(src) {
		offset = len(src)
	}
	line, col := 1, 1
	for i := 0; i < offset; i++ {
		if src[i] == '\n' {
			line++
			col = 1
		} else if src[i]&0xC0 != 0x80 { // count runes, not bytes
			col++
		}
	}
	return Pos{Line: line, Col: col, Offset: offset}
}

// Closest returns the candidate nearest to name by edit distance, if it is
// close enough to be a plausible typo; used for "did you mean" hints.
func Closest(name string, candidates []string) (string, bool) {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		d := editDistance(strings.ToLower(name), strings.ToLower(c))
		if d < bestD {
			best, bestD = c, d
		}
	}
	limit := len(name)/3 + 1
	if best == "" || bestD > limit {
		return "", false
	}
	return best, true
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
