package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/eventflux/eventflux-go/codegen"
	"github.com/eventflux/eventflux-go/conformance"
	"github.com/eventflux/eventflux-go/internal/gobuild"
	"github.com/eventflux/eventflux-go/internal/gobuild/harness"
	"github.com/eventflux/eventflux-go/runtime"
)

// The gen backend runs each case file as one program: every case app that
// compiles is generated into its own package (c0, c1, …), a main hands them
// to the harness (internal/gobuild/harness), which runs the conformance
// runner over the file and prints the results as JSON; efc merges them
// into the same report the interpreter gets. One go build per case file.

// runGenSuite runs files on generated code.
func runGenSuite(files []*conformance.File, opts suiteOptions) (*conformance.Report, error) {
	rep := &conformance.Report{Backend: "gen"}
	for _, f := range files {
		fr, stale, err := runGenFile(f, opts)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f.Name, err)
		}
		if len(fr.Cases) > 0 {
			rep.Files = append(rep.Files, fr)
		}
		rep.Notes = append(rep.Notes, stale...)
	}
	// The notes on disputes naming no case come last, as in the runner's
	// own report; a run selecting no case yields exactly them.
	none := conformance.Options{Filter: matchNothing, Disputes: opts.Disputes}
	rep.Notes = append(rep.Notes, conformance.Run(noBackend{}, files, none).Notes...)
	return rep, nil
}

var matchNothing = regexp.MustCompile(`[^\x00-\x{10FFFF}]`)

// noBackend is never asked to build: it serves runs that select no case.
type noBackend struct{}

func (noBackend) Name() string { return "gen" }
func (noBackend) Build(string) (runtime.App, error) {
	return nil, errors.New("no backend")
}

// genApp is one distinct app text of a case file.
type genApp struct {
	text string
	dir  string // its package, "" when err is set
	pkg  []codegen.File
	err  string // efc's compile or generate error, passed to the harness as is
}

// runGenFile generates, builds and runs the selected cases of one file. It
// returns the file's result and the notes on disputed cases that pass.
func runGenFile(f *conformance.File, opts suiteOptions) (conformance.FileResult, []string, error) {
	fr := conformance.FileResult{Name: f.Name}
	apps := genApps(f, opts.Filter)
	if apps == nil {
		return fr, nil, nil
	}
	bin, err := buildHarness(apps)
	if err != nil {
		return fr, nil, err
	}
	return runHarnessFile(f, opts, bin)
}

// runHarnessFile runs a file's built harness and merges its results.
func runHarnessFile(f *conformance.File, opts suiteOptions, bin string) (conformance.FileResult, []string, error) {
	fr := conformance.FileResult{Name: f.Name}
	args := []string{"-file", f.Path, "-name", f.Name, "-timeout", opts.Timeout.String()}
	if opts.DisputesPath != "" {
		args = append(args, "-disputes", opts.DisputesPath)
	}
	res, crash := runHarness(bin, args, opts.FilterText)
	if crash != "" {
		// A crash (a fatal error in generated code) takes the harness down
		// with every case after it: run each case in its own process.
		res = &harness.Result{}
		for i, c := range f.Cases {
			if !selected(c, opts.Filter) {
				continue
			}
			one, why := runHarness(bin, args, "^"+regexp.QuoteMeta(c.ID())+"$")
			if why != "" {
				one = crashed(i, c, why, opts.Disputes.Lookup(f.Name, c.Name) != nil)
			}
			res.Cases = append(res.Cases, one.Cases...)
			res.Stale = append(res.Stale, one.Stale...)
			addTally(&res.Tally, one.Tally)
		}
	}
	fr.Tally = res.Tally
	for _, hc := range res.Cases {
		if hc.Index < 0 || hc.Index >= len(f.Cases) {
			return fr, nil, fmt.Errorf("the harness reported case %d of %d", hc.Index, len(f.Cases))
		}
		c := f.Cases[hc.Index]
		cr := conformance.CaseResult{Case: c, Outcome: hc.Outcome, Failures: hc.Failures, Stack: hc.Stack, Columns: hc.Columns,
			Dispute: opts.Disputes.Lookup(f.Name, c.Name)}
		for _, r := range hc.Rows {
			row := make([]any, len(r.Values))
			for i, v := range r.Values {
				x, err := harness.DecodeValue(v)
				if err != nil {
					return fr, nil, err
				}
				row[i] = x
			}
			cr.Rows = append(cr.Rows, conformance.Recorded{Ts: r.Ts, Row: row})
		}
		fr.Cases = append(fr.Cases, cr)
	}
	return fr, res.Stale, nil
}

func selected(c *conformance.Case, filter *regexp.Regexp) bool {
	return filter == nil || filter.MatchString(c.Name) || filter.MatchString(c.ID())
}

// genApps generates the distinct apps of the selected cases that will be
// built (not skipped, not malformed); nil means no case of f is selected.
func genApps(f *conformance.File, filter *regexp.Regexp) []*genApp {
	var apps []*genApp
	seen := map[string]bool{}
	anySelected := false
	for _, c := range f.Cases {
		if !selected(c, filter) {
			continue
		}
		anySelected = true
		if c.Skipped || c.Invalid != "" || seen[c.App] {
			continue
		}
		seen[c.App] = true
		a := &genApp{text: c.App, dir: "c" + strconv.Itoa(len(apps))}
		files, err := generateCase(c.App, a.dir)
		if err != nil {
			a.dir, a.err = "", err.Error()
		} else {
			a.pkg = append(files, conformsFile(a.dir))
		}
		apps = append(apps, a)
	}
	if !anySelected {
		return nil
	}
	return apps
}

// generateCase generates one case app; a generator panic on one app
// becomes that app's error rather than ending the suite.
func generateCase(app, pkg string) (files []codegen.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("codegen panicked: %v", r)
		}
	}()
	return gobuild.Generate("", app, pkg)
}

// conformsFile asserts, inside the generated package, that New returns a
// runtime.App: a mismatch is then that package's compile error, not the
// harness's.
func conformsFile(pkg string) codegen.File {
	return codegen.File{Name: "efc_conforms.go", Content: []byte("package " + pkg +
		"\n\nimport \"github.com/eventflux/eventflux-go/runtime\"\n\nvar _ func() runtime.App = func() runtime.App { return New() }\n")}
}

// buildHarness builds the harness over apps and returns the executable,
// kept in the build cache: a rerun over the same generated code neither
// compiles nor links. A package that does not compile (a code generator
// bug) turns into that app's build error and the rest is built again.
func buildHarness(apps []*genApp) (string, error) {
	for {
		var pkgs []gobuild.Package
		for _, a := range apps {
			if a.err == "" {
				pkgs = append(pkgs, gobuild.Package{Dir: a.dir, Files: a.pkg})
			}
		}
		bin, err := gobuild.Build(gobuild.Program{Packages: pkgs, Main: func(prefix string) []byte { return harnessMain(apps, prefix) }}, "")
		var be *gobuild.Error
		if !errors.As(err, &be) {
			return bin, err
		}
		dropped := false
		for _, a := range apps {
			if out, failed := be.Failed[a.dir]; failed && a.err == "" {
				a.err = "generated code does not compile:\n" + strings.TrimRight(out, "\n")
				dropped = true
			}
		}
		if !dropped {
			return "", err
		}
	}
}

// harnessMain is the main package of a case file's harness.
func harnessMain(apps []*genApp, prefix string) []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by efc test; DO NOT EDIT.\n\npackage main\n\nimport (\n\t\"os\"\n\n")
	b.WriteString("\t\"github.com/eventflux/eventflux-go/internal/gobuild/harness\"\n")
	built := 0
	for _, a := range apps {
		if a.err == "" {
			built++
		}
	}
	if built > 0 {
		b.WriteString("\t\"github.com/eventflux/eventflux-go/runtime\"\n")
	}
	for _, a := range apps {
		if a.err == "" {
			fmt.Fprintf(&b, "\t%s %q\n", a.dir, prefix+"/"+a.dir)
		}
	}
	b.WriteString(")\n\nvar apps = map[string]harness.Entry{\n")
	for _, a := range apps {
		if a.err == "" {
			fmt.Fprintf(&b, "\t%s: {New: func() runtime.App { return %s.New() }},\n", strconv.Quote(a.text), a.dir)
		} else {
			fmt.Fprintf(&b, "\t%s: {Err: %s},\n", strconv.Quote(a.text), strconv.Quote(a.err))
		}
	}
	b.WriteString("}\n\nfunc main() { os.Exit(harness.Main(apps, os.Args[1:], os.Stdout, os.Stderr)) }\n")
	return b.Bytes()
}

// runHarness runs the built harness on the cases filter selects. A
// non-empty crash says why it gave no result.
func runHarness(bin string, args []string, filter string) (*harness.Result, string) {
	if filter != "" {
		args = append(slices.Clone(args), "-run", filter)
	}
	cmd := exec.Command(bin, args...)
	var out, errw bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errw
	runErr := cmd.Run()
	var res harness.Result
	if runErr == nil {
		err := json.Unmarshal(out.Bytes(), &res)
		if err == nil {
			return &res, ""
		}
		runErr = fmt.Errorf("unreadable results: %v", err)
	}
	return nil, fmt.Sprintf("the gen harness failed (%v):\n%s", runErr, lastLines(errw.String(), 30))
}

// crashed is the result of case index c whose process died, counted as
// the runner counts a failure.
func crashed(index int, c *conformance.Case, why string, disputed bool) *harness.Result {
	res := &harness.Result{Cases: []harness.CaseResult{{Index: index, Outcome: conformance.Failed, Failures: []string{why}}}}
	switch {
	case c.Stretch:
		res.Tally.StretchFailed = 1
	case disputed:
		res.Cases[0].Outcome = conformance.Disputed
		res.Tally.Disputed = 1
	default:
		res.Tally.Failed = 1
	}
	return res
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append([]string{"…"}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}

func addTally(t *conformance.Tally, o conformance.Tally) {
	t.Passed += o.Passed
	t.Failed += o.Failed
	t.Disputed += o.Disputed
	t.StretchPassed += o.StretchPassed
	t.StretchFailed += o.StretchFailed
	t.Skipped += o.Skipped
}
