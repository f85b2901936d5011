// Package archtest keeps the dependency arrows of STYLE.md true: plan
// imports nothing of ours; the runtime knows no compiler, plan or
// interpreter; only compiler/syntax sees the TiDB parser; generated code
// imports the runtime only.
package archtest

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

const module = "eventflux"

type pkg struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

func listPackages(t *testing.T) []pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-json=ImportPath,Imports,Deps", "./...")
	cmd.Dir = ".."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	var pkgs []pkg
	for dec.More() {
		var p pkg
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

func ours(path string) bool { return path == module || strings.HasPrefix(path, module+"/") }

func under(path, dir string) bool {
	p := module + "/" + dir
	return path == p || strings.HasPrefix(path, p+"/")
}

// rule: packages under from may not depend (transitively) on packages matching bad.
type rule struct {
	from string
	why  string
	bad  func(dep string) bool
}

var rules = []rule{
	{"plan", "plan is the shared IR and imports nothing of ours", func(d string) bool { return ours(d) }},
	{"runtime", "the runtime knows no compiler, plan, optimizer, codegen or interpreter",
		func(d string) bool { return ours(d) && !under(d, "runtime") }},
	{"generated", "generated code imports the runtime only",
		func(d string) bool { return ours(d) && !under(d, "runtime") && !under(d, "generated") }},
	{"optimizer", "the optimizer works on the plan only", func(d string) bool { return ours(d) && !under(d, "plan") }},
	{"codegen", "the code generator reads the plan only", func(d string) bool { return ours(d) && !under(d, "plan") }},
	{"compiler", "the front end builds plans and knows no runtime",
		func(d string) bool { return under(d, "runtime") || under(d, "interp") || under(d, "optimizer") }},
}

func TestDependencyArrows(t *testing.T) {
	pkgs := listPackages(t)
	if len(pkgs) == 0 {
		t.Fatal("go list found no packages")
	}
	for _, p := range pkgs {
		for _, r := range rules {
			if !under(p.ImportPath, r.from) {
				continue
			}
			for _, d := range p.Deps {
				if r.bad(d) {
					t.Errorf("%s depends on %s: %s", p.ImportPath, d, r.why)
				}
			}
		}
	}
}

func TestOnlySyntaxSeesTiDB(t *testing.T) {
	for _, p := range listPackages(t) {
		for _, imp := range p.Imports {
			if strings.HasPrefix(imp, "github.com/pingcap/") && !under(p.ImportPath, "compiler/syntax") {
				t.Errorf("%s imports %s: only compiler/syntax may use the TiDB parser", p.ImportPath, imp)
			}
		}
	}
}
