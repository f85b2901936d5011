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
// LANGUAGE.md §1.1) to canonical kinds.
var windowKinds = map[string]string{
	"length": "length", "lengthbatch": "lengthBatch", "time": "time", "timebatch": "timeBatch",
	"tumbling": "timeBatch", "sliding": "hop", "hop": "hop", "timelength": "timeLength",
	"batch": "batch", "delay": "delay", "externaltime": "externalTime",
	"externaltimebatch": "externalTimeBatch", "session": "session", "sort": "sort",
	"unique": "unique", "firstunique": "firstUnique", "frequent": "frequent",
	"lossyfrequent": "lossyFrequent", "cron": "cron", "expression": "expression",
}

var windowDisplayNames = []string{"length", "lengthBatch", "time", "timeBatch", "tumbling", "sliding", "hop",
	"timeLength", "batch", "delay", "externalTime", "externalTimeBatch", "session", "sort", "unique",
	"firstUnique", "frequent", "lossyFrequent", "cron", "expression"}

// windowParams checks a window's constant parameters against its input schema.
type windowParams struct {
	w    *ast.Window
	rel  *plan.Relation
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

func (p windowParams) attr(i int) (int, *diag.Error) {
	arg := p.w.Args[i]
	if par, ok := arg.(*ast.Paren); ok {
		arg = par.X
	}
	ref, ok := arg.(*ast.ColumnRef)
	if !ok || ref.Index != nil {
		return 0, diag.Errorf(arg.Position(), "E402", "%s window parameter %d must be a column name", p.name, i+1)
	}
	idx := plan.ColumnIndex(p.rel.Columns, ref.Name.Name)
	if idx < 0 {
		return 0, diag.Errorf(ref.Name.Pos, "E404", "Unknown column: %s.%s", p.rel.Name, ref.Name.Name)
	}
	return idx, nil
}

func (p windowParams) attrs(from int) ([]int, *diag.Error) {
	var out []int
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

func checkWindow(w *ast.Window, rel *plan.Relation) (plan.WindowSpec, *diag.Error) {
	kind, ok := windowKinds[strings.ToLower(w.Type)]
	if !ok {
		err := diag.Errorf(w.TypePos, "E401", "Unknown window type '%s'. Available: [%s]", w.Type, strings.Join(windowDisplayNames, ", "))
		if best, ok := diag.Closest(w.Type, windowDisplayNames); ok {
			err.WithHint("did you mean '%s'?", best)
		}
		return plan.WindowSpec{}, err
	}
	p := windowParams{w: w, rel: rel, name: strings.ToUpper(kind[:1]) + kind[1:]}
	spec := plan.WindowSpec{Kind: kind}
	var err *diag.Error
	switch kind {
	case "length", "lengthBatch":
		if err = p.need(1); err == nil {
			if err = p.atMost(1); err == nil {
				spec.Length, err = p.positive(0, "size")
			}
		}
	case "time", "timeBatch", "delay":
		if err = p.need(1); err == nil {
			if err = p.atMost(1); err == nil {
				spec.Millis, err = p.duration(0, "duration")
			}
		}
	case "hop":
		if err = p.need(2); err == nil {
			if err = p.atMost(2); err == nil {
				if spec.Millis, err = p.duration(0, "size"); err == nil {
					spec.Slide, err = p.duration(1, "slide")
				}
			}
		}
	case "timeLength":
		if err = p.need(2); err == nil {
			if err = p.atMost(2); err == nil {
				if spec.Millis, err = p.duration(0, "duration"); err == nil {
					spec.Length, err = p.positive(1, "size")
				}
			}
		}
	case "batch":
		err = p.atMost(0)
	case "externalTime", "externalTimeBatch":
		if err = p.need(2); err == nil {
			if err = p.atMost(2); err == nil {
				var a int
				if a, err = p.attr(0); err == nil {
					if t := rel.Columns[a].Type; !t.IsInteger() {
						err = diag.Errorf(w.Args[0].Position(), "E402", "%s window timestamp attribute must be BIGINT, found %s", p.name, t)
					}
					spec.Attrs = []int{a}
					if err == nil {
						spec.Millis, err = p.duration(1, "duration")
					}
				}
			}
		}
	case "session":
		if err = p.need(1); err == nil {
			if err = p.atMost(3); err == nil {
				spec.Millis, err = p.duration(0, "gap")
				if err == nil && len(w.Args) > 1 {
					var a int
					a, err = p.attr(1)
					spec.Attrs = []int{a}
				}
				if err == nil && len(w.Args) > 2 {
					spec.Latency, err = p.duration(2, "allowed latency")
				}
			}
		}
	case "sort":
		spec, err = checkSortWindow(p, spec)
	case "unique", "firstUnique":
		if err = p.need(1); err == nil {
			spec.Attrs, err = p.attrs(0)
		}
	case "frequent":
		if err = p.need(1); err == nil {
			if spec.Length, err = p.positive(0, "size"); err == nil {
				spec.Attrs, err = p.attrs(1)
			}
		}
	case "lossyFrequent":
		spec, err = checkLossyWindow(p, spec)
	case "cron":
		if err = p.need(1); err == nil {
			if err = p.atMost(1); err == nil {
				if spec.Cron, err = p.str(0, "expression"); err == nil {
					err = checkCron(spec.Cron, p.w.Args[0].Position())
				}
			}
		}
	case "expression":
		spec, err = checkExpressionWindow(p, spec)
	}
	return spec, err
}

func checkSortWindow(p windowParams, spec plan.WindowSpec) (plan.WindowSpec, *diag.Error) {
	if err := p.need(2); err != nil {
		return spec, diag.Errorf(p.w.TypePos, "E402", "sort window requires a size and at least one attribute")
	}
	var err *diag.Error
	if spec.Length, err = p.positive(0, "size"); err != nil {
		return spec, err
	}
	for i := 1; i < len(p.w.Args); i++ {
		a, err := p.attr(i)
		if err != nil {
			return spec, err
		}
		key := plan.SortKey{Expr: &plan.ColRef{Index: a, Name: p.rel.Columns[a].Name, T: p.rel.Columns[a].Type}}
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
		spec.Sort = append(spec.Sort, key)
	}
	return spec, nil
}

func checkLossyWindow(p windowParams, spec plan.WindowSpec) (plan.WindowSpec, *diag.Error) {
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
	spec.Attrs, err = p.attrs(next)
	return spec, err
}

// checkExpressionWindow accepts only 'count() <= N' and 'count() < N' (§3.3),
// which are length windows.
func checkExpressionWindow(p windowParams, spec plan.WindowSpec) (plan.WindowSpec, *diag.Error) {
	if err := p.need(1); err != nil {
		return spec, err
	}
	text, err := p.str(0, "condition")
	if err != nil {
		return spec, err
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
		return spec, diag.Errorf(p.w.Args[0].Position(), "E405",
			"Unsupported expression window condition: '%s'. Currently supported: 'count() <= N' and 'count() < N'", text)
	}
	spec.Kind = "length"
	spec.Length = n
	return spec, nil
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
