package interp_test

import (
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/conformance"
	"github.com/eventflux/eventflux-go/interp"
	"github.com/eventflux/eventflux-go/runtime"
)

// The project's own cases (expectations from LANGUAGE.md) and the saved
// differential regressions pass on the interpreter.
func TestProjectCases(t *testing.T) {
	files, err := conformance.Load([]string{"../testdata/conformance", "../testdata/regressions"})
	if err != nil {
		t.Fatal(err)
	}
	b := conformance.NewBackend("interp", func(app string) (runtime.App, error) { return interp.Build("", app) })
	report := conformance.Run(b, files, conformance.Options{})
	for _, f := range report.Files {
		for _, c := range f.Cases {
			if c.Outcome == conformance.Failed {
				t.Errorf("%s/%s: %s", f.Name, c.Case.Name, strings.Join(c.Failures, "; "))
			}
		}
	}
	if total := report.Total(); total.Passed < 19 {
		t.Fatalf("only %d cases passed", total.Passed)
	}
}

// A snapshot restores into the same app and is refused (E801) by an app of
// another structure (§12.2).
func TestSnapshotStructure(t *testing.T) {
	a, err := interp.Build("", "CREATE STREAM In (v INT);\nINSERT INTO Out SELECT sum(v) AS s FROM In WINDOW('length', 2);")
	if err != nil {
		t.Fatal(err)
	}
	var got []any
	a.Subscribe("Out", func(_ int64, row []any) { got = append(got, row[0]) })
	a.Start(0)
	a.Send("In", 0, [][]any{{10}})
	snap, err := a.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	a.Send("In", 0, [][]any{{20}})
	a.Send("In", 0, [][]any{{30}})
	if err := a.Restore(snap); err != nil {
		t.Fatal(err)
	}
	a.Send("In", 0, [][]any{{1}})
	if last := got[len(got)-1]; last != int64(11) { // LANGUAGE.md §12.2's example: window [10, 1]
		t.Fatalf("after restore the row is %v, want 11", last)
	}
	other, err := interp.Build("", "CREATE STREAM In (v INT);\nINSERT INTO Out SELECT v FROM In;")
	if err != nil {
		t.Fatal(err)
	}
	other.Start(0)
	if err := other.Restore(snap); err == nil || !strings.Contains(err.Error(), "E801") {
		t.Fatalf("restoring into another app: %v, want E801", err)
	}
}
