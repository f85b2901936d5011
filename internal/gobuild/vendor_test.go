package gobuild

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
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

// TestLocalModules: the runtime module holds the runtime tree only, with
// a go.mod requiring the vendored modules; each vendored module holds its
// vendored files and a go.mod naming it at its go version.
func TestLocalModules(t *testing.T) {
	mods, err := LocalModules()
	if err != nil {
		t.Fatal(err)
	}
	vendored, _ := VendoredModules()
	if len(mods) != 1+len(vendored) || mods[0].Path != RuntimeModulePath || mods[0].Version != RuntimeVersion {
		t.Fatalf("modules %d, first %s %s", len(mods), mods[0].Path, mods[0].Version)
	}
	rt := mods[0].Files
	if want, _ := goMod(); string(rt["go.mod"]) != want {
		t.Errorf("runtime go.mod %q, want the build module's %q", rt["go.mod"], want)
	}
	for name := range rt {
		if name != "go.mod" && !strings.HasPrefix(name, "runtime/") {
			t.Errorf("the runtime module holds %s", name)
		}
	}
	if _, ok := rt["runtime/driver/input.go"]; !ok {
		t.Error("the runtime module lacks runtime/driver/input.go")
	}
	for i, m := range vendored {
		lm := mods[i+1]
		if lm.Path != m.Path || lm.Version != m.Version || string(lm.Files["go.mod"]) != "module "+m.Path+"\n\ngo "+m.GoVersion+"\n" {
			t.Errorf("module %d: %s %s, go.mod %q", i+1, lm.Path, lm.Version, lm.Files["go.mod"])
		}
		for name := range lm.Files {
			if strings.HasSuffix(name, "_test.go") || strings.HasPrefix(name, "/") {
				t.Errorf("%s holds %s", m.Path, name)
			}
		}
	}
	i := slices.IndexFunc(mods, func(m LocalModule) bool { return m.Path == "github.com/klauspost/compress" })
	if i < 0 {
		t.Fatal("no local module github.com/klauspost/compress")
	}
	for _, f := range []string{"zstd/decoder.go", "LICENSE"} {
		if _, ok := mods[i].Files[f]; !ok {
			t.Errorf("klauspost/compress lacks %s", f)
		}
	}
}
