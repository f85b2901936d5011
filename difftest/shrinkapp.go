package difftest

// The shrinker's app edits are listed up front (one list per kind of edit,
// from the current case), so that a batch backend can build the apps of
// the next edits together, in one program, instead of one program per
// edit: for generated code a link costs more than compiling a small app.

// prefetchWindow is how many untried edit apps one scratch program builds.
const prefetchWindow = 16

// greedy tries the edits of the current case in order. After an accepted
// edit it lists the edits of the new case and goes on at the same
// position, which in these lists is the next thing to simplify (or the
// same thing, simplified further).
func (s *shrinker) greedy(edits func(c *Case) []*Case) bool {
	progress := false
	list := edits(s.cur)
	for i := 0; i < len(list) && !s.exhausted(); {
		s.prefetch(list[i:])
		if s.try(list[i]) {
			progress = true
			list = edits(s.cur)
			continue
		}
		i++
	}
	return progress
}

// prefetch builds, when the next edit's app is not built yet, the apps of
// up to prefetchWindow edits from it on, in one scratch program. A failure
// is left for the edit's own run to meet and report.
func (s *shrinker) prefetch(next []*Case) {
	b := s.cfg.CandidateBatch
	if b == nil || len(next) == 0 || b.built(next[0].App.SQL()) {
		return
	}
	var apps []string
	seen := map[string]bool{}
	for _, c := range next {
		sql := c.App.SQL()
		if seen[sql] || b.built(sql) {
			continue
		}
		seen[sql] = true
		if apps = append(apps, sql); len(apps) == prefetchWindow {
			break
		}
	}
	_ = b.prepare(apps)
}

// dropQueryEdits removes one query each, last first, so that a query
// reading another one's output goes before the one it reads.
func dropQueryEdits(c *Case) []*Case {
	var out []*Case
	for i := len(c.App.Queries) - 1; i >= 0 && len(c.App.Queries) > 1; i-- {
		e := c.clone()
		e.App.Queries = append(e.App.Queries[:i], e.App.Queries[i+1:]...)
		out = append(out, e)
	}
	return out
}

// inlineEdits removes a query that others read by rewriting its readers to
// read its input, with its select items substituted for its columns. That
// is not equivalent in general (windows, aggregates), but it need not be:
// the edit is kept only if the mismatch survives it.
func inlineEdits(c *Case) []*Case {
	var out []*Case
	for i := len(c.App.Queries) - 1; i >= 0; i-- {
		e := c.clone()
		up := e.App.Queries[i]
		readers := 0
		for _, q := range e.App.Queries[i+1:] {
			if q.From == up.Target {
				readers++
				inline(q, up)
			}
		}
		if readers > 0 {
			e.App.Queries = append(e.App.Queries[:i], e.App.Queries[i+1:]...)
			out = append(out, e)
		}
	}
	return out
}

// clauseEdits drops, one at a time, a clause, a select item, a GROUP BY or
// ORDER BY key or a window argument (the checker rejects the removals of
// arguments that are not optional).
func clauseEdits(c *Case) []*Case {
	clauses := []func(q *Query) bool{
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
	var out []*Case
	edit := func(qi int, fn func(q *Query) bool) {
		e := c.clone()
		if fn(e.App.Queries[qi]) {
			out = append(out, e)
		}
	}
	for qi, q := range c.App.Queries {
		for _, fn := range clauses {
			edit(qi, fn)
		}
		for i := range q.Items {
			edit(qi, func(q *Query) bool {
				ok := len(q.Items) > 1
				q.Items = append(q.Items[:i], q.Items[i+1:]...)
				return ok
			})
		}
		for i := range q.GroupBy {
			edit(qi, func(q *Query) bool { q.GroupBy = append(q.GroupBy[:i], q.GroupBy[i+1:]...); return true })
		}
		for i := range q.OrderBy {
			edit(qi, func(q *Query) bool { q.OrderBy = append(q.OrderBy[:i], q.OrderBy[i+1:]...); return true })
		}
		if q.Window != nil {
			for i := range q.Window.Args {
				edit(qi, func(q *Query) bool { q.Window.Args = append(q.Window.Args[:i], q.Window.Args[i+1:]...); return true })
			}
		}
	}
	return out
}

// exprEdits replaces an expression node by something strictly smaller of
// the same type: one of its operands, a column of the query's input, or a
// plain literal.
func exprEdits(c *Case) []*Case {
	var out []*Case
	schemas := c.App.schemas()
	for qi, q := range c.App.Queries {
		input := schemas[q.From]
		for k, slot := range q.exprSlots() {
			node := *slot
			for _, repl := range replacements(node, input) {
				if repl.size() >= node.size() {
					continue
				}
				e := c.clone()
				*e.App.Queries[qi].exprSlots()[k] = repl
				out = append(out, e)
			}
		}
	}
	return out
}

// columnEdits removes an input column, with its values from every row; the
// checker rejects the removal of a column still in use.
func columnEdits(c *Case) []*Case {
	var out []*Case
	for j := 0; j < len(c.App.Input) && len(c.App.Input) > 1; j++ {
		e := c.clone()
		e.App.Input = append(e.App.Input[:j], e.App.Input[j+1:]...)
		for i := range e.Steps {
			for r, row := range e.Steps[i].Rows {
				e.Steps[i].Rows[r] = append(row[:j], row[j+1:]...)
			}
		}
		out = append(out, e)
	}
	return out
}
