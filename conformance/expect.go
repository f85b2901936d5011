package conformance

import (
	"fmt"
	"strings"

	"github.com/eventflux/eventflux-go/runtime"
)

// Recorded is one event written to the collect stream.
type Recorded struct {
	Ts  int64
	Row []any
}

// checkExpectations returns one message per expectation that does not hold
// (the error expectation is checked at build time, not here).
func checkExpectations(c *Case, cols []runtime.Column, rows []Recorded) []string {
	var failures []string
	for _, e := range c.Expect {
		if msg := checkExpectation(e, cols, rows); msg != "" {
			failures = append(failures, "expect "+string(e.Raw)+": "+msg)
		}
	}
	return failures
}

func checkExpectation(e Expectation, cols []runtime.Column, rows []Recorded) string {
	n := len(rows)
	switch e.Kind {
	case ExpectLen:
		if n != e.N {
			return events(n) + " recorded"
		}
	case ExpectLenMin:
		if n < e.N {
			return "only " + events(n) + " recorded"
		}
	case ExpectLenMax:
		if n > e.N {
			return events(n) + " recorded"
		}
	case ExpectRows:
		if n != len(e.Rows) {
			return fmt.Sprintf("%s recorded, want %d", events(n), len(e.Rows))
		}
		for i, want := range e.Rows {
			if !rowEqual(want, rows[i].Row, cols) {
				return fmt.Sprintf("event %d is %s, want %s", i, formatRow(rows[i].Row), formatRow(want))
			}
		}
	case ExpectRowsAnyOrder:
		return checkAnyOrder(e.Rows, cols, rows)
	case ExpectRow:
		i, ok := resolveIndex(e.N, n)
		if !ok {
			return fmt.Sprintf("no event %d (%s recorded)", e.N, events(n))
		}
		if want := e.Rows[0]; !rowEqual(want, rows[i].Row, cols) {
			return fmt.Sprintf("event %d is %s", i, formatRow(rows[i].Row))
		}
	case ExpectValue:
		i, ok := resolveIndex(e.N, n)
		if !ok {
			return fmt.Sprintf("no event %d (%s recorded)", e.N, events(n))
		}
		row := rows[i].Row
		if e.Col >= len(row) {
			return fmt.Sprintf("event %d has no column %d: %s", i, e.Col, formatRow(row))
		}
		if !valueEqual(e.Value, row[e.Col], columnType(cols, e.Col)) {
			return fmt.Sprintf("event %d column %d is %s (event %s)", i, e.Col, formatValue(row[e.Col]), formatRow(row))
		}
	case ExpectContains:
		for _, r := range rows {
			if rowEqual(e.Rows[0], r.Row, cols) {
				return ""
			}
		}
		return "no recorded event equals it"
	case ExpectNotContains:
		for i, r := range rows {
			if rowEqual(e.Rows[0], r.Row, cols) {
				return fmt.Sprintf("event %d equals it", i)
			}
		}
	}
	return ""
}

// checkAnyOrder matches expected rows to distinct recorded rows. Greedy
// matching is exact for equality classes; tolerances are far too small for
// one recorded value to match two different expected ones in practice.
func checkAnyOrder(want [][]any, cols []runtime.Column, rows []Recorded) string {
	if len(want) != len(rows) {
		return fmt.Sprintf("%s recorded, want %d", events(len(rows)), len(want))
	}
	used := make([]bool, len(rows))
	for _, w := range want {
		found := false
		for i, r := range rows {
			if !used[i] && rowEqual(w, r.Row, cols) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			return "no recorded event (left) equals " + formatRow(w)
		}
	}
	return ""
}

// resolveIndex maps an event index (negative counts from the end) to a
// position in a list of n events.
func resolveIndex(i, n int) (int, bool) {
	if i < 0 {
		i += n
	}
	return i, i >= 0 && i < n
}

func events(n int) string {
	if n == 1 {
		return "1 event"
	}
	return fmt.Sprintf("%d events", n)
}

// checkTypes compares the "types" of a case with the collect schema.
func checkTypes(want []string, cols []runtime.Column) string {
	got := make([]string, len(cols))
	for i, c := range cols {
		got[i] = c.Type.String()
	}
	ok := len(got) == len(want)
	for i := 0; ok && i < len(want); i++ {
		ok = strings.EqualFold(got[i], want[i])
	}
	if ok {
		return ""
	}
	return fmt.Sprintf("types: the collect stream has [%s], want [%s]", strings.Join(got, " "), strings.Join(want, " "))
}

// contractViolation checks recorded rows against the App contract: one
// value per column, of the Go type of the column type (runtime.Value.Any),
// so that every backend delivers the same values. Only the first violation
// is reported; one usually explains the rest.
func contractViolation(cols []runtime.Column, rows []Recorded) string {
	for i, r := range rows {
		if len(r.Row) != len(cols) {
			return fmt.Sprintf("event %d has %d values, the collect stream has %d columns", i, len(r.Row), len(cols))
		}
		for j, x := range r.Row {
			if x != nil && !goTypeFits(x, cols[j].Type) {
				return fmt.Sprintf("event %d column %d (%s %s) holds a Go %T; the App contract requires %s",
					i, j, cols[j].Name, cols[j].Type, x, goTypeName(cols[j].Type))
			}
		}
	}
	return ""
}

func goTypeFits(x any, t runtime.Type) bool {
	switch x.(type) {
	case string:
		return t == runtime.String || t == runtime.Object
	case int32:
		return t == runtime.Int || t == runtime.Object
	case int64:
		return t == runtime.BigInt || t == runtime.Object
	case float32:
		return t == runtime.Float || t == runtime.Object
	case float64:
		return t == runtime.Double || t == runtime.Object
	case bool:
		return t == runtime.Bool || t == runtime.Object
	}
	return false
}

func goTypeName(t runtime.Type) string {
	switch t {
	case runtime.String:
		return "string"
	case runtime.Int:
		return "int32"
	case runtime.BigInt:
		return "int64"
	case runtime.Float:
		return "float32"
	case runtime.Double:
		return "float64"
	case runtime.Bool:
		return "bool"
	}
	return "a plain value"
}
