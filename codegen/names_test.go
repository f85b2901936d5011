package codegen_test

import (
	"bytes"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/codegen"
	"github.com/eventflux/eventflux-go/internal/gobuild"
)

// namingApps pick names that collide with every identifier pattern the
// generator has (names.go: the package block, App's fields and methods, an
// event struct's members, the per-query types and helpers) and with each
// other. use drives the typed API of the package P (app is New(), started)
// with the names the allocator documents; want is what it prints.
var namingApps = []struct {
	name, sql, use, want string
}{
	{
		name: "delivery helpers",
		// deliverTickOne/deliverTickCopy/SendTickBatch are Tick's; the
		// streams named like them take the suffix.
		sql: `CREATE STREAM Tick (sym STRING, px DOUBLE);
CREATE STREAM TickOne (n INT);
INSERT INTO TickCopy SELECT * FROM Tick WHERE px > 1.0;
INSERT INTO TickBatch SELECT n FROM TickOne;`,
		use: `app.OnTickCopy_2(func(ts int64, ev *P.TickCopy_2) { fmt.Println("copy", ev.Sym, ev.Px) })
app.OnTickBatch_2(func(ts int64, ev *P.TickBatch_2) { fmt.Println("batch", ev.N) })
app.SendTick(1, &P.Tick{Sym: "a", Px: 2})
app.SendTickBatch(2, []P.Tick{{Sym: "b", Px: 0.5}, {Sym: "c", Px: 3}})
app.SendTickOne_2(3, &P.TickOne_2{N: 7})
app.SendTickOne_2Batch(4, []P.TickOne_2{{N: 8}})`,
		want: "copy a 2\ncopy c 3\nbatch 7\nbatch 8\n",
	},
	{
		name: "names mapping to one Go name",
		sql: `CREATE STREAM A (x BIGINT);
CREATE STREAM ABatch (x BIGINT);
CREATE STREAM a (x BIGINT);
CREATE STREAM a_b (x BIGINT);
CREATE STREAM aB (x BIGINT);
INSERT INTO AOne SELECT x FROM A;
INSERT INTO AOne SELECT x + 10 AS x FROM ABatch;
INSERT INTO AOne SELECT x + 20 AS x FROM a;
INSERT INTO AOne SELECT x + 30 AS x FROM a_b;
INSERT INTO AOne SELECT x + 40 AS x FROM aB;`,
		use: `app.OnAOne_2(func(ts int64, ev *P.AOne_2) { fmt.Println(ev.X) })
app.SendA(1, &P.A{X: 1})
app.SendABatch(1, []P.A{{X: 2}})
app.SendABatch_2(1, &P.ABatch_2{X: 3})
app.SendA_2(1, &P.A_2{X: 4})
app.SendAB(1, &P.AB{X: 5})
app.SendAB_2(1, &P.AB_2{X: 6})`,
		want: "1\n2\n13\n24\n35\n46\n",
	},
	{
		name: "the package's own names",
		// App, New, SendJSON and the query types q0Group, q0Key, q0Cand,
		// q0Row (a narrow row and its q0RowFrom/q0RowCodec) and like0.
		sql: `CREATE STREAM S (sym STRING, px DOUBLE, v INT);
CREATE STREAM App (x INT);
CREATE STREAM New (x INT);
CREATE STREAM JSON (x INT);
CREATE STREAM Q0Row (x INT);
CREATE STREAM Q0Group (x INT);
CREATE STREAM Q0Key (x INT);
CREATE STREAM Q0Cand (x INT);
CREATE STREAM Streams (x INT);
CREATE STREAM Like0 (x INT);
INSERT INTO Q1Row SELECT sym, sum(px) AS total FROM S WINDOW('length', 2) WHERE sym LIKE 'a%' GROUP BY sym;
INSERT INTO Q0Row SELECT x FROM App;
INSERT INTO Q0Row SELECT x FROM New;
INSERT INTO Q0Row SELECT x FROM JSON;`,
		use: `app.OnQ1Row(func(ts int64, ev *P.Q1Row) { fmt.Println(ev.Sym, ev.Total) })
app.OnQ0Row(func(ts int64, ev *P.Q0Row) { fmt.Println("x", ev.X) })
app.SendS(1, &P.S{Sym: "ab", Px: 1, V: 1})
app.SendS(2, &P.S{Sym: "b", Px: 5, V: 1})
app.SendS(3, &P.S{Sym: "ab", Px: 2, V: 1})
app.SendApp_2(4, &P.App_2{X: 1})
app.SendNew_2(4, &P.New_2{X: 2})
app.SendJSON_2(4, &P.JSON_2{X: 3})
_ = P.Q0Group{}
_ = P.Q0Key{}
_ = P.Q0Cand{}
_ = P.Streams{}
_ = P.Like0{}
_ = app.Streams()`,
		want: "ab 1\nab 2\nx 1\nx 2\nx 3\n",
	},
	{
		name: "keywords, predeclared names, non-ASCII, digits first, punctuation",
		sql: "CREATE STREAM `Température` (`type` INT, `func` INT, `range` STRING, `string` STRING, `len` INT, `nil` INT, `true` BOOL, " +
			"`日本` DOUBLE, `1st` BIGINT, `a b` INT, `a$b` INT, `Nulls` INT, nulls INT, `values` INT, grp INT, `a%d` INT, `x */ y` INT, `line\nbreak` INT, `_` INT, `élan` INT);\n" +
			"INSERT INTO `日本` SELECT `range`, count() AS `Nulls`, sum(`a%d`) AS `len` FROM `Température` WINDOW('length', 2) GROUP BY `range`;\n" +
			"INSERT INTO `1st` SELECT `type` + `func` AS `nil`, `string`, `true`, `日本` AS `Temp`, `1st` AS `Ts`, `a b`, `a$b`, `Nulls`, nulls, `values`, grp, `x */ y` AS `in`, `line\nbreak`, `_`, `élan` FROM `Température` WHERE `len` > 0;",
		use: `app.OnX日本(func(ts int64, ev *P.X日本) { fmt.Println(ev.Range, ev.Nulls_2, ev.Len, ev.Nulls) })
app.OnX1st(func(ts int64, ev *P.X1st) {
	fmt.Println(ev.Nil, ev.String, ev.True, ev.Temp, ev.Ts, ev.AB, ev.AB_2, ev.Nulls_2, ev.Nulls_3, ev.Values, ev.Grp, ev.In, ev.LineBreak, ev.X, ev.Élan)
})
app.SendTempérature(1, &P.Température{Type: 1, Func: 2, Range: "r", String: "s", Len: 1, True: true, X日本: 1.5, X1st: 9, AB: 3, AB_2: 4, Nulls_2: 5, Nulls_3: 6, Values: 7, Grp: 8, AD: 10, XY: 11, LineBreak: 12, X: 13, Élan: 14})
app.SendTempérature(2, &P.Température{Range: "r", Len: 0, AD: 5, Nulls: 1 << 1})`,
		want: "r 1 10 0\n3 s true 1.5 9 3 4 5 6 7 8 11 12 13 14\nr 2 15 0\n",
	},
	{
		name: "invalid UTF-8 and control characters",
		sql:  "CREATE STREAM `s\xff\x01t` (`a\xffb` INT, `\x00` INT, `tab\there` INT);\nINSERT INTO `o\xfe` SELECT `a\xffb`, `\x00`, `tab\there` FROM `s\xff\x01t` WHERE `a\xffb` > 0;",
		use: `app.OnO(func(ts int64, ev *P.O) { fmt.Println(ev.AB, ev.X, ev.TabHere) })
app.SendST(1, &P.ST{AB: 1, X: 2, TabHere: 3})
app.SendST(2, &P.ST{AB: 0, X: 2, TabHere: 3})`,
		want: "1 2 3\n",
	},
	{
		name: "tables and triggers",
		// The trigger's deliverTickCopy is the stream Tick's; the table's
		// names leave SendLimitsBatch (a stream's) alone.
		sql: `CREATE STREAM Tick (x INT);
CREATE TRIGGER TickCopy AT EVERY 1 SECOND;
CREATE TABLE Limits (name STRING PRIMARY KEY, maxN INT);
CREATE STREAM LimitsBatch (x INT);
INSERT INTO Out SELECT x FROM LimitsBatch;
INSERT INTO Out SELECT x FROM Tick;`,
		use: `app.OnOut(func(ts int64, ev *P.Out) { fmt.Println(ev.X) })
app.OnTickCopy_2(func(ts int64, ev *P.TickCopy_2) {})
app.SendLimitsBatch(1, &P.LimitsBatch{X: 1})
app.SendTick(1, &P.Tick{X: 2})
_ = P.Limits{MaxN: 1}`,
		want: "1\n2\n",
	},
}

// Every naming app generates code that compiles, and its typed API has the
// names the allocator documents (the program below uses them) and works.
func TestCollidingNamesCompile(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("needs the go command")
	}
	var pkgs []gobuild.Package
	var main bytes.Buffer
	main.WriteString("package main\n\nimport (\n\t\"fmt\"\n")
	for i, app := range namingApps {
		dir := fmt.Sprintf("n%d", i)
		files, err := gobuild.Generate("", app.sql, dir)
		if err != nil {
			t.Fatalf("%s: %v", app.name, err)
		}
		pkgs = append(pkgs, gobuild.Package{Dir: dir, Files: files})
	}
	prefix := "PREFIX"
	for i := range namingApps {
		fmt.Fprintf(&main, "\tn%d %q\n", i, prefix+fmt.Sprintf("/n%d", i))
	}
	main.WriteString(")\n\nfunc main() {\n")
	for i, app := range namingApps {
		pkg := fmt.Sprintf("n%d", i)
		fmt.Fprintf(&main, "\tfmt.Println(%q)\n\t{\n\t\tapp := %s.New()\n\t\tif err := app.Start(0); err != nil {\n\t\t\tpanic(err)\n\t\t}\n", "== "+app.name, pkg)
		for _, line := range strings.Split(app.use, "\n") {
			main.WriteString("\t\t" + strings.ReplaceAll(line, "P.", pkg+".") + "\n")
		}
		main.WriteString("\t}\n")
	}
	main.WriteString("}\n")
	src := main.String()
	exe, err := gobuild.Build(gobuild.Program{Packages: pkgs, Main: func(p string) []byte {
		return []byte(strings.ReplaceAll(src, prefix, p))
	}}, "")
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(exe).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var want strings.Builder
	for _, app := range namingApps {
		want.WriteString("== " + app.name + "\n" + app.want)
	}
	if string(out) != want.String() {
		t.Errorf("output:\n%s\nwant:\n%s", out, want.String())
	}
}

// The package doc says how each colliding name was mapped.
func TestCollisionNotes(t *testing.T) {
	files, err := codegen.Generate(build(t, namingApps[1].sql), codegen.Options{Package: "x"})
	if err != nil {
		t.Fatal(err)
	}
	src := string(files[0].Content)
	for _, note := range []string{
		"//   - stream ABatch is ABatch_2 (SendABatch is stream A's)",
		"//   - stream a is A_2 (A is stream A's)",
		"//   - stream aB is AB_2 (AB is stream a_b's)",
		"//   - stream AOne is AOne_2 (deliverAOne is stream A's)",
	} {
		if !strings.Contains(src, note+"\n") {
			t.Errorf("package doc lacks %q", note)
		}
	}
	plain, err := codegen.Generate(build(t, "CREATE STREAM StockStream (symbol STRING, price DOUBLE);\nINSERT INTO Out SELECT symbol FROM StockStream;"), codegen.Options{Package: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(plain[0].Content), "Go names:") {
		t.Error("an app without collisions gets name notes")
	}
	for _, api := range []string{"type StockStream struct", "func (a *App) SendStockStream(ts int64, ev *StockStream)",
		"func (a *App) SendStockStreamBatch(ts int64, evs []StockStream)", "func (a *App) OnStockStream(fn func(ts int64, ev *StockStream))",
		"\tSymbol string", "\tNulls uint64"} {
		if !strings.Contains(string(plain[0].Content), api) {
			t.Errorf("the documented API lacks %q", api)
		}
	}
}

// A user type named like a query's (Q0Row, Q0Group) is not counted as the
// query's code by efc explain.
func TestQuerySizesIgnoreUserTypes(t *testing.T) {
	const q = "CREATE STREAM S (sym STRING, px DOUBLE, v INT);\nINSERT INTO O SELECT sym, sum(px) AS s FROM S WINDOW('length', 2) GROUP BY sym;\n"
	sizes := func(src string) codegen.QuerySize {
		files, err := codegen.Generate(build(t, src), codegen.Options{Package: "x"})
		if err != nil {
			t.Fatal(err)
		}
		s, err := codegen.QuerySizes(files)
		if err != nil {
			t.Fatal(err)
		}
		if len(s) != 1 {
			t.Fatalf("sizes for queries %v, want query 0 only", s)
		}
		return s[0]
	}
	alone := sizes(q)
	crowded := sizes("CREATE STREAM Q0Row (x INT);\nCREATE STREAM Q0Group (x INT);\nCREATE STREAM Q0Cand (x INT);\n" + q)
	if alone.Lines != crowded.Lines || alone.Lines == 0 {
		t.Errorf("query 0 has %d lines alone, %d next to streams Q0Row, Q0Group, Q0Cand", alone.Lines, crowded.Lines)
	}
}

// Identifiers that only the generator makes keep their shapes: a user name
// never renames them unless it takes exactly their spelling.
func TestOrdinaryNamesUnchanged(t *testing.T) {
	files, err := codegen.Generate(build(t, "CREATE STREAM S (sym STRING, px DOUBLE, v INT);\nINSERT INTO O SELECT sym, sum(px) AS s FROM S WINDOW('length', 2) WHERE sym LIKE 'a%' GROUP BY sym;"), codegen.Options{Package: "x"})
	if err != nil {
		t.Fatal(err)
	}
	src := string(files[0].Content)
	for _, id := range []string{"q0Group", "q0Key", "q0Cand", "q0Row", "q0RowFrom", "q0RowCodec", "appendq0Row", "appendq0Key", "readq0Key",
		"appendq0Group", "loadq0Group", "like0", "sFrom", "sFromJSON", "sCodec", "appendS", "readS", "decodeSJSON",
		"deliverS", "deliverSOne", "deliverSCopy", "SendS", "SendSBatch", "OnS", "subS", "bufS", "inS", "curS", "deliverO"} {
		if !regexp.MustCompile(`\b` + id + `\b`).MatchString(src) {
			t.Errorf("%s is missing", id)
		}
	}
	if strings.Contains(src, "_2") {
		t.Error("an app without collisions has a disambiguated name")
	}
}
