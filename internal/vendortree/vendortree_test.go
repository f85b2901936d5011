package vendortree

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestKeep(t *testing.T) {
	for rel, want := range map[string]bool{
		"modules.txt":                        true,
		"example.com/m/LICENSE":              true,
		"example.com/m/sub/LICENSE.txt":      true,
		"example.com/m/COPYING":              true,
		"example.com/m/a.go":                 true,
		"example.com/m/a_amd64.s":            true,
		"example.com/m/defs.h":               true,
		"example.com/m/a_test.go":            false,
		"example.com/m/_gen.go":              false,
		"example.com/m/.gitignore":           false,
		"example.com/m/README.md":            false,
		"example.com/m/gen.sh":               false,
		"example.com/m/s2sx.mod":             false,
		"example.com/m/.goreleaser.yml":      false,
		"example.com/m/sub/modules.txt":      false,
		"example.com/m/testdata.go.template": false,
	} {
		if got := Keep(rel); got != want {
			t.Errorf("Keep(%q) = %v, want %v", rel, got, want)
		}
	}
}

func TestSameVersions(t *testing.T) {
	full := []byte("module m\n\ngo 1.26\n\nrequire x.org/a v1.0.0\n\nrequire (\n\ty.org/b v0.2.0 // indirect\n\tz.org/c v1.1.0\n)\n")
	if got := requires(full); !maps.Equal(got, map[string]string{"x.org/a": "v1.0.0", "y.org/b": "v0.2.0", "z.org/c": "v1.1.0"}) {
		t.Errorf("requires = %v", got)
	}
	if err := sameVersions([]byte("module m\n\nrequire y.org/b v0.2.0\n"), full); err != nil {
		t.Error(err)
	}
	err := sameVersions([]byte("module m\n\nrequire y.org/b v0.3.0\n"), full)
	if err == nil || err.Error() != `vendortree: the embedded sources need y.org/b v0.3.0, go.mod requires "v0.2.0"` {
		t.Errorf("a tidy that moved a version: %v", err)
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, map[string][]byte{"modules.txt": []byte("a"), "x/y/a.go": []byte("package y"), "x/z/b.go": []byte("package z")}); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, map[string][]byte{"modules.txt": []byte("b"), "x/y/a.go": []byte("package y")}); err != nil {
		t.Fatal(err)
	}
	var files []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		files = append(files, filepath.ToSlash(rel))
		return err
	})
	if want := []string{".", "modules.txt", "x", "x/y", "x/y/a.go"}; !slices.Equal(files, want) {
		t.Errorf("after the second Write: %q, want %q", files, want)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "modules.txt")); string(data) != "b" {
		t.Errorf("modules.txt = %q", data)
	}
}
