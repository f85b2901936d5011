package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"eventflux/conformance"
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
