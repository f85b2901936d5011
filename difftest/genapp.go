package difftest

import (
	"fmt"
	"math/rand/v2"
	"strconv"

	rt "github.com/eventflux/eventflux-go/runtime"
)

// Case is one generated app with the steps that drive it.
type Case struct {
	App   *App
	Steps []Step
}

// Generate returns the case for (seed, index): a pure function, so a
// failure is reproduced from the two numbers alone.
func Generate(seed uint64, index int) *Case {
	r := rand.New(rand.NewPCG(seed, uint64(index)))
	app := genApp(r, newNamer(seed, index))
	return &Case{App: app, Steps: genSteps(r, app)}
}

func (c *Case) clone() *Case {
	d := &Case{App: c.App.clone(), Steps: make([]Step, len(c.Steps))}
	for i, s := range c.Steps {
		d.Steps[i] = s.clone()
	}
	return d
}

// typePrefix names columns by type, so a printed app reads at a glance.
var typePrefix = map[rt.Type]string{rt.String: "s", rt.Int: "i", rt.BigInt: "l", rt.Float: "f", rt.Double: "d", rt.Bool: "b"}

func genApp(r *rand.Rand, names *namer) *App {
	a := &App{}
	columnTaken := func(n string) bool {
		for _, c := range a.Input {
			if c.Name == n {
				return true
			}
		}
		return false
	}
	n := 3 + r.IntN(4)
	for i := range n {
		t := pick(r, allTypes)
		if i == 0 && r.IntN(3) == 0 {
			t = rt.BigInt // often a BIGINT for externalTime windows
		}
		a.Input = append(a.Input, Column{Name: names.pick(typePrefix[t]+strconv.Itoa(i), columnPool, columnTaken), Type: t})
	}
	schemas := map[string][]Column{InputStream: a.Input}
	queries := 1 + r.IntN(3)
	// Often the second query continues a timer chain from the first.
	chain := queries > 1 && r.IntN(2) == 0
	for q := 1; q <= queries; q++ {
		from := InputStream
		var up *Query
		switch timed := timedQueries(a.Queries); {
		case q == 2 && chain:
			up = a.Queries[0]
			if up.Window == nil || up.Window.period == 0 {
				up.Window = timedWindow(r, pick(r, durations), a.Input)
			}
			from = up.Target
		case len(timed) > 0 && r.IntN(3) == 0:
			up = pick(r, timed)
			from = up.Target
		case q > 1 && r.IntN(3) == 0:
			from = a.Queries[r.IntN(len(a.Queries))].Target
		}
		target := names.pick("Out"+strconv.Itoa(q), targetPool, func(n string) bool { _, ok := schemas[n]; return ok })
		query := genQuery(r, names, q, target, from, schemas[from])
		if up != nil {
			chainTimers(r, up, query, schemas[from])
		}
		a.Queries = append(a.Queries, query)
		schemas[query.Target] = query.outputColumns(schemas[from])
	}
	return a
}

func genQuery(r *rand.Rand, names *namer, index int, target, from string, input []Column) *Query {
	q := &Query{Target: target, From: from, Limit: -1, Offset: -1}
	g := &exprGen{r: r, cols: input}
	if r.IntN(10) < 7 {
		q.Window = genWindow(r, input)
	}
	aggregating := r.IntN(2) == 0
	if !aggregating && r.IntN(10) == 0 {
		q.Star = true
	} else {
		genItems(r, names, q, index, input, aggregating)
	}
	if r.IntN(2) == 0 {
		q.Where = g.gen(rt.Bool, 1+r.IntN(3))
	}
	if aggregating && r.IntN(2) == 0 {
		for n := 1 + r.IntN(2); n > 0; n-- {
			if r.IntN(5) < 4 {
				q.GroupBy = append(q.GroupBy, col(pick(r, input)))
			} else {
				q.GroupBy = append(q.GroupBy, g.gen(pick(r, allTypes), 1))
			}
		}
	}
	out := q.outputColumns(input)
	scoped := &exprGen{r: r, cols: input, aliases: out, aggs: aggregating}
	if aggregating && r.IntN(10) < 3 {
		q.Having = scoped.gen(rt.Bool, 1+r.IntN(2))
	}
	if r.IntN(10) < 3 {
		for n := 1 + r.IntN(2); n > 0; n-- {
			var key *Expr
			switch r.IntN(3) {
			case 0:
				key = col(pick(r, out))
			case 1:
				key = col(pick(r, input))
			default:
				key = scoped.gen(pick(r, allTypes), 1)
			}
			q.OrderBy = append(q.OrderBy, Order{Expr: key, Desc: r.IntN(2) == 0})
		}
	}
	if r.IntN(5) == 0 {
		q.Limit = 1 + r.Int64N(3)
	}
	if r.IntN(7) == 0 {
		q.Offset = r.Int64N(3)
	}
	if r.IntN(4) == 0 {
		q.Rate = genRate(r)
	}
	switch r.IntN(20) {
	case 0, 1, 2:
		q.Events = AllEvents
	case 3, 4:
		q.Events = ExpiredEvents
	case 5:
		q.Events = CurrentEvents
	}
	return q
}

// genItems fills the select list; an aggregating query without GROUP BY
// gets at least one aggregate from its first item.
func genItems(r *rand.Rand, names *namer, q *Query, index int, input []Column, aggregating bool) {
	g := &exprGen{r: r, cols: input, aggs: aggregating}
	used := map[string]bool{}
	// An alias never names an input column: it would shadow the column in
	// HAVING and ORDER BY.
	taken := func(n string) bool {
		for _, c := range input {
			if c.Name == n {
				return true
			}
		}
		return used[n]
	}
	for i := range 1 + r.IntN(4) {
		alias := names.pick(fmt.Sprintf("o%d_%d", index, i), aliasPool, taken)
		var e *Expr
		switch {
		case i == 0 && aggregating:
			t := pick(r, numericTypes)
			if t == rt.Int || t == rt.Float {
				t = rt.BigInt
			}
			e = g.genAgg(t, r.IntN(2))
			if r.IntN(3) == 0 {
				e = g.gen(t, 1)
				if !e.hasAgg() {
					e = bin("+", t, g.genAgg(t, 0), e)
				}
			}
		case r.IntN(5) < 2:
			e = col(pick(r, input))
			if !used[e.Name] {
				alias = ""
			}
		default:
			e = g.gen(pick(r, allTypes), 1+r.IntN(3))
		}
		it := Item{Expr: e, Alias: alias}
		used[it.Name()] = true
		q.Items = append(q.Items, it)
	}
}

var durations = []int64{100, 200, 250, 500, 1000, 1500, 2000}

// dur renders a duration parameter, sometimes as bare milliseconds.
func dur(r *rand.Rand, ms int64) string {
	if r.IntN(4) == 0 {
		return strconv.FormatInt(ms, 10)
	}
	return duration(ms)
}

func genWindow(r *rand.Rand, input []Column) *Window {
	var bigints []Column
	for _, c := range input {
		if c.Type == rt.BigInt {
			bigints = append(bigints, c)
		}
	}
	for {
		d := pick(r, durations)
		n := strconv.Itoa(1 + r.IntN(5))
		switch r.IntN(18) {
		case 0:
			return &Window{Kind: "length", Args: []string{n}}
		case 1:
			return &Window{Kind: "lengthBatch", Args: []string{strconv.Itoa(1 + r.IntN(4))}}
		case 2:
			return &Window{Kind: "time", Args: []string{dur(r, d)}, period: d}
		case 3:
			return &Window{Kind: pick(r, []string{"timeBatch", "timeBatch", "tumbling"}), Args: []string{dur(r, d)}, period: d}
		case 4:
			slide := pick(r, []int64{d / 2, d, d * 2, 100})
			return &Window{Kind: pick(r, []string{"sliding", "hop"}), Args: []string{dur(r, d), dur(r, slide)}, period: slide}
		case 5:
			return &Window{Kind: "timeLength", Args: []string{dur(r, d), n}, period: d}
		case 6:
			return &Window{Kind: "batch"}
		case 7:
			return &Window{Kind: "delay", Args: []string{dur(r, d)}, period: d}
		case 8, 9:
			if len(bigints) > 0 {
				kind := pick(r, []string{"externalTime", "externalTimeBatch"})
				return &Window{Kind: kind, Args: []string{sqlName(pick(r, bigints).Name), dur(r, d)}}
			}
		case 10:
			w := &Window{Kind: "session", Args: []string{dur(r, d)}, period: d}
			if r.IntN(2) == 0 {
				w.Args = append(w.Args, sqlName(pick(r, input).Name))
				if r.IntN(3) == 0 {
					w.Args = append(w.Args, dur(r, pick(r, durations)))
				}
			}
			return w
		case 11:
			w := &Window{Kind: "sort", Args: []string{n}}
			for k := 1 + r.IntN(2); k > 0; k-- {
				w.Args = append(w.Args, sqlName(pick(r, input).Name))
				if r.IntN(3) > 0 {
					w.Args = append(w.Args, pick(r, []string{"'asc'", "'desc'"}))
				}
			}
			return w
		case 12, 13:
			w := &Window{Kind: pick(r, []string{"unique", "firstUnique"}), Args: []string{sqlName(pick(r, input).Name)}}
			if r.IntN(4) == 0 {
				w.Args = append(w.Args, sqlName(pick(r, input).Name))
			}
			return w
		case 14:
			w := &Window{Kind: "frequent", Args: []string{strconv.Itoa(1 + r.IntN(3))}}
			if r.IntN(3) > 0 {
				w.Args = append(w.Args, sqlName(pick(r, input).Name))
			}
			return w
		case 15:
			support := pick(r, []string{"0.1", "0.2", "0.3", "0.5"})
			w := &Window{Kind: "lossyFrequent", Args: []string{support}}
			if r.IntN(2) == 0 {
				w.Args = append(w.Args, pick(r, []string{"0.05", "0.01"}))
			}
			if r.IntN(3) > 0 {
				w.Args = append(w.Args, sqlName(pick(r, input).Name))
			}
			return w
		case 16:
			return &Window{Kind: "expression", Args: []string{pick(r, []string{"'count() <= 3'", "'count() < 3'", "'count()<=1'"})}}
		default:
			return &Window{Kind: "length", Args: []string{n}}
		}
	}
}

// timedQueries are the queries whose windows have timers.
func timedQueries(qs []*Query) []*Query {
	var out []*Query
	for _, q := range qs {
		if q.Window != nil && q.Window.period > 0 {
			out = append(out, q)
		}
	}
	return out
}

// chainTimers makes down, which reads up's output, a timer chain (§0.3.22):
// up's timer output (expiries, flushes, releases) reaches down at instants
// where down's own timers are due, because down gets a timed window, or a
// time-based output rate, of a period related to up's.
func chainTimers(r *rand.Rand, up, down *Query, input []Column) {
	p := up.Window.period
	switch up.Window.Kind {
	case "time", "timeLength", "session":
		// Expiries reach down only as written expired rows.
		if up.Events == DefaultEvents || up.Events == CurrentEvents || r.IntN(3) == 0 {
			up.Events = pick(r, []EventKind{AllEvents, AllEvents, ExpiredEvents})
		}
	}
	if r.IntN(4) == 0 {
		down.Rate = &Rate{Mode: RateMode(r.IntN(4)), Millis: pick(r, []int64{p, p, 2 * p})}
		return
	}
	down.Window = timedWindow(r, pick(r, []int64{p, p, p, 2 * p, max(p/2, 50)}), input)
}

// timedWindow is a window whose timer deadlines are d ms apart.
func timedWindow(r *rand.Rand, d int64, input []Column) *Window {
	w := &Window{period: d}
	switch r.IntN(8) {
	case 0, 1:
		w.Kind, w.Args = "time", []string{dur(r, d)}
	case 2:
		w.Kind, w.Args = pick(r, []string{"timeBatch", "tumbling"}), []string{dur(r, d)}
	case 3:
		w.Kind, w.Args = "session", []string{dur(r, d)}
		if r.IntN(3) == 0 {
			w.Args = append(w.Args, sqlName(pick(r, input).Name))
		}
	case 4:
		w.Kind, w.Args = "delay", []string{dur(r, d)}
	case 5:
		w.Kind, w.Args = pick(r, []string{"sliding", "hop"}), []string{dur(r, 2*d), dur(r, d)}
	case 6:
		w.Kind, w.Args = "timeLength", []string{dur(r, d), strconv.Itoa(1 + r.IntN(5))}
	default:
		// Cron instants are whole seconds and the clock starts on one.
		secs := max(d/1000, 1)
		w.Kind, w.Args, w.period = "cron", []string{fmt.Sprintf("'*/%d * * * * ?'", secs)}, secs*1000
	}
	return w
}

func genRate(r *rand.Rand) *Rate {
	rate := &Rate{Mode: RateMode(r.IntN(4))}
	if rate.Mode == RateAll {
		rate.Explicit = r.IntN(2) == 0
	}
	if rate.Mode != RateSnapshot && r.IntN(2) == 0 {
		rate.Events = 1 + r.Int64N(4)
	} else {
		rate.Millis = pick(r, durations)
	}
	return rate
}
