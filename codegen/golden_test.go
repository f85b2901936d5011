package codegen_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/codegen"
	"github.com/eventflux/eventflux-go/compiler"
	"github.com/eventflux/eventflux-go/internal/datadriven"
	"github.com/eventflux/eventflux-go/internal/gobuild"
	"github.com/eventflux/eventflux-go/optimizer"
)

// TestGolden generates the package of every testdata/golden/<name>.sql
// (package <name>) and compares it byte for byte with <name>.go.golden, so
// every change of the generated code shows up as a diff of those files in
// review: when codegen (or the optimizer's choices) changes, refresh with
// go test ./codegen -run TestGolden -rewrite and read the golden diff. All
// the generated packages are then built together in one go build, so a
// golden file that does not compile cannot be checked in.
func TestGolden(t *testing.T) {
	apps, _ := filepath.Glob("testdata/golden/*.sql")
	if len(apps) == 0 {
		t.Fatal("no testdata/golden/*.sql")
	}
	var pkgs []gobuild.Package
	for _, app := range apps {
		name := strings.TrimSuffix(filepath.Base(app), ".sql")
		src, err := os.ReadFile(app)
		if err != nil {
			t.Fatal(err)
		}
		got := generate(t, app, string(src), name)
		pkgs = append(pkgs, gobuild.Package{Dir: "golden/" + name, Files: []codegen.File{{Name: "app.go", Content: got}}})
		golden := strings.TrimSuffix(app, ".sql") + ".go.golden"
		if datadriven.Rewrite() {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Errorf("%s: %v (create it with: go test ./codegen -run TestGolden -rewrite)", app, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: generated code differs from %s at %s; if the change is intended, run go test ./codegen -run TestGolden -rewrite and review the diff",
				app, golden, firstDiff(want, got))
		}
	}
	// Stale goldens would be reviewed but never compared.
	goldens, _ := filepath.Glob("testdata/golden/*.go.golden")
	for _, g := range goldens {
		if _, err := os.Stat(strings.TrimSuffix(g, ".go.golden") + ".sql"); err != nil {
			t.Errorf("%s has no .sql app: remove it", g)
		}
	}
	if t.Failed() {
		return
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command: the golden packages are not built")
	}
	prog := gobuild.Program{Packages: pkgs, Main: func(prefix string) []byte {
		var b strings.Builder
		b.WriteString("package main\n\nimport (\n")
		for _, p := range pkgs {
			fmt.Fprintf(&b, "\t_ %q\n", prefix+"/"+p.Dir)
		}
		b.WriteString(")\n\nfunc main() {}\n")
		return []byte(b.String())
	}}
	if _, err := gobuild.Build(prog, ""); err != nil {
		t.Fatalf("the golden packages do not build: %v", err)
	}
}

// generate runs the pipeline efc gen runs: compile, optimize with every
// pass, generate with the app's base name in comments.
func generate(t *testing.T, path, src, pkg string) []byte {
	t.Helper()
	p, err := compiler.Compile(path, src)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := optimizer.Optimize(p, optimizer.Options{}); err != nil {
		t.Fatal(err)
	}
	files, err := codegen.Generate(p, codegen.Options{Package: pkg, Source: filepath.Base(path)})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(files) != 1 || files[0].Name != "app.go" {
		t.Fatalf("%s: generated %d files; the golden test expects one app.go", path, len(files))
	}
	return files[0].Content
}

// firstDiff names the first line where want and got differ.
func firstDiff(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl || i >= len(w) || i >= len(g) {
			return fmt.Sprintf("line %d:\n  golden:    %q\n  generated: %q", i+1, wl, gl)
		}
	}
	return "the end"
}
