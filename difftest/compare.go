package difftest

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	rt "github.com/eventflux/eventflux-go/runtime"
)

// mismatchKind classifies a difference; the shrinker keeps the kind it
// started from, so a value mismatch never shrinks into an unrelated one.
type mismatchKind uint8

const (
	noMismatch       mismatchKind = iota
	buildMismatch                 // one backend built the app, the other did not
	crashMismatch                 // a backend panicked or hung
	outputMismatch                // schemas, send errors or recorded events differ
	typingMismatch                // a backend's schema differs from the spec's typing of the app
	contractMismatch              // a backend wrote a value whose Go type does not fit its column
	snapshotMismatch              // the backends' snapshots of one state differ (Config.SamePlans)
)

func (k mismatchKind) String() string {
	return [...]string{"none", "build", "crash", "output", "typing", "contract", "snapshot"}[k]
}

// difference is the first difference between two recordings.
type difference struct {
	kind   mismatchKind
	stream string // the stream whose events differ (outputMismatch)
	tsOnly bool   // only timestamps differ on that stream
	class  string // how the events differ, for signature (outputMismatch)
	text   string
	stack  string // the panicking goroutine's frames (crashMismatch)
}

// compare reports the first difference between the reference's and the
// candidate's recording. Both failing to build is no difference.
func compare(ref, cand *recording) difference {
	switch {
	case ref.panicked != "" || cand.panicked != "":
		return difference{kind: crashMismatch, text: fmt.Sprintf("reference: %s; candidate: %s", orOK(ref.panicked), orOK(cand.panicked)),
			stack: panicFrames(ref.stack + cand.stack)}
	case (ref.buildErr == "") != (cand.buildErr == ""):
		return difference{kind: buildMismatch, text: fmt.Sprintf("reference build: %s; candidate build: %s", orOK(ref.buildErr), orOK(cand.buildErr))}
	case ref.buildErr != "":
		return difference{}
	}
	if a, b := formatStreams(ref.streams), formatStreams(cand.streams); a != b {
		return difference{kind: outputMismatch, text: "streams differ: reference " + a + "; candidate " + b}
	}
	if a, b := strings.Join(ref.sendErrs, "; "), strings.Join(cand.sendErrs, "; "); a != b {
		return difference{kind: outputMismatch, text: fmt.Sprintf("errors differ: reference %q; candidate %q", a, b)}
	}
	for _, name := range ref.written {
		if d := compareEvents(name, ref.events[name], cand.events[name]); d.kind != noMismatch {
			return d
		}
	}
	for _, r := range []struct {
		who string
		rec *recording
	}{{"reference", ref}, {"candidate", cand}} {
		if d := r.rec.contract(); d.kind != noMismatch {
			d.text = r.who + ": " + d.text
			return d
		}
	}
	return difference{}
}

// typing compares the schemas a backend reports with the generator's
// typing of the app (LANGUAGE.md §2.4, §4.1): the generator knows the type
// of every expression it builds.
func (r *recording) typing(model map[string][]Column) difference {
	for _, s := range r.streams {
		want, ok := model[s.Name]
		if !ok {
			return difference{kind: typingMismatch, text: "unexpected stream " + s.Name}
		}
		got := make([]Column, len(s.Columns))
		for i, c := range s.Columns {
			got[i] = Column{c.Name, c.Type}
		}
		if formatColumns(got) != formatColumns(want) {
			return difference{kind: typingMismatch, stream: s.Name,
				text: fmt.Sprintf("%s has columns %s, the spec's typing gives %s", s.Name, formatColumns(got), formatColumns(want))}
		}
	}
	return difference{}
}

func formatColumns(cols []Column) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = c.Name + " " + c.Type.String()
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// contract checks the App contract: every value written is nil or the Go
// type of its column (runtime.App.Subscribe).
func (r *recording) contract() difference {
	for _, s := range r.streams {
		for i, e := range r.events[s.Name] {
			if len(e.row) != len(s.Columns) {
				return difference{kind: contractMismatch, stream: s.Name,
					text: fmt.Sprintf("%s event %d has %d values for %d columns", s.Name, i, len(e.row), len(s.Columns))}
			}
			for j, v := range e.row {
				if v != nil && !fits(v, s.Columns[j].Type) {
					return difference{kind: contractMismatch, stream: s.Name,
						text: fmt.Sprintf("%s event %d column %s (%s) holds a Go %T", s.Name, i, s.Columns[j].Name, s.Columns[j].Type, v)}
				}
			}
		}
	}
	return difference{}
}

func fits(v any, t rt.Type) bool {
	switch v.(type) {
	case string:
		return t == rt.String
	case int32:
		return t == rt.Int
	case int64:
		return t == rt.BigInt
	case float32:
		return t == rt.Float
	case float64:
		return t == rt.Double
	case bool:
		return t == rt.Bool
	}
	return false
}

// panicFrames keeps the frames below the panic call of a goroutine dump,
// at most a dozen: where the backend failed, not how it was recovered.
func panicFrames(stack string) string {
	lines := strings.Split(stack, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "panic(") {
			lines = lines[min(i+2, len(lines)):]
			break
		}
	}
	return strings.Join(lines[:min(len(lines), 24)], "\n")
}

func orOK(s string) string {
	if s == "" {
		return "ok"
	}
	return s
}

func formatStreams(ss []rt.StreamInfo) string {
	var b strings.Builder
	for _, s := range ss {
		fmt.Fprintf(&b, "%s%v(", s.Name, s.Written)
		for i, c := range s.Columns {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(c.Name + " " + c.Type.String())
		}
		b.WriteString(") ")
	}
	return b.String()
}

func compareEvents(stream string, ref, cand []event) difference {
	n := min(len(ref), len(cand))
	tsOnly := true
	first := -1
	for i := range n {
		if !sameRow(ref[i].row, cand[i].row) {
			tsOnly, first = false, i
			break
		}
		if ref[i].ts != cand[i].ts && first < 0 {
			first = i
		}
	}
	if first < 0 && len(ref) == len(cand) {
		return difference{}
	}
	d := difference{kind: outputMismatch, stream: stream}
	if first < 0 {
		d.text = fmt.Sprintf("%s: reference wrote %d events, candidate %d; first extra: %s", stream, len(ref), len(cand), extra(ref, cand, n))
		d.class = "event count"
		return d
	}
	d.tsOnly = tsOnly && len(ref) == len(cand)
	d.text = fmt.Sprintf("%s event %d: reference %s, candidate %s", stream, first, formatEvent(ref[first]), formatEvent(cand[first]))
	d.class = rowClass(ref[first].row, cand[first].row)
	if d.tsOnly {
		d.class = "timestamps"
	}
	return d
}

// rowClass names the ways two rows of one stream differ, value by value:
// a sign of zero, a NaN, an infinity, a NULL, a Go type, or just a value
// of some type ("BIGINT value").
func rowClass(ref, cand []any) string {
	var classes []string
	for j := range min(len(ref), len(cand)) {
		if !sameValue(ref[j], cand[j]) {
			if c := valueClass(ref[j], cand[j]); !slices.Contains(classes, c) {
				classes = append(classes, c)
			}
		}
	}
	if len(ref) != len(cand) {
		classes = append(classes, "arity")
	}
	slices.Sort(classes)
	return strings.Join(classes, "; ")
}

func valueClass(a, b any) string {
	fa, aFloat := asFloat(a)
	fb, bFloat := asFloat(b)
	switch {
	case a == nil:
		return "NULL vs value"
	case b == nil:
		return "value vs NULL"
	case fmt.Sprintf("%T", a) != fmt.Sprintf("%T", b):
		return fmt.Sprintf("%T vs %T", a, b)
	case aFloat && bFloat && fa == 0 && fb == 0:
		return "sign of zero"
	case aFloat && bFloat && (math.IsNaN(fa) || math.IsNaN(fb)):
		return "NaN"
	case aFloat && bFloat && (math.IsInf(fa, 0) || math.IsInf(fb, 0)):
		return "infinity"
	}
	return fmt.Sprintf("%T value", a)
}

func asFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float32:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

func extra(ref, cand []event, n int) string {
	if len(ref) > n {
		return "reference " + formatEvent(ref[n])
	}
	return "candidate " + formatEvent(cand[n])
}

func sameRow(a, b []any) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !sameValue(a[i], b[i]) {
			return false
		}
	}
	return true
}

// sameValue is exact equality of Go type and value; floats compare bit for
// bit (so 0.0 and -0.0 differ), except that NaN equals NaN.
func sameValue(a, b any) bool {
	switch x := a.(type) {
	case float64:
		y, ok := b.(float64)
		return ok && (math.Float64bits(x) == math.Float64bits(y) || (math.IsNaN(x) && math.IsNaN(y)))
	case float32:
		y, ok := b.(float32)
		return ok && (math.Float32bits(x) == math.Float32bits(y) || (x != x && y != y))
	case nil, string, int32, int64, bool:
		return a == b
	}
	return false
}

func formatEvent(e event) string {
	return "@" + strconv.FormatInt(e.ts, 10) + " " + formatRow(e.row)
}

func formatRow(row []any) string {
	var b strings.Builder
	b.WriteString("[")
	for i, v := range row {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(formatValue(v))
	}
	b.WriteString("]")
	return b.String()
}

// formatValue shows the Go type of numbers, since a type difference alone
// is a mismatch.
func formatValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case string:
		return strconv.Quote(x)
	case int32:
		return strconv.FormatInt(int64(x), 10) + "i"
	case int64:
		return strconv.FormatInt(x, 10) + "l"
	case float32:
		return strconv.FormatFloat(float64(x), 'g', -1, 32) + "f"
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64) + "d"
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprintf("%T(%v)", v, v)
}

var (
	quoted   = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	numbers  = regexp.MustCompile(`[0-9]+(?:\.[0-9]+)?(?:e[-+]?[0-9]+)?`)
	goSource = regexp.MustCompile(`(?m)^\s*c[0-9]+/[A-Za-z0-9_]+\.go:[0-9]+:[0-9]+: `)
	numbered = regexp.MustCompile(`\b[A-Za-z_]+#`)
)

// normalize blanks out what varies between instances of one bug: source
// positions, numbers, quoted strings and numbered names (t3, Out2).
func normalize(text string) string {
	text = goSource.ReplaceAllString(text, "")
	text = numbers.ReplaceAllString(quoted.ReplaceAllString(text, `""`), "#")
	return numbered.ReplaceAllString(text, "x#")
}

// bugLines are the normalized messages that identify the bug behind a
// build or crash difference: the compile errors of generated code, or the
// build error or panic; nil for other kinds. The shrinker keeps only edits
// that share one of them, so a case does not shrink into another bug.
func (d difference) bugLines() []string {
	switch d.kind {
	case buildMismatch:
		lines := strings.Split(normalize(d.text), "\n")
		if len(lines) > 1 {
			lines = lines[1:] // the header every compile error shares
		}
		return lines
	case crashMismatch:
		return []string{firstLine(normalize(d.text))}
	}
	return nil
}

// sameBug reports whether a difference with bug lines b shows the bug of
// a (any of its lines), or a names none.
func sameBug(a, b []string) bool {
	if a == nil {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// signature groups the differences that are likely one bug: the kind and
// how the values differ, or else the first two lines of the text with
// numbers, quoted strings and source positions blanked out.
func (d difference) signature() string {
	if d.class != "" {
		return d.kind.String() + ": " + d.class
	}
	lines := strings.SplitN(normalize(d.text), "\n", 3)
	return d.kind.String() + ": " + strings.Join(lines[:min(2, len(lines))], "\n")
}
