package gobuild

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	eventflux "github.com/eventflux/eventflux-go"
	"github.com/eventflux/eventflux-go/codegen"
)

// TestEmbeddedSourcesBuild builds a program importing every embedded
// package: the module must be complete and need nothing beyond the
// standard library and its vendor directory (GOPROXY=off and -mod=vendor
// would refuse anything else).
func TestEmbeddedSourcesBuild(t *testing.T) {
	dirs := map[string]bool{}
	err := fs.WalkDir(eventflux.Sources(), ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			dirs[filepath.ToSlash(filepath.Dir(path))] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var imports []string
	for dir := range dirs {
		imports = append(imports, fmt.Sprintf("_ %q", "github.com/eventflux/eventflux-go/"+dir))
	}
	if len(imports) < 8 {
		t.Fatalf("only %d embedded packages: %v", len(imports), imports)
	}
	p := Program{Main: mainSource(`println("ok")`, imports...)}
	bin := filepath.Join(t.TempDir(), "all")
	if _, err := Build(p, bin); err != nil {
		t.Fatal(err)
	}
	if _, errw := run(t, bin, ""); errw != "ok\n" {
		t.Errorf("stderr %q", errw)
	}
}

func TestValidDir(t *testing.T) {
	for dir, want := range map[string]bool{
		"app": true, "c0": true, "a/b": true,
		"": false, ".": false, "..": false, "../x": false, "a/../b": false, "/abs": false,
		"a//b": false, "a/": false, ".hidden": false, "testdata": false, `a\b`: false,
	} {
		if got := validDir(dir); got != want {
			t.Errorf("validDir(%q) = %v, want %v", dir, got, want)
		}
	}
	_, err := Build(Program{Packages: []Package{{Dir: "../escape"}}, Main: mainSource("")}, filepath.Join(t.TempDir(), "x"))
	if err == nil || err.Error() != `gobuild: bad package directory "../escape"` {
		t.Errorf("Build with ../escape: %v", err)
	}
}

func TestProgramHash(t *testing.T) {
	file := func(s string) []codegen.File { return []codegen.File{{Name: "a.go", Content: []byte(s)}} }
	a := Program{Packages: []Package{{Dir: "x", Files: file("package x")}, {Dir: "y", Files: file("package y")}}, Main: mainSource("")}
	swapped := Program{Packages: []Package{a.Packages[1], a.Packages[0]}, Main: a.Main}
	edited := Program{Packages: []Package{{Dir: "x", Files: file("package x ")}, a.Packages[1]}, Main: a.Main}
	otherMain := Program{Packages: a.Packages, Main: mainSource("println()")}
	h := programHash(a)
	if len(h) != 24 || programHash(swapped) != h {
		t.Errorf("hash %q, swapped %q: want 24 hex digits, independent of package order", h, programHash(swapped))
	}
	if programHash(edited) == h || programHash(otherMain) == h {
		t.Error("the hash ignores a file's content or the main source")
	}
}

// TestPublishRace: concurrent writers of one directory all succeed and
// leave one complete copy and no temporary directories.
func TestPublishRace(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "abc")
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = publish(dir, func(tmp string) error {
				return os.WriteFile(filepath.Join(tmp, "f"), []byte("content"), 0o644)
			})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("writer %d: %v", i, err)
		}
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 || entries[0].Name() != "abc" {
		t.Errorf("parent holds %v", entries)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "f")); err != nil || string(data) != "content" {
		t.Errorf("published %q, %v", data, err)
	}
	failed := publish(filepath.Join(parent, "bad"), func(string) error { return fmt.Errorf("disk full") })
	if failed == nil || failed.Error() != "disk full" {
		t.Errorf("failing fill: %v", failed)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("a failed publish left %v", entries)
	}
}

func TestPrune(t *testing.T) {
	parent := t.TempDir()
	for _, name := range []string{"old", "fresh", "touched"} {
		if err := os.Mkdir(filepath.Join(parent, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-keepUnused - time.Hour)
	for _, name := range []string{"old", "touched"} {
		if err := os.Chtimes(filepath.Join(parent, name), long, long); err != nil {
			t.Fatal(err)
		}
	}
	touch(filepath.Join(parent, "touched"))
	prune(parent)
	var left []string
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if strings.Join(left, ",") != "fresh,touched" {
		t.Errorf("after prune: %v", left)
	}
}

func TestCacheRootEnv(t *testing.T) {
	t.Setenv(CacheDirEnv, "rel/dir")
	got, err := cacheRoot()
	wd, _ := os.Getwd()
	if err != nil || got != filepath.Join(wd, "rel", "dir") {
		t.Errorf("cacheRoot() = %q, %v", got, err)
	}
}
