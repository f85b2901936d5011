package plan_test

import (
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/internal/datadriven"
	"github.com/eventflux/eventflux-go/plan"
)

// TestPrint runs testdata/print/*.txt over plans built by hand here (the
// test imports no compiler, so plan's printing is tested on its own).
// Commands:
//
//	const type=T [null]   FormatConst of a T constant; the input is its value
//	                      (a number, NaN, +Inf, -Inf, -0, TRUE/FALSE, or the
//	                      raw text of a STRING)
//	window kind=K [length=n] [millis=n] [slide=n] [latency=n] [attrs=i,j]
//	       [sort=i[:desc],…] [support=x] [error=x]
//	                      FormatWindow; the input is the cron text, if any
//	expr name=N           FormatExpr of the fixture N (exprFixtures)
//	node name=N           NodeLabel of the fixture N (nodeFixtures)
//	query name=N          FormatQuery of the fixture N, or App.Format for "app"
//
// Every fixture must be printed by some case. Rewrite with:
// go test ./plan -rewrite
func TestPrint(t *testing.T) {
	used := map[string]bool{}
	exprs, nodes, queries := exprFixtures(), nodeFixtures(), queryFixtures()
	for _, f := range []string{"testdata/print/const.txt", "testdata/print/expr.txt", "testdata/print/window.txt", "testdata/print/node.txt"} {
		t.Run(f, func(t *testing.T) {
			datadriven.Run(t, f, func(t *testing.T, c *datadriven.Case) string {
				name, _ := c.Arg("name")
				switch c.Cmd {
				case "const":
					return plan.FormatConst(constCase(t, c))
				case "window":
					return plan.FormatWindow(windowCase(t, c))
				case "expr":
					e, ok := exprs[name]
					if !ok {
						t.Fatalf("%s: no expr fixture %q", c.Pos, name)
					}
					used["expr "+name] = true
					return plan.FormatExpr(e)
				case "node":
					n, ok := nodes[name]
					if !ok {
						t.Fatalf("%s: no node fixture %q", c.Pos, name)
					}
					used["node "+name] = true
					return plan.NodeLabel(n)
				case "query":
					used["query "+name] = true
					if name == "app" {
						app := &plan.App{}
						for _, k := range sortedKeys(queries) {
							app.Queries = append(app.Queries, queries[k])
						}
						return app.Format()
					}
					q, ok := queries[name]
					if !ok {
						t.Fatalf("%s: no query fixture %q", c.Pos, name)
					}
					return plan.FormatQuery(q)
				}
				t.Fatalf("%s: unknown command %q", c.Pos, c.Cmd)
				return ""
			})
		})
	}
	var unused []string
	for _, k := range sortedKeys(exprs) {
		if !used["expr "+k] {
			unused = append(unused, "expr "+k)
		}
	}
	for _, k := range sortedKeys(nodes) {
		if !used["node "+k] {
			unused = append(unused, "node "+k)
		}
	}
	for _, k := range append(sortedKeys(queries), "app") {
		if !used["query "+k] {
			unused = append(unused, "query "+k)
		}
	}
	if len(unused) > 0 {
		t.Errorf("fixtures no case prints: %s", strings.Join(unused, ", "))
	}
}

// Every node type of plan appears among the node fixtures, so a new node
// kind without a label case is noticed here.
func TestEveryNodeTypeHasALabelCase(t *testing.T) {
	seen := map[string]bool{}
	for _, n := range nodeFixtures() {
		seen[typeName(n)] = true
	}
	for _, want := range []string{"Scan", "Window", "Project", "Filter", "Selector", "RateLimit", "Insert"} {
		if !seen[want] {
			t.Errorf("no node fixture of type %s", want)
		}
	}
}

func typeName(n plan.Node) string {
	switch n.(type) {
	case *plan.Scan:
		return "Scan"
	case *plan.Window:
		return "Window"
	case *plan.Project:
		return "Project"
	case *plan.Filter:
		return "Filter"
	case *plan.Selector:
		return "Selector"
	case *plan.RateLimit:
		return "RateLimit"
	case *plan.Insert:
		return "Insert"
	}
	return "other"
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var typeByName = map[string]plan.Type{
	"OBJECT": plan.Object, "STRING": plan.String, "INT": plan.Int, "BIGINT": plan.BigInt,
	"FLOAT": plan.Float, "DOUBLE": plan.Double, "BOOL": plan.Bool,
}

func constCase(t *testing.T, c *datadriven.Case) *plan.Const {
	tn, _ := c.Arg("type")
	typ, ok := typeByName[tn]
	if !ok {
		t.Fatalf("%s: unknown type %q", c.Pos, tn)
	}
	k := &plan.Const{T: typ}
	if _, null := c.Arg("null"); null {
		k.Null = true
		return k
	}
	v := c.Input
	var err error
	switch typ {
	case plan.String:
		k.S = v
	case plan.Int, plan.BigInt:
		k.I, err = strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	case plan.Float:
		var f float64
		f, err = strconv.ParseFloat(strings.TrimSpace(v), 32)
		k.F = float64(float32(f))
	case plan.Double:
		k.F, err = strconv.ParseFloat(strings.TrimSpace(v), 64)
	case plan.Bool:
		if strings.TrimSpace(v) == "TRUE" {
			k.I = 1
		}
	}
	if err != nil {
		t.Fatalf("%s: %v", c.Pos, err)
	}
	return k
}

// schema is the input of every fixture: sym#0 STRING, price#1 DOUBLE,
// volume#2 BIGINT, qty#3 INT, ratio#4 FLOAT, ok#5 BOOL.
var schema = []plan.Column{
	{Name: "sym", Type: plan.String}, {Name: "price", Type: plan.Double}, {Name: "volume", Type: plan.BigInt},
	{Name: "qty", Type: plan.Int}, {Name: "ratio", Type: plan.Float}, {Name: "ok", Type: plan.Bool},
}

func col(i int) *plan.ColRef { return trades.Ref(i) }

func elem(r *plan.ColRef, i plan.CollIndex) *plan.ColRef { r.Elem = &i; return r }

func windowCase(t *testing.T, c *datadriven.Case) plan.WindowSpec {
	kind, _ := c.Arg("kind")
	num := func(key string) int64 {
		s, ok := c.Arg(key)
		if !ok {
			return 0
		}
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("%s: %s: %v", c.Pos, key, err)
		}
		return v
	}
	real := func(key string) float64 {
		s, ok := c.Arg(key)
		if !ok {
			return 0
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%s: %s: %v", c.Pos, key, err)
		}
		return v
	}
	var attrs []*plan.ColRef
	if s, ok := c.Arg("attrs"); ok {
		for _, a := range strings.Split(s, ",") {
			i, err := strconv.Atoi(a)
			if err != nil {
				t.Fatalf("%s: attrs: %v", c.Pos, err)
			}
			attrs = append(attrs, col(i))
		}
	}
	first := func() *plan.ColRef {
		if len(attrs) == 0 {
			return nil
		}
		return attrs[0]
	}
	length, millis := num("length"), num("millis")
	switch kind {
	case "length":
		return plan.LengthSpec{N: length}
	case "lengthBatch":
		return plan.LengthBatchSpec{N: length}
	case "time":
		return plan.TimeSpec{Millis: millis}
	case "timeBatch":
		return plan.TimeBatchSpec{Millis: millis}
	case "delay":
		return plan.DelaySpec{Millis: millis}
	case "hop":
		return plan.HopSpec{Size: millis, Slide: num("slide")}
	case "timeLength":
		return plan.TimeLengthSpec{Millis: millis, N: length}
	case "batch":
		return plan.BatchSpec{}
	case "externalTime":
		return &plan.ExternalTimeSpec{Ts: first(), Millis: millis}
	case "externalTimeBatch":
		return &plan.ExternalTimeBatchSpec{Ts: first(), Millis: millis}
	case "session":
		return &plan.SessionSpec{Gap: millis, Key: first(), Latency: num("latency")}
	case "unique":
		return &plan.UniqueSpec{Keys: attrs}
	case "firstUnique":
		return &plan.FirstUniqueSpec{Keys: attrs}
	case "frequent":
		return &plan.FrequentSpec{N: length, Keys: attrs}
	case "lossyFrequent":
		return &plan.LossyFrequentSpec{Support: real("support"), ErrorRate: real("error"), Keys: attrs}
	case "cron":
		return plan.CronSpec{Expr: c.Input}
	case "sort":
		w := &plan.SortSpec{N: length}
		if s, ok := c.Arg("sort"); ok {
			for _, k := range strings.Split(s, ",") {
				idx, dir, _ := strings.Cut(k, ":")
				i, err := strconv.Atoi(idx)
				if err != nil {
					t.Fatalf("%s: sort: %v", c.Pos, err)
				}
				w.Keys = append(w.Keys, plan.WindowSortKey{Col: col(i), Desc: dir == "desc"})
			}
		}
		return w
	}
	t.Fatalf("%s: unknown window kind %q", c.Pos, kind)
	return nil
}

// otherExpr is an expression type plan does not know; printing names it.
type otherExpr struct{}

func (otherExpr) Type() plan.Type { return plan.Object }

// otherNode is a node type plan does not know.
type otherNode struct{}

func (otherNode) Schema() []plan.Column { return nil }
func (otherNode) Inputs() []plan.Node   { return nil }

func double(v float64) *plan.Const { return &plan.Const{T: plan.Double, F: v} }
func bigint(v int64) *plan.Const   { return &plan.Const{T: plan.BigInt, I: v} }
func str(s string) *plan.Const     { return &plan.Const{T: plan.String, S: s} }

func gt(l, r plan.Expr) *plan.Binary { return &plan.Binary{Op: plan.Gt, L: l, R: r, T: plan.Bool} }

func exprFixtures() map[string]plan.Expr {
	widen := func(e plan.Expr, t plan.Type) *plan.Cast { return &plan.Cast{X: e, T: t, Implicit: true} }
	m := map[string]plan.Expr{
		"nil":              nil,
		"other":            otherExpr{},
		"col":              col(1),
		"coll-first":       elem(col(1), plan.CollIndex{K: 0}),
		"coll-last":        elem(col(1), plan.CollIndex{FromEnd: true}),
		"coll-last-1":      elem(col(1), plan.CollIndex{K: 1, FromEnd: true}),
		"agg":              &plan.AggRef{Index: 2, T: plan.Double},
		"const-string":     str("it's"),
		"const-null":       &plan.Const{T: plan.Int, Null: true},
		"neg":              &plan.Unary{Op: plan.Neg, X: col(3), T: plan.Int},
		"neg-neg":          &plan.Unary{Op: plan.Neg, X: &plan.Unary{Op: plan.Neg, X: col(3), T: plan.Int}, T: plan.Int},
		"neg-const":        &plan.Unary{Op: plan.Neg, X: bigint(-5), T: plan.BigInt},
		"neg-binary":       &plan.Unary{Op: plan.Neg, X: &plan.Binary{Op: plan.Sub, L: col(2), R: bigint(1), T: plan.BigInt}, T: plan.BigInt},
		"not":              &plan.Unary{Op: plan.Not, X: col(5), T: plan.Bool},
		"not-cmp":          &plan.Unary{Op: plan.Not, X: gt(col(1), double(1)), T: plan.Bool},
		"nested-arith":     &plan.Binary{Op: plan.Mul, L: &plan.Binary{Op: plan.Add, L: col(1), R: widen(col(3), plan.Double), T: plan.Double}, R: double(2), T: plan.Double},
		"is-null":          &plan.IsNull{X: col(0)},
		"is-not-null":      &plan.IsNull{X: col(0), Not: true},
		"in":               &plan.In{X: widen(col(3), plan.BigInt), List: []plan.Expr{bigint(1), bigint(2), &plan.Const{T: plan.BigInt, Null: true}}},
		"not-in":           &plan.In{X: col(0), List: []plan.Expr{str("a")}, Not: true},
		"in-empty":         &plan.In{X: col(0)},
		"case-else":        &plan.Case{Whens: []plan.When{{Cond: gt(col(1), double(10)), Result: str("hi")}, {Cond: col(5), Result: col(0)}}, Else: str("lo"), T: plan.String},
		"case-no-else":     &plan.Case{Whens: []plan.When{{Cond: col(5), Result: col(2)}}, T: plan.BigInt},
		"cast-implicit":    widen(col(3), plan.BigInt),
		"cast-explicit":    &plan.Cast{X: col(0), T: plan.Int},
		"cast-nested":      &plan.Cast{X: widen(col(4), plan.Double), T: plan.String},
		"call-0":           &plan.Call{Func: plan.FuncNow, T: plan.BigInt},
		"call-1":           &plan.Call{Func: plan.FuncUpper, Args: []plan.Expr{col(0)}, T: plan.String},
		"call-2":           &plan.Call{Func: plan.FuncCoalesce, Args: []plan.Expr{col(1), double(0)}, T: plan.Double},
		"call-nested":      &plan.Call{Func: plan.FuncRound, Args: []plan.Expr{&plan.Call{Func: plan.FuncAbs, Args: []plan.Expr{col(1)}, T: plan.Double}, bigint(2)}, T: plan.Double},
		"and-or":           &plan.Binary{Op: plan.Or, L: &plan.Binary{Op: plan.And, L: col(5), R: gt(col(1), double(1)), T: plan.Bool}, R: &plan.IsNull{X: col(2)}, T: plan.Bool},
		"type-object-cast": widen(&plan.Const{T: plan.Object, Null: true}, plan.String),
	}
	for op := plan.Add; op <= plan.Or; op++ {
		var l, r plan.Expr = col(2), bigint(3)
		t := plan.BigInt
		switch {
		case op == plan.Div:
			l, r, t = widen(col(2), plan.Double), double(3), plan.Double
		case op.IsComparison():
			t = plan.Bool
		case op == plan.And || op == plan.Or:
			l, r, t = col(5), &plan.Const{T: plan.Bool, I: 1}, plan.Bool
		}
		m["binop-"+binopName[op.String()]] = &plan.Binary{Op: op, L: l, R: r, T: t}
	}
	return m
}

var binopName = map[string]string{"+": "add", "-": "sub", "*": "mul", "/": "div", "%": "mod", "=": "eq", "!=": "ne",
	"<": "lt", "<=": "le", ">": "gt", ">=": "ge", "AND": "and", "OR": "or"}

var (
	stream  = &plan.Relation{Name: "Trades", Kind: plan.StreamRel, Columns: schema}
	trigger = &plan.Relation{Name: "Tick", Kind: plan.TriggerRel, Columns: []plan.Column{{Name: "triggered_time", Type: plan.BigInt}}}
	out     = &plan.Relation{Name: "Out", Kind: plan.StreamRel, Columns: []plan.Column{{Name: "sym", Type: plan.String}, {Name: "total", Type: plan.Double}}}
	trades  = &plan.Binding{Name: "Trades", Rel: stream}
)

func nodeFixtures() map[string]plan.Node {
	scan := &plan.Scan{Bind: trades}
	win := &plan.Window{Input: scan, Spec: plan.LengthSpec{N: 5}}
	sel := &plan.Selector{Input: win, Limit: -1,
		Items: []plan.NamedExpr{{Name: "sym", Expr: col(0)}, {Name: "total", Expr: &plan.AggRef{Index: 0, T: plan.Double}}}}
	full := &plan.Selector{Input: win,
		Items:   []plan.NamedExpr{{Name: "sym", Expr: col(0)}, {Name: "n", Expr: &plan.AggRef{Index: 1, T: plan.BigInt}}},
		Aggs:    []plan.AggCall{{Func: plan.AggSum, Arg: col(1), T: plan.Double}, {Func: plan.AggCount, T: plan.BigInt}},
		GroupBy: []plan.Expr{col(0), &plan.Binary{Op: plan.Mod, L: col(2), R: bigint(10), T: plan.BigInt}},
		Having:  gt(&plan.AggRef{Index: 1, T: plan.BigInt}, bigint(2)),
		OrderBy: []plan.SortKey{{Expr: &plan.AggRef{Index: 0, T: plan.Double}, Desc: true}, {Expr: col(0)}},
		Offset:  1, Limit: 3, Events: plan.AllEvents}
	return map[string]plan.Node{
		"scan":                 scan,
		"scan-alias":           &plan.Scan{Bind: &plan.Binding{Name: "t", Rel: stream}},
		"scan-alias-same":      &plan.Scan{Bind: &plan.Binding{Name: "Trades", Rel: stream}},
		"scan-trigger":         &plan.Scan{Bind: &plan.Binding{Name: "Tick", Rel: trigger}},
		"window":               win,
		"project":              &plan.Project{Input: scan, Cols: []*plan.ColRef{col(0), col(3)}},
		"filter":               &plan.Filter{Input: scan, Cond: gt(col(1), double(100))},
		"selector":             sel,
		"selector-full":        full,
		"selector-limit0":      &plan.Selector{Input: scan, Limit: 0, Items: []plan.NamedExpr{{Name: "sym", Expr: col(0)}}},
		"selector-expired":     &plan.Selector{Input: scan, Limit: -1, Events: plan.ExpiredEvents, Items: []plan.NamedExpr{{Name: "sym", Expr: col(0)}}},
		"selector-no-items":    &plan.Selector{Input: scan, Limit: -1},
		"ratelimit-events":     &plan.RateLimit{Input: sel, Mode: plan.RateLast, Events: 3},
		"ratelimit-first":      &plan.RateLimit{Input: sel, Mode: plan.RateFirst, Events: 1},
		"ratelimit-millis":     &plan.RateLimit{Input: sel, Mode: plan.RateAll, Millis: 1500},
		"ratelimit-snapshot":   &plan.RateLimit{Input: sel, Mode: plan.RateSnapshot, Millis: 1000},
		"insert":               &plan.Insert{Input: sel, Target: out},
		"other":                otherNode{},
		"window-session-keyed": &plan.Window{Input: scan, Spec: &plan.SessionSpec{Gap: 1000, Key: col(0), Latency: 50}},
	}
}

func queryFixtures() map[string]*plan.Query {
	t := &plan.Binding{Name: "t", Rel: stream}
	scan := &plan.Scan{Bind: t}
	proj := &plan.Project{Input: scan, Cols: []*plan.ColRef{t.Ref(0), t.Ref(1)}}
	win := &plan.Window{Input: proj, Spec: plan.TimeSpec{Millis: 1000}}
	filter := &plan.Filter{Input: win, Cond: gt(t.Ref(1), double(1.5))}
	sel := &plan.Selector{Input: filter, Limit: -1,
		Items:   []plan.NamedExpr{{Name: "sym", Expr: t.Ref(0)}, {Name: "total", Expr: &plan.AggRef{Index: 0, T: plan.Double}}},
		Aggs:    []plan.AggCall{{Func: plan.AggSum, Arg: t.Ref(1), T: plan.Double}},
		GroupBy: []plan.Expr{t.Ref(0)}}
	rate := &plan.RateLimit{Input: sel, Mode: plan.RateSnapshot, Millis: 2000}
	chain := &plan.Query{Index: 0, Pos: plan.Pos{Line: 3, Col: 1}, Root: &plan.Insert{Input: rate, Target: out}}

	tb := &plan.Binding{Name: "Tick", Rel: trigger}
	tick := &plan.Scan{Bind: tb}
	tsel := &plan.Selector{Input: tick, Limit: -1, Items: []plan.NamedExpr{{Name: "triggered_time", Expr: tb.Ref(0)}}}
	tout := &plan.Relation{Name: "Ticks", Kind: plan.StreamRel, Columns: []plan.Column{{Name: "triggered_time", Type: plan.BigInt}}}
	simple := &plan.Query{Index: 1, Pos: plan.Pos{Line: 7, Col: 1}, Root: &plan.Insert{Input: tsel, Target: tout}}
	return map[string]*plan.Query{"chain": chain, "trigger": simple}
}
