package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const (
	caseDir      = "../../conformance/testdata/cases"
	disputesFile = "../../conformance/testdata/disputes.txt"
)

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update accepts):\n--- got\n%s--- want\n%s", name, got, want)
	}
}

func TestTestTableGolden(t *testing.T) {
	code, out, errw := efc("", "test", "--backend=fake", "--disputes", disputesFile, caseDir)
	if code != exitOK || errw != "" {
		t.Fatalf("exit %d, stderr %q", code, errw)
	}
	golden(t, "test_table.txt", out)
}

func TestTestJSONGolden(t *testing.T) {
	// Flags after the path work too.
	code, out, errw := efc("", "test", caseDir, "--backend", "fake", "--json", "--disputes="+disputesFile)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errw)
	}
	golden(t, "test_json.txt", out)
	// The stale-dispute notes go to stderr, never into the JSON stream.
	if !strings.Contains(errw, "note: basic.json/stale_dispute passes but is disputed") {
		t.Errorf("stderr %q lacks the stale dispute note", errw)
	}
}

func TestTestOptions(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string // substring
		stderr string // substring
	}{
		{"unknown backend", []string{"--backend=jit", caseDir}, exitUsage, "", `unknown backend "jit"`},
		{"no path", []string{"--backend=fake"}, exitUsage, "", "no case file or folder given"},
		{"bad regexp", []string{"--backend=fake", "--run", "(", caseDir}, exitUsage, "", "--run: error parsing regexp"},
		{"bad flag", []string{"--frob", caseDir}, exitUsage, "", "flag provided but not defined: -frob"},
		{"missing path", []string{"--backend=fake", "no/such/dir"}, exitFail, "", "no/such/dir"},
		{"missing disputes", []string{"--backend=fake", "--disputes", "nope.txt", caseDir}, exitFail, "", "nope.txt"},
		{"strict fails", []string{"--backend=fake", "--strict", caseDir}, exitFail, "total", ""},
		{"strict passes", []string{"--backend=fake", "--strict", "--run", "^time.json/", caseDir}, exitOK,
			"time.json       2       0         0      0/0        0\n", ""},
		{"verbose", []string{"--backend=fake", "-v", "--run", "wrong_expectation", caseDir}, exitOK,
			"--- FAIL basic.json/double_wrong_expectation [fake]", ""},
		{"stretch failures do not fail strict", []string{"--backend=fake", "--strict", "--run", "stretch", caseDir}, exitOK,
			"total            0       0         0      1/2        0\n", ""},
	} {
		code, out, errw := efc("", append([]string{"test"}, tc.args...)...)
		if code != tc.code || !strings.Contains(out, tc.stdout) || !strings.Contains(errw, tc.stderr) {
			t.Errorf("%s: exit %d (want %d)\nstdout %q\nstderr %q", tc.name, code, tc.code, out, errw)
		}
	}
}

// TestNeedsGo: without the go command, the commands that build generated
// code say so, and --backend=all runs nothing rather than half the suite.
func TestNeedsGo(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	const genNeedsGo = "efc test: the gen backend builds generated code and needs the go command (Go 1.26) in PATH\n"
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"test", "--backend=gen", caseDir}, genNeedsGo},
		{[]string{"test", "--backend=all", caseDir}, genNeedsGo},
		{[]string{"compile", exampleApp, "-o", filepath.Join(t.TempDir(), "x")},
			"efc compile: the go command was not found in PATH; building generated code needs Go 1.26\n"},
	} {
		code, out, errw := efc("", tc.args...)
		if code != exitFail || out != "" || errw != tc.stderr {
			t.Errorf("efc %q = %d, stdout %q, stderr %q (want %q)", tc.args, code, out, errw, tc.stderr)
		}
	}
}

func TestTestDefaultDisputesFile(t *testing.T) {
	cases, err := filepath.Abs(caseDir)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "testdata"), 0o755); err != nil {
		t.Fatal(err)
	}
	text := "basic.json double_wrong_expectation A2 listed in the default file\n"
	if err := os.WriteFile(filepath.Join(dir, defaultDisputes), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	code, out, errw := efc("", "test", "--backend=fake", "--json", "--run", "double_", cases)
	want := `{"backend":"fake","files":{"basic.json":{"passed":1,"failed":0,"disputed":1,"stretch_passed":0,"stretch_failed":0,"skipped":0}}}` + "\n"
	if code != exitOK || out != want {
		t.Errorf("exit %d, stdout %q, want %q (stderr %q)", code, out, want, errw)
	}
}
