// Command gen regenerates the benchmark packages: for every apps/wN.sql it
// writes gen/wN/ (package wN) with the code generator, through the same
// compile → optimize → generate pipeline efc uses. Run from the module root
// (make bench-gen):
//
//	go run ./bench/internal/gen -apps bench/apps -out bench/gen
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"eventflux/codegen"
	"eventflux/compiler"
	"eventflux/optimizer"
)

func main() {
	apps := flag.String("apps", "bench/apps", "directory of the workload .sql apps")
	out := flag.String("out", "bench/gen", "directory that receives one package per app")
	flag.Parse()
	pkgs, err := generateAll(*apps)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	for _, p := range pkgs {
		if err := p.write(*out); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}

// pkg is the generated code of one app.
type pkg struct {
	name  string
	files []codegen.File
}

// generateAll generates one package per .sql file of dir, named after the
// file (w1.sql → package w1), in file name order.
func generateAll(dir string) ([]pkg, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.sql"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no .sql apps in %s", dir)
	}
	sort.Strings(paths)
	var pkgs []pkg
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".sql")
		files, err := generate(path, name)
		if err != nil {
			return nil, err
		}
		pkgs = append(pkgs, pkg{name: name, files: files})
	}
	return pkgs, nil
}

func generate(path, name string) ([]codegen.File, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	base := filepath.Base(path)
	p, err := compiler.Compile(base, string(src))
	if err != nil {
		return nil, err
	}
	if p, err = optimizer.Optimize(p, optimizer.Options{}); err != nil {
		return nil, err
	}
	return codegen.Generate(p, codegen.Options{Package: name, Source: base})
}

// write replaces out/<name>/ with the generated files, rewriting a file only
// when its bytes changed (keeps mtimes stable for the build cache).
func (p pkg) write(out string) error {
	dir := filepath.Join(out, p.name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range p.files {
		path := filepath.Join(dir, f.Name)
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, f.Content) {
			continue
		}
		if err := os.WriteFile(path, f.Content, 0o644); err != nil {
			return err
		}
	}
	return nil
}
