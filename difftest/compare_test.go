package difftest

import (
	"math"
	"strings"
	"testing"

	rt "github.com/eventflux/eventflux-go/runtime"
)

func TestSameValue(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		a, b any
		want bool
	}{
		{nil, nil, true},
		{nil, int64(0), false},
		{int32(1), int32(1), true},
		{int32(1), int64(1), false}, // a type difference is a mismatch
		{int64(-7), int64(-7), true},
		{"a", "a", true},
		{"a", "A", false},
		{true, true, true},
		{true, false, false},
		{math.Nextafter(0.3, 1), 0.3, false}, // bit equality, no tolerance
		{0.5, 0.5, true},
		{0.0, math.Copysign(0, -1), false},
		{nan, nan, true},
		{nan, 1.0, false},
		{float32(0.1), float32(0.1), true},
		{float32(0.1), 0.1, false},
		{float32(nan), float32(nan), true},
	}
	for _, tt := range tests {
		if got := sameValue(tt.a, tt.b); got != tt.want {
			t.Errorf("sameValue(%#v, %#v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func rec(events ...event) *recording {
	return &recording{
		streams: []rt.StreamInfo{{Name: "Out1", Columns: []rt.Column{{Name: "x", Type: rt.BigInt}}, Written: true}},
		written: []string{"Out1"},
		events:  map[string][]event{"Out1": events},
	}
}

func TestCompareRecordings(t *testing.T) {
	e := func(ts int64, v any) event { return event{ts: ts, row: []any{v}} }
	tests := []struct {
		name      string
		ref, cand *recording
		kind      mismatchKind
		tsOnly    bool
		text      string
	}{
		{"equal", rec(e(1, int64(2))), rec(e(1, int64(2))), noMismatch, false, ""},
		{"both rejected", &recording{buildErr: "E202"}, &recording{buildErr: "other text"}, noMismatch, false, ""},
		{"only candidate rejects", rec(), &recording{buildErr: "E900"}, buildMismatch, false, "candidate build: E900"},
		{"candidate panics", rec(), &recording{panicked: "panic during step 3: boom"}, crashMismatch, false, "candidate: panic during step 3: boom"},
		{"value", rec(e(1, int64(2)), e(2, int64(3))), rec(e(1, int64(2)), e(2, int64(4))), outputMismatch, false,
			"Out1 event 1: reference @2 [3l], candidate @2 [4l]"},
		{"timestamp only", rec(e(1, int64(2))), rec(e(5, int64(2))), outputMismatch, true, "Out1 event 0: reference @1 [2l], candidate @5 [2l]"},
		{"missing event", rec(e(1, int64(2)), e(2, nil)), rec(e(1, int64(2))), outputMismatch, false,
			"reference wrote 2 events, candidate 1; first extra: reference @2 [NULL]"},
		{"send error", rec(), func() *recording { r := rec(); r.sendErrs = []string{"step 1: bad"}; return r }(), outputMismatch, false, "errors differ"},
		{"schema", rec(), func() *recording { r := rec(); r.streams[0].Columns[0].Type = rt.Int; return r }(), outputMismatch, false, "streams differ"},
		{"contract", rec(e(1, int32(2))), rec(e(1, int32(2))), contractMismatch, false, "reference: Out1 event 0 column x (BIGINT) holds a Go int32"},
		{"arity", rec(e(1, int64(2))), rec(event{ts: 1, row: []any{int64(2), nil}}), outputMismatch, false, "Out1 event 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := compare(tt.ref, tt.cand)
			if d.kind != tt.kind || d.tsOnly != tt.tsOnly || !strings.Contains(d.text, tt.text) {
				t.Errorf("compare = {%v tsOnly=%v %q}, want {%v tsOnly=%v containing %q}", d.kind, d.tsOnly, d.text, tt.kind, tt.tsOnly, tt.text)
			}
		})
	}
}

func TestTyping(t *testing.T) {
	r := rec()
	if d := r.typing(map[string][]Column{"Out1": {{"x", rt.BigInt}}}); d.kind != noMismatch {
		t.Errorf("typing of a matching schema: %s", d.text)
	}
	d := r.typing(map[string][]Column{"Out1": {{"x", rt.Int}}})
	if want := "Out1 has columns (x BIGINT), the spec's typing gives (x INT)"; d.kind != typingMismatch || d.stream != "Out1" || d.text != want {
		t.Errorf("typing = {%v %s %q}, want {typing Out1 %q}", d.kind, d.stream, d.text, want)
	}
	if d := r.typing(map[string][]Column{}); d.kind != typingMismatch {
		t.Errorf("an unknown stream passes typing")
	}
}

func TestBugIdentity(t *testing.T) {
	notUsed := difference{kind: buildMismatch, text: "reference build: ok; candidate build: generated code does not compile:\n" +
		"c12/app.go:1016:4: declared and not used: t3\nc12/app.go:1028:4: declared and not used: t7"}
	notUsedToo := difference{kind: buildMismatch, text: "reference build: ok; candidate build: generated code does not compile:\n" +
		"c0/app.go:179:4: declared and not used: b1"}
	overflow := difference{kind: buildMismatch, text: "reference build: ok; candidate build: generated code does not compile:\n" +
		"c0/app.go:204:13: int64(9223372036854775807) * int64(10) (constant 92233720368547758070 of type int64) overflows int64"}
	unsupported := difference{kind: buildMismatch, text: "reference build: ok; candidate build: codegen: window 'x' is not supported by the code generator"}
	panicked := difference{kind: crashMismatch, text: "reference: ok; candidate: panic during step 3: runtime error: index out of range [4] with length 4"}
	panickedToo := difference{kind: crashMismatch, text: "reference: ok; candidate: panic during step 1: runtime error: index out of range [0] with length 0"}
	output := difference{kind: outputMismatch, text: `Out1 event 2: reference @5 [1i, "a"], candidate @5 [2i, "b"]`}
	negZero := compareEvents("Out2", []event{{5, []any{math.Copysign(0, -1), int64(2)}}}, []event{{5, []any{0.0, int64(2)}}})
	negZeroToo := compareEvents("Out1", []event{{5, []any{float32(math.Copysign(0, -1))}}}, []event{{5, []any{float32(0)}}})
	bigint := compareEvents("Out1", []event{{5, []any{int64(-4), 2.5}}}, []event{{5, []any{int64(-12), 2.5}}})

	if got := notUsed.bugLines(); strings.Join(got, "|") != "declared and not used: x#|declared and not used: x#" {
		t.Errorf("bugLines = %q", got)
	}
	// The shrinker keeps an output mismatch whatever its values (sameBug);
	// the signatures that ration shrinking tell their classes apart.
	tests := []struct {
		name             string
		a, b             difference
		sameBug, sameSig bool
	}{
		{"one compile error, other names", notUsed, notUsedToo, true, true},
		{"two compile errors", notUsed, overflow, false, false},
		{"unsupported vs compile error", unsupported, notUsed, false, false},
		{"one panic, other indexes", panicked, panickedToo, true, true},
		{"one output", output, output, true, true},
		{"negative zeros of two types and streams", negZero, negZeroToo, true, true},
		{"negative zero vs a BIGINT value", negZero, bigint, true, false},
	}
	for _, tt := range tests {
		if got := sameBug(tt.a.bugLines(), tt.b.bugLines()); got != tt.sameBug {
			t.Errorf("%s: sameBug = %v, want %v", tt.name, got, tt.sameBug)
		}
		if got := tt.a.signature() == tt.b.signature(); got != tt.sameSig {
			t.Errorf("%s: same signature = %v, want %v (%q, %q)", tt.name, got, tt.sameSig, tt.a.signature(), tt.b.signature())
		}
	}
	if got, want := output.signature(), `output: x# event #: reference @# [#i, ""], candidate @# [#i, ""]`; got != want {
		t.Errorf("signature = %q, want %q", got, want)
	}
	classes := []struct {
		ref, cand []any
		want      string
	}{
		{[]any{math.Copysign(0, -1), int64(1)}, []any{0.0, int64(2)}, "int64 value; sign of zero"},
		{[]any{math.NaN()}, []any{1.0}, "NaN"},
		{[]any{float32(math.Inf(1))}, []any{float32(1)}, "infinity"},
		{[]any{nil, "a"}, []any{"a", nil}, "NULL vs value; value vs NULL"},
		{[]any{int32(1)}, []any{int64(1)}, "int32 vs int64"},
		{[]any{int32(1)}, []any{int32(1), true}, "arity"},
	}
	for _, tt := range classes {
		if got := rowClass(tt.ref, tt.cand); got != tt.want {
			t.Errorf("rowClass(%v, %v) = %q, want %q", tt.ref, tt.cand, got, tt.want)
		}
	}
}
