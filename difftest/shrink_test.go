package difftest

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/conformance"
	"github.com/eventflux/eventflux-go/runtime"
)

// brokenApp wraps an interpreter app and corrupts what subscribers see, as
// a buggy backend would.
type brokenApp struct {
	runtime.App
	corrupt func(n int, row []any) (keep bool)
}

// Send crashes on a NULL value, as a backend with a missing NULL check would.
func (b *brokenApp) Send(stream string, ts int64, rows [][]any) error {
	if b.corrupt == nil {
		for _, row := range rows {
			for _, v := range row {
				if v == nil {
					var nilMap map[string]int
					nilMap["null"]++
				}
			}
		}
	}
	return b.App.Send(stream, ts, rows)
}

func (b *brokenApp) Subscribe(stream string, fn func(ts int64, row []any)) error {
	if b.corrupt == nil {
		return b.App.Subscribe(stream, fn)
	}
	n := 0
	return b.App.Subscribe(stream, func(ts int64, row []any) {
		n++
		row = append([]any(nil), row...)
		if b.corrupt(n, row) {
			fn(ts, row)
		}
	})
}

func brokenBackend(name string, corrupt func(n int, row []any) bool) conformance.Backend {
	return conformance.NewBackend(name, func(app string) (runtime.App, error) {
		if name == "no GROUP BY" && strings.Contains(app, "GROUP BY") {
			return nil, errors.New("GROUP BY is not implemented")
		}
		a, err := interpBuild(app)
		if err != nil {
			return nil, err
		}
		return &brokenApp{App: a, corrupt: corrupt}, nil
	})
}

// dropThird loses every third event of a stream.
func dropThird(n int, row []any) bool { return n%3 != 0 }

// perturbFifth changes the first non-NULL value of every fifth event by a
// visible amount.
func perturbFifth(n int, row []any) bool {
	if n%5 != 0 {
		return true
	}
	for i, v := range row {
		switch x := v.(type) {
		case int32:
			row[i] = x + 1
		case int64:
			row[i] = x + 1
		case float32:
			row[i] = x + 1
		case float64:
			row[i] = x + 1
		case string:
			row[i] = x + "x"
		case bool:
			row[i] = !x
		default:
			continue
		}
		return true
	}
	return true
}

func TestShrinkBrokenCandidate(t *testing.T) {
	tests := []struct {
		name     string
		corrupt  func(n int, row []any) bool
		kind     string
		maxSteps int
	}{
		{"drop every 3rd event", dropThird, "output", 5},
		{"perturb every 5th event", perturbFifth, "output", 5},
		{"no GROUP BY", func(int, []any) bool { return true }, "build", 0},
		{"crash on NULL", nil, "crash", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var log strings.Builder
			broken := brokenBackend(tt.name, tt.corrupt)
			res := Run(Config{
				Seed:      7,
				Count:     40,
				Reference: conformance.NewBackend("interp", interpBuild),
				Candidate: broken,
				OutDir:    dir,
				Log:       &log,
				MaxShrunk: 1,
			})
			if len(res.Mismatches) == 0 {
				t.Fatalf("no mismatch found in %d apps:\n%s", res.Apps, log.String())
			}
			m := res.Mismatches[0]
			if m.Kind != tt.kind {
				t.Fatalf("mismatch kind %s, want %s: %s", m.Kind, tt.kind, m.Reason)
			}
			if m.MinimalSteps > tt.maxSteps {
				t.Errorf("shrunk to %d steps, want at most %d:\n%s", m.MinimalSteps, tt.maxSteps, log.String())
			}
			if n := strings.Count(m.MinimalApp, "INSERT"); n != 1 {
				t.Errorf("shrunk app has %d queries, want 1:\n%s", n, m.MinimalApp)
			}
			if !strings.Contains(log.String(), "minimal case for seed 7 index") {
				t.Errorf("the log does not print the minimal case:\n%s", log.String())
			}
			if tt.kind == "output" && !strings.Contains(log.String(), " on the candidate:\n  @") {
				t.Errorf("the log does not print the candidate's events:\n%s", log.String())
			}
			wantPath := filepath.Join(dir, "7-"+strconv.Itoa(m.Index)+".json")
			if m.File != wantPath {
				t.Fatalf("wrote %q, want %q", m.File, wantPath)
			}
			data, err := os.ReadFile(m.File)
			if err != nil {
				t.Fatal(err)
			}
			f, err := conformance.ParseFile(filepath.Base(m.File), data)
			if err != nil {
				t.Fatalf("the case file does not parse: %v\n%s", err, data)
			}
			if len(f.Cases) != 1 || f.Cases[0].Name != "regression_7_"+strconv.Itoa(m.Index) || f.Cases[0].Invalid != "" {
				t.Fatalf("want one valid case regression_7_%d, got %+v", m.Index, f.Cases)
			}
			c := f.Cases[0]
			if c.App != m.MinimalApp {
				t.Errorf("case app %q, want the minimal app %q", c.App, m.MinimalApp)
			}
			// The expectations are the reference's rows: the reference
			// passes the case and the broken backend fails it.
			if r := conformance.RunCase(conformance.NewBackend("interp", interpBuild), c, 0); r.Outcome != conformance.Passed {
				t.Errorf("the reference fails its own regression case: %v\n%s", r.Failures, data)
			}
			if r := conformance.RunCase(broken, c, 0); r.Outcome != conformance.Failed {
				t.Errorf("the broken backend passes the regression case:\n%s", data)
			}
			t.Logf("%s", data)
		})
	}
}
