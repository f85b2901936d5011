package harness

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/eventflux/eventflux-go/conformance"
	"github.com/eventflux/eventflux-go/conformance/fakeapp"
	"github.com/eventflux/eventflux-go/runtime"
)

const (
	caseDir      = "../../../conformance/testdata/cases"
	disputesFile = "../../../conformance/testdata/disputes.txt"
	timeout      = 200 * time.Millisecond
)

func fakeBuild(app string) (runtime.App, error) {
	a, err := fakeapp.New(app)
	if err != nil {
		return nil, err
	}
	return a, nil
}

// fakeEntries plays efc's part: every app text of the file, built ahead
// (here by the scripted fakeapp), with its build error kept as text.
func fakeEntries(t *testing.T, f *conformance.File) map[string]Entry {
	t.Helper()
	apps := map[string]Entry{}
	for _, c := range f.Cases {
		text := c.App
		if _, err := fakeapp.New(text); err != nil {
			apps[text] = Entry{Err: err.Error()}
			continue
		}
		apps[text] = Entry{New: func() runtime.App { a, _ := fakeapp.New(text); return a }}
	}
	return apps
}

func runMain(t *testing.T, apps map[string]Entry, args ...string) (*Result, string) {
	t.Helper()
	var out, errw bytes.Buffer
	if code := Main(apps, args, &out, &errw); code != 0 {
		t.Fatalf("harness %q: exit %d, stderr %s", args, code, errw.String())
	}
	var res Result
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("decoding %s: %v", out.String(), err)
	}
	return &res, errw.String()
}

// TestMainMatchesRunner runs each case file through Main and directly
// through the runner: the decoded results must be the same, values bit for
// bit and of the same Go type.
func TestMainMatchesRunner(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(caseDir, "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no case files: %v", err)
	}
	disputes, err := conformance.LoadDisputes(disputesFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range paths {
		files, err := conformance.Load([]string{path})
		if err != nil {
			t.Fatal(err)
		}
		want := conformance.Run(conformance.NewBackend("fake", fakeBuild), files, conformance.Options{Disputes: disputes, Timeout: timeout})
		got, _ := runMain(t, fakeEntries(t, files[0]), "-file", path, "-disputes", disputesFile, "-timeout", timeout.String())
		wantCases := want.Files[0].Cases
		if got.Tally != want.Files[0].Tally || len(got.Cases) != len(wantCases) {
			t.Fatalf("%s: tally %+v, %d cases; want %+v, %d", path, got.Tally, len(got.Cases), want.Files[0].Tally, len(wantCases))
		}
		for i, g := range got.Cases {
			w := wantCases[i]
			if files[0].Cases[g.Index].Name != w.Case.Name || g.Outcome != w.Outcome ||
				!reflect.DeepEqual(g.Failures, w.Failures) || !reflect.DeepEqual(g.Columns, w.Columns) ||
				(g.Stack == "") != (w.Stack == "") {
				t.Errorf("%s: case %d = %+v, want %+v", path, i, g, w)
			}
			var rows []conformance.Recorded
			for _, r := range g.Rows {
				row := make([]any, len(r.Values))
				for j, v := range r.Values {
					if row[j], err = DecodeValue(v); err != nil {
						t.Fatal(err)
					}
				}
				rows = append(rows, conformance.Recorded{Ts: r.Ts, Row: row})
			}
			if !reflect.DeepEqual(rows, w.Rows) {
				t.Errorf("%s: %s recorded %v, want %v", path, w.Case.ID(), rows, w.Rows)
			}
		}
		if filepath.Base(path) == "basic.json" {
			// The stale-dispute note stays; the note on the entry naming no
			// case is efc's to print, once for all files.
			wantStale := []string{"basic.json/stale_dispute passes but is disputed (A2, disputes line 3); the dispute may be stale"}
			if !reflect.DeepEqual(got.Stale, wantStale) || len(want.Notes) != 2 {
				t.Errorf("stale notes %q, want %q (runner notes %q)", got.Stale, wantStale, want.Notes)
			}
		}
	}
}

func TestMainOptions(t *testing.T) {
	basic := filepath.Join(caseDir, "basic.json")
	files, err := conformance.Load([]string{basic})
	if err != nil {
		t.Fatal(err)
	}
	apps := fakeEntries(t, files[0])

	// -name renames the file in IDs and dispute lookups: no dispute of
	// basic.json applies any more.
	res, _ := runMain(t, apps, "-file", basic, "-name", "suite/basic.json", "-disputes", disputesFile, "-run", "^suite/basic.json/(disputed_failure|stale_dispute)$")
	if len(res.Cases) != 2 || res.Tally.Failed != 1 || res.Tally.Passed != 1 || res.Tally.Disputed != 0 || len(res.Stale) != 0 {
		t.Errorf("renamed: %+v", res)
	}

	// An app efc could not generate fails its build with efc's error text,
	// which error-expecting cases match.
	res, _ = runMain(t, map[string]Entry{"stream In v:INT": {Err: "1:1: E201 not supported here"}}, "-file", basic, "-run", "^build_error_(other_text|missing)$|^query_step$")
	var outcomes []string
	for _, c := range res.Cases {
		outcomes = append(outcomes, files[0].Cases[c.Index].Name+" "+c.Outcome.String()+" "+strings.Join(c.Failures, "; "))
	}
	want := []string{
		// An app missing from the map is a harness error, never a pass.
		"build_error_other_text FAIL build error \"harness: efc generated no package for this app\" does not contain \"E201\"",
		"build_error_missing PASS ",
		"query_step FAIL build: 1:1: E201 not supported here",
	}
	if !reflect.DeepEqual(outcomes, want) {
		t.Errorf("outcomes\n%q\nwant\n%q", outcomes, want)
	}

	for _, tc := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{nil, 1, "harness: no -file given\n"},
		{[]string{"-file", "nope.json"}, 1, "harness: stat nope.json"},
		{[]string{"-file", basic, "-run", "("}, 1, "harness: -run: error parsing regexp"},
		{[]string{"-file", basic, "-disputes", "nope.txt"}, 1, "nope.txt"},
		{[]string{"-frob"}, 2, "flag provided but not defined: -frob"},
	} {
		var out, errw bytes.Buffer
		if code := Main(apps, tc.args, &out, &errw); code != tc.code || out.Len() != 0 || !strings.Contains(errw.String(), tc.stderr) {
			t.Errorf("harness %q = %d, stdout %q, stderr %q (want %q)", tc.args, code, out.String(), errw.String(), tc.stderr)
		}
	}
}
