package eventflux_test

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	eventflux "github.com/eventflux/eventflux-go"
	"github.com/eventflux/eventflux-go/internal/vendortree"
)

var rewrite = flag.Bool("rewrite", false, "rewrite _vendor from go.mod and go.sum (make vendor-embed)")

const fix = "run `make vendor-embed`"

// TestVendorTreeCurrent makes the vendor tree for the embedded sources
// anew from go.mod and go.sum and compares it byte for byte with _vendor,
// the tree efc embeds, so a dependency change (go get, go mod tidy) or a
// new import in the runtime cannot leave compiled binaries linking other
// code than `go test` tested, or not building at all.
func TestVendorTreeCurrent(t *testing.T) {
	goMod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	goSum, err := os.ReadFile("go.sum")
	if err != nil {
		t.Fatal(err)
	}
	want, err := vendortree.Make(eventflux.Sources(), goMod, goSum)
	if err != nil {
		t.Fatal(err)
	}
	if *rewrite {
		// The embedded tree is the one this test binary was built with:
		// the next run compares the new one.
		if err := vendortree.Write("_vendor", want); err != nil {
			t.Fatal(err)
		}
		return
	}
	got := map[string][]byte{}
	err = fs.WalkDir(eventflux.Vendor(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		got[path], err = fs.ReadFile(eventflux.Vendor(), path)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range want {
		if old, ok := got[name]; !ok {
			t.Errorf("_vendor/%s is missing: %s", name, fix)
		} else if !bytes.Equal(old, data) {
			t.Errorf("_vendor/%s differs from its module: %s", name, fix)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("_vendor/%s is not needed by the embedded sources: %s", name, fix)
		}
	}
	// What go:embed saw is what is on disk (the embed patterns skip
	// nothing Keep lets through).
	onDisk := os.DirFS("_vendor")
	fs.WalkDir(onDisk, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if _, ok := got[path]; !ok {
				t.Errorf("_vendor/%s is on disk but not embedded: %s", path, fix)
			}
		}
		return err
	})
}

// TestVendorTreeIsTheRuntimeDeps checks _vendor/modules.txt against the
// go command's own view of this module: the modules providing packages to
// the embedded packages, at the versions this module builds with, and
// nothing of the compiler side (the TiDB parser, jennifer).
func TestVendorTreeIsTheRuntimeDeps(t *testing.T) {
	if *rewrite {
		t.Skip("-rewrite: the embedded tree is the old one")
	}
	cmd := exec.Command("go", "list", "-deps", "-f", "{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}}{{end}}{{end}}",
		"./runtime/...", "./conformance", "./internal/gobuild/harness")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var want []string
	for _, line := range strings.Split(string(out), "\n") {
		if line != "" && !slices.Contains(want, line) {
			want = append(want, line)
		}
	}
	txt, err := fs.ReadFile(eventflux.Vendor(), "modules.txt")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(string(txt), "\n") {
		if m, ok := strings.CutPrefix(line, "# "); ok {
			got = append(got, m)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("_vendor/modules.txt has modules %q; the embedded packages build with %q: %s", got, want, fix)
	}
	for _, m := range got {
		if strings.HasPrefix(m, "github.com/pingcap/") || strings.HasPrefix(m, "github.com/dave/jennifer") {
			t.Errorf("the embedded vendor tree holds %s, a compiler-side module", m)
		}
	}
	if !slices.ContainsFunc(got, func(m string) bool { return strings.HasPrefix(m, "github.com/klauspost/compress ") }) {
		t.Errorf("the vendor tree lacks klauspost/compress, which runtime/driver imports")
	}
}
