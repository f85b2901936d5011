package fakeapp

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
)

type event struct {
	ts  int64
	row []any
}

func collect(t *testing.T, a *App, stream string) *[]event {
	t.Helper()
	var got []event
	if err := a.Subscribe(stream, func(ts int64, row []any) {
		got = append(got, event{ts, append([]any(nil), row...)})
	}); err != nil {
		t.Fatal(err)
	}
	return &got
}

func TestRules(t *testing.T) {
	a, err := New("stream In v:INT f:FLOAT; stream Out v:BIGINT f:DOUBLE; stream N n:BIGINT\ndouble In Out; count In N")
	if err != nil {
		t.Fatal(err)
	}
	out, n := collect(t, a, "Out"), collect(t, a, "N")
	if err := a.Start(1000); err != nil {
		t.Fatal(err)
	}
	if err := a.Send("In", 1500, [][]any{{int64(3), 0.5}, {"x", 1.0}, {int64(4), nil}}); err != nil {
		var se *runtime.SendError
		if !errors.As(err, &se) || len(se.Rows) != 1 || se.Rows[0].Index != 1 {
			t.Fatalf("Send error = %v, want row 1 rejected", err)
		}
	} else {
		t.Fatal("a string in an INT column was accepted")
	}
	wantOut := []event{{1500, []any{int64(6), 1.0}}, {1500, []any{int64(8), nil}}}
	if !reflect.DeepEqual(*out, wantOut) {
		t.Errorf("Out = %v, want %v", *out, wantOut)
	}
	wantN := []event{{1500, []any{int64(1)}}, {1500, []any{int64(2)}}}
	if !reflect.DeepEqual(*n, wantN) {
		t.Errorf("N = %v, want %v", *n, wantN)
	}
	if a.Now() != 1500 {
		t.Errorf("Now = %d, want 1500", a.Now())
	}
	if !a.Streams()[1].Written || a.Streams()[0].Written {
		t.Errorf("Written flags wrong: %+v", a.Streams())
	}
}

func TestTicksAndSnapshot(t *testing.T) {
	a, err := New("stream T t:BIGINT; tick T 1000")
	if err != nil {
		t.Fatal(err)
	}
	got := collect(t, a, "T")
	a.Start(0)
	a.AdvanceTo(2500)
	snap, err := a.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	a.AdvanceTo(3000)
	if err := a.Restore(snap); err != nil {
		t.Fatal(err)
	}
	a.AdvanceTo(4000) // the restored schedule fires 3000 again, then 4000
	want := []event{{1000, []any{int64(1000)}}, {2000, []any{int64(2000)}}, {3000, []any{int64(3000)}},
		{3000, []any{int64(3000)}}, {4000, []any{int64(4000)}}}
	if !reflect.DeepEqual(*got, want) {
		t.Errorf("ticks = %v, want %v", *got, want)
	}
	if err := a.Restore([]byte("garbage")); err == nil {
		t.Error("Restore accepted garbage")
	}
}

func TestScriptErrors(t *testing.T) {
	for _, tc := range []struct{ script, want string }{
		{"", "empty app"},
		{"stream A; bogus A", `unknown statement "bogus"`},
		{"stream A x:NUMBER", `bad column "x:NUMBER"`},
		{"stream A; copy A B", `unknown stream "B"`},
		{"stream A; stream A", "defined twice"},
		{"stream A; tick A 0", `bad period "0"`},
	} {
		_, err := New(tc.script)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%q) error = %v, want %q", tc.script, err, tc.want)
		}
	}
}
