package difftest

import (
	"math"
	"strings"
	"testing"

	rt "github.com/eventflux/eventflux-go/runtime"
)

func TestValueJSON(t *testing.T) {
	tests := []struct {
		v    any
		want string
	}{
		{nil, "null"},
		{"it's \"q\" <b>", `"it's \"q\" <b>"`},
		{true, "true"},
		{int32(-5), "-5"},
		{int64(math.MinInt64), "-9223372036854775808"},
		{float32(0.1), "0.1"}, // shortest at float32 precision
		{float64(float32(0.1)), "0.10000000149011612"},
		{0.1, "0.1"},
		{1e6, "1e+06"},
		{2.0, "2"},
	}
	for _, tt := range tests {
		if got := valueJSON(tt.v); got != tt.want {
			t.Errorf("valueJSON(%#v) = %s, want %s", tt.v, got, tt.want)
		}
	}
}

func TestStepJSON(t *testing.T) {
	tests := []struct {
		s    Step
		want string
	}{
		{Step{Sleep: 500}, `{"sleep": 500}`},
		{Step{Rows: [][]any{{"a", int64(1), nil}}}, `{"send": "Src", "row": ["a", 1, null]}`},
		{Step{Rows: [][]any{{int64(1)}, {int64(2)}}, Batch: true}, `{"send": "Src", "rows": [[1], [2]]}`},
		{Step{Rows: [][]any{{false}}, HasTs: true, Ts: 1700006399300}, `{"send": "Src", "row": [false], "ts": 1700006399300}`},
	}
	for _, tt := range tests {
		if got := stepJSON(tt.s); got != tt.want {
			t.Errorf("stepJSON = %s, want %s", got, tt.want)
		}
	}
}

func TestExpectations(t *testing.T) {
	r := &recording{events: map[string][]event{"Out1": {
		{ts: 1, row: []any{1.5, "a"}},
		{ts: 2, row: []any{math.NaN(), nil}},
	}}}
	got := strings.Join(expectations(r, "Out1"), "\n")
	want := `{"len": 2}` + "\n" +
		`{"row": 0, "col": 0, "eq": 1.5}` + "\n" +
		`{"row": 0, "col": 1, "eq": "a"}` + "\n" +
		`{"row": 1, "col": 1, "eq": null}`
	if got != want {
		t.Errorf("expectations with NaN:\n%s\nwant:\n%s", got, want)
	}
	r.events["Out1"] = r.events["Out1"][:1]
	if got := expectations(r, "Out1"); len(got) != 1 || got[0] != `{"rows": [[1.5, "a"]]}` {
		t.Errorf("expectations = %v", got)
	}
	if got := expectations(&recording{buildErr: "1:8: error[E202]: Unknown column"}, ""); len(got) != 1 || got[0] != `{"error": "1:8: error[E202]: Unknown column"}` {
		t.Errorf("expectations of a rejected app = %v", got)
	}
	if got := expectations(&recording{panicked: "panic during step 1: x"}, "Out1"); got != nil {
		t.Errorf("a crashed reference expects %v, want nothing", got)
	}
}

func TestRegressionCaseText(t *testing.T) {
	c := &Case{
		App:   &App{Input: []Column{{"l0", rt.BigInt}}, Queries: []*Query{{Target: "Out1", From: InputStream, Items: []Item{{Expr: col(Column{"l0", rt.BigInt})}}, Limit: -1, Offset: -1}}},
		Steps: []Step{{Rows: [][]any{{int64(3)}}}, {Sleep: 10}},
	}
	ref := rec(event{ts: StartClock, row: []any{int64(3)}})
	ref.streams[0].Columns[0].Name = "l0"
	got := regressionCase(9, 4, c, ref, difference{kind: outputMismatch, stream: "Out1", tsOnly: true, text: "Out1 event 0: …"})
	want := `[
  {
    "name": "regression_9_4",
    "ref": "difftest seed 9 index 4: output mismatch: Out1 event 0: … (timestamps only: the case format cannot check them)",
    "app": "CREATE STREAM Src (l0 BIGINT);\nINSERT INTO Out1\nSELECT l0\nFROM Src;\n",
    "collect": "Out1",
    "types": ["BIGINT"],
    "steps": [
      {"send": "Src", "row": [3]},
      {"sleep": 10}
    ],
    "expect": [
      {"rows": [[3]]}
    ]
  }
]
`
	if got != want {
		t.Errorf("case text:\n%s\nwant:\n%s", got, want)
	}
}
