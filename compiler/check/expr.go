package check

import (
	"sort"
	"strconv"
	"strings"

	"github.com/eventflux/eventflux-go/compiler/ast"
	"github.com/eventflux/eventflux-go/compiler/diag"
	"github.com/eventflux/eventflux-go/plan"
)

// scope is what column references can see: the query's bindings (each
// input relation under its name and, when it has one, its alias), plus (in
// HAVING and ORDER BY) the output aliases.
type scope struct {
	binds   []*scopeBinding
	aliases map[string]plan.Expr // output column name → its expression
}

// scopeBinding is one binding with every qualifier that denotes it (the
// relation's name and its alias).
type scopeBinding struct {
	*plan.Binding
	names []string
}

// qualified finds the binding a qualifier names.
func (s *scope) qualified(q string) *scopeBinding {
	for _, b := range s.binds {
		if containsString(b.names, q) {
			return b
		}
	}
	return nil
}

func (s *scope) qualifiers() []string {
	var out []string
	for _, b := range s.binds {
		out = append(out, b.names...)
	}
	return out
}

// withAliases is s seeing the output aliases too (HAVING, ORDER BY).
func (s *scope) withAliases(aliases map[string]plan.Expr) *scope {
	return &scope{binds: s.binds, aliases: aliases}
}

// binder turns AST expressions into typed plan expressions.
type binder struct {
	scope *scope
	// aggs collects aggregate calls; nil where aggregates are not allowed.
	aggs   *[]plan.AggCall
	clause string // for "not allowed in WHERE" messages
	inAgg  string // name of the enclosing aggregate, for E313
}

func (b *binder) expr(e ast.Expr) (plan.Expr, *diag.Error) {
	switch e := e.(type) {
	case *ast.Paren:
		return b.expr(e.X)
	case *ast.Literal:
		return literal(e)
	case *ast.ColumnRef:
		return b.column(e)
	case *ast.Unary:
		return b.unary(e)
	case *ast.Binary:
		return b.binary(e)
	case *ast.IsNull:
		x, err := b.expr(e.X)
		if err != nil {
			return nil, err
		}
		return &plan.IsNull{X: x, Not: e.Not}, nil
	case *ast.In:
		return b.in(e)
	case *ast.Between:
		return b.between(e)
	case *ast.Like:
		x, err := b.expr(e.X)
		if err != nil {
			return nil, err
		}
		p, err := b.expr(e.Pattern)
		if err != nil {
			return nil, err
		}
		for i, o := range []plan.Expr{x, p} {
			if t := o.Type(); t != plan.String && t != plan.Object {
				pos := e.X.Position()
				if i == 1 {
					pos = e.Pattern.Position()
				}
				return nil, diag.Errorf(pos, "E304", "LIKE requires STRING operands, found %s", t)
			}
		}
		var out plan.Expr = &plan.Call{Func: plan.FuncLike, Args: []plan.Expr{convert(x, plan.String), convert(p, plan.String)}, T: plan.Bool}
		if e.Not {
			out = &plan.Unary{Op: plan.Not, X: out, T: plan.Bool}
		}
		return out, nil
	case *ast.Call:
		return b.call(e)
	case *ast.Case:
		return b.caseExpr(e)
	case *ast.Cast:
		x, err := b.expr(e.X)
		if err != nil {
			return nil, err
		}
		t, derr := resolveType(e.Type)
		if derr != nil {
			return nil, derr
		}
		return castTo(x, t, e.Pos)
	}
	return nil, diag.Errorf(e.Position(), "E100", "unsupported expression")
}

func literal(e *ast.Literal) (plan.Expr, *diag.Error) {
	switch e.Kind {
	case ast.LitInt, ast.LitDuration:
		return &plan.Const{T: plan.BigInt, I: e.Int}, nil
	case ast.LitDecimal:
		return &plan.Const{T: plan.Double, F: e.Float}, nil
	case ast.LitString:
		return &plan.Const{T: plan.String, S: e.Str}, nil
	case ast.LitBool:
		return boolConst(e.Bool), nil
	}
	return &plan.Const{T: plan.Object, Null: true}, nil
}

func (b *binder) column(e *ast.ColumnRef) (plan.Expr, *diag.Error) {
	if e.Index != nil {
		return nil, diag.Errorf(e.Index.Pos, "E232", "Indexed event references like %s[..].%s are only allowed in pattern queries", e.Qualifier.Name, e.Name.Name)
	}
	s := b.scope
	if e.Qualifier == nil && s.aliases != nil {
		if x, ok := s.aliases[e.Name.Name]; ok {
			if b.inAgg != "" && readsAggregate(x) {
				return nil, diag.Errorf(e.Name.Pos, "E313", "Aggregate function '%s' cannot contain another aggregate", b.inAgg).
					WithHint("'%s' is an output column computed by an aggregate", e.Name.Name)
			}
			return x, nil
		}
	}
	if e.Qualifier != nil {
		sb := s.qualified(e.Qualifier.Name)
		if sb == nil {
			return nil, diag.Errorf(e.Qualifier.Pos, "E201", "Unknown stream: %s", e.Qualifier.Name).
				WithHint("this query reads %s", strings.Join(s.qualifiers(), " / "))
		}
		return columnOf(sb, e)
	}
	// Unqualified: exactly one binding may have the column (§4.1).
	var found []*scopeBinding
	for _, sb := range s.binds {
		if plan.ColumnIndex(sb.Rel.Columns, e.Name.Name) >= 0 {
			found = append(found, sb)
		}
	}
	switch len(found) {
	case 0:
		return columnOf(s.binds[0], e) // reports E202 against the first input
	case 1:
		return columnOf(found[0], e)
	}
	var both []string
	for _, sb := range found {
		both = append(both, sb.Name+"."+e.Name.Name)
	}
	return nil, diag.Errorf(e.Name.Pos, "E203", "Ambiguous column reference: %s (%s)", e.Name.Name, strings.Join(both, ", ")).
		WithHint("qualify it, e.g. %s", both[0])
}

// columnOf resolves a column name in one binding (E202 when it has none).
func columnOf(sb *scopeBinding, e *ast.ColumnRef) (plan.Expr, *diag.Error) {
	rel := sb.Rel
	i := plan.ColumnIndex(rel.Columns, e.Name.Name)
	if i < 0 {
		err := diag.Errorf(e.Name.Pos, "E202", "Unknown column: %s.%s", rel.Name, e.Name.Name)
		var cands []string
		for _, c := range rel.Columns {
			cands = append(cands, c.Name)
		}
		if best, ok := diag.Closest(e.Name.Name, cands); ok {
			err.WithHint("did you mean '%s'?", best)
		} else {
			err.WithHint("%s has columns %s", rel.Name, strings.Join(cands, ", "))
		}
		return nil, err
	}
	return sb.Ref(i), nil
}

func (b *binder) unary(e *ast.Unary) (plan.Expr, *diag.Error) {
	// Fold "-<int literal>" here so that -9223372036854775808 is representable.
	if lit, ok := e.X.(*ast.Literal); ok && e.Op == "-" {
		switch lit.Kind {
		case ast.LitInt:
			return &plan.Const{T: plan.BigInt, I: -lit.Int}, nil
		case ast.LitDecimal:
			return &plan.Const{T: plan.Double, F: -lit.Float}, nil
		}
	}
	x, err := b.expr(e.X)
	if err != nil {
		return nil, err
	}
	t := x.Type()
	switch e.Op {
	case "NOT":
		if t != plan.Bool && t != plan.Object {
			return nil, diag.Errorf(e.Pos, "E310", "NOT operator requires BOOL operand, found %s", t)
		}
		return &plan.Unary{Op: plan.Not, X: convert(x, plan.Bool), T: plan.Bool}, nil
	case "+", "-":
		if t == plan.Object {
			t = plan.BigInt
			x = convert(x, t)
		}
		if !t.IsNumeric() {
			return nil, diag.Errorf(e.Pos, "E301", "Cannot perform arithmetic on %s", t)
		}
		if e.Op == "+" {
			return x, nil
		}
		return &plan.Unary{Op: plan.Neg, X: x, T: t}, nil
	}
	return nil, diag.Errorf(e.Pos, "E100", "unknown unary operator %s", e.Op)
}

var binOps = map[string]plan.BinOp{
	"+": plan.Add, "-": plan.Sub, "*": plan.Mul, "/": plan.Div, "%": plan.Mod,
	"=": plan.Eq, "!=": plan.Ne, "<": plan.Lt, "<=": plan.Le, ">": plan.Gt, ">=": plan.Ge,
	"AND": plan.And, "OR": plan.Or,
}

func (b *binder) binary(e *ast.Binary) (plan.Expr, *diag.Error) {
	op, ok := binOps[strings.ToUpper(e.Op)]
	if !ok {
		return nil, diag.Errorf(e.Pos, "E100", "SQL parse error: operator %s is not supported", e.Op)
	}
	l, err := b.expr(e.L)
	if err != nil {
		return nil, err
	}
	r, err := b.expr(e.R)
	if err != nil {
		return nil, err
	}
	tl, tr := l.Type(), r.Type()
	switch {
	case op.IsComparison():
		return compare(op, l, r, e.Pos)
	case op == plan.And || op == plan.Or:
		for _, t := range []plan.Type{tl, tr} {
			if t != plan.Bool && t != plan.Object {
				return nil, diag.Errorf(e.Pos, "E310", "%s operator requires BOOL operand, found %s", op, t)
			}
		}
		return &plan.Binary{Op: op, L: convert(l, plan.Bool), R: convert(r, plan.Bool), T: plan.Bool}, nil
	}
	// arithmetic
	if tl == plan.Object {
		tl = tr
	}
	if tr == plan.Object {
		tr = tl
	}
	if tl == plan.Object { // NULL op NULL
		tl, tr = plan.BigInt, plan.BigInt
	}
	if !tl.IsNumeric() || !tr.IsNumeric() {
		return nil, diag.Errorf(e.Pos, "E301", "Cannot perform arithmetic on %s and %s", l.Type(), r.Type())
	}
	t := plan.Wider(tl, tr)
	if op == plan.Div {
		t = plan.Double // '/' is always DOUBLE (§2.4)
	}
	return &plan.Binary{Op: op, L: convert(l, t), R: convert(r, t), T: t}, nil
}

func (b *binder) in(e *ast.In) (plan.Expr, *diag.Error) {
	if e.Table != nil {
		return nil, notImplemented(e.Pos, "IN <table> membership test")
	}
	x, err := b.expr(e.X)
	if err != nil {
		return nil, err
	}
	all := []plan.Expr{x}
	for _, it := range e.List {
		v, err := b.expr(it)
		if err != nil {
			return nil, err
		}
		if _, err := compare(plan.Eq, x, v, it.Position()); err != nil {
			return nil, err
		}
		all = append(all, v)
	}
	t, derr := commonType(all, func(i int) diag.Pos { return e.Pos }, "IN")
	if derr != nil {
		return nil, derr
	}
	if t == plan.Object {
		t = plan.BigInt
	}
	out := &plan.In{X: convert(x, t), Not: e.Not}
	for _, v := range all[1:] {
		out.List = append(out.List, convert(v, t))
	}
	return out, nil
}

// between lowers x BETWEEN lo AND hi into x >= lo AND x <= hi (§2.5).
func (b *binder) between(e *ast.Between) (plan.Expr, *diag.Error) {
	x, err := b.expr(e.X)
	if err != nil {
		return nil, err
	}
	lo, err := b.expr(e.Lo)
	if err != nil {
		return nil, err
	}
	hi, err := b.expr(e.Hi)
	if err != nil {
		return nil, err
	}
	ge, err := compare(plan.Ge, x, lo, e.Pos)
	if err != nil {
		return nil, err
	}
	le, err := compare(plan.Le, x, hi, e.Pos)
	if err != nil {
		return nil, err
	}
	var out plan.Expr = &plan.Binary{Op: plan.And, L: ge, R: le, T: plan.Bool}
	if e.Not {
		out = &plan.Unary{Op: plan.Not, X: out, T: plan.Bool}
	}
	return out, nil
}

func (b *binder) caseExpr(e *ast.Case) (plan.Expr, *diag.Error) {
	if len(e.Whens) == 0 {
		return nil, diag.Errorf(e.Pos, "E100", "SQL parse error: CASE requires at least one WHEN")
	}
	var operand plan.Expr
	if e.Operand != nil {
		var err *diag.Error
		if operand, err = b.expr(e.Operand); err != nil {
			return nil, err
		}
	}
	out := &plan.Case{}
	var results []plan.Expr
	var resultPos []diag.Pos
	for _, w := range e.Whens {
		cond, err := b.expr(w.Cond)
		if err != nil {
			return nil, err
		}
		if operand != nil {
			// simple CASE x WHEN v compares with '=' (NULL never matches)
			if cond, err = compare(plan.Eq, operand, cond, w.Cond.Position()); err != nil {
				return nil, err
			}
		} else if t := cond.Type(); t != plan.Bool && t != plan.Object {
			return nil, diag.Errorf(w.Cond.Position(), "E310", "CASE WHEN condition must return BOOL type, found %s", t)
		}
		res, err := b.expr(w.Result)
		if err != nil {
			return nil, err
		}
		out.Whens = append(out.Whens, plan.When{Cond: convert(cond, plan.Bool)})
		results = append(results, res)
		resultPos = append(resultPos, w.Result.Position())
	}
	if e.Else != nil {
		el, err := b.expr(e.Else)
		if err != nil {
			return nil, err
		}
		results = append(results, el)
		resultPos = append(resultPos, e.Else.Position())
	}
	t := plan.Object
	for i, r := range results {
		rt := r.Type()
		switch {
		case rt == plan.Object:
		case t == plan.Object:
			t = rt
		case t.IsNumeric() && rt.IsNumeric():
			t = plan.Wider(t, rt)
		case t != rt:
			what := "WHEN clause " + itoa(i+1)
			if e.Else != nil && i == len(results)-1 {
				what = "ELSE clause"
			}
			return nil, diag.Errorf(resultPos[i], "E305", "CASE expression type mismatch: %s returns %s, expected %s", what, rt, t)
		}
	}
	if t == plan.Object {
		t = plan.String
	}
	for i := range out.Whens {
		out.Whens[i].Result = convert(results[i], t)
	}
	if e.Else != nil {
		out.Else = convert(results[len(results)-1], t)
	}
	out.T = t
	return out, nil
}

func (b *binder) call(e *ast.Call) (plan.Expr, *diag.Error) {
	lname := strings.ToLower(e.Name.Name)
	if canon, ok := aggregateFuncs[lname]; ok {
		return b.aggregate(e, canon)
	}
	fn, ok := scalarFuncs[lname]
	if !ok {
		err := diag.Errorf(e.Name.Pos, "E204", "Function '%s' not supported", e.Name.Name)
		names := knownFunctionNames()
		sort.Strings(names)
		if best, ok := diag.Closest(lname, names); ok {
			err.WithHint("did you mean '%s'?", best)
		}
		return nil, err
	}
	if e.Star {
		return nil, diag.Errorf(e.Name.Pos, "E304", "%s does not take *", strings.ToUpper(e.Name.Name))
	}
	if err := arity(e, fn.min, fn.max); err != nil {
		return nil, err
	}
	args := make([]plan.Expr, len(e.Args))
	for i, a := range e.Args {
		x, err := b.expr(a)
		if err != nil {
			return nil, err
		}
		args[i] = x
	}
	return fn.bind(funcCall{fn: fn, call: e, args: args})
}

func arity(e *ast.Call, lo, hi int) *diag.Error {
	n := len(e.Args)
	name := strings.ToUpper(e.Name.Name)
	switch {
	case n < lo && (hi < 0 || lo != hi):
		return diag.Errorf(e.Name.Pos, "E205", "%s requires at least %d argument(s), found %d", name, lo, n)
	case hi >= 0 && n > hi && lo != hi:
		return diag.Errorf(e.Name.Pos, "E205", "%s accepts at most %d argument(s), found %d", name, hi, n)
	case lo == hi && n != lo:
		return diag.Errorf(e.Name.Pos, "E205", "%s requires exactly %d argument(s), found %d", name, lo, n)
	}
	return nil
}

func (b *binder) aggregate(e *ast.Call, canon plan.AggFunc) (plan.Expr, *diag.Error) {
	name := e.Name.Name
	if b.inAgg != "" {
		return nil, diag.Errorf(e.Name.Pos, "E313", "Aggregate function '%s' cannot contain another aggregate", b.inAgg)
	}
	if b.aggs == nil {
		where := b.clause
		if where == "" {
			where = "this position"
		}
		return nil, diag.Errorf(e.Name.Pos, "E311", "Aggregate function '%s' is not allowed in %s", name, where)
	}
	call := plan.AggCall{Func: canon}
	switch {
	case canon == plan.AggCount && (e.Star || len(e.Args) == 0):
		call.T = plan.BigInt
	default:
		if err := arity(e, 1, 1); err != nil {
			return nil, err
		}
		inner := *b
		inner.inAgg = name
		arg, err := inner.expr(e.Args[0])
		if err != nil {
			return nil, err
		}
		t := arg.Type()
		if t == plan.Object {
			t = plan.BigInt
			arg = convert(arg, t)
		}
		upper := strings.ToUpper(name)
		switch canon {
		case plan.AggCount, plan.AggDistinctCount:
			call.T = plan.BigInt
		case plan.AggSum:
			if !t.IsNumeric() {
				return nil, diag.Errorf(e.Args[0].Position(), "E304", "%s requires numeric argument, found %s", upper, t)
			}
			if t.IsInteger() {
				call.T = plan.BigInt
			} else {
				call.T = plan.Double
			}
			arg = convert(arg, call.T)
		case plan.AggAvg, plan.AggStdDev:
			if !t.IsNumeric() {
				return nil, diag.Errorf(e.Args[0].Position(), "E304", "%s requires numeric argument, found %s", upper, t)
			}
			call.T = plan.Double
		case plan.AggMin, plan.AggMax, plan.AggMinForever, plan.AggMaxForever:
			if !t.IsNumeric() && t != plan.String {
				return nil, diag.Errorf(e.Args[0].Position(), "E304", "%s requires numeric argument, found %s", upper, t)
			}
			call.T = t
		case plan.AggFirst, plan.AggLast:
			call.T = t
		case plan.AggAnd, plan.AggOr:
			if t != plan.Bool {
				return nil, diag.Errorf(e.Args[0].Position(), "E304", "%s requires BOOL argument, found %s", upper, t)
			}
			call.T = plan.Bool
		}
		call.Arg = arg
	}
	// Identical calls share one aggregator slot.
	for i, a := range *b.aggs {
		if a.Func == call.Func && a.T == call.T && sameExpr(a.Arg, call.Arg) {
			return &plan.AggRef{Index: i, T: a.T}, nil
		}
	}
	*b.aggs = append(*b.aggs, call)
	return &plan.AggRef{Index: len(*b.aggs) - 1, T: call.T}, nil
}

// readsAggregate reports an expression that reads an aggregate slot.
func readsAggregate(e plan.Expr) bool {
	found := false
	plan.Walk(e, func(x plan.Expr) bool {
		if _, ok := x.(*plan.AggRef); ok {
			found = true
		}
		return !found
	})
	return found
}

func sameExpr(a, b plan.Expr) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return plan.FormatExpr(a) == plan.FormatExpr(b) && a.Type() == b.Type()
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func itoa(i int) string { return strconv.Itoa(i) }

func notImplemented(pos diag.Pos, what string) *diag.Error {
	return diag.Errorf(pos, "E900", "%s is not implemented yet", what).
		WithHint("this construct parses, but no backend executes it yet")
}
