package difftest

import (
	"strings"
	"time"

	rt "eventflux/runtime"
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
	runs     int
	deadline time.Time
}

// shrink returns the smallest case it finds, the difference on it and the
// reference's recording of it. A hang is not shrunk: every attempt would
// cost a timeout and leave a spinning goroutine behind.
func (cfg *Config) shrink(c *Case, d difference) (*Case, difference, *recording) {
	s := &shrinker{cfg: cfg, kind: d.kind, cur: c, deadline: time.Now().Add(cfg.ShrinkTime)}
	s.ref, s.diff = cfg.check(c)
	if s.diff.kind != d.kind {
		// Not reproducible (a nondeterministic candidate): keep the original.
		return c, d, s.ref
	}
	if hung(s.diff) {
		return c, d, s.ref
	}
	s.bug = s.diff.bugLines()
	for progress := true; progress; {
		progress = s.dropSteps()
		progress = s.dropQueries() || progress
		progress = s.inlineQueries() || progress
		progress = s.simplifyQueries() || progress
		progress = s.simplifyExprs() || progress
		progress = s.dropColumns() || progress
		progress = s.simplifySteps() || progress
		if s.exhausted() {
			break
		}
	}
	return s.cur, s.diff, s.ref
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
	ref, d := s.cfg.check(c)
	if d.kind != s.kind || hung(d) || !sameBug(s.bug, d.bugLines()) {
		return false
	}
	s.cur, s.diff, s.ref = c, d, ref
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

// dropQueries removes queries, last first, so that a query reading another
// one's output goes before the one it reads.
func (s *shrinker) dropQueries() bool {
	progress := false
	for i := len(s.cur.App.Queries) - 1; i >= 0 && len(s.cur.App.Queries) > 1; i-- {
		if i >= len(s.cur.App.Queries) {
			continue
		}
		c := s.cur.clone()
		c.App.Queries = append(c.App.Queries[:i], c.App.Queries[i+1:]...)
		progress = s.try(c) || progress
	}
	return progress
}

// inlineQueries removes a query that others read by rewriting its readers
// to read its input, with its select items substituted for its columns.
// That is not equivalent in general (windows, aggregates), but it need not
// be: the edit is kept only if the mismatch survives it.
func (s *shrinker) inlineQueries() bool {
	progress := false
	for i := len(s.cur.App.Queries) - 1; i >= 0; i-- {
		if i >= len(s.cur.App.Queries) {
			continue
		}
		c := s.cur.clone()
		up := c.App.Queries[i]
		readers := 0
		for _, q := range c.App.Queries[i+1:] {
			if q.From == up.Target {
				readers++
				inline(q, up)
			}
		}
		if readers == 0 {
			continue
		}
		c.App.Queries = append(c.App.Queries[:i], c.App.Queries[i+1:]...)
		progress = s.try(c) || progress
	}
	return progress
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
	// Window parameters naming a column follow it when it is a column there.
	for i, a := range q.Window.Args {
		if x, ok := items[a]; ok && x.Op == OpCol {
			q.Window.Args[i] = x.Name
		}
	}
}

// simplifyQueries drops clauses, select items, GROUP BY and ORDER BY keys
// and optional window arguments, one at a time.
func (s *shrinker) simplifyQueries() bool {
	progress := false
	for qi := range s.cur.App.Queries {
		edits := []func(q *Query) bool{
			func(q *Query) bool { ok := q.Rate != nil; q.Rate = nil; return ok },
			func(q *Query) bool { ok := q.Window != nil; q.Window = nil; return ok },
			func(q *Query) bool { ok := q.Where != nil; q.Where = nil; return ok },
			func(q *Query) bool { ok := q.Having != nil; q.Having = nil; return ok },
			func(q *Query) bool { ok := len(q.OrderBy) > 0; q.OrderBy = nil; return ok },
			func(q *Query) bool { ok := len(q.GroupBy) > 0; q.GroupBy = nil; return ok },
			func(q *Query) bool { ok := q.Limit >= 0; q.Limit = -1; return ok },
			func(q *Query) bool { ok := q.Offset >= 0; q.Offset = -1; return ok },
			func(q *Query) bool { ok := q.Events != DefaultEvents; q.Events = DefaultEvents; return ok },
		}
		for _, edit := range edits {
			c := s.cur.clone()
			if edit(c.App.Queries[qi]) {
				progress = s.try(c) || progress
			}
		}
		progress = s.dropListEntries(qi) || progress
	}
	return progress
}

func (s *shrinker) dropListEntries(qi int) bool {
	progress := false
	q := func() *Query { return s.cur.App.Queries[qi] }
	for i := 0; i < len(q().Items) && len(q().Items) > 1; {
		c := s.cur.clone()
		cq := c.App.Queries[qi]
		cq.Items = append(cq.Items[:i], cq.Items[i+1:]...)
		if s.try(c) {
			progress = true
			continue
		}
		i++
	}
	for i := 0; i < len(q().GroupBy); {
		c := s.cur.clone()
		cq := c.App.Queries[qi]
		cq.GroupBy = append(cq.GroupBy[:i], cq.GroupBy[i+1:]...)
		if s.try(c) {
			progress = true
			continue
		}
		i++
	}
	for i := 0; i < len(q().OrderBy); {
		c := s.cur.clone()
		cq := c.App.Queries[qi]
		cq.OrderBy = append(cq.OrderBy[:i], cq.OrderBy[i+1:]...)
		if s.try(c) {
			progress = true
			continue
		}
		i++
	}
	// Optional window arguments (a session key, a second sort key, …);
	// the checker rejects the removals that are not optional.
	for i := 0; q().Window != nil && i < len(q().Window.Args); {
		c := s.cur.clone()
		w := c.App.Queries[qi].Window
		w.Args = append(w.Args[:i], w.Args[i+1:]...)
		if s.try(c) {
			progress = true
			continue
		}
		i++
	}
	return progress
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

// simplifyExprs replaces each node by something strictly smaller of the
// same type: one of its operands, a column of the query's input, or a plain
// literal.
func (s *shrinker) simplifyExprs() bool {
	progress := false
	for qi := range s.cur.App.Queries {
		for k := 0; k < len(s.cur.App.Queries[qi].exprSlots()); k++ {
			node := *s.cur.App.Queries[qi].exprSlots()[k]
			input := s.cur.App.schemas()[s.cur.App.Queries[qi].From]
			for _, repl := range replacements(node, input) {
				if repl.size() >= node.size() {
					continue
				}
				c := s.cur.clone()
				*c.App.Queries[qi].exprSlots()[k] = repl
				if s.try(c) {
					progress = true
					break
				}
			}
		}
	}
	return progress
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

// dropColumns removes input columns (and their values from every row);
// the checker rejects the removal of a column still in use.
func (s *shrinker) dropColumns() bool {
	progress := false
	for j := 0; j < len(s.cur.App.Input) && len(s.cur.App.Input) > 1; {
		c := s.cur.clone()
		c.App.Input = append(c.App.Input[:j], c.App.Input[j+1:]...)
		for i := range c.Steps {
			for r, row := range c.Steps[i].Rows {
				c.Steps[i].Rows[r] = append(row[:j], row[j+1:]...)
			}
		}
		if s.try(c) {
			progress = true
			continue
		}
		j++
	}
	return progress
}
