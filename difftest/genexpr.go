package difftest

import (
	"math/rand/v2"
	"strconv"

	rt "github.com/eventflux/eventflux-go/runtime"
)

// exprGen generates typed expressions: every production returns exactly
// the requested type, so the apps it builds compile by construction.
type exprGen struct {
	r *rand.Rand
	// cols are the input columns in scope; aliases the output columns a
	// HAVING or ORDER BY may name (never inside an aggregate's argument).
	cols    []Column
	aliases []Column
	// aggs allows aggregate calls (select list, HAVING, ORDER BY of an
	// aggregating query); it is off inside an aggregate's argument.
	aggs bool
}

var numericTypes = []rt.Type{rt.Int, rt.BigInt, rt.Float, rt.Double}

var allTypes = []rt.Type{rt.String, rt.Int, rt.BigInt, rt.Float, rt.Double, rt.Bool}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func (g *exprGen) chance(p float64) bool { return g.r.Float64() < p }

// gen returns an expression of type t with at most depth levels of operators.
func (g *exprGen) gen(t rt.Type, depth int) *Expr {
	if depth <= 0 || g.chance(0.3) {
		return g.leaf(t)
	}
	switch t {
	case rt.String:
		return g.genString(depth - 1)
	case rt.Bool:
		return g.genBool(depth - 1)
	}
	return g.genNumeric(t, depth-1)
}

// leaf is a column of type t when one is in scope, else a literal.
func (g *exprGen) leaf(t rt.Type) *Expr {
	var cands []Column
	for _, c := range g.cols {
		if c.Type == t {
			cands = append(cands, c)
		}
	}
	for _, c := range g.aliases {
		if c.Type == t {
			cands = append(cands, c)
		}
	}
	if len(cands) > 0 && g.chance(0.75) {
		return col(pick(g.r, cands))
	}
	return g.literal(t)
}

var (
	datePatterns = []string{"'%Y-%m-%d'", "'%Y-%m-%d %H:%M:%S'", "'%H:%M'", "'%s'", "'%d/%m/%y %p'"}
	dateUnits    = []string{"'seconds'", "'minute'", "'hours'", "'DAYS'"}
	bigintLits   = []string{"0", "1", "2", "3", "5", "10", "(-1)", "(-4)", "100", "9223372036854775807"}
	doubleLits   = []string{"0.0", "0.5", "1.0", "1.5", "2.25", "10.0", "(-0.5)", "(-3.0)", "0.1", "100.0"}
	stringLits   = []string{"'a'", "'b'", "'ab'", "''", "' a '", "'A'", "'1'", "'2.5'", "'true'", "'x''y'", "'é'"}
	likeLits     = []string{"'%'", "'a%'", "'%b'", "'_'", "'a_'", "'%a%'", "''", "'A%'"}
)

func (g *exprGen) literal(t rt.Type) *Expr {
	if g.chance(0.05) {
		return nullOf(t)
	}
	switch t {
	case rt.String:
		return lit(t, pick(g.r, stringLits))
	case rt.Int:
		return cast(lit(rt.BigInt, pick(g.r, bigintLits[:9])), rt.Int)
	case rt.BigInt:
		return lit(t, pick(g.r, bigintLits))
	case rt.Float:
		return cast(lit(rt.Double, pick(g.r, doubleLits)), rt.Float)
	case rt.Double:
		return lit(t, pick(g.r, doubleLits))
	case rt.Bool:
		return lit(t, pick(g.r, []string{"TRUE", "FALSE"}))
	}
	panic("difftest: literal of type " + t.String())
}

// smallInt is a BIGINT literal from lo to hi (a length or digit count).
func smallInt(r *rand.Rand, lo, hi int) *Expr {
	n := lo + r.IntN(hi-lo+1)
	if n < 0 {
		return lit(rt.BigInt, "("+strconv.Itoa(n)+")")
	}
	return lit(rt.BigInt, strconv.Itoa(n))
}

// narrowerOrEqual picks a numeric type no wider than t.
func (g *exprGen) narrowerOrEqual(t rt.Type) rt.Type {
	var ok []rt.Type
	for _, n := range numericTypes {
		if n <= t {
			ok = append(ok, n)
		}
	}
	return pick(g.r, ok)
}

// inner is the generator for an aggregate's argument: input columns only.
func (g *exprGen) inner() *exprGen { return &exprGen{r: g.r, cols: g.cols} }

func (g *exprGen) genNumeric(t rt.Type, d int) *Expr {
	for {
		switch n := g.r.IntN(17); n {
		case 0, 1, 2, 3: // arithmetic: one side exactly t, the other no wider
			op := pick(g.r, []string{"+", "-", "*", "%", "+", "-", "*"})
			l, r := t, g.narrowerOrEqual(t)
			if g.chance(0.5) {
				l, r = r, l
			}
			return bin(op, t, g.gen(l, d), g.gen(r, d))
		case 4:
			return &Expr{Op: OpNeg, T: t, Args: []*Expr{g.gen(t, d)}}
		case 5:
			return call("abs", t, g.gen(t, d))
		case 6:
			return g.genCase(t, d)
		case 7:
			from := pick(g.r, []rt.Type{rt.String, rt.Int, rt.BigInt, rt.Float, rt.Double})
			return cast(g.gen(from, d), t)
		case 8:
			name := pick(g.r, []string{"coalesce", "ifnull", "nullif", "default"})
			if name == "coalesce" && g.chance(0.5) {
				return call(name, t, g.gen(t, d), g.gen(t, d), g.gen(t, d))
			}
			return call(name, t, g.gen(t, d), g.gen(t, d))
		case 9:
			if g.aggs {
				return g.genAgg(t, d)
			}
		case 10:
			if t == rt.Double {
				return bin("/", t, g.gen(pick(g.r, numericTypes), d), g.gen(pick(g.r, numericTypes), d))
			}
		case 11, 15:
			if t == rt.Double {
				return g.genMath(d, n == 15)
			}
		case 12:
			if t == rt.Int {
				switch g.r.IntN(4) {
				case 0:
					return call("sign", t, g.gen(pick(g.r, numericTypes), d))
				case 1:
					return call(pick(g.r, []string{"length", "char_length"}), t, g.gen(rt.String, d))
				case 2:
					return call(pick(g.r, []string{"position", "locate", "instr"}), t, g.gen(rt.String, d), g.gen(rt.String, d))
				default:
					return call("ascii", t, g.gen(rt.String, d))
				}
			}
		case 13:
			if t == rt.BigInt {
				switch g.r.IntN(4) {
				case 0:
					return call("eventTimestamp", t)
				case 1:
					return call("parseDate", t, g.gen(rt.String, d), lit(rt.String, pick(g.r, datePatterns)))
				case 2:
					return call("dateAdd", t, g.gen(pick(g.r, []rt.Type{rt.Int, rt.BigInt}), d), g.gen(pick(g.r, []rt.Type{rt.Int, rt.BigInt}), d), lit(rt.String, pick(g.r, dateUnits)))
				}
			}
		case 14:
			return call("ifThenElse", t, g.gen(rt.Bool, d), g.gen(t, d), g.gen(t, d))
		default:
			return g.leaf(t)
		}
	}
}

// genMath is a DOUBLE function of §9.1 over numeric arguments; ieee
// picks among those that are IEEE operations (sqrt, exp, ln, …), which
// may be NaN or infinite. Aliases stand in for their function now and
// then.
func (g *exprGen) genMath(d int, ieee bool) *Expr {
	t := rt.Double
	x := g.gen(pick(g.r, numericTypes), d)
	names := []string{"round", "round", "ceil", "floor", "trunc", "mod", "maximum", "minimum", "ceiling", "truncate"}
	if ieee {
		names = []string{"sqrt", "exp", "ln", "log", "log10", "power", "pow", "sin", "cos", "tan", "asin", "acos", "atan"}
	}
	switch name := pick(g.r, names); name {
	case "round", "trunc", "truncate":
		if g.chance(0.5) {
			return call(name, t, x, smallInt(g.r, -1, 2))
		}
		return call(name, t, x)
	case "maximum", "minimum":
		if g.chance(0.3) {
			return call(name, t, x, g.gen(pick(g.r, numericTypes), d), g.gen(pick(g.r, numericTypes), d))
		}
		return call(name, t, x, g.gen(pick(g.r, numericTypes), d))
	case "mod", "power", "pow":
		return call(name, t, x, g.gen(pick(g.r, numericTypes), d))
	default:
		return call(name, t, x)
	}
}

func (g *exprGen) genString(d int) *Expr {
	s := rt.String
	for {
		switch g.r.IntN(15) {
		case 0:
			return call(pick(g.r, []string{"upper", "lower", "trim", "reverse", "ltrim", "rtrim", "ucase", "lcase"}), s, g.gen(s, d))
		case 1:
			if g.chance(0.3) {
				return call("concat", s, g.gen(s, d), g.gen(s, d), g.gen(s, d))
			}
			return call("concat", s, g.gen(s, d), g.gen(s, d))
		case 2:
			start := g.gen(pick(g.r, []rt.Type{rt.Int, rt.BigInt}), d)
			name := pick(g.r, []string{"substring", "substring", "substr"})
			if g.chance(0.5) {
				return call(name, s, g.gen(s, d), start)
			}
			return call(name, s, g.gen(s, d), start, smallInt(g.r, -1, 4))
		case 3:
			return call(pick(g.r, []string{"left", "right"}), s, g.gen(s, d), smallInt(g.r, -1, 4))
		case 4:
			return call("replace", s, g.gen(s, d), g.literal(s), g.literal(s))
		case 5:
			// Lengths stay small literals: a column could ask for gigabytes.
			return call(pick(g.r, []string{"lpad", "rpad"}), s, g.gen(s, d), smallInt(g.r, 0, 6), lit(s, pick(g.r, []string{"'*'", "'xy'", "''"})))
		case 6:
			return call("repeat", s, g.gen(s, d), smallInt(g.r, -1, 3))
		case 7:
			return cast(g.gen(pick(g.r, allTypes), d), s)
		case 8:
			return g.genCase(s, d)
		case 9:
			return call("coalesce", s, g.gen(s, d), g.gen(s, d))
		case 10:
			if g.aggs {
				return agg(pick(g.r, []string{"min", "max", "first", "last"}), s, g.inner().gen(s, d))
			}
		case 11:
			return call("ifThenElse", s, g.gen(rt.Bool, d), g.gen(s, d), g.gen(s, d))
		case 12:
			return call(pick(g.r, []string{"chr", "char"}), s, g.gen(pick(g.r, []rt.Type{rt.Int, rt.BigInt}), d))
		case 13:
			return call("formatDate", s, g.gen(pick(g.r, []rt.Type{rt.Int, rt.BigInt}), d), lit(s, pick(g.r, datePatterns)))
		default:
			return g.leaf(s)
		}
	}
}

var comparisons = []string{"=", "!=", "<>", "<", "<=", ">", ">=", "=="}

func (g *exprGen) genBool(d int) *Expr {
	b := rt.Bool
	for {
		switch g.r.IntN(14) {
		case 0, 1, 2: // comparison within one type family
			switch g.r.IntN(5) {
			case 0:
				return bin(pick(g.r, comparisons), b, g.gen(rt.String, d), g.gen(rt.String, d))
			case 1:
				return bin(pick(g.r, []string{"=", "!=", "<>"}), b, g.gen(b, d), g.gen(b, d))
			default:
				return bin(pick(g.r, comparisons), b, g.gen(pick(g.r, numericTypes), d), g.gen(pick(g.r, numericTypes), d))
			}
		case 3, 4:
			return bin(pick(g.r, []string{"AND", "OR"}), b, g.gen(b, d), g.gen(b, d))
		case 5:
			return &Expr{Op: OpNot, T: b, Args: []*Expr{g.gen(b, d)}}
		case 6:
			return &Expr{Op: OpIsNull, T: b, Not: g.chance(0.5), Args: []*Expr{g.gen(pick(g.r, allTypes), d)}}
		case 7:
			t := pick(g.r, allTypes)
			e := &Expr{Op: OpIn, T: b, Not: g.chance(0.3), Args: []*Expr{g.gen(t, d)}}
			for n := 1 + g.r.IntN(3); n > 0; n-- {
				e.Args = append(e.Args, g.gen(t, d))
			}
			return e
		case 8:
			t := pick(g.r, []rt.Type{rt.String, rt.Int, rt.BigInt, rt.Float, rt.Double})
			lo, hi := t, t
			if t != rt.String {
				lo, hi = pick(g.r, numericTypes), pick(g.r, numericTypes)
			}
			return &Expr{Op: OpBetween, T: b, Not: g.chance(0.3), Args: []*Expr{g.gen(t, d), g.gen(lo, d), g.gen(hi, d)}}
		case 9:
			if g.chance(0.25) { // the function form, whose pattern need not be a constant
				return call("like", b, g.gen(rt.String, d), g.gen(rt.String, d))
			}
			return &Expr{Op: OpLike, T: b, Not: g.chance(0.3), Args: []*Expr{g.gen(rt.String, d), lit(rt.String, pick(g.r, likeLits))}}
		case 10:
			return cast(g.gen(pick(g.r, []rt.Type{rt.String, rt.Int, rt.BigInt}), d), b)
		case 11:
			return g.genCase(b, d)
		case 12:
			if g.aggs {
				if g.chance(0.5) {
					return agg(pick(g.r, []string{"and", "or"}), b, g.inner().gen(b, d))
				}
				return agg(pick(g.r, []string{"first", "last"}), b, g.inner().gen(b, d))
			}
		default:
			return g.leaf(b)
		}
	}
}

// genCase builds a searched or simple CASE whose branches all have type t.
func (g *exprGen) genCase(t rt.Type, d int) *Expr {
	e := &Expr{Op: OpCase, T: t}
	var operandType rt.Type
	if g.chance(0.3) {
		e.Simple = true
		operandType = pick(g.r, allTypes)
		e.Args = append(e.Args, g.gen(operandType, d))
	}
	for n := 1 + g.r.IntN(2); n > 0; n-- {
		if e.Simple {
			e.Args = append(e.Args, g.gen(operandType, d))
		} else {
			e.Args = append(e.Args, g.gen(rt.Bool, d))
		}
		e.Args = append(e.Args, g.gen(t, d))
	}
	if g.chance(0.7) {
		e.Else = true
		e.Args = append(e.Args, g.gen(t, d))
	}
	return e
}

// genAgg is an aggregate call of result type t (numeric).
func (g *exprGen) genAgg(t rt.Type, d int) *Expr {
	in := g.inner()
	var opts []func() *Expr
	add := func(f func() *Expr) { opts = append(opts, f) }
	add(func() *Expr {
		return agg(pick(g.r, []string{"min", "max", "first", "last", "minForever", "maxForever"}), t, in.gen(t, d))
	})
	switch t {
	case rt.BigInt:
		add(func() *Expr { return agg("count", t) })
		add(func() *Expr { return agg("count", t, in.gen(pick(g.r, allTypes), d)) })
		add(func() *Expr { return agg("distinctCount", t, in.gen(pick(g.r, allTypes), d)) })
		add(func() *Expr { return agg("sum", t, in.gen(pick(g.r, []rt.Type{rt.Int, rt.BigInt}), d)) })
	case rt.Double:
		add(func() *Expr { return agg("sum", t, in.gen(pick(g.r, []rt.Type{rt.Float, rt.Double}), d)) })
		add(func() *Expr { return agg(pick(g.r, []string{"avg", "stdDev"}), t, in.gen(pick(g.r, numericTypes), d)) })
	}
	return pick(g.r, opts)()
}
