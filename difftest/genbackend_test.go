package difftest

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventflux/eventflux-go/codegen"
	"github.com/eventflux/eventflux-go/conformance"
	rt "github.com/eventflux/eventflux-go/runtime"
)

var (
	genIn   = []Column{{"i0", rt.Int}, {"d1", rt.Double}}
	genPass = &App{Input: genIn, Queries: []*Query{{
		Target: "Out1", From: InputStream, Limit: -1, Offset: -1,
		Items: []Item{{Expr: col(genIn[0])}, {Expr: bin("*", rt.Double, col(genIn[1]), lit(rt.Double, "2.0")), Alias: "o1_1"}},
		Where: bin(">", rt.Bool, col(genIn[0]), lit(rt.BigInt, "1")),
	}}}
	genSum = &App{Input: genIn, Queries: []*Query{{
		Target: "Out1", From: InputStream, Limit: -1, Offset: -1,
		Window: &Window{Kind: "length", Args: []string{"2"}},
		Items:  []Item{{Expr: agg("sum", rt.BigInt, col(genIn[0])), Alias: "o1_0"}},
	}}}
	// genUnknown reads a column Src lacks: every backend rejects it.
	genUnknown = &App{Input: genIn, Queries: []*Query{{
		Target: "Out1", From: InputStream, Limit: -1, Offset: -1,
		Items: []Item{{Expr: col(Column{"nope", rt.Int})}},
	}}}
)

func sends(rows ...[]any) []Step {
	steps := make([]Step, len(rows))
	for i, r := range rows {
		steps[i] = Step{Rows: [][]any{r}}
	}
	return steps
}

// withTarget is app with its one query writing into target, which the
// fault-injecting generator below recognizes.
func withTarget(app *App, target string) *App {
	a := app.clone()
	a.Queries[0].Target = target
	return a
}

// TestGenBatch runs a batch on generated code: one program for the apps
// that generate, the same outcome as the interpreter on every case, NaN
// and negative zero kept bit for bit, and no build for a rerun of a built
// app on other steps.
func TestGenBatch(t *testing.T) {
	g := NewGen()
	defer g.Close()
	nan := math.NaN()
	cases := []*Case{
		{App: genPass, Steps: sends([]any{int64(2), 0.25}, []any{int64(1), 9.0}, []any{int64(3), nan}, []any{int64(4), math.Copysign(0, -1)}, []any{nil, 1.0})},
		{App: genSum, Steps: append(sends([]any{int64(5), 0.0}, []any{int64(7), 0.0}), Step{Sleep: 100}, Step{Rows: [][]any{{int64(1), 0.0}}, Ts: StartClock + 200, HasTs: true})},
		{App: genPass, Steps: sends([]any{int64(10), 1.5})},
		{App: genUnknown, Steps: sends([]any{int64(1), 1.0})},
	}
	recs, err := g.runBatch(cases, 10*time.Second, false)
	if err != nil {
		t.Fatal(err)
	}
	if g.builds != 1 {
		t.Errorf("%d programs built, want 1", g.builds)
	}
	cfg := Config{Reference: conformance.NewBackend("interp", interpBuild)}
	cfg.defaults()
	for i, c := range cases {
		ref := execute(cfg.Reference, c.App.SQL(), c.Steps, cfg.Timeout)
		if d := cfg.judge(c, ref, recs[i]); d.kind != noMismatch {
			t.Errorf("case %d: %s mismatch: %s", i, d.kind, d.text)
		}
	}
	want := []event{
		{StartClock, []any{int32(2), 0.5}},
		{StartClock, []any{int32(3), nan}},
		{StartClock, []any{int32(4), math.Copysign(0, -1)}},
	}
	if got := recs[0].events["Out1"]; formatEvents(got) != formatEvents(want) || !sameValue(got[2].row[1], want[2].row[1]) || !sameValue(got[1].row[1], nan) {
		t.Errorf("gen events %s, want %s", formatEvents(got), formatEvents(want))
	}
	wantSum := []event{{StartClock, []any{int64(5)}}, {StartClock, []any{int64(12)}}, {StartClock + 200, []any{int64(8)}}}
	if got := recs[1].events["Out1"]; formatEvents(got) != formatEvents(wantSum) {
		t.Errorf("gen sums %s, want %s", formatEvents(got), formatEvents(wantSum))
	}
	if !strings.Contains(recs[3].buildErr, "nope") {
		t.Errorf("the unknown column gave %q", recs[3].buildErr)
	}
	// New steps for a built app run its program again, without a build.
	again, err := g.runBatch([]*Case{{App: genSum, Steps: sends([]any{int64(-3), 0.0})}}, 10*time.Second, true)
	if err != nil {
		t.Fatal(err)
	}
	if g.builds != 1 || formatEvents(again[0].events["Out1"]) != "@1700006400000 [-3l]" {
		t.Errorf("rerun: %d builds, events %s", g.builds, formatEvents(again[0].events["Out1"]))
	}
	// A new app in a scratch run is built aside, and forgotten with its
	// executable on release; the batch's apps stay.
	edit := withTarget(genPass, "Out9")
	if recs, err := g.runBatch([]*Case{{App: edit, Steps: sends([]any{int64(8), 1.0})}}, 10*time.Second, true); err != nil ||
		formatEvents(recs[0].events["Out9"]) != "@1700006400000 [8i, 2d]" {
		t.Fatalf("scratch run: %v, %+v", err, recs)
	}
	exe := g.apps[edit.SQL()].exe
	if g.builds != 2 || g.scratch == "" || !strings.HasPrefix(exe, g.scratch) {
		t.Fatalf("scratch build: %d builds, executable %q", g.builds, exe)
	}
	if err := g.release(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(exe); !os.IsNotExist(err) {
		t.Errorf("release kept %s (%v)", exe, err)
	}
	if _, ok := g.apps[edit.SQL()]; ok {
		t.Errorf("release kept the scratch app")
	}
	if _, ok := g.apps[genSum.SQL()]; !ok {
		t.Errorf("release dropped an app of the batch program")
	}
}

func formatEvents(evs []event) string {
	parts := make([]string, len(evs))
	for i, e := range evs {
		parts[i] = formatEvent(e)
	}
	return strings.Join(parts, "; ")
}

// faulty generates apps as the code generator does, except the ones
// writing into Broken (a compile error), Exit (the program exits in the
// app's constructor), Hang (the constructor never returns) and Panic (the
// generator panics).
func faulty(sql, dir string) ([]codegen.File, *recording) {
	files, fail := generate(sql, dir)
	if fail != nil {
		return files, fail
	}
	adapter := &files[len(files)-1]
	header := "package " + dir + "\n\nimport (\n\t\"os\"\n\t\"time\"\n\n\t\"github.com/eventflux/eventflux-go/runtime\"\n)\n\nvar _ = os.Exit\nvar _ = time.Sleep\n\n"
	switch {
	case strings.Contains(sql, "INTO Broken"):
		files = append(files, codegen.File{Name: "broken.go", Content: []byte("package " + dir + "\n\nvar broken int = \"no\"\n")})
	case strings.Contains(sql, "INTO Exit"):
		adapter.Content = []byte(header + "func DifftestNew() runtime.App { os.Exit(7); return nil }\n")
	case strings.Contains(sql, "INTO Hang"):
		adapter.Content = []byte(header + "func DifftestNew() runtime.App {\n\tfor {\n\t\ttime.Sleep(time.Hour)\n\t}\n}\n")
	case strings.Contains(sql, "INTO Panic"):
		panic("generator bug")
	}
	return files, nil
}

// TestGenFaults checks that each way generated code can fail is charged to
// its own app, and that the cases after a dead program still run.
func TestGenFaults(t *testing.T) {
	g := NewGen()
	defer g.Close()
	g.pkg = faulty
	steps := sends([]any{int64(2), 0.25})
	cases := []*Case{
		{App: genPass, Steps: steps},
		{App: withTarget(genPass, "Broken"), Steps: steps},
		{App: withTarget(genPass, "Exit"), Steps: steps},
		{App: genSum, Steps: steps},
		{App: withTarget(genPass, "Hang"), Steps: steps},
		{App: withTarget(genPass, "Panic"), Steps: steps},
		{App: genPass, Steps: sends([]any{int64(3), 1.0})},
	}
	recs, err := g.runBatch(cases, 300*time.Millisecond, false)
	if err != nil {
		t.Fatal(err)
	}
	if g.builds != 2 {
		t.Errorf("%d builds, want 2 (the second without the broken package)", g.builds)
	}
	checks := []struct {
		what string
		ok   func(r *recording) bool
	}{
		{"events", func(r *recording) bool { return formatEvents(r.events["Out1"]) == "@1700006400000 [2i, 0.5d]" }},
		{"compile error", func(r *recording) bool {
			return strings.HasPrefix(r.buildErr, "generated code does not compile:\n") && strings.Contains(r.buildErr, "broken.go")
		}},
		{"dead program", func(r *recording) bool {
			return strings.HasPrefix(r.panicked, "the generated program died (exit status 7)")
		}},
		{"run after a restart", func(r *recording) bool { return formatEvents(r.events["Out1"]) == "@1700006400000 [2l]" }},
		{"timeout", func(r *recording) bool { return r.timedOut && r.panicked == "timed out after 300ms" }},
		{"generator panic", func(r *recording) bool {
			return r.panicked == "panic during generate: generator bug" && strings.Contains(r.stack, "faulty")
		}},
		{"run after a timeout", func(r *recording) bool { return formatEvents(r.events["Out1"]) == "@1700006400000 [3i, 2d]" }},
	}
	for i, c := range checks {
		if r := recs[i]; !c.ok(r) {
			t.Errorf("case %d (%s): %+v", i, c.what, *r)
		}
	}
}

// TestRunGenRegression runs Run with a generated-code backend that refuses
// GROUP BY: the mismatch is shrunk with per-case runs and saved as a case
// that the interpreter passes.
func TestRunGenRegression(t *testing.T) {
	g := NewGen()
	defer g.Close()
	g.pkg = func(sql, dir string) ([]codegen.File, *recording) {
		if strings.Contains(sql, "GROUP BY") {
			return nil, &recording{buildErr: "codegen: GROUP BY is not supported by the code generator"}
		}
		return generate(sql, dir)
	}
	dir := t.TempDir()
	var log strings.Builder
	// Seed 80 starts with a one-query GROUP BY app.
	res := Run(Config{Seed: 80, Count: 1, Reference: conformance.NewBackend("interp", interpBuild), CandidateBatch: g,
		OutDir: dir, Log: &log, ShrinkTime: 20 * time.Second})
	if res.Err != nil || len(res.Mismatches) != 1 {
		t.Fatalf("want one mismatch, got %+v\n%s", res, log.String())
	}
	m := res.Mismatches[0]
	if m.Kind != "build" || !strings.Contains(m.MinimalApp, "GROUP BY") || m.MinimalSteps != 0 {
		t.Errorf("minimal %s case with %d steps:\n%s", m.Kind, m.MinimalSteps, m.MinimalApp)
	}
	if m.File != filepath.Join(dir, "80-0.json") {
		t.Fatalf("wrote %q", m.File)
	}
	data, err := os.ReadFile(m.File)
	if err != nil {
		t.Fatal(err)
	}
	f, err := conformance.ParseFile("80-0.json", data)
	if err != nil || len(f.Cases) != 1 {
		t.Fatalf("case file: %v\n%s", err, data)
	}
	if r := conformance.RunCase(conformance.NewBackend("interp", interpBuild), f.Cases[0], 0); r.Outcome != conformance.Passed {
		t.Errorf("the interpreter fails the regression case: %v\n%s", r.Failures, data)
	}
	if !strings.Contains(log.String(), "programs built") {
		t.Errorf("the summary does not count builds:\n%s", log.String())
	}
}
