package check

import (
	"math"
	"strings"

	"github.com/eventflux/eventflux-go/runtime/cron"

	"github.com/eventflux/eventflux-go/compiler/ast"
	"github.com/eventflux/eventflux-go/compiler/diag"
	"github.com/eventflux/eventflux-go/plan"
)

// windowKinds maps lower-case window names (matched case-insensitively,
// LANGUAGE.md §1.1) to kinds; "expression" is checked apart (it becomes a
// length window).
var windowKinds = map[string]plan.WindowKind{
	"length": plan.WinLength, "lengthbatch": plan.WinLengthBatch, "time": plan.WinTime, "timebatch": plan.WinTimeBatch,
	"tumbling": plan.WinTimeBatch, "sliding": plan.WinHop, "hop": plan.WinHop, "timelength": plan.WinTimeLength,
	"batch": plan.WinBatch, "delay": plan.WinDelay, "externaltime": plan.WinExternalTime,
	"externaltimebatch": plan.WinExternalTimeBatch, "session": plan.WinSession, "sort": plan.WinSort,
	"unique": plan.WinUnique, "firstunique": plan.WinFirstUnique, "frequent": plan.WinFrequent,
	"lossyfrequent": plan.WinLossyFrequent, "cron": plan.WinCron,
}

var windowDisplayNames = []string{"length", "lengthBatch", "time", "timeBatch", "tumbling", "sliding", "hop",
	"timeLength", "batch", "delay", "externalTime", "externalTimeBatch", "session", "sort", "unique",
	"firstUnique", "frequent", "lossyFrequent", "cron", "expression"}

// windowParams checks a window's constant parameters against its input schema.
type windowParams struct {
	w    *ast.Window
	bind *plan.Binding
	name string // display name for messages, e.g. "Length"
}

func (p windowParams) need(n int) *diag.Error {
	if len(p.w.Args) < n {
		return diag.Errorf(p.w.TypePos, "E402", "%s window requires %s", p.name, plural(n, "parameter"))
	}
	return nil
}

func (p windowParams) atMost(n int) *diag.Error {
	if len(p.w.Args) > n {
		return diag.Errorf(p.w.Args[n].Position(), "E402", "%s window accepts at most %s, found %d", p.name, plural(n, "parameter"), len(p.w.Args))
	}
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "a " + word
	}
	return itoa(n) + " " + word + "s"
}

// positive reads a positive integer constant (a count).
func (p windowParams) positive(i int, what string) (int64, *diag.Error) {
	arg := p.w.Args[i]
	v, ok := intLiteral(arg)
	if !ok {
		return 0, diag.Errorf(arg.Position(), "E403", "%s window %s must be constant", p.name, what)
	}
	if v <= 0 {
		return 0, diag.Errorf(arg.Position(), "E403", "%s window %s must be positive, found %d", p.name, what, v)
	}
	return v, nil
}

// duration reads a duration literal or an integer (ms).
func (p windowParams) duration(i int, what string) (int64, *diag.Error) {
	arg := p.w.Args[i]
	if lit, ok := arg.(*ast.Literal); ok && lit.Kind == ast.LitDuration {
		if lit.Int <= 0 {
			return 0, diag.Errorf(arg.Position(), "E403", "%s window %s must be positive", p.name, what)
		}
		return lit.Int, nil
	}
	return p.positive(i, what)
}

func (p windowParams) attr(i int) (*plan.ColRef, *diag.Error) {
	arg := p.w.Args[i]
	if par, ok := arg.(*ast.Paren); ok {
		arg = par.X
	}
	ref, ok := arg.(*ast.ColumnRef)
	if !ok || ref.Index != nil {
		return nil, diag.Errorf(arg.Position(), "E402", "%s window parameter %d must be a column name", p.name, i+1)
	}
	rel := p.bind.Rel
	idx := plan.ColumnIndex(rel.Columns, ref.Name.Name)
	if idx < 0 {
		return nil, diag.Errorf(ref.Name.Pos, "E404", "Unknown column: %s.%s", rel.Name, ref.Name.Name)
	}
	return p.bind.Ref(idx), nil
}

func (p windowParams) attrs(from int) ([]*plan.ColRef, *diag.Error) {
	var out []*plan.ColRef
	for i := from; i < len(p.w.Args); i++ {
		a, err := p.attr(i)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func (p windowParams) str(i int, what string) (string, *diag.Error) {
	arg := p.w.Args[i]
	lit, ok := arg.(*ast.Literal)
	if !ok || lit.Kind != ast.LitString {
		return "", diag.Errorf(arg.Position(), "E402", "%s window %s must be a string literal", p.name, what)
	}
	return lit.Str, nil
}

func (p windowParams) number(i int, what string) (float64, *diag.Error) {
	arg := p.w.Args[i]
	if lit, ok := arg.(*ast.Literal); ok {
		switch lit.Kind {
		case ast.LitDecimal:
			return lit.Float, nil
		case ast.LitInt:
			return float64(lit.Int), nil
		}
	}
	return 0, diag.Errorf(arg.Position(), "E403", "%s window %s must be a numeric constant", p.name, what)
}

func intLiteral(e ast.Expr) (int64, bool) {
	switch x := e.(type) {
	case *ast.Paren:
		return intLiteral(x.X)
	case *ast.Literal:
		if x.Kind == ast.LitInt {
			return x.Int, true
		}
		if x.Kind == ast.LitDecimal && x.Float == math.Trunc(x.Float) {
			return int64(x.Float), true
		}
	case *ast.Unary:
		if v, ok := intLiteral(x.X); ok && x.Op == "-" {
			return -v, true
		}
	}
	return 0, false
}

func checkWindow(w *ast.Window, bind *plan.Binding) (plan.WindowSpec, *diag.Error) {
	lower := strings.ToLower(w.Type)
	kind, ok := windowKinds[lower]
	if !ok && lower != "expression" {
		err := diag.Errorf(w.TypePos, "E401", "Unknown window type '%s'. Available: [%s]", w.Type, strings.Join(windowDisplayNames, ", "))
		if best, ok := diag.Closest(w.Type, windowDisplayNames); ok {
			err.WithHint("did you mean '%s'?", best)
		}
		return nil, err
	}
	display := "expression"
	if ok {
		display = kind.String()
	}
	p := windowParams{w: w, bind: bind, name: strings.ToUpper(display[:1]) + display[1:]}
	if !ok {
		return checkExpressionWindow(p)
	}
	// exactly checks the parameter count, then reads the parameters.
	exactly := func(n int, read func() *diag.Error) *diag.Error {
		if err := p.need(n); err != nil {
			return err
		}
		if err := p.atMost(n); err != nil {
			return err
		}
		return read()
	}
	var err *diag.Error
	switch kind {
	case plan.WinLength:
		var n int64
		err = exactly(1, func() (e *diag.Error) { n, e = p.positive(0, "size"); return })
		return plan.LengthSpec{N: n}, err
	case plan.WinLengthBatch:
		var n int64
		err = exactly(1, func() (e *diag.Error) { n, e = p.positive(0, "size"); return })
		return plan.LengthBatchSpec{N: n}, err
	case plan.WinTime, plan.WinTimeBatch, plan.WinDelay:
		var t int64
		err = exactly(1, func() (e *diag.Error) { t, e = p.duration(0, "duration"); return })
		switch kind {
		case plan.WinTime:
			return plan.TimeSpec{Millis: t}, err
		case plan.WinTimeBatch:
			return plan.TimeBatchSpec{Millis: t}, err
		}
		return plan.DelaySpec{Millis: t}, err
	case plan.WinHop:
		var size, slide int64
		err = exactly(2, func() (e *diag.Error) {
			if size, e = p.duration(0, "size"); e == nil {
				slide, e = p.duration(1, "slide")
			}
			return
		})
		return plan.HopSpec{Size: size, Slide: slide}, err
	case plan.WinTimeLength:
		var t, n int64
		err = exactly(2, func() (e *diag.Error) {
			if t, e = p.duration(0, "duration"); e == nil {
				n, e = p.positive(1, "size")
			}
			return
		})
		return plan.TimeLengthSpec{Millis: t, N: n}, err
	case plan.WinBatch:
		return plan.BatchSpec{}, p.atMost(0)
	case plan.WinExternalTime, plan.WinExternalTimeBatch:
		var ts *plan.ColRef
		var t int64
		err = exactly(2, func() (e *diag.Error) {
			if ts, e = p.attr(0); e != nil {
				return e
			}
			if !ts.T.IsInteger() {
				return diag.Errorf(w.Args[0].Position(), "E402", "%s window timestamp attribute must be BIGINT, found %s", p.name, ts.T)
			}
			t, e = p.duration(1, "duration")
			return
		})
		if kind == plan.WinExternalTime {
			return &plan.ExternalTimeSpec{Ts: ts, Millis: t}, err
		}
		return &plan.ExternalTimeBatchSpec{Ts: ts, Millis: t}, err
	case plan.WinSession:
		spec := &plan.SessionSpec{}
		if err = p.need(1); err == nil {
			if err = p.atMost(3); err == nil {
				spec.Gap, err = p.duration(0, "gap")
				if err == nil && len(w.Args) > 1 {
					spec.Key, err = p.attr(1)
				}
				if err == nil && len(w.Args) > 2 {
					spec.Latency, err = p.duration(2, "allowed latency")
				}
			}
		}
		return spec, err
	case plan.WinSort:
		return checkSortWindow(p)
	case plan.WinUnique, plan.WinFirstUnique:
		var keys []*plan.ColRef
		if err = p.need(1); err == nil {
			keys, err = p.attrs(0)
		}
		if kind == plan.WinUnique {
			return &plan.UniqueSpec{Keys: keys}, err
		}
		return &plan.FirstUniqueSpec{Keys: keys}, err
	case plan.WinFrequent:
		spec := &plan.FrequentSpec{}
		if err = p.need(1); err == nil {
			if spec.N, err = p.positive(0, "size"); err == nil {
				spec.Keys, err = p.attrs(1)
			}
		}
		spec.Keys = wholeEventIfNone(spec.Keys, bind)
		return spec, err
	case plan.WinLossyFrequent:
		return checkLossyWindow(p)
	case plan.WinCron:
		var expr string
		err = exactly(1, func() (e *diag.Error) {
			if expr, e = p.str(0, "expression"); e == nil {
				e = checkCron(expr, p.w.Args[0].Position())
			}
			return
		})
		return plan.CronSpec{Expr: expr}, err
	}
	return nil, diag.Errorf(w.TypePos, "E401", "window type '%s' is not checked", w.Type)
}

// wholeEventIfNone: frequent windows without attributes key on the whole
// event, i.e. on every column.
func wholeEventIfNone(keys []*plan.ColRef, bind *plan.Binding) []*plan.ColRef {
	if len(keys) > 0 {
		return keys
	}
	all := make([]*plan.ColRef, len(bind.Rel.Columns))
	for i := range all {
		all[i] = bind.Ref(i)
	}
	return all
}

func checkSortWindow(p windowParams) (plan.WindowSpec, *diag.Error) {
	spec := &plan.SortSpec{}
	if err := p.need(2); err != nil {
		return spec, diag.Errorf(p.w.TypePos, "E402", "sort window requires a size and at least one attribute")
	}
	var err *diag.Error
	if spec.N, err = p.positive(0, "size"); err != nil {
		return spec, err
	}
	for i := 1; i < len(p.w.Args); i++ {
		ref, err := p.attr(i)
		if err != nil {
			return spec, err
		}
		key := plan.WindowSortKey{Col: ref}
		if i+1 < len(p.w.Args) {
			if lit, ok := p.w.Args[i+1].(*ast.Literal); ok && lit.Kind == ast.LitString {
				switch strings.ToLower(lit.Str) {
				case "asc":
				case "desc":
					key.Desc = true
				default:
					return spec, diag.Errorf(lit.Pos, "E402", "sort window order must be 'asc' or 'desc', found '%s'", lit.Str)
				}
				i++
			}
		}
		spec.Keys = append(spec.Keys, key)
	}
	return spec, nil
}

func checkLossyWindow(p windowParams) (plan.WindowSpec, *diag.Error) {
	spec := &plan.LossyFrequentSpec{}
	if err := p.need(1); err != nil {
		return spec, err
	}
	var err *diag.Error
	if spec.Support, err = p.number(0, "support"); err != nil {
		return spec, err
	}
	next := 1
	spec.ErrorRate = spec.Support / 10
	if len(p.w.Args) > 1 {
		if lit, ok := p.w.Args[1].(*ast.Literal); ok && (lit.Kind == ast.LitDecimal || lit.Kind == ast.LitInt) {
			if spec.ErrorRate, err = p.number(1, "error bound"); err != nil {
				return spec, err
			}
			next = 2
		}
	}
	if spec.Support <= 0 || spec.Support >= 1 || spec.ErrorRate <= 0 || spec.ErrorRate >= spec.Support {
		return spec, diag.Errorf(p.w.Args[0].Position(), "E403", "lossyFrequent window needs 0 < error < support < 1")
	}
	spec.Keys, err = p.attrs(next)
	spec.Keys = wholeEventIfNone(spec.Keys, p.bind)
	return spec, err
}

// checkExpressionWindow accepts only 'count() <= N' and 'count() < N' (§3.3),
// which are length windows.
func checkExpressionWindow(p windowParams) (plan.WindowSpec, *diag.Error) {
	if err := p.need(1); err != nil {
		return nil, err
	}
	text, err := p.str(0, "condition")
	if err != nil {
		return nil, err
	}
	compact := strings.ReplaceAll(strings.ToLower(text), " ", "")
	var n int64
	switch {
	case strings.HasPrefix(compact, "count()<="):
		n, err = parsePositive(compact[len("count()<="):])
	case strings.HasPrefix(compact, "count()<"):
		n, err = parsePositive(compact[len("count()<"):])
		n--
	default:
		err = &diag.Error{}
	}
	if err != nil || n <= 0 {
		return nil, diag.Errorf(p.w.Args[0].Position(), "E405",
			"Unsupported expression window condition: '%s'. Currently supported: 'count() <= N' and 'count() < N'", text)
	}
	return plan.LengthSpec{N: n}, nil
}

func parsePositive(s string) (int64, *diag.Error) {
	if s == "" {
		return 0, &diag.Error{}
	}
	var n int64
	for _, r := range s {
		if r < '0' || r > '9' || n > math.MaxInt32 {
			return 0, &diag.Error{}
		}
		n = n*10 + int64(r-'0')
	}
	return n, nil
}

// checkCron validates a cron expression at compile time with the runtime's
// own parser, so both backends reject the same texts before running.
func checkCron(expr string, pos diag.Pos) *diag.Error {
	if _, err := cron.Parse(expr); err != nil {
		return diag.Errorf(pos, "E402", "Invalid cron expression '%s': %v", expr, err)
	}
	return nil
}
