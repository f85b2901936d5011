package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// module makes a directory with go.mod content; the tests below run
// efc gen in process (no go command).
func module(t *testing.T, goMod string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(goMod), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestGenRuntimeErrors(t *testing.T) {
	noModule := t.TempDir()
	ours := module(t, "module github.com/eventflux/eventflux-go\n\ngo 1.26\n")
	broken := module(t, "module example.com/x\n\nrequire (\n")
	foreign := module(t, "module example.com/x\n\ngo 1.26\n")
	taken := filepath.Join(foreign, "rt")
	os.MkdirAll(taken, 0o755)
	os.WriteFile(filepath.Join(taken, "notes.txt"), []byte("mine"), 0o644)
	for _, tc := range []struct {
		dir, runtime, stderr string
	}{
		{noModule, filepath.Join(noModule, "rt"), "efc gen: --runtime: no go.mod in " + filepath.Join(noModule, "app") + " or above it: the generated package must be in a module (go mod init)\n"},
		{ours, filepath.Join(ours, "rt"), "efc gen: --runtime: " + filepath.Join(ours, "go.mod") + " is the runtime's own module; it needs no copy of it\n"},
		{broken, filepath.Join(broken, "rt"), "efc gen: " + filepath.Join(broken, "go.mod") + ":4: syntax error"},
		{foreign, taken, "efc gen: --runtime: " + taken + " is not empty and was not written by efc gen --runtime"},
	} {
		out := filepath.Join(tc.dir, "app")
		code, stdout, stderr := efc("", "gen", "--runtime", tc.runtime, exampleApp, "-o", out)
		if code != exitFail || stdout != "" || !strings.HasPrefix(stderr, tc.stderr) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q, want prefix %q", tc.dir, code, stdout, stderr, tc.stderr)
		}
		// Checked before anything is written.
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%s: a failed gen --runtime wrote the package (%v)", tc.dir, err)
		}
	}
	if data, err := os.ReadFile(filepath.Join(taken, "notes.txt")); err != nil || string(data) != "mine" {
		t.Errorf("the user's directory was touched: %q, %v", data, err)
	}
}

// TestGenRuntimeEditsGoMod: a requirement of the user's is never lowered
// (a newer klauspost/compress gets no replacement), a replacement of the
// runtime elsewhere is pointed at RDIR, a replacement into RDIR no longer
// needed is dropped, a newer go line stays; a rerun changes nothing.
func TestGenRuntimeEditsGoMod(t *testing.T) {
	dir := module(t, `module example.com/x

go 1.27

require github.com/klauspost/compress v1.99.0

replace github.com/eventflux/eventflux-go => ../my-checkout

replace github.com/klauspost/compress v1.20.0 => ./rt/github.com/klauspost/compress
`)
	args := []string{"gen", exampleApp, "-o", filepath.Join(dir, "app"), "--runtime", filepath.Join(dir, "rt")}
	code, stdout, stderr := efc("", args...)
	goModPath := filepath.Join(dir, "go.mod")
	wantOut := "efc gen: " + goModPath + ": require github.com/eventflux/eventflux-go v0.0.0-00010101000000-000000000000\n" +
		"efc gen: " + goModPath + ": replace github.com/eventflux/eventflux-go => ./rt/github.com/eventflux/eventflux-go\n" +
		"efc gen: " + goModPath + ": dropped replace github.com/klauspost/compress v1.20.0 => ./rt/github.com/klauspost/compress\n"
	if code != exitOK || stdout != wantOut || stderr != "" {
		t.Fatalf("exit %d, stdout:\n%s\nwant:\n%s\nstderr %q", code, stdout, wantOut, stderr)
	}
	goMod, _ := os.ReadFile(goModPath)
	want := `module example.com/x

go 1.27

require (
	github.com/eventflux/eventflux-go v0.0.0-00010101000000-000000000000
	github.com/klauspost/compress v1.99.0
)

replace github.com/eventflux/eventflux-go => ./rt/github.com/eventflux/eventflux-go
`
	if string(goMod) != want {
		t.Errorf("go.mod:\n%s\nwant:\n%s", goMod, want)
	}
	for _, f := range []string{"README.md", "github.com/eventflux/eventflux-go/go.mod", "github.com/eventflux/eventflux-go/runtime/driver/input.go", "github.com/klauspost/compress/LICENSE", "app/app.go"} {
		base := filepath.Join(dir, "rt")
		if f == "app/app.go" {
			base = dir
		}
		if _, err := os.Stat(filepath.Join(base, filepath.FromSlash(f))); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
	// A file of an older runtime is removed by the rerun, which changes
	// nothing else.
	stale := filepath.Join(dir, "rt", "github.com", "eventflux", "eventflux-go", "runtime", "gone.go")
	os.WriteFile(stale, []byte("package runtime\n"), 0o644)
	if code, stdout, stderr := efc("", args...); code != exitOK || stdout != "" || stderr != "" {
		t.Errorf("rerun: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if again, _ := os.ReadFile(goModPath); string(again) != want {
		t.Errorf("rerun changed go.mod:\n%s", again)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("a file the runtime no longer has was kept (%v)", err)
	}
}

// TestGenNotesMissingRuntime: plain efc gen into a module whose go.mod
// does not know the runtime says how to get it; it still writes the
// package and succeeds, and says nothing once go.mod has the runtime.
func TestGenNotesMissingRuntime(t *testing.T) {
	dir := module(t, "module example.com/x\n\ngo 1.26\n")
	code, stdout, stderr := efc("", "gen", exampleApp, "-o", filepath.Join(dir, "app"))
	want := "efc gen: note: " + filepath.Join(dir, "go.mod") + " does not require github.com/eventflux/eventflux-go, which the generated package imports: add --runtime RDIR"
	if code != exitOK || stdout != "" || !strings.HasPrefix(stderr, want) {
		t.Errorf("exit %d, stdout %q, stderr %q, want prefix %q", code, stdout, stderr, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "app", "app.go")); err != nil {
		t.Error(err)
	}
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/x\n\ngo 1.26\n\nreplace github.com/eventflux/eventflux-go => ../checkout\n"), 0o644)
	if code, stdout, stderr := efc("", "gen", exampleApp, "-o", filepath.Join(dir, "app")); code != exitOK || stdout != "" || stderr != "" {
		t.Errorf("with a replacement: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
