package gobuild

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/codegen"
)

func mainSource(body string, imports ...string) func(prefix string) []byte {
	return func(prefix string) []byte {
		var b strings.Builder
		b.WriteString("package main\n\nimport (\n")
		for _, imp := range imports {
			b.WriteString("\t" + strings.ReplaceAll(imp, "PREFIX", prefix) + "\n")
		}
		b.WriteString(")\n\nfunc main() {\n" + body + "\n}\n")
		return []byte(b.String())
	}
}

func run(t *testing.T, bin string, stdin string, args ...string) (string, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errw strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errw
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, errw.String())
	}
	return out.String(), errw.String()
}

// TestBuildProgram builds a package importing the runtime and a main
// using it, from embedded sources only.
func TestBuildProgram(t *testing.T) {
	p := Program{
		Packages: []Package{{Dir: "greet/deep", Files: []codegen.File{{Name: "greet.go", Content: []byte(
			"package deep\n\nimport \"github.com/eventflux/eventflux-go/runtime\"\n\nfunc Type() string { return runtime.BigInt.String() }\n")}}}},
		Main: mainSource(`fmt.Println("type", deep.Type(), "driver exit", driver.ExitUsage)`,
			`"fmt"`, `"github.com/eventflux/eventflux-go/runtime/driver"`, `"PREFIX/greet/deep"`),
	}
	bin := filepath.Join(t.TempDir(), "greet")
	if exe, err := Build(p, bin); err != nil || exe != bin {
		t.Fatalf("Build = %q, %v; want %q", exe, err, bin)
	}
	if out, _ := run(t, bin, ""); out != "type BIGINT driver exit 2\n" {
		t.Errorf("output %q", out)
	}
	// Without an output path the executable stays in the program's
	// directory, found up to date by the next build.
	exe, err := Build(p, "")
	if err != nil || !strings.HasPrefix(exe, mustCacheRoot(t)) {
		t.Fatalf("Build in place = %q, %v", exe, err)
	}
	info, err := os.Stat(exe)
	if err != nil {
		t.Fatal(err)
	}
	if again, err := Build(p, ""); err != nil || again != exe {
		t.Fatalf("second Build in place = %q, %v", again, err)
	}
	// go touches an up-to-date target but does not write it anew.
	if info2, err := os.Stat(exe); err != nil || !os.SameFile(info, info2) {
		t.Errorf("the up-to-date executable was written again (%v)", err)
	}
	if out, _ := run(t, exe, ""); out != "type BIGINT driver exit 2\n" {
		t.Errorf("output %q", out)
	}
}

func mustCacheRoot(t *testing.T) string {
	t.Helper()
	root, err := cacheRoot()
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func TestBuildError(t *testing.T) {
	p := Program{
		Packages: []Package{
			{Dir: "good", Files: []codegen.File{{Name: "good.go", Content: []byte("package good\n\nconst N = 1\n")}}},
			{Dir: "bad", Files: []codegen.File{{Name: "bad.go", Content: []byte("package bad\n\nconst N = undefinedName\n")}}},
		},
		Main: mainSource(`println(good.N, bad.N)`, `"PREFIX/good"`, `"PREFIX/bad"`),
	}
	_, err := Build(p, filepath.Join(t.TempDir(), "x"))
	var be *Error
	if !errors.As(err, &be) {
		t.Fatalf("error %v, want an *Error", err)
	}
	if len(be.Failed) != 1 || !strings.Contains(be.Failed["bad"], "bad/bad.go:3:11: undefined: undefinedName") {
		t.Errorf("failed packages %q", be.Failed)
	}
	if !strings.Contains(be.Output, "# bad\n") || !strings.Contains(err.Error(), "go build (sources in "+be.Dir) {
		t.Errorf("output %q\nerror %v", be.Output, err)
	}
	if _, err := os.Stat(filepath.Join(be.Dir, "bad", "bad.go")); err != nil {
		t.Errorf("the sources are not where the error says: %v", err)
	}
}
