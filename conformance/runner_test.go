package conformance

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/eventflux/eventflux-go/conformance/fakeapp"
	"github.com/eventflux/eventflux-go/runtime"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func fakeBackend() Backend {
	return NewBackend("fake", func(app string) (runtime.App, error) {
		a, err := fakeapp.New(app)
		if err != nil {
			return nil, err
		}
		return a, nil
	})
}

func runTestdata(t *testing.T, filter string) *Report {
	t.Helper()
	files, err := Load([]string{"testdata/cases"})
	if err != nil {
		t.Fatal(err)
	}
	disputes, err := LoadDisputes("testdata/disputes.txt")
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Disputes: disputes, Timeout: 5 * time.Second}
	if filter != "" {
		opts.Filter = regexp.MustCompile(filter)
	}
	return Run(fakeBackend(), files, opts)
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -update to accept):\n--- got\n%s--- want\n%s", name, got, want)
	}
}

func TestGoldenHumanOutput(t *testing.T) {
	rep := runTestdata(t, "")
	for i := range rep.Files {
		for j := range rep.Files[i].Cases {
			// Stacks hold addresses and paths; their presence is tested below.
			rep.Files[i].Cases[j].Stack = ""
		}
	}
	var b bytes.Buffer
	if err := WriteDetails(&b, rep); err != nil {
		t.Fatal(err)
	}
	if err := WriteTable(&b, rep); err != nil {
		t.Fatal(err)
	}
	if err := WriteNotes(&b, rep); err != nil {
		t.Fatal(err)
	}
	golden(t, "human.txt", b.Bytes())
}

func TestGoldenJSONOutput(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, runTestdata(t, "")); err != nil {
		t.Fatal(err)
	}
	golden(t, "json.txt", b.Bytes())
	if bytes.Count(b.Bytes(), []byte("\n")) != 1 {
		t.Errorf("JSON output is not exactly one line: %q", b.String())
	}
}

func TestOutcomes(t *testing.T) {
	rep := runTestdata(t, "")
	got := map[string]CaseResult{}
	for _, f := range rep.Files {
		for _, r := range f.Cases {
			got[r.Case.ID()] = r
		}
	}
	for _, tc := range []struct {
		id      string
		outcome Outcome
		reason  string // a substring of the failures, "" when passing
	}{
		{"basic.json/copy_all_types", Passed, ""},
		{"basic.json/double_values", Passed, ""},
		{"basic.json/double_wrong_expectation", Failed, `expect {"row":1,"eq":[5]}: event 1 is [4]`},
		{"basic.json/double_wrong_expectation", Failed, `expect {"len":3}: 2 events recorded`},
		{"basic.json/wrong_types", Failed, "types: the collect stream has [BIGINT], want [INT]"},
		{"basic.json/disputed_failure", Disputed, "2 events recorded"},
		{"basic.json/stale_dispute", Passed, ""},
		{"basic.json/stretch_passing", Passed, ""},
		{"basic.json/stretch_failing", Failed, "event 0 is [1]"},
		{"basic.json/skipped_case", Skipped, ""},
		{"basic.json/build_error_expected", Passed, ""},
		{"basic.json/build_error_any", Passed, ""},
		{"basic.json/build_error_other_text", Failed, `does not contain "E201"`},
		{"basic.json/build_error_missing", Failed, `the app built, want a build error containing "E201"`},
		{"basic.json/send_rejected", Failed, `send rejected: stream In: row 0: column v: cannot convert string "seven" to INT`},
		{"basic.json/backend_panics", Failed, "panic during step 1 {\"send\":\"In\",\"row\":[1]}: fakeapp: panic rule on In"},
		{"basic.json/query_step", Failed, "query steps are not supported yet"},
		{"basic.json/unknown_step", Failed, `invalid case: "steps": step 1: unknown step {"wait":10}`},
		{"time.json/ticks_on_sleep", Passed, ""},
		{"time.json/ticks_on_event_time", Passed, ""},
		{"persistence.json/restore_rewinds_state", Passed, ""},
		{"persistence.json/restart_keeps_output_and_state", Passed, ""},
		{"persistence.json/restart_keeps_clock", Passed, ""},
		{"persistence.json/restore_without_persist", Failed, "no snapshot was taken before"},
	} {
		r, ok := got[tc.id]
		if !ok {
			t.Errorf("%s was not run", tc.id)
			continue
		}
		if r.Outcome != tc.outcome {
			t.Errorf("%s: outcome %v, want %v (failures %q)", tc.id, r.Outcome, tc.outcome, r.Failures)
		}
		joined := strings.Join(r.Failures, "\n")
		if tc.reason == "" && joined != "" {
			t.Errorf("%s: unexpected failures %q", tc.id, joined)
		}
		if !strings.Contains(joined, tc.reason) {
			t.Errorf("%s: failures %q do not mention %q", tc.id, joined, tc.reason)
		}
	}
	if r := got["basic.json/backend_panics"]; !strings.Contains(r.Stack, "fakeapp") {
		t.Errorf("the panic stack does not show the backend: %q", r.Stack)
	}
	if r := got["basic.json/send_rejected"]; len(r.Rows) != 1 || r.Rows[0].Row[0] != int32(8) {
		t.Errorf("send_rejected recorded %v, want the one accepted event [8]", r.Rows)
	}
	want := Tally{Passed: 10, Failed: 9, Disputed: 1, StretchPassed: 1, StretchFailed: 1, Skipped: 1}
	if total := rep.Total(); total != want {
		t.Errorf("total = %+v, want %+v", total, want)
	}
	wantNotes := []string{
		"basic.json/stale_dispute passes but is disputed (A2, disputes line 3); the dispute may be stale",
		"disputes line 4 names basic.json/no_such_case, which is not a case of that file",
	}
	if strings.Join(rep.Notes, "\n") != strings.Join(wantNotes, "\n") {
		t.Errorf("notes = %q, want %q", rep.Notes, wantNotes)
	}
}

func TestFilter(t *testing.T) {
	for _, tc := range []struct {
		filter string
		want   []string
	}{
		{"^ticks_", []string{"time.json/ticks_on_sleep", "time.json/ticks_on_event_time"}},
		{"^persistence.json/restart", []string{"persistence.json/restart_keeps_output_and_state", "persistence.json/restart_keeps_clock"}},
		{"nothing matches this", nil},
	} {
		var got []string
		rep := runTestdata(t, tc.filter)
		for _, f := range rep.Files {
			for _, r := range f.Cases {
				got = append(got, r.Case.ID())
			}
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("filter %q ran %v, want %v", tc.filter, got, tc.want)
		}
	}
}

func TestTimeout(t *testing.T) {
	c := &Case{File: "t.json", Name: "hangs", App: "stream In v:INT; hang In", Collect: "In",
		Steps: []Step{{Kind: StepSend, Stream: "In", Rows: [][]any{{int64(1)}}, Raw: []byte(`{"send":"In","row":[1]}`)}}}
	start := time.Now()
	r := RunCase(fakeBackend(), c, 50*time.Millisecond)
	if r.Outcome != Failed || len(r.Failures) != 1 || r.Failures[0] != `timed out after 50ms during step 1 {"send":"In","row":[1]}` {
		t.Errorf("outcome %v, failures %q", r.Outcome, r.Failures)
	}
	// The event reached In's subscriber before the hang rule ran.
	if len(r.Rows) != 1 {
		t.Errorf("recorded %v, want the event seen before the hang", r.Rows)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("RunCase took %v", d)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("b.json", `[{"name":"x","app":"a","steps":[],"expect":[]}]`)
	write("a.json", `[{"name":"y","app":"a","steps":[],"expect":[]}]`)
	write("notes.txt", `not a case file`)
	files, err := Load([]string{dir, filepath.Join(dir, "a.json")})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	if strings.Join(names, ",") != "a.json,b.json" {
		t.Errorf("loaded %v, want a.json,b.json once each in order", names)
	}
	bad := write("bad.json", `{"name": "not an array"}`)
	if _, err := Load([]string{bad}); err == nil || !strings.Contains(err.Error(), "not a JSON array of cases") {
		t.Errorf("Load(bad) error = %v", err)
	}
	if _, err := Load([]string{filepath.Join(dir, "missing.json")}); err == nil {
		t.Error("Load of a missing file did not fail")
	}
}

func TestInvalidCases(t *testing.T) {
	for _, tc := range []struct {
		json, want string
	}{
		{`{"app":"a","steps":[],"expect":[]}`, `missing "name"`},
		{`{"name":"n","app":"a","steps":[],"expect":[],"extra":1}`, `"extra": unknown key`},
		{`{"name":"n","app":"a","steps":[{"send":"In"}],"expect":[]}`, `unknown step {"send":"In"}`},
		{`{"name":"n","app":"a","steps":[{"send":"In","row":[1],"rows":[[1]]}],"expect":[]}`, "unknown step"},
		{`{"name":"n","app":"a","steps":[{"send":"In","row":[[1]]}],"expect":[]}`, "row values must be strings, numbers, booleans or null"},
		{`{"name":"n","app":"a","steps":[{"send":"In","row":[1],"ts":1.5}],"expect":[]}`, "ts: want an integer"},
		{`{"name":"n","app":"a","steps":[{"sleep":-1}],"expect":[]}`, "negative sleep"},
		{`{"name":"n","app":"a","steps":[{"persist":false}],"expect":[]}`, "want true"},
		{`{"name":"n","app":"a","steps":[],"expect":[{"len":-1}]}`, "negative count"},
		{`{"name":"n","app":"a","steps":[],"expect":[{"row":0,"col":0,"eq":[1]}]}`, "want a string, number, boolean or null"},
		{`{"name":"n","app":"a","steps":[],"expect":[{"maybe":1}]}`, `unknown expectation {"maybe":1}`},
		{`{"name":"n","app":"a","stretch":5,"steps":[],"expect":[]}`, `"stretch": want a reason string`},
		{`7`, "a case must be a JSON object"},
	} {
		f, err := ParseFile("x.json", []byte("["+tc.json+"]"))
		if err != nil {
			t.Fatalf("ParseFile(%s): %v", tc.json, err)
		}
		if got := f.Cases[0].Invalid; !strings.Contains(got, tc.want) {
			t.Errorf("ParseFile(%s).Invalid = %q, want %q", tc.json, got, tc.want)
		}
	}
	f, err := ParseFile("x.json", []byte(`[{"name":"a","app":"","steps":[],"expect":[]},{"name":"a","app":"","steps":[],"expect":[]}]`))
	if err != nil || f.Cases[0].Invalid != "" || f.Cases[1].Invalid != "duplicate case name" {
		t.Errorf("duplicate names: err %v, cases %+v", err, f.Cases)
	}
}

func TestParseDisputes(t *testing.T) {
	d, err := ParseDisputes(strings.NewReader("# comment\n\nw.json  case_one   A12  the  reason\t text\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := d.Lookup("w.json", "case_one")
	if got == nil || got.Row != "A12" || got.Reason != "the  reason\t text" || got.Line != 3 {
		t.Errorf("Lookup = %+v", got)
	}
	if d.Lookup("w.json", "other") != nil || d.Len() != 1 {
		t.Error("Lookup found an unlisted case")
	}
	for _, tc := range []struct{ text, want string }{
		{"w.json case A2", "line 1: want <file.json>"},
		{"w.json case B2 why", `line 1: "B2" is not an Appendix A row`},
		{"w.json c A1 x\nw.json c A2 y", "line 2: w.json/c is already listed on line 1"},
	} {
		if _, err := ParseDisputes(strings.NewReader(tc.text)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseDisputes(%q) error = %v, want %q", tc.text, err, tc.want)
		}
	}
}
