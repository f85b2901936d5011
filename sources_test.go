package eventflux

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// embeddedRoots are the trees Sources must carry in full; recursive marks
// the ones whose subpackages belong too (conformance/fakeapp does not).
var embeddedRoots = []struct {
	dir       string
	recursive bool
}{
	{"runtime", true},
	{"conformance", false},
	{"internal/gobuild/harness", false},
}

// TestSourcesComplete compares Sources with the files on disk, so a new
// runtime package the go:embed patterns miss fails here rather than in a
// user's `efc compile`.
func TestSourcesComplete(t *testing.T) {
	var want []string
	for _, root := range embeddedRoots {
		err := filepath.WalkDir(root.dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != root.dir && (!root.recursive || d.Name() == "testdata") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
				want = append(want, filepath.ToSlash(path))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	err := fs.WalkDir(Sources(), ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			got = append(got, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("Sources() has\n%s\nwant (on disk)\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, p := range []string{"runtime/app.go", "runtime/driver/driver.go", "conformance/suite.go", "internal/gobuild/harness/harness.go"} {
		if !slices.Contains(got, p) {
			t.Errorf("Sources() lacks %s", p)
		}
		disk, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		emb, err := fs.ReadFile(Sources(), p)
		if err != nil || !bytes.Equal(emb, disk) {
			t.Errorf("%s: embedded content differs from disk (err %v)", p, err)
		}
	}
}

// TestSourcesHideTests checks every access path: Open, ReadFile, ReadDir
// and reading an open directory in pages.
func TestSourcesHideTests(t *testing.T) {
	src := Sources()
	const test = "runtime/driver/run_test.go"
	if _, err := os.Stat(test); err != nil {
		t.Fatalf("the test needs %s on disk: %v", test, err)
	}
	if _, err := src.Open(test); !os.IsNotExist(err) {
		t.Errorf("Open(%s) = %v, want not exist", test, err)
	}
	if _, err := fs.ReadFile(src, test); !os.IsNotExist(err) {
		t.Errorf("ReadFile(%s) = %v, want not exist", test, err)
	}
	entries, err := fs.ReadDir(src, "runtime/driver")
	if err != nil || len(entries) == 0 {
		t.Fatalf("ReadDir: %v, %d entries", err, len(entries))
	}
	var listed []string
	for _, e := range entries {
		listed = append(listed, e.Name())
	}
	f, err := src.Open("runtime/driver")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dir, ok := f.(fs.ReadDirFile)
	if !ok {
		t.Fatal("an open directory is not a ReadDirFile")
	}
	var paged []string
	for {
		page, err := dir.ReadDir(1)
		for _, e := range page {
			paged = append(paged, e.Name())
		}
		if err == io.EOF {
			break
		}
		if err != nil || len(page) != 1 {
			t.Fatalf("ReadDir(1) = %d entries, %v", len(page), err)
		}
	}
	if !slices.Equal(paged, listed) {
		t.Errorf("paged listing %q, want %q", paged, listed)
	}
	for _, name := range listed {
		if strings.HasSuffix(name, "_test.go") {
			t.Errorf("listing shows %s", name)
		}
	}
	if !slices.Contains(listed, "driver.go") {
		t.Errorf("listing %q lacks driver.go", listed)
	}
}
