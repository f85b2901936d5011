package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/codegen"
	"github.com/eventflux/eventflux-go/conformance"
)

const (
	genCases    = "testdata/gen"
	genDisputes = "testdata/gen/disputes.txt"
)

// TestGenBackendMatchesInterp runs SQL cases on both backends: the
// reports agree except where the generator refuses an app, and that
// refusal is its explicit error.
func TestGenBackendMatchesInterp(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	code, out, errw := efc("", "test", "--backend=all", "--json", "--disputes", genDisputes, genCases)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errw)
	}
	// all runs the test-only fake backend third.
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want one JSON line per backend:\n%s", out)
	}
	type report struct {
		Backend string                       `json:"backend"`
		Files   map[string]conformance.Tally `json:"files"`
	}
	var interp, gen report
	if json.Unmarshal([]byte(lines[0]), &interp) != nil || json.Unmarshal([]byte(lines[1]), &gen) != nil {
		t.Fatalf("bad JSON:\n%s", out)
	}
	// unsupported_by_codegen passes on the interpreter and fails on gen.
	want := conformance.Tally{Passed: 4, Failed: 1, Disputed: 1, Skipped: 1}
	wantGen := conformance.Tally{Passed: 3, Failed: 2, Disputed: 1, Skipped: 1}
	if interp.Backend != "interp" || gen.Backend != "gen" || interp.Files["gen.json"] != want || gen.Files["gen.json"] != wantGen {
		t.Errorf("reports %+v\n%+v", interp, gen)
	}
	// Both backends note the stale dispute and the entry naming no case,
	// in the same order, once each.
	notes := "note: gen.json/filter_pass passes but is disputed (A2, disputes line 3); the dispute may be stale\n" +
		"note: disputes line 4 names gen.json/no_such_case, which is not a case of that file\n"
	if !strings.HasPrefix(errw, notes+notes) {
		t.Errorf("stderr %q, want the notes once per backend", errw)
	}

	// Details: the same recorded events, the generator's refusal as the
	// build error.
	_, detail, _ := efc("", "test", "--backend=gen", "-v", "--disputes", genDisputes, "--run", "wrong_expectation|unsupported", genCases)
	for _, want := range []string{
		"--- FAIL gen.json/wrong_expectation [gen] ref efc#gen\n",
		"  recorded on Out (w BIGINT), 1 event:\n    1700006400000  [2]\n  reason:\n    expect {\"rows\":[[3]]}: event 0 is [2], want [3]\n",
		"--- FAIL gen.json/unsupported_by_codegen [gen]",
		"    build: codegen: stream Wide with more than 64 columns is not supported by the code generator\n",
		"gen.json       0       2         0      0/0        0\n",
	} {
		if !strings.Contains(detail, want) {
			t.Errorf("-v output lacks %q:\n%s", want, detail)
		}
	}
}

// TestGenBackendNoPackage: a file none of whose selected apps compiles
// still runs (its harness imports no generated package).
func TestGenBackendNoPackage(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	code, out, errw := efc("", "test", "--backend=gen", "--run", "compile_error|skipped", genCases)
	if code != exitOK || !strings.Contains(out, "gen.json       1       0         0      0/0        1\n") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out, errw)
	}
}

// TestGenBackendTypedValues: recorded values keep their Go types across
// the harness process (FLOAT stays float32: 0.1*2 prints as 0.2).
func TestGenBackendTypedValues(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	dir := t.TempDir()
	var cases []map[string]any
	if data, err := os.ReadFile(filepath.Join(genCases, "gen.json")); err != nil || json.Unmarshal(data, &cases) != nil {
		t.Fatalf("reading cases: %v", err)
	}
	c := cases[0]
	c["expect"] = []any{map[string]any{"len": 0}}
	data, _ := json.Marshal([]any{c})
	path := filepath.Join(dir, "typed.json")
	os.WriteFile(path, data, 0o644)
	_, interp, _ := efc("", "test", "--backend=interp", "-v", path)
	_, gen, _ := efc("", "test", "--backend=gen", "-v", path)
	want := "  recorded on Out (symbol STRING, doubled FLOAT), 3 events:\n" +
		"    1700006400000  [\"IBM\", 3.0]\n    1700006400000  [\"ORCL\", 0.2]\n    1700006400000  [null, 6.0]\n"
	if !strings.Contains(gen, want) || strings.ReplaceAll(gen, "[gen]", "[interp]") != strings.ReplaceAll(interp, "backend interp", "backend gen") {
		t.Errorf("gen -v:\n%s\ninterp -v:\n%s", gen, interp)
	}
}

// TestGenHarnessCrash: when the harness process dies, each case runs in a
// process of its own, so a crash costs only the case that caused it.
func TestGenHarnessCrash(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	files, err := conformance.Load([]string{genCases})
	if err != nil {
		t.Fatal(err)
	}
	disputes, err := conformance.LoadDisputes(genDisputes)
	if err != nil {
		t.Fatal(err)
	}
	// A stand-in harness: it answers for filter_pass (case 0) alone and
	// dies on anything else.
	bin := filepath.Join(t.TempDir(), "harness")
	script := `#!/bin/sh
case "$*" in
*'gen\.json/filter_pass$'*) echo '{"tally":{"passed":1},"cases":[{"index":0,"outcome":0}],"stale":["a stale note"]}' ;;
*) echo "fatal error: stack overflow" >&2; exit 2 ;;
esac
`
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	opts := suiteOptions{Options: conformance.Options{Disputes: disputes}}
	fr, stale, err := runHarnessFile(files[0], opts, bin)
	if err != nil {
		t.Fatal(err)
	}
	if fr.Tally != (conformance.Tally{Passed: 1, Failed: 5, Disputed: 1}) || !reflect.DeepEqual(stale, []string{"a stale note"}) {
		t.Errorf("tally %+v, stale %q", fr.Tally, stale)
	}
	crash := "the gen harness failed (exit status 2):\nfatal error: stack overflow"
	for _, r := range fr.Cases {
		switch {
		case r.Case.Name == "filter_pass":
			if r.Outcome != conformance.Passed {
				t.Errorf("filter_pass: %v", r.Outcome)
			}
		case r.Case.Name == "disputed_case":
			if r.Outcome != conformance.Disputed || r.Dispute == nil || !reflect.DeepEqual(r.Failures, []string{crash}) {
				t.Errorf("disputed_case: %v %v %q", r.Outcome, r.Dispute, r.Failures)
			}
		case r.Outcome != conformance.Failed || !reflect.DeepEqual(r.Failures, []string{crash}):
			t.Errorf("%s: %v %q", r.Case.Name, r.Outcome, r.Failures)
		}
	}
	if len(fr.Cases) != 7 {
		t.Errorf("%d cases, want 7", len(fr.Cases))
	}
}

// minimalApp is a hand-written runtime.App package standing in for
// generated code.
const minimalApp = `package PKG

import "github.com/eventflux/eventflux-go/runtime"

type App struct{ now int64 }

func New() *App                                         { return &App{} }
func (a *App) Streams() []runtime.StreamInfo            { return nil }
func (a *App) Start(now int64) error                    { a.now = now; return nil }
func (a *App) Now() int64                               { return a.now }
func (a *App) AdvanceTo(t int64)                        { a.now = t }
func (a *App) Send(string, int64, [][]any) error        { return nil }
func (a *App) Subscribe(string, func(int64, []any)) error { return nil }
func (a *App) Snapshot() ([]byte, error)                { return nil, nil }
RESTORE`

// TestGenBackendBrokenPackage: generated code that does not compile, or
// does not implement runtime.App, fails its own cases with the compiler's
// message; the other apps of the file still run.
func TestGenBackendBrokenPackage(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	pkg := func(dir, src string) []codegen.File {
		return []codegen.File{{Name: "app.go", Content: []byte(strings.ReplaceAll(src, "PKG", dir))}, conformsFile(dir)}
	}
	good := strings.ReplaceAll(minimalApp, "RESTORE", "func (a *App) Restore([]byte) error { return nil }\n")
	apps := []*genApp{
		{text: "broken", dir: "c0", pkg: pkg("c0", "package PKG\n\nfunc New() int { return undefinedName }\n")},
		{text: "good", dir: "c1", pkg: pkg("c1", good)},
		{text: "no restore", dir: "c2", pkg: pkg("c2", strings.ReplaceAll(minimalApp, "RESTORE", ""))},
		{text: "refused", err: "codegen: X is not supported by the code generator"},
	}
	bin, err := buildHarness(apps)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(apps[0].err, "generated code does not compile:\nc0/app.go:3:25: undefined: undefinedName") ||
		apps[1].err != "" || !strings.Contains(apps[2].err, "c2/efc_conforms.go:5:") || !strings.Contains(apps[2].err, "missing method Restore") {
		t.Errorf("app errors: %q / %q / %q", apps[0].err, apps[1].err, apps[2].err)
	}
	cases := `[
 {"name": "broken_app", "app": "broken", "expect": [{"error": "undefined: undefinedName"}]},
 {"name": "good_app", "app": "good", "steps": [{"sleep": 10}], "expect": []},
 {"name": "no_restore", "app": "no restore", "expect": []},
 {"name": "refused", "app": "refused", "expect": []}
]`
	path := filepath.Join(t.TempDir(), "broken.json")
	os.WriteFile(path, []byte(cases), 0o644)
	files, err := conformance.Load([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	fr, _, err := runHarnessFile(files[0], suiteOptions{}, bin)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range fr.Cases {
		got = append(got, r.Case.Name+" "+r.Outcome.String()+" "+strings.SplitN(strings.Join(r.Failures, ";"), "\n", 2)[0])
	}
	want := []string{"broken_app PASS ", "good_app PASS ", "no_restore FAIL build: generated code does not compile:",
		"refused FAIL build: codegen: X is not supported by the code generator"}
	if !reflect.DeepEqual(got, want) || fr.Tally != (conformance.Tally{Passed: 2, Failed: 2}) {
		t.Errorf("results %q, tally %+v; want %q", got, fr.Tally, want)
	}
}
