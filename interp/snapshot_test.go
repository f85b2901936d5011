package interp_test

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/internal/snaptest"
	"github.com/eventflux/eventflux-go/interp"
	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

// snapApp has a part of every kind a snapshot holds: triggers, windows,
// groups with aggregators of each value kind, rate limiters.
const snapApp = `CREATE STREAM S (k STRING, v INT, d DOUBLE, b BOOL);
CREATE TRIGGER T AT EVERY 1 SECOND;
INSERT INTO A SELECT k, sum(v) AS s, min(d) AS m, last(b) AS lb FROM S WINDOW('length', 3) GROUP BY k;
INSERT INTO B SELECT count() AS c, avg(d) AS a, sum(d) AS sd FROM S WINDOW('time', 1 SECOND) OUTPUT LAST EVERY 2 EVENTS;
INSERT INTO C SELECT d, distinctCount(k) AS n FROM S GROUP BY d OUTPUT FIRST EVERY 3 EVENTS;
INSERT INTO D SELECT triggered_time AS t, count() AS c FROM T WINDOW('length', 2);`

func startedSnapApp(t testing.TB, rows ...[]any) runtime.App {
	t.Helper()
	a, err := interp.Build("", snapApp)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Start(0); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		a.AdvanceTo(int64(i) * 400)
		if err := a.Send("S", int64(i)*400, [][]any{r}); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// A snapshot that does not restore leaves the app untouched: restoring
// decodes into a fresh app first.
func TestRestoreIsAllOrNothing(t *testing.T) {
	src := startedSnapApp(t, []any{"a", 1, 2.5, true}, []any{"b", nil, math.NaN(), false}, []any{nil, 3, math.Copysign(0, -1), nil},
		[]any{"a", 4, 0.0, true})
	good, err := src.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	snaptest.AllOrNothing(t, startedSnapApp(t, []any{"z", 9, 1.0, false}), good)
}

// A snapshot of another layout fails naming the part that does not fit.
func TestRestoreNamesWhatDoesNotFit(t *testing.T) {
	good, err := startedSnapApp(t, []any{"a", 1, 2.5, true}).Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ edit, by, says string }{
		{"v INT", "v BIGINT", "query 0: the window row has columns [STRING INT DOUBLE BOOL] in the snapshot, [STRING BIGINT DOUBLE BOOL] in the app"},
		{"GROUP BY k;", "GROUP BY k, b;", "query 0: the GROUP BY key"},
		{"'length', 3", "'length', 4", "query 0: window: snapshot of a length window with length 3 does not fit one with length 4"},
		{"CREATE TRIGGER T AT EVERY 1 SECOND;", "CREATE TRIGGER T AT EVERY 1 SECOND; CREATE TRIGGER U AT START;", "1 triggers in the snapshot, 2 in the app"},
		{"AS lb FROM", "AS lb, count() AS n FROM", "query 0: the output row has columns"},
		{"min(d) AS m", "max(d) AS m", "query 0: agg: snapshot state has tag"},
		{"INSERT INTO D", "INSERT INTO E SELECT v FROM S; INSERT INTO D", "4 queries in the snapshot, 5 in the app"},
	} {
		a, err := interp.Build("", strings.Replace(snapApp, c.edit, c.by, 1))
		if err != nil {
			t.Fatalf("%s: %v", c.by, err)
		}
		a.Start(0)
		err = a.Restore(good)
		if !errors.Is(err, snap.ErrMismatch) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%q for %q: %v, want E801 saying %q", c.by, c.edit, err, c.says)
		}
	}
}

// FuzzRestore feeds arbitrary bytes to Restore (make fuzz): an error is
// E801 and leaves the app as it was, never a panic.
func FuzzRestore(f *testing.F) {
	good, err := startedSnapApp(f, []any{"a", 1, 2.5, true}, []any{nil, nil, math.NaN(), nil}).Snapshot()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte(snap.Magic))
	f.Fuzz(func(t *testing.T, b []byte) {
		a := startedSnapApp(t, []any{"b", 2, -1.0, false})
		before, _ := a.Snapshot()
		if err := a.Restore(b); err != nil {
			if !errors.Is(err, snap.ErrMismatch) {
				t.Fatalf("error %v is not E801", err)
			}
			if after, _ := a.Snapshot(); !bytes.Equal(after, before) {
				t.Fatalf("a failed restore (%v) changed the app", err)
			}
			return
		}
		if _, err := a.Snapshot(); err != nil {
			t.Fatalf("a restored state does not snapshot: %v", err)
		}
	})
}
