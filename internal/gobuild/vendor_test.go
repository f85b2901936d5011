package gobuild

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseModulesTxt(t *testing.T) {
	mods, err := parseModulesTxt("# example.com/a v1.2.3\n## explicit; go 1.25\nexample.com/a\nexample.com/a/sub\n# example.com/b v0.1.0\n## explicit; go 1.21\nexample.com/b/x\n")
	want := []Module{
		{Path: "example.com/a", Version: "v1.2.3", GoVersion: "1.25", Packages: []string{"example.com/a", "example.com/a/sub"}},
		{Path: "example.com/b", Version: "v0.1.0", GoVersion: "1.21", Packages: []string{"example.com/b/x"}},
	}
	if err != nil || !reflect.DeepEqual(mods, want) {
		t.Errorf("parse = %+v, %v\nwant %+v", mods, err, want)
	}
	if got := requireBlock(mods); got != "\nrequire (\n\texample.com/a v1.2.3\n\texample.com/b v0.1.0\n)\n" {
		t.Errorf("requireBlock = %q", got)
	}
	if mods, err := parseModulesTxt(""); err != nil || len(mods) != 0 || requireBlock(mods) != "" {
		t.Errorf("empty modules.txt: %v, %v", mods, err)
	}
	for txt, msg := range map[string]string{
		"example.com/a\n": "vendor/modules.txt:1: package example.com/a before any module",
		"## explicit\n":   "vendor/modules.txt:1: annotation before any module",
		"# example.com/a v1.0.0 => ../a\n## explicit\n":   `vendor/modules.txt:1: "# example.com/a v1.0.0 => ../a" is not "# path version" (replacements are not supported)`,
		"# example.com/a v1.0.0\nexample.com/a\n":         "vendor/modules.txt: module example.com/a has no go version",
		"# example.com/a v1.0.0\n## go 1.20\n":            "vendor/modules.txt:2: module example.com/a is not an explicit requirement",
		"# example.com/a v1.0.0\n## explicit; go 1\n#x\n": `vendor/modules.txt:3: unknown line "#x"`,
	} {
		if _, err := parseModulesTxt(txt); err == nil || err.Error() != msg {
			t.Errorf("parse %q: %v, want %q", txt, err, msg)
		}
	}
}

// TestBuildModuleVendors: the module Build writes requires the vendored
// modules, holds their tree under vendor/ and the embedded klauspost
// package is among them (runtime/driver decompresses zstd input).
func TestBuildModuleVendors(t *testing.T) {
	mod, err := sourceModule(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	goModText, err := os.ReadFile(filepath.Join(mod, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	mods, err := VendoredModules()
	if err != nil || len(mods) == 0 {
		t.Fatalf("vendored modules %v, %v", mods, err)
	}
	for _, m := range mods {
		if !strings.Contains(string(goModText), "\t"+m.Path+" "+m.Version+"\n") {
			t.Errorf("go.mod lacks %s %s:\n%s", m.Path, m.Version, goModText)
		}
	}
	for _, f := range []string{"vendor/modules.txt", "vendor/github.com/klauspost/compress/zstd/decoder.go", "vendor/github.com/klauspost/compress/LICENSE", "runtime/driver/input.go"} {
		if _, err := os.Stat(filepath.Join(mod, filepath.FromSlash(f))); err != nil {
			t.Errorf("the build module lacks %s: %v", f, err)
		}
	}
}
