package check

import (
	"strings"

	"github.com/eventflux/eventflux-go/compiler/ast"
	"github.com/eventflux/eventflux-go/compiler/diag"
	"github.com/eventflux/eventflux-go/plan"
)

// scalarFunc describes one function name of LANGUAGE.md §9 the checker
// accepts: the Call it builds (none for the functions rewritten into other
// nodes), its arity, and how its arguments are converted and typed.
type scalarFunc struct {
	fn       plan.Func
	min, max int // max < 0: variadic
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
	return &plan.Call{Func: fc.fn.fn, Args: fc.args, T: t}
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

// want converts argument i to a parameter of type p by the implicit
// conversions of §2.3 (a DOUBLE parameter takes any number, a BIGINT one
// any integer; NULL adopts p), or fails with E304.
func (fc funcCall) want(i int, p plan.Type) *diag.Error {
	switch p {
	case plan.Double:
		return fc.wantNumeric(i, plan.Double)
	case plan.BigInt:
		return fc.wantInteger(i)
	case plan.String:
		return fc.wantString(i)
	}
	if t := fc.args[i].Type(); t != plan.Object && t != p && !(t.IsNumeric() && p.IsNumeric() && t < p) {
		return diag.Errorf(fc.argPos(i), "E304", "%s requires %s argument at position %d, found %s", fc.upper(), p, i+1, t)
	}
	fc.args[i] = convert(fc.args[i], p)
	return nil
}

// overload is the catalog overload for the call's argument count; the
// functions bound by their signature have at most one per count (a test
// holds the catalog to that).
func (fc funcCall) overload() (*plan.Sig, *diag.Error) {
	sigs := fc.fn.fn.Info().Sigs
	for i := range sigs {
		if n := len(sigs[i].Args); len(fc.args) == n || sigs[i].Variadic && len(fc.args) > n {
			return &sigs[i], nil
		}
	}
	return nil, fc.noOverload()
}

// noOverload is the E304 of a call no overload takes; the checks before it
// leave only inconsistent catalogs here.
func (fc funcCall) noOverload() *diag.Error {
	types := make([]string, len(fc.args))
	for i, a := range fc.args {
		types[i] = a.Type().String()
	}
	return diag.Errorf(fc.call.Name.Pos, "E304", "%s does not take (%s)", fc.upper(), strings.Join(types, ", "))
}

// bindSig types a call by its catalog overload: each argument converts to
// its parameter type (want), and the result has the overload's type.
func bindSig(fc funcCall) (plan.Expr, *diag.Error) {
	sig, err := fc.overload()
	if err != nil {
		return nil, err
	}
	for i := range fc.args {
		if err := fc.want(i, sig.Args[min(i, len(sig.Args)-1)]); err != nil {
			return nil, err
		}
	}
	return fc.result(sig.Result), nil
}

// bindAbs keeps the argument's own numeric type (a NULL literal is BIGINT)
// and takes the overload of that type.
func bindAbs(fc funcCall) (plan.Expr, *diag.Error) {
	t := fc.args[0].Type()
	if t == plan.Object {
		t = plan.BigInt
	}
	if err := fc.wantNumeric(0, t); err != nil {
		return nil, err
	}
	sig, ok := fc.fn.fn.Resolve([]plan.Type{t})
	if !ok {
		return nil, fc.noOverload()
	}
	return fc.result(sig.Result), nil
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
	return &plan.Call{Func: plan.FuncCoalesce, Args: fc.args, T: t}, nil
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

// bindDateAdd converts the timestamp and the count by the signature; the
// unit must be a constant, checked here so that a bad one is a compile
// error rather than a NULL per event.
func bindDateAdd(fc funcCall) (plan.Expr, *diag.Error) {
	sig, err := fc.overload()
	if err != nil {
		return nil, err
	}
	for i := range 2 {
		if err := fc.want(i, sig.Args[i]); err != nil {
			return nil, err
		}
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
	return fc.result(sig.Result), nil
}

var scalarFuncs = map[string]*scalarFunc{}

func define(name string, f plan.Func, min, max int, bind func(fc funcCall) (plan.Expr, *diag.Error), aliases ...string) {
	sf := &scalarFunc{fn: f, min: min, max: max, bind: bind}
	scalarFuncs[name] = sf
	for _, a := range aliases {
		scalarFuncs[a] = sf
	}
}

// catalogBinders are the catalog functions typed by more than their
// signature; the others use bindSig.
var catalogBinders = map[plan.Func]func(fc funcCall) (plan.Expr, *diag.Error){
	plan.FuncAbs:      bindAbs,
	plan.FuncCoalesce: bindCommon,
	plan.FuncDateAdd:  bindDateAdd,
}

// funcAliases are the other names of catalog functions (§9).
var funcAliases = map[plan.Func][]string{
	plan.FuncCeil:      {"ceiling"},
	plan.FuncTrunc:     {"truncate"},
	plan.FuncLn:        {"log"},
	plan.FuncPower:     {"pow"},
	plan.FuncLength:    {"char_length", "character_length"},
	plan.FuncUpper:     {"ucase"},
	plan.FuncLower:     {"lcase"},
	plan.FuncSubstring: {"substr"},
	plan.FuncPosition:  {"locate", "instr"},
	plan.FuncChr:       {"char"},
	plan.FuncNow:       {"currenttimemillis"},
}

func init() {
	// §9.1–§9.4: the functions of the catalog (plan/func_impl.go), by
	// their canonical names and aliases.
	for _, f := range plan.Funcs() {
		bind := catalogBinders[f]
		if bind == nil {
			bind = bindSig
		}
		lo, hi := f.Info().Arity()
		define(f.String(), f, lo, hi, bind, funcAliases[f]...)
	}
	// §9.3 functions the checker rewrites into other nodes.
	define("cast", 0, 2, 2, bindCastFunc, "convert")
	define("default", 0, 2, 2, bindCommon, "ifnull")
	define("nullif", 0, 2, 2, bindNullif)
	define("ifthenelse", 0, 3, 3, bindIfThenElse)
	define("instanceofboolean", 0, 1, 1, bindInstanceOf(plan.Bool))
	define("instanceofstring", 0, 1, 1, bindInstanceOf(plan.String))
	define("instanceofinteger", 0, 1, 1, bindInstanceOf(plan.Int))
	define("instanceoflong", 0, 1, 1, bindInstanceOf(plan.BigInt))
	define("instanceoffloat", 0, 1, 1, bindInstanceOf(plan.Float))
	define("instanceofdouble", 0, 1, 1, bindInstanceOf(plan.Double))
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
