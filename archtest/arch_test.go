// Package archtest keeps the dependency arrows of STYLE.md true: plan
// imports nothing of ours; the runtime knows no compiler, plan or
// interpreter; only compiler/syntax sees the TiDB parser; generated code
// imports the runtime only. Imports are read from the sources themselves
// (go/parser), so the test reruns whenever a file changes.
package archtest

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/eventflux/eventflux-go"

// imports maps each of our packages to the import paths of its non-test files.
func imports(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != ".." && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "gen_scratch") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("..", filepath.Dir(path))
		pkg := module
		if rel != "." {
			pkg = module + "/" + filepath.ToSlash(rel)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			out[pkg] = append(out[pkg], p)
		}
		if _, ok := out[pkg]; !ok {
			out[pkg] = nil
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// deps is the transitive closure over our packages (foreign ones are leaves).
func deps(graph map[string][]string, pkg string) []string {
	seen := map[string]bool{}
	var visit func(p string)
	visit = func(p string) {
		for _, d := range graph[p] {
			if !seen[d] {
				seen[d] = true
				if ours(d) {
					visit(d)
				}
			}
		}
	}
	visit(pkg)
	out := make([]string, 0, len(seen))
	for d := range seen {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
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
	{"compiler", "the front end builds plans and knows no runtime (except the pure cron parser, to reject bad cron texts at compile time)",
		func(d string) bool {
			return (under(d, "runtime") && !under(d, "runtime/cron")) || under(d, "interp") || under(d, "optimizer")
		}},
}

func TestDependencyArrows(t *testing.T) {
	graph := imports(t)
	if len(graph) < 10 {
		t.Fatalf("found only %d packages", len(graph))
	}
	for pkg := range graph {
		for _, r := range rules {
			if !under(pkg, r.from) {
				continue
			}
			for _, d := range deps(graph, pkg) {
				if r.bad(d) {
					t.Errorf("%s depends on %s: %s", pkg, d, r.why)
				}
			}
		}
	}
}

func TestOnlySyntaxSeesTiDB(t *testing.T) {
	for pkg, imps := range imports(t) {
		for _, imp := range imps {
			if strings.HasPrefix(imp, "github.com/pingcap/") && !under(pkg, "compiler/syntax") {
				t.Errorf("%s imports %s: only compiler/syntax may use the TiDB parser", pkg, imp)
			}
		}
	}
}

// The rules must bite: a plan package importing the runtime is caught.
func TestRulesCatchAViolation(t *testing.T) {
	graph := map[string][]string{
		module + "/plan":    {module + "/runtime"},
		module + "/runtime": nil,
	}
	caught := false
	for _, d := range deps(graph, module+"/plan") {
		if rules[0].bad(d) {
			caught = true
		}
	}
	if !caught {
		t.Fatal("plan → runtime was not reported")
	}
}
