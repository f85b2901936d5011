package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// wideApp has a stream wider than the generator supports (64 columns).
func wideApp(t *testing.T) string {
	t.Helper()
	var cols []string
	for i := range 65 {
		cols = append(cols, "c"+string(rune('a'+i%26))+string(rune('a'+i/26))+" INT")
	}
	path := filepath.Join(t.TempDir(), "wide.sql")
	src := "CREATE STREAM Wide (" + strings.Join(cols, ", ") + ");\nINSERT INTO Out SELECT * FROM Wide;\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestGenWritesPackage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out", "stocks")
	if code, out, errw := efc("", "gen", exampleApp, "-o", dir); code != exitOK || out != "" || errw != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errw)
	}
	app := filepath.Join(dir, "app.go")
	src, err := os.ReadFile(app)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{generatedHeader + "\n", "package stocks\n", "stocks.sql", "func New() *App"} {
		if !bytes.Contains(src, []byte(want)) {
			t.Errorf("app.go lacks %q", want)
		}
	}
	// A rerun leaves unchanged files alone, removes files of an earlier
	// generation and keeps hand-written ones.
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(app, old, old); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, "gone.go")
	own := filepath.Join(dir, "stocks_test.go")
	os.WriteFile(stale, []byte(generatedHeader+"\n\npackage stocks\n"), 0o644)
	os.WriteFile(own, []byte("package stocks\n"), 0o644)
	if code, _, errw := efc("", "gen", "-pkg", "stocks", "-o", dir, exampleApp); code != exitOK {
		t.Fatalf("rerun: exit %d, %s", code, errw)
	}
	if info, err := os.Stat(app); err != nil || !info.ModTime().Equal(old) {
		t.Errorf("unchanged app.go was rewritten (%v)", err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale generated file kept: %v", err)
	}
	if _, err := os.Stat(own); err != nil {
		t.Errorf("hand-written file removed: %v", err)
	}
}

func TestGenErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.sql")
	os.WriteFile(bad, []byte("CREATE STREAM S (v INT);\nINSERT INTO Out SELECT nope FROM S;\n"), 0o644)
	wide := wideApp(t)
	out := filepath.Join(dir, "out")
	for _, tc := range []struct {
		args   []string
		code   int
		stderr string // prefix
	}{
		{[]string{"gen", bad, "-o", out}, exitFail, bad + ":2:"},
		{[]string{"compile", bad, "-o", filepath.Join(dir, "bin")}, exitFail, bad + ":2:"},
		{[]string{"gen", wide, "-o", out}, exitFail,
			"efc gen: " + wide + ": codegen: stream Wide with more than 64 columns is not supported by the code generator\n"},
		{[]string{"compile", wide, "-o", filepath.Join(dir, "bin")}, exitFail, "efc compile: " + wide + ": codegen: "},
		{[]string{"gen", filepath.Join(dir, "missing.sql"), "-o", out}, exitFail, "efc gen: open "},
		{[]string{"gen", exampleApp}, exitUsage, "usage: efc gen app.sql -o DIR [-pkg NAME]"},
		{[]string{"gen", exampleApp, "-o", out, "-pkg", "func"}, exitUsage, `efc gen: -pkg "func" is not a usable package name`},
		{[]string{"gen", exampleApp, "-o", out, "-pkg", "main"}, exitUsage, `efc gen: -pkg "main" is not a usable package name`},
		{[]string{"compile"}, exitUsage, "usage: efc compile app.sql [-o BIN]"},
		{[]string{"compile", "a.sql", "b.sql"}, exitUsage, "usage: efc compile"},
	} {
		code, stdout, errw := efc("", tc.args...)
		if code != tc.code || stdout != "" || !strings.HasPrefix(errw, tc.stderr) {
			t.Errorf("efc %q = %d, stdout %q, stderr %q (want prefix %q)", tc.args, code, stdout, errw, tc.stderr)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed gen created %s", out)
	}
}

func TestPackageName(t *testing.T) {
	for path, want := range map[string]string{
		"testdata/apps/stocks.sql": "stocks",
		"My-App.v2.sql":            "myappv2",
		"2fast.sql":                "app2fast",
		"type.sql":                 "apptype",
		"main.sql":                 "appmain",
		"---.sql":                  "app",
		"snake_case":               "snake_case",
	} {
		if got := packageName(path); got != want {
			t.Errorf("packageName(%q) = %q, want %q", path, got, want)
		}
	}
}

// TestCompileMatchesRun compiles the example and runs the binary on the
// example events: stdout is byte for byte efc run's, and the binary takes
// the same flags.
func TestCompileMatchesRun(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	events, err := os.ReadFile(exampleEvents)
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "stocks")
	if code, out, errw := efc("", "compile", exampleApp, "-o", bin); code != exitOK || out != "" || errw != "" {
		t.Fatalf("compile: exit %d, stdout %q, stderr %q", code, out, errw)
	}
	for _, args := range [][]string{{"--playback"}, {"--playback", "--collect", "SymbolSummary,LargeTrades"}} {
		code, want, wantErr := efc(string(events), append([]string{"run", exampleApp}, args...)...)
		if code != exitOK {
			t.Fatalf("efc run: %d %s", code, wantErr)
		}
		cmd := exec.Command(bin, args...)
		cmd.Stdin = bytes.NewReader(events)
		var out, errw bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errw
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s %q: %v\n%s", bin, args, err, errw.String())
		}
		if out.String() != want {
			t.Errorf("%q: compiled output differs from efc run\n--- compiled\n%s--- efc run\n%s", args, out.String(), want)
		}
		if got := strings.Replace(errw.String(), "stocks: ", "efc run: ", 1); got != wantErr {
			t.Errorf("%q: stderr %q, want %q", args, errw.String(), wantErr)
		}
	}
}
