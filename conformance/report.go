package conformance

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/eventflux/eventflux-go/runtime"
)

// WriteTable writes the human summary of a report: one aligned row per
// file, a total row, and the pass rate of the non-stretch cases.
func WriteTable(w io.Writer, r *Report) error {
	header := []string{"file", "passed", "failed", "disputed", "stretch", "skipped"}
	lines := [][]string{header}
	row := func(name string, t Tally) []string {
		return []string{name,
			strconv.Itoa(t.Passed), strconv.Itoa(t.Failed), strconv.Itoa(t.Disputed),
			fmt.Sprintf("%d/%d", t.StretchPassed, t.StretchPassed+t.StretchFailed),
			strconv.Itoa(t.Skipped)}
	}
	for _, f := range r.Files {
		lines = append(lines, row(f.Name, f.Tally))
	}
	total := r.Total()
	lines = append(lines, row("total", total))

	widths := make([]int, len(header))
	for _, l := range lines {
		for i, cell := range l {
			widths[i] = max(widths[i], len(cell))
		}
	}
	var b strings.Builder
	b.WriteString("backend " + r.Backend + "\n")
	for _, l := range lines {
		for i, cell := range l {
			pad := strings.Repeat(" ", widths[i]-len(cell))
			if i == 0 {
				// Names read left to right, counts line up on their last digit.
				b.WriteString(cell + pad)
			} else {
				b.WriteString("  " + pad + cell)
			}
		}
		b.WriteByte('\n')
	}
	b.WriteString(passRate(total) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// passRate counts disputed cases as not passed: the rate measures agreement
// with the suite, the disputed column explains part of the gap.
func passRate(t Tally) string {
	run := t.Passed + t.Failed + t.Disputed
	if run == 0 {
		return "pass rate: no non-stretch case was run"
	}
	return fmt.Sprintf("pass rate: %.1f%% of non-stretch cases (%d/%d; %d disputed)",
		100*float64(t.Passed)/float64(run), t.Passed, run, t.Disputed)
}

// WriteJSON writes the report as exactly one line:
// {"backend": ..., "files": {"name.json": {tally}, ...}}.
func WriteJSON(w io.Writer, r *Report) error {
	out := struct {
		Backend string           `json:"backend"`
		Files   map[string]Tally `json:"files"`
	}{Backend: r.Backend, Files: map[string]Tally{}}
	for _, f := range r.Files {
		out.Files[f.Name] = f.Tally
	}
	data, err := json.Marshal(out)
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// WriteNotes writes the report's notes, one "note: " line each.
func WriteNotes(w io.Writer, r *Report) error {
	var b strings.Builder
	for _, n := range r.Notes {
		b.WriteString("note: " + n + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteDetails writes, for every failing or disputed case, everything needed
// to reproduce it: app, steps, expectations, the recorded events and why it
// failed.
func WriteDetails(w io.Writer, r *Report) error {
	var b strings.Builder
	for _, f := range r.Files {
		for _, res := range f.Cases {
			if res.Outcome == Failed || res.Outcome == Disputed {
				writeCaseDetails(&b, r.Backend, res)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeCaseDetails(b *strings.Builder, backend string, res CaseResult) {
	c := res.Case
	fmt.Fprintf(b, "--- %s %s [%s]", res.Outcome, c.ID(), backend)
	if c.Ref != "" {
		fmt.Fprintf(b, " ref %s", c.Ref)
	}
	b.WriteByte('\n')
	if c.Stretch {
		section(b, "stretch", c.StretchReason)
	}
	if d := res.Dispute; d != nil {
		section(b, "disputed", d.Row+": "+d.Reason)
	}
	section(b, "app", strings.TrimRight(c.App, "\n"))
	var steps []string
	for _, s := range c.Steps {
		steps = append(steps, string(s.Raw))
	}
	section(b, "steps", steps...)
	var expect []string
	for _, e := range c.Expect {
		expect = append(expect, string(e.Raw))
	}
	section(b, "expect", expect...)
	var rows []string
	for _, r := range res.Rows {
		rows = append(rows, strconv.FormatInt(r.Ts, 10)+"  "+formatRow(r.Row))
	}
	title := "recorded"
	if c.Collect != "" {
		title += " on " + c.Collect
		if res.Columns != nil {
			title += " " + formatColumns(res.Columns)
		}
	}
	section(b, title+", "+events(len(res.Rows)), rows...)
	section(b, "reason", res.Failures...)
	if res.Stack != "" {
		section(b, "stack", strings.TrimRight(res.Stack, "\n"))
	}
	b.WriteByte('\n')
}

// section writes a title and its lines indented; a multi-line item keeps its
// own lines, each indented.
func section(b *strings.Builder, title string, items ...string) {
	b.WriteString("  " + title + ":\n")
	if len(items) == 0 {
		b.WriteString("    (none)\n")
	}
	for _, item := range items {
		for _, line := range strings.Split(item, "\n") {
			b.WriteString("    " + line + "\n")
		}
	}
}

func formatColumns(cols []runtime.Column) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = c.Name + " " + c.Type.String()
	}
	return "(" + strings.Join(parts, ", ") + ")"
}
