package difftest

import (
	"strings"
	"time"

	rt "github.com/eventflux/eventflux-go/runtime"
)

// shrinker greedily simplifies a failing case while the backends still
// disagree in the same way. Every accepted edit makes the case strictly
// smaller (fewer steps, rows, queries, clauses, columns or expression
// nodes), so the passes reach a fixed point.
type shrinker struct {
	cfg      *Config
	kind     mismatchKind
	bug      []string // the original's bugLines
	cur      *Case
	diff     difference
	ref      *recording
	cand     *recording
	runs     int
	deadline time.Time
}

// shrink returns the smallest case it finds, the difference on it and the
// two backends' recordings of it. A hang is not shrunk: every attempt
// would cost a timeout and leave a spinning goroutine behind.
func (cfg *Config) shrink(c *Case, d difference) (*Case, difference, *recording, *recording) {
	s := &shrinker{cfg: cfg, kind: d.kind, cur: c, deadline: time.Now().Add(cfg.ShrinkTime)}
	s.ref, s.cand, s.diff = cfg.check(c)
	if s.diff.kind != d.kind {
		// Not reproducible (a nondeterministic candidate): keep the original.
		return c, d, s.ref, s.cand
	}
	if hung(s.diff) {
		return c, d, s.ref, s.cand
	}
	s.bug = s.diff.bugLines()
	for progress := true; progress; {
		progress = s.dropSteps()
		progress = s.greedy(dropQueryEdits) || progress
		progress = s.greedy(inlineEdits) || progress
		progress = s.greedy(clauseEdits) || progress
		progress = s.greedy(exprEdits) || progress
		progress = s.greedy(columnEdits) || progress
		progress = s.simplifySteps() || progress
		if s.exhausted() {
			break
		}
	}
	return s.cur, s.diff, s.ref, s.cand
}

func hung(d difference) bool {
	return d.kind == crashMismatch && strings.Contains(d.text, "timed out after")
}

func (s *shrinker) exhausted() bool {
	return s.runs >= s.cfg.ShrinkBudget || time.Now().After(s.deadline)
}

// try keeps c when it still shows a difference of the same kind.
func (s *shrinker) try(c *Case) bool {
	if s.exhausted() {
		return false
	}
	s.runs++
	ref, cand, d := s.cfg.check(c)
	if d.kind != s.kind || hung(d) || !sameBug(s.bug, d.bugLines()) {
		return false
	}
	s.cur, s.diff, s.ref, s.cand = c, d, ref, cand
	return true
}

// dropSteps removes runs of steps, halving the run length down to one
// (the ddmin idea without the complement tests).
func (s *shrinker) dropSteps() bool {
	progress := false
	for size := max(len(s.cur.Steps)/2, 1); size >= 1; size /= 2 {
		for start := 0; start < len(s.cur.Steps); {
			c := s.cur.clone()
			end := min(start+size, len(c.Steps))
			c.Steps = append(c.Steps[:start], c.Steps[end:]...)
			if s.try(c) {
				progress = true
				continue
			}
			start += size
		}
	}
	return progress
}

// simplifySteps drops rows of batches, turns one-row batches into single
// sends, forgets explicit timestamps and merges adjacent sleeps.
func (s *shrinker) simplifySteps() bool {
	progress := false
	for i := 0; i < len(s.cur.Steps); i++ {
		for j := 0; j < len(s.cur.Steps[i].Rows) && len(s.cur.Steps[i].Rows) > 1; {
			c := s.cur.clone()
			c.Steps[i].Rows = append(c.Steps[i].Rows[:j], c.Steps[i].Rows[j+1:]...)
			if s.try(c) {
				progress = true
				continue
			}
			j++
		}
		st := s.cur.Steps[i]
		if st.Batch && len(st.Rows) == 1 {
			c := s.cur.clone()
			c.Steps[i].Batch = false
			progress = s.try(c) || progress
		}
		if st.HasTs {
			c := s.cur.clone()
			c.Steps[i].HasTs, c.Steps[i].Ts = false, 0
			progress = s.try(c) || progress
		}
		for r := range st.Rows {
			for j := range st.Rows[r] {
				v := s.cur.Steps[i].Rows[r][j]
				plain := plainValue(s.cur.App.Input[j].Type)
				if v == nil || v == plain {
					continue
				}
				c := s.cur.clone()
				c.Steps[i].Rows[r][j] = plain
				progress = s.try(c) || progress
			}
		}
		if st.Sleep > 0 && i+1 < len(s.cur.Steps) && s.cur.Steps[i+1].Sleep > 0 {
			c := s.cur.clone()
			c.Steps[i].Sleep += c.Steps[i+1].Sleep
			c.Steps = append(c.Steps[:i+1], c.Steps[i+2:]...)
			progress = s.try(c) || progress
		}
	}
	return progress
}

// plainValue is the value a shrunk row shows where any value would do.
func plainValue(t rt.Type) any {
	switch t {
	case rt.String:
		return "a"
	case rt.Int, rt.BigInt:
		return int64(0)
	case rt.Float, rt.Double:
		return float64(0)
	}
	return false
}

// inline rewrites q, a reader of up, to read up's input instead.
func inline(q, up *Query) {
	q.From = up.From
	if up.Star {
		return
	}
	items := map[string]*Expr{}
	for _, it := range up.Items {
		items[it.Name()] = it.Expr
	}
	for _, slot := range q.exprSlots() {
		if e := *slot; e.Op == OpCol {
			if x, ok := items[e.Name]; ok {
				*slot = x.clone()
			}
		}
	}
	if q.Window == nil {
		return
	}
	// Window parameters naming a column (rendered, see sqlName) follow it
	// when it is a column there.
	rendered := map[string]*Expr{}
	for name, x := range items {
		rendered[sqlName(name)] = x
	}
	for i, a := range q.Window.Args {
		if x, ok := rendered[a]; ok && x.Op == OpCol {
			q.Window.Args[i] = sqlName(x.Name)
		}
	}
}

// exprSlots lists every expression node of a query in a fixed pre-order,
// as slots that can be overwritten.
func (q *Query) exprSlots() []**Expr {
	var out []**Expr
	var walk func(p **Expr)
	walk = func(p **Expr) {
		if *p == nil {
			return
		}
		out = append(out, p)
		for i := range (*p).Args {
			walk(&(*p).Args[i])
		}
	}
	for i := range q.Items {
		walk(&q.Items[i].Expr)
	}
	walk(&q.Where)
	for i := range q.GroupBy {
		walk(&q.GroupBy[i])
	}
	walk(&q.Having)
	for i := range q.OrderBy {
		walk(&q.OrderBy[i].Expr)
	}
	return out
}

func replacements(e *Expr, input []Column) []*Expr {
	var out []*Expr
	for _, a := range e.Args {
		if a.T == e.T {
			out = append(out, a.clone())
		}
	}
	for _, c := range input {
		if c.Type == e.T {
			out = append(out, col(c))
		}
	}
	if l := simplestLiteral(e.T); l != nil {
		out = append(out, l)
	}
	return out
}

func simplestLiteral(t rt.Type) *Expr {
	switch t {
	case rt.String:
		return lit(t, "'a'")
	case rt.Int:
		return cast(lit(rt.BigInt, "0"), t)
	case rt.BigInt:
		return lit(t, "0")
	case rt.Float:
		return cast(lit(rt.Double, "0.0"), t)
	case rt.Double:
		return lit(t, "0.0")
	case rt.Bool:
		return lit(t, "TRUE")
	}
	return nil
}
