package difftest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/eventflux/eventflux-go/codegen"
	"github.com/eventflux/eventflux-go/internal/gobuild"
	"github.com/eventflux/eventflux-go/internal/gobuild/harness"
)

// Gen is the generated-code backend, run in batches: building one program
// per app would cost a link per app, so every distinct app of a batch is
// generated (compile, optimize, codegen: gobuild.Generate) into its own
// package of one program, built once; the program runs the batch's cases
// one after the other (harness.DiffMain) and writes back every trace.
//
// Apps the generator refuses, or whose generated code does not compile,
// end as build errors, which the comparison holds against the
// interpreter's outcome. Built apps are remembered by text, so the
// shrinker's step edits rerun an existing program and only its app edits
// build (small) programs anew.
type Gen struct {
	apps map[string]genEntry // by app text
	// pkg generates an app into package dir: the code generator's
	// pipeline, or a fault-injecting one in tests.
	pkg func(sql, dir string) ([]codegen.File, *recording)
	// scratch holds the executables of scratch builds (shrinking), which
	// nothing reuses after the run; Close removes it.
	scratch   string
	builds    int
	buildTime time.Duration
}

// genEntry is where an app was built, or why it was not.
type genEntry struct {
	exe   string // the program holding the app
	index int    // the app's number in the program
	fail  *recording
}

// NewGen returns a generated-code backend; Close it after the run.
func NewGen() *Gen { return &Gen{apps: map[string]genEntry{}, pkg: generate} }

// Name is the backend's name in reports.
func (g *Gen) Name() string { return "gen" }

// Close removes the executables of scratch builds.
func (g *Gen) Close() error { return g.release() }

// release forgets the apps of scratch builds and removes their
// executables: a shrink's edits are not met again after it.
func (g *Gen) release() error {
	if g.scratch == "" {
		return nil
	}
	for sql, e := range g.apps {
		if e.exe != "" && strings.HasPrefix(e.exe, g.scratch+string(os.PathSeparator)) {
			delete(g.apps, sql)
		}
	}
	err := os.RemoveAll(g.scratch)
	g.scratch = ""
	return err
}

func (g *Gen) stats() string {
	return fmt.Sprintf("%d programs built in %v", g.builds, g.buildTime.Round(time.Millisecond))
}

// runBatch runs cases on generated code. Programs of batches are built in
// place in the build module (gobuild.Build), so a rerun of the same seed
// finds them up to date; scratch programs go to a temporary directory.
// The error is a failure of the machinery (no go command, a harness that
// does not compile), not of an app.
func (g *Gen) runBatch(cases []*Case, timeout time.Duration, scratch bool) ([]*recording, error) {
	sqls := make([]string, len(cases))
	dcs := make([]*harness.DiffCase, len(cases))
	for i, c := range cases {
		sqls[i], dcs[i] = c.App.SQL(), diffCase(c.Steps)
	}
	return g.runDiff(sqls, dcs, timeout, scratch)
}

// runDiff runs harness cases of apps given by their text (a side of a
// cross-backend run, see cross.go), building the apps not built yet.
func (g *Gen) runDiff(sqls []string, dcs []*harness.DiffCase, timeout time.Duration, scratch bool) ([]*recording, error) {
	var fresh []string
	seen := map[string]bool{}
	for _, sql := range sqls {
		if _, ok := g.apps[sql]; !ok && !seen[sql] {
			seen[sql] = true
			fresh = append(fresh, sql)
		}
	}
	if len(fresh) > 0 {
		if err := g.build(fresh, scratch); err != nil {
			return nil, err
		}
	}
	out := make([]*recording, len(sqls))
	byExe := map[string][]int{}
	var exes []string
	for i, sql := range sqls {
		e := g.apps[sql]
		if e.fail != nil {
			out[i] = e.fail
			continue
		}
		if byExe[e.exe] == nil {
			exes = append(exes, e.exe)
		}
		byExe[e.exe] = append(byExe[e.exe], i)
	}
	for _, exe := range exes {
		idx := byExe[exe]
		reqs := make([]genRequest, len(idx))
		for k, i := range idx {
			reqs[k] = genRequest{app: g.apps[sqls[i]].index, c: dcs[i]}
		}
		for k, rec := range runProgram(exe, reqs, timeout) {
			out[idx[k]] = rec
		}
	}
	return out, nil
}

func (g *Gen) built(sql string) bool {
	_, ok := g.apps[sql]
	return ok
}

// prepare builds the apps not built yet into one scratch program.
func (g *Gen) prepare(sqls []string) error {
	var fresh []string
	for _, sql := range sqls {
		if !g.built(sql) && !slices.Contains(fresh, sql) {
			fresh = append(fresh, sql)
		}
	}
	if len(fresh) == 0 {
		return nil
	}
	return g.build(fresh, true)
}

// genPackage is one app of a program being built.
type genPackage struct {
	sql   string
	dir   string
	files []codegen.File
	fail  *recording
}

// build generates sqls into one program and builds it. A package that
// does not compile becomes its app's build error and the program is built
// again without it (the go build cache keeps the packages that compiled).
func (g *Gen) build(sqls []string, scratch bool) error {
	pkgs := make([]*genPackage, len(sqls))
	for i, sql := range sqls {
		p := &genPackage{sql: sql, dir: "c" + strconv.Itoa(i)}
		p.files, p.fail = g.generate(sql, p.dir)
		pkgs[i] = p
	}
	out := ""
	if scratch {
		if g.scratch == "" {
			dir, err := os.MkdirTemp("", "difftest-gen-")
			if err != nil {
				return err
			}
			g.scratch = dir
		}
		out = g.scratch + string(os.PathSeparator) + "program" + strconv.Itoa(g.builds)
	}
	for {
		var built []*genPackage
		var gp []gobuild.Package
		for _, p := range pkgs {
			if p.fail == nil {
				built = append(built, p)
				gp = append(gp, gobuild.Package{Dir: p.dir, Files: p.files})
			}
		}
		exe := ""
		if len(built) > 0 {
			start := time.Now()
			var err error
			exe, err = gobuild.Build(gobuild.Program{Packages: gp, Main: func(prefix string) []byte { return programMain(built, prefix) }}, out)
			g.builds++
			g.buildTime += time.Since(start)
			var be *gobuild.Error
			if errors.As(err, &be) {
				dropped := false
				for _, p := range built {
					if msg, ok := be.Failed[p.dir]; ok {
						p.fail = &recording{buildErr: "generated code does not compile:\n" + strings.TrimRight(msg, "\n")}
						dropped = true
					}
				}
				if dropped {
					continue
				}
			}
			if err != nil {
				return fmt.Errorf("building the generated apps: %v", err)
			}
		}
		for _, p := range pkgs {
			g.apps[p.sql] = genEntry{fail: p.fail}
		}
		for i, p := range built {
			g.apps[p.sql] = genEntry{exe: exe, index: i}
		}
		return nil
	}
}

// generate generates one app; a panic in the generator is that app's
// crash.
func (g *Gen) generate(sql, dir string) (files []codegen.File, fail *recording) {
	defer func() {
		if p := recover(); p != nil {
			files, fail = nil, &recording{panicked: fmt.Sprintf("panic during generate: %v", p), stack: string(debug.Stack())}
		}
	}()
	return g.pkg(sql, dir)
}

// generate runs the code generator's pipeline on one app and adds the
// constructor the program calls.
func generate(sql, dir string) ([]codegen.File, *recording) {
	files, err := gobuild.Generate("", sql, dir)
	if err != nil {
		return nil, &recording{buildErr: err.Error()}
	}
	// The constructor main calls is declared inside the package, so that a
	// generated type that is no runtime.App fails to compile there, as this
	// app's error, rather than in main.
	adapter := codegen.File{Name: "difftest_app.go", Content: []byte("package " + dir +
		"\n\nimport \"github.com/eventflux/eventflux-go/runtime\"\n\n// DifftestNew is the constructor the difftest program calls.\nfunc DifftestNew() runtime.App { return New() }\n")}
	return append(files, adapter), nil
}

// programMain is the main package of a batch program: the apps in the
// order of built, numbered from 0, and the harness's batch protocol.
func programMain(built []*genPackage, prefix string) []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by difftest; DO NOT EDIT.\n\npackage main\n\nimport (\n\t\"os\"\n\n")
	b.WriteString("\t\"github.com/eventflux/eventflux-go/internal/gobuild/harness\"\n\t\"github.com/eventflux/eventflux-go/runtime\"\n")
	for _, p := range built {
		fmt.Fprintf(&b, "\t%s %q\n", p.dir, prefix+"/"+p.dir)
	}
	b.WriteString(")\n\nvar apps = []func() runtime.App{\n")
	for _, p := range built {
		fmt.Fprintf(&b, "\t%s.DifftestNew,\n", p.dir)
	}
	b.WriteString("}\n\nfunc main() { os.Exit(harness.DiffMain(apps, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }\n")
	return b.Bytes()
}

// genRequest is one case for a program: the app's number and the run.
type genRequest struct {
	app int
	c   *harness.DiffCase
}

// runProgram runs reqs on a built program and returns their recordings in
// order. A program that dies (a fatal error in generated code: stack
// overflow, concurrent map writes, …) or stops after a case timed out is
// started again on the cases after the one it was running; the case it
// died on records the crash.
func runProgram(exe string, reqs []genRequest, timeout time.Duration) []*recording {
	out := make([]*recording, 0, len(reqs))
	for len(out) < len(reqs) {
		rest := reqs[len(out):]
		var in bytes.Buffer
		for _, r := range rest {
			if err := harness.WriteDiffCase(&in, r.app, r.c); err != nil {
				// Values are encoded as strings first, so this is not
				// expected; the cases left are reported, not dropped.
				for range rest {
					out = append(out, &recording{panicked: "difftest cannot encode the cases: " + err.Error()})
				}
				return out
			}
		}
		// The program enforces the per-case timeout itself; the deadline
		// is the last resort against a program that stops reading.
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute+timeout*time.Duration(len(rest)))
		cmd := exec.CommandContext(ctx, exe, "-timeout", timeout.String())
		var stdout, stderr bytes.Buffer
		cmd.Stdin, cmd.Stdout, cmd.Stderr = &in, &stdout, &stderr
		runErr := cmd.Run()
		cancel()
		traces, readErr := harness.ReadTraces(&stdout)
		if len(traces) > len(rest) {
			traces = traces[:len(rest)]
		}
		for _, tr := range traces {
			out = append(out, fromTrace(tr))
		}
		if len(out) == len(reqs) || (len(traces) > 0 && traces[len(traces)-1].TimedOut) {
			continue
		}
		why := "exited early"
		switch {
		case runErr != nil:
			why = runErr.Error()
		case readErr != nil:
			why = readErr.Error()
		}
		msg := strings.TrimSpace(stderr.String())
		out = append(out, &recording{panicked: "the generated program died (" + why + "): " + firstLine(msg), stack: headLines(msg, 40)})
	}
	return out
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func headLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines[n] = "…"
	}
	return strings.Join(lines, "\n")
}
