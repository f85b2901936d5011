package check

import (
	"strings"

	"github.com/eventflux/eventflux-go/compiler/ast"
	"github.com/eventflux/eventflux-go/compiler/diag"
	"github.com/eventflux/eventflux-go/plan"
)

// scalarFunc describes one built-in scalar function (LANGUAGE.md §9): its
// canonical name, arity, and how its arguments are converted and typed.
type scalarFunc struct {
	name     string // canonical lower-case name used in plan.Call
	min, max int    // max < 0: variadic
	bind     func(fc funcCall) (plan.Expr, *diag.Error)
}

// funcCall is what a binder sees: the call site and its checked arguments.
type funcCall struct {
	fn   *scalarFunc
	call *ast.Call
	args []plan.Expr
}

func (fc funcCall) upper() string { return strings.ToUpper(fc.call.Name.Name) }

func (fc funcCall) argPos(i int) diag.Pos {
	if i < len(fc.call.Args) {
		return fc.call.Args[i].Position()
	}
	return fc.call.Name.Pos
}

func (fc funcCall) result(t plan.Type) *plan.Call {
	return &plan.Call{Func: fc.fn.name, Args: fc.args, T: t}
}

// wantNumeric converts argument i to the given numeric type, or fails with E304.
func (fc funcCall) wantNumeric(i int, to plan.Type) *diag.Error {
	t := fc.args[i].Type()
	if t != plan.Object && !t.IsNumeric() {
		return diag.Errorf(fc.argPos(i), "E304", "%s requires numeric argument, found %s", fc.upper(), t)
	}
	fc.args[i] = convert(fc.args[i], to)
	return nil
}

// wantInteger converts argument i to BIGINT; only INT and BIGINT are accepted.
func (fc funcCall) wantInteger(i int) *diag.Error {
	t := fc.args[i].Type()
	if t != plan.Object && !t.IsInteger() {
		return diag.Errorf(fc.argPos(i), "E304", "%s requires INT argument at position %d, found %s", fc.upper(), i+1, t)
	}
	fc.args[i] = convert(fc.args[i], plan.BigInt)
	return nil
}

func (fc funcCall) wantString(i int) *diag.Error {
	t := fc.args[i].Type()
	if t != plan.Object && t != plan.String {
		return diag.Errorf(fc.argPos(i), "E304", "%s requires STRING argument, found %s", fc.upper(), t)
	}
	fc.args[i] = convert(fc.args[i], plan.String)
	return nil
}

// sig builds a binder from per-argument kinds: 'n' numeric→DOUBLE, 'i'
// integer→BIGINT, 's' STRING, and the result type.
func sig(kinds string, result plan.Type) func(fc funcCall) (plan.Expr, *diag.Error) {
	return func(fc funcCall) (plan.Expr, *diag.Error) {
		for i := range fc.args {
			k := kinds[min(i, len(kinds)-1)]
			var err *diag.Error
			switch k {
			case 'n':
				err = fc.wantNumeric(i, plan.Double)
			case 'i':
				err = fc.wantInteger(i)
			case 's':
				err = fc.wantString(i)
			}
			if err != nil {
				return nil, err
			}
		}
		return fc.result(result), nil
	}
}

func bindAbs(fc funcCall) (plan.Expr, *diag.Error) {
	t := fc.args[0].Type()
	if t == plan.Object {
		t = plan.BigInt
	}
	if err := fc.wantNumeric(0, t); err != nil {
		return nil, err
	}
	return fc.result(t), nil
}

// bindCommon types coalesce/default: all arguments of one kind, numeric widened.
func bindCommon(fc funcCall) (plan.Expr, *diag.Error) {
	t, err := commonType(fc.args, func(i int) diag.Pos { return fc.argPos(i) }, fc.upper())
	if err != nil {
		return nil, err
	}
	for i := range fc.args {
		fc.args[i] = convert(fc.args[i], t)
	}
	call := fc.result(t)
	call.Func = "coalesce"
	return call, nil
}

func bindNullif(fc funcCall) (plan.Expr, *diag.Error) {
	a, b := fc.args[0], fc.args[1]
	cmp, err := compare(plan.Eq, a, b, fc.argPos(1))
	if err != nil {
		return nil, err
	}
	return &plan.Case{Whens: []plan.When{{Cond: cmp, Result: nullOf(a.Type())}}, Else: a, T: a.Type()}, nil
}

func bindIfThenElse(fc funcCall) (plan.Expr, *diag.Error) {
	if t := fc.args[0].Type(); t != plan.Bool && t != plan.Object {
		return nil, diag.Errorf(fc.argPos(0), "E304", "IFTHENELSE requires BOOL condition, found %s", t)
	}
	t, err := commonType(fc.args[1:], func(i int) diag.Pos { return fc.argPos(i + 1) }, "IFTHENELSE")
	if err != nil {
		return nil, err
	}
	return &plan.Case{Whens: []plan.When{{Cond: convert(fc.args[0], plan.Bool), Result: convert(fc.args[1], t)}}, Else: convert(fc.args[2], t), T: t}, nil
}

func bindConcat(fc funcCall) (plan.Expr, *diag.Error) {
	for i := range fc.args {
		if err := fc.wantString(i); err != nil {
			return nil, err
		}
	}
	return fc.result(plan.String), nil
}

// bindInstanceOf: types are static, so instanceOfX(x) is "x is not NULL" when
// x has type X and FALSE otherwise.
func bindInstanceOf(want plan.Type) func(fc funcCall) (plan.Expr, *diag.Error) {
	return func(fc funcCall) (plan.Expr, *diag.Error) {
		if fc.args[0].Type() != want {
			return boolConst(false), nil
		}
		return &plan.IsNull{X: fc.args[0], Not: true}, nil
	}
}

// bindCastFunc handles cast(x, 'type') and convert(x, 'type').
func bindCastFunc(fc funcCall) (plan.Expr, *diag.Error) {
	c, ok := fc.args[1].(*plan.Const)
	if !ok || c.T != plan.String || c.Null {
		return nil, diag.Errorf(fc.argPos(1), "E304", "%s requires a constant type name as its second argument", fc.upper())
	}
	t, ok := castFuncTypes[strings.ToLower(c.S)]
	if !ok {
		return nil, diag.Errorf(fc.argPos(1), "E110", "Unsupported SQL type: %s", c.S).
			WithHint("use one of string, int, long, float, double, bool")
	}
	return castTo(fc.args[0], t, fc.call.Name.Pos)
}

var castFuncTypes = map[string]plan.Type{
	"string": plan.String, "int": plan.Int, "integer": plan.Int, "long": plan.BigInt, "bigint": plan.BigInt,
	"float": plan.Float, "double": plan.Double, "bool": plan.Bool, "boolean": plan.Bool,
}

func bindDateAdd(fc funcCall) (plan.Expr, *diag.Error) {
	if err := fc.wantInteger(0); err != nil {
		return nil, err
	}
	if err := fc.wantInteger(1); err != nil {
		return nil, err
	}
	c, ok := fc.args[2].(*plan.Const)
	if !ok || c.T != plan.String {
		return nil, diag.Errorf(fc.argPos(2), "E304", "DATEADD requires a constant unit (seconds, minutes, hours, days)")
	}
	switch strings.ToLower(c.S) {
	case "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days":
	default:
		return nil, diag.Errorf(fc.argPos(2), "E304", "DATEADD unit must be seconds, minutes, hours or days, found '%s'", c.S)
	}
	return fc.result(plan.BigInt), nil
}

func bindLike(fc funcCall) (plan.Expr, *diag.Error) {
	for i := range fc.args {
		if err := fc.wantString(i); err != nil {
			return nil, err
		}
	}
	return fc.result(plan.Bool), nil
}

var scalarFuncs = map[string]*scalarFunc{}

func define(name string, min, max int, bind func(fc funcCall) (plan.Expr, *diag.Error), aliases ...string) {
	f := &scalarFunc{name: name, min: min, max: max, bind: bind}
	scalarFuncs[name] = f
	for _, a := range aliases {
		scalarFuncs[a] = f
	}
}

func init() {
	// §9.1 math
	define("abs", 1, 1, bindAbs)
	define("ceil", 1, 1, sig("n", plan.Double), "ceiling")
	define("floor", 1, 1, sig("n", plan.Double))
	define("round", 1, 2, sig("ni", plan.Double))
	define("trunc", 1, 2, sig("ni", plan.Double), "truncate")
	define("sign", 1, 1, sig("n", plan.Int))
	define("mod", 2, 2, sig("n", plan.Double))
	for _, f := range []string{"sqrt", "exp", "log10", "sin", "cos", "tan", "asin", "acos", "atan"} {
		define(f, 1, 1, sig("n", plan.Double))
	}
	define("ln", 1, 1, sig("n", plan.Double), "log")
	define("power", 2, 2, sig("n", plan.Double), "pow")
	define("maximum", 1, -1, sig("n", plan.Double))
	define("minimum", 1, -1, sig("n", plan.Double))
	// §9.2 strings
	define("length", 1, 1, sig("s", plan.Int), "char_length", "character_length")
	for _, f := range []string{"upper", "lower", "trim", "ltrim", "rtrim", "reverse"} {
		define(f, 1, 1, sig("s", plan.String))
	}
	scalarFuncs["ucase"], scalarFuncs["lcase"] = scalarFuncs["upper"], scalarFuncs["lower"]
	define("concat", 1, -1, bindConcat)
	define("substring", 2, 3, sig("sii", plan.String), "substr")
	define("left", 2, 2, sig("si", plan.String))
	define("right", 2, 2, sig("si", plan.String))
	define("replace", 3, 3, sig("s", plan.String))
	define("repeat", 2, 2, sig("si", plan.String))
	define("lpad", 3, 3, sig("sis", plan.String))
	define("rpad", 3, 3, sig("sis", plan.String))
	define("position", 2, 2, sig("s", plan.Int), "locate", "instr")
	define("ascii", 1, 1, sig("s", plan.Int))
	define("chr", 1, 1, sig("i", plan.String), "char")
	define("like", 2, 2, bindLike)
	// §9.3 conversion and NULL handling
	define("cast", 2, 2, bindCastFunc, "convert")
	define("coalesce", 1, -1, bindCommon)
	define("default", 2, 2, bindCommon, "ifnull")
	define("nullif", 2, 2, bindNullif)
	define("ifthenelse", 3, 3, bindIfThenElse)
	define("instanceofboolean", 1, 1, bindInstanceOf(plan.Bool))
	define("instanceofstring", 1, 1, bindInstanceOf(plan.String))
	define("instanceofinteger", 1, 1, bindInstanceOf(plan.Int))
	define("instanceoflong", 1, 1, bindInstanceOf(plan.BigInt))
	define("instanceoffloat", 1, 1, bindInstanceOf(plan.Float))
	define("instanceofdouble", 1, 1, bindInstanceOf(plan.Double))
	// §9.4 utility and time
	define("uuid", 0, 0, sig("", plan.String))
	define("now", 0, 0, sig("", plan.BigInt), "currenttimemillis")
	define("eventtimestamp", 0, 0, sig("", plan.BigInt))
	define("formatdate", 2, 2, sig("is", plan.String))
	define("parsedate", 2, 2, sig("s", plan.BigInt))
	define("dateadd", 3, 3, bindDateAdd)
}

// aggregateFuncs are the aggregates of §9.6, by lower-case name.
var aggregateFuncs = map[string]plan.AggFunc{
	"count": plan.AggCount, "sum": plan.AggSum, "avg": plan.AggAvg, "min": plan.AggMin, "max": plan.AggMax,
	"minforever": plan.AggMinForever, "maxforever": plan.AggMaxForever, "distinctcount": plan.AggDistinctCount,
	"stddev": plan.AggStdDev, "first": plan.AggFirst, "last": plan.AggLast, "and": plan.AggAnd, "or": plan.AggOr,
}

// knownFunctionNames lists every function name, for "did you mean" hints.
func knownFunctionNames() []string {
	var names []string
	for n := range scalarFuncs {
		names = append(names, n)
	}
	for n := range aggregateFuncs {
		names = append(names, n)
	}
	return names
}
