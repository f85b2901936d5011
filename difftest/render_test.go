package difftest

import (
	"testing"

	rt "github.com/eventflux/eventflux-go/runtime"
)

func TestRenderSQL(t *testing.T) {
	in := []Column{{"s0", rt.String}, {"i1", rt.Int}, {"l2", rt.BigInt}}
	sum := agg("sum", rt.BigInt, col(in[1]))
	app := &App{Input: in, Queries: []*Query{
		{
			Target: "Out1", From: InputStream, Events: AllEvents,
			Window: &Window{Kind: "sort", Args: []string{"2", "l2", "'desc'"}},
			Items:  []Item{{Expr: col(in[0])}, {Expr: sum, Alias: "o1_1"}},
			Where: bin("OR", rt.Bool,
				&Expr{Op: OpIsNull, T: rt.Bool, Not: true, Args: []*Expr{col(in[0])}},
				&Expr{Op: OpIn, T: rt.Bool, Args: []*Expr{col(in[2]), lit(rt.BigInt, "1"), lit(rt.BigInt, "(-4)")}},
			),
			GroupBy: []*Expr{col(in[0])},
			Having:  bin(">", rt.Bool, col(Column{"o1_1", rt.BigInt}), lit(rt.BigInt, "2")),
			OrderBy: []Order{{Expr: col(Column{"o1_1", rt.BigInt}), Desc: true}, {Expr: col(in[0])}},
			Limit:   2, Offset: 1,
			Rate: &Rate{Mode: RateLast, Events: 3},
		},
		{
			Target: "Out2", From: "Out1", Limit: -1, Offset: -1,
			Items: []Item{{Expr: &Expr{Op: OpCase, T: rt.Double, Simple: true, Else: true, Args: []*Expr{
				col(in[0]), lit(rt.String, "'a'"), call("round", rt.Double, &Expr{Op: OpNeg, T: rt.BigInt, Args: []*Expr{col(Column{"o1_1", rt.BigInt})}}),
				nullOf(rt.Double),
			}}, Alias: "o2_0"}},
			Rate: &Rate{Mode: RateSnapshot, Millis: 1500},
		},
	}}
	want := "CREATE STREAM Src (s0 STRING, i1 INT, l2 BIGINT);\n" +
		"INSERT ALL EVENTS INTO Out1\n" +
		"SELECT s0, sum(i1) AS o1_1\n" +
		"FROM Src WINDOW('sort', 2, l2, 'desc')\n" +
		"WHERE ((s0 IS NOT NULL) OR (l2 IN (1, (-4))))\n" +
		"GROUP BY s0\n" +
		"HAVING (o1_1 > 2)\n" +
		"ORDER BY o1_1 DESC, s0\n" +
		"LIMIT 2\n" +
		"OFFSET 1\n" +
		"OUTPUT LAST EVERY 3 EVENTS;\n" +
		"INSERT INTO Out2\n" +
		"SELECT CASE s0 WHEN 'a' THEN round((-o1_1)) ELSE CAST(NULL AS DOUBLE) END AS o2_0\n" +
		"FROM Out1\n" +
		"OUTPUT SNAPSHOT EVERY 1500 MILLISECONDS;\n"
	if got := app.SQL(); got != want {
		t.Errorf("SQL:\n%s\nwant:\n%s", got, want)
	}
	schemas := app.schemas()
	if got := schemas["Out1"]; len(got) != 2 || got[0] != (Column{"s0", rt.String}) || got[1] != (Column{"o1_1", rt.BigInt}) {
		t.Errorf("Out1 schema %v", got)
	}
	if !app.Queries[0].aggregating() || app.Queries[1].aggregating() {
		t.Errorf("aggregating: %v %v, want true false", app.Queries[0].aggregating(), app.Queries[1].aggregating())
	}
	c := app.clone()
	c.Queries[0].Items[1].Expr.Args[0].Name = "l2"
	if app.Queries[0].Items[1].Expr.Args[0].Name != "i1" {
		t.Error("clone shares expression nodes with the original")
	}
}

func TestDuration(t *testing.T) {
	for ms, want := range map[int64]string{100: "100 MILLISECONDS", 1000: "1 SECOND", 2000: "2 SECONDS", 1500: "1500 MILLISECONDS"} {
		if got := duration(ms); got != want {
			t.Errorf("duration(%d) = %q, want %q", ms, got, want)
		}
	}
}
