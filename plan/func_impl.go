package plan

import "fmt"

// The catalog of scalar functions: for each Func, its NULL policy and its
// overloads, each naming the runtime/fn function that computes it. Both
// backends read it: the interpreter looks the function up by name in
// runtime/fn's registry and adapts it to its values once, when it
// compiles the call; the code generator emits fn.<Name>(args). The
// checker types calls by the same overloads. So a function has exactly
// one implementation, and adding an overload here is the whole change.

// Form is how a runtime function reports its result.
type Form uint8

const (
	// FormValue is func(…) R: never NULL for non-NULL arguments.
	FormValue Form = iota
	// FormOK is func(…) (R, bool): ok=false is NULL (a failed parse, a
	// value out of range, a zero divisor, a result too large).
	FormOK
	// FormErr is func(…) (R, error): an error is NULL.
	FormErr
)

var formNames = [...]string{FormValue: "value", FormOK: "(value, ok)", FormErr: "(value, error)"}

func (f Form) String() string {
	if int(f) < len(formNames) {
		return formNames[f]
	}
	return fmt.Sprintf("Form(%d)", f)
}

// Nulls is a function's NULL policy (LANGUAGE.md §2.5).
type Nulls uint8

const (
	// Strict: any NULL argument makes the result NULL. The implementation's
	// result counts only when no argument is NULL; generated code may call
	// it anyway (and drop the result), so it must accept any value of its
	// argument types.
	Strict Nulls = iota
	// FirstNonNull (coalesce): the first non-NULL argument, left to right,
	// NULL when all are. There is no implementation: the backends choose.
	FirstNonNull
	// SkipNulls (maximum, minimum): NULL arguments are dropped and the
	// others passed to the variadic implementation, which reports NULL
	// (FormOK) when none is left.
	SkipNulls
	// Clock (now): the engine clock at evaluation, the virtual clock in
	// playback (§9.4). No arguments and no implementation: the backends
	// read their evaluation context.
	Clock
	// EventTime (eventTimestamp): the timestamp of the event being
	// processed (§0.3.1, §9.4), read from the evaluation context.
	EventTime
)

var nullsNames = [...]string{Strict: "strict", FirstNonNull: "first non-NULL", SkipNulls: "skips NULLs", Clock: "clock", EventTime: "event time"}

func (n Nulls) String() string {
	if int(n) < len(nullsNames) {
		return nullsNames[n]
	}
	return fmt.Sprintf("Nulls(%d)", n)
}

// Sig is one overload: argument and result types, and the runtime/fn
// function that computes it. Its Go signature follows from the types
// (STRING string, INT int32, BIGINT int64, FLOAT float32, DOUBLE float64,
// BOOL bool) and Form; a test in interp holds the two together.
type Sig struct {
	Args []Type
	// Variadic: the last of Args repeats, once or more (a Go ...T).
	Variadic bool
	Result   Type
	// Fn is the function's identifier in runtime/fn; empty for Clock and
	// EventTime, which the backends compute themselves.
	Fn   string
	Form Form
	// Compiled names a runtime/fn constructor for a constant last argument:
	// Compiled(c).Match(other arguments…) equals Fn(other arguments…, c).
	// A backend may use it instead of Fn when that argument is a non-NULL
	// constant (LIKE compiles a constant pattern once).
	Compiled string
}

// FuncInfo is a function's catalog entry.
type FuncInfo struct {
	// Name is the canonical lower-case name (Func.String).
	Name  string
	Nulls Nulls
	// Volatile: the value is not fixed by the arguments and the event's
	// columns, so no rewrite may duplicate, merge or pre-compute the call.
	Volatile bool
	// Sigs are the overloads, no two alike in argument types. coalesce has
	// none: it takes one or more arguments of one kind and returns their
	// common type, which the checker works out.
	Sigs []Sig
}

func impl(fn string, result Type, args ...Type) Sig {
	return Sig{Fn: fn, Result: result, Args: args}
}

func (s Sig) ok() Sig       { s.Form = FormOK; return s }
func (s Sig) err() Sig      { s.Form = FormErr; return s }
func (s Sig) variadic() Sig { s.Variadic = true; return s }

// math1 is a DOUBLE → DOUBLE function of §9.1.
func math1(name, fn string) FuncInfo {
	return FuncInfo{Name: name, Sigs: []Sig{impl(fn, Double, Double)}}
}

func str1(name, fn string) FuncInfo {
	return FuncInfo{Name: name, Sigs: []Sig{impl(fn, String, String)}}
}

var catalog = [numFuncs]FuncInfo{
	FuncAbs: {Name: "abs", Sigs: []Sig{
		impl("AbsInt32", Int, Int), impl("AbsInt64", BigInt, BigInt),
		impl("AbsFloat32", Float, Float), impl("AbsFloat64", Double, Double),
	}},
	FuncCeil:  math1("ceil", "Ceil"),
	FuncFloor: math1("floor", "Floor"),
	FuncRound: {Name: "round", Sigs: []Sig{impl("Round", Double, Double), impl("RoundTo", Double, Double, BigInt)}},
	FuncTrunc: {Name: "trunc", Sigs: []Sig{impl("Trunc", Double, Double), impl("TruncTo", Double, Double, BigInt)}},
	FuncSign:  {Name: "sign", Sigs: []Sig{impl("Sign", Int, Double)}},
	FuncMod:   {Name: "mod", Sigs: []Sig{impl("ModFloat", Double, Double, Double).ok()}},
	FuncSqrt:  math1("sqrt", "Sqrt"),
	FuncExp:   math1("exp", "Exp"),
	FuncLn:    math1("ln", "Ln"),
	FuncLog10: math1("log10", "Log10"),
	FuncPower: {Name: "power", Sigs: []Sig{impl("Power", Double, Double, Double)}},
	FuncSin:   math1("sin", "Sin"),
	FuncCos:   math1("cos", "Cos"),
	FuncTan:   math1("tan", "Tan"),
	FuncAsin:  math1("asin", "Asin"),
	FuncAcos:  math1("acos", "Acos"),
	FuncAtan:  math1("atan", "Atan"),
	FuncMaximum: {Name: "maximum", Nulls: SkipNulls,
		Sigs: []Sig{impl("Maximum", Double, Double).variadic().ok()}},
	FuncMinimum: {Name: "minimum", Nulls: SkipNulls,
		Sigs: []Sig{impl("Minimum", Double, Double).variadic().ok()}},

	FuncLength:  {Name: "length", Sigs: []Sig{impl("Length", Int, String)}},
	FuncUpper:   str1("upper", "Upper"),
	FuncLower:   str1("lower", "Lower"),
	FuncTrim:    str1("trim", "Trim"),
	FuncLTrim:   str1("ltrim", "LTrim"),
	FuncRTrim:   str1("rtrim", "RTrim"),
	FuncReverse: str1("reverse", "Reverse"),
	FuncConcat:  {Name: "concat", Sigs: []Sig{impl("Concat", String, String).variadic()}},
	FuncSubstring: {Name: "substring", Sigs: []Sig{
		impl("Substring", String, String, BigInt), impl("SubstringLen", String, String, BigInt, BigInt),
	}},
	FuncLeft:     {Name: "left", Sigs: []Sig{impl("Left", String, String, BigInt)}},
	FuncRight:    {Name: "right", Sigs: []Sig{impl("Right", String, String, BigInt)}},
	FuncReplace:  {Name: "replace", Sigs: []Sig{impl("Replace", String, String, String, String)}},
	FuncRepeat:   {Name: "repeat", Sigs: []Sig{impl("Repeat", String, String, BigInt).ok()}},
	FuncLPad:     {Name: "lpad", Sigs: []Sig{impl("LPad", String, String, BigInt, String).ok()}},
	FuncRPad:     {Name: "rpad", Sigs: []Sig{impl("RPad", String, String, BigInt, String).ok()}},
	FuncPosition: {Name: "position", Sigs: []Sig{impl("Position", Int, String, String)}},
	FuncAscii:    {Name: "ascii", Sigs: []Sig{impl("Ascii", Int, String).ok()}},
	FuncChr:      {Name: "chr", Sigs: []Sig{impl("Chr", String, BigInt).ok()}},
	FuncLike: {Name: "like", Sigs: []Sig{{
		Fn: "Like", Result: Bool, Args: []Type{String, String}, Compiled: "CompileLike",
	}}},

	FuncCoalesce: {Name: "coalesce", Nulls: FirstNonNull},

	FuncUUID:           {Name: "uuid", Volatile: true, Sigs: []Sig{impl("UUID", String)}},
	FuncNow:            {Name: "now", Nulls: Clock, Volatile: true, Sigs: []Sig{{Result: BigInt}}},
	FuncEventTimestamp: {Name: "eventtimestamp", Nulls: EventTime, Volatile: true, Sigs: []Sig{{Result: BigInt}}},
	FuncFormatDate:     {Name: "formatdate", Sigs: []Sig{impl("FormatDate", String, BigInt, String)}},
	FuncParseDate:      {Name: "parsedate", Sigs: []Sig{impl("ParseDate", BigInt, String, String).ok()}},
	FuncDateAdd:        {Name: "dateadd", Sigs: []Sig{impl("DateAdd", BigInt, BigInt, BigInt, String).err()}},
}

// Info is f's catalog entry (the zero entry for an invalid f).
func (f Func) Info() *FuncInfo {
	if f > 0 && f < numFuncs {
		return &catalog[f]
	}
	return &FuncInfo{Name: f.String()}
}

// Arity is the least and the most arguments f takes (most < 0: no
// limit); a function without Sigs (coalesce) takes one or more.
func (i *FuncInfo) Arity() (least, most int) {
	if len(i.Sigs) == 0 {
		return 1, -1
	}
	least, most = len(i.Sigs[0].Args), 0
	for _, s := range i.Sigs {
		least = min(least, len(s.Args))
		if s.Variadic {
			most = -1
		} else if most >= 0 {
			most = max(most, len(s.Args))
		}
	}
	return least, most
}

// Accepts reports whether a call with arguments of these types is this
// overload. Types must match exactly: the checker converted the arguments.
func (s *Sig) Accepts(args []Type) bool {
	n := len(s.Args)
	if len(args) != n && !(s.Variadic && len(args) > n) {
		return false
	}
	for i, t := range args {
		if t != s.Args[min(i, n-1)] {
			return false
		}
	}
	return true
}

// Resolve finds the overload of f taking arguments of these types.
func (f Func) Resolve(args []Type) (*Sig, bool) {
	info := f.Info()
	for i := range info.Sigs {
		if info.Sigs[i].Accepts(args) {
			return &info.Sigs[i], true
		}
	}
	return nil, false
}

// Sig is the overload c calls. The error reports a call no overload
// takes, which only a plan the checker did not build can contain.
func (c *Call) Sig() (*Sig, error) {
	types := make([]Type, len(c.Args))
	for i, a := range c.Args {
		types[i] = a.Type()
	}
	s, ok := c.Func.Resolve(types)
	if !ok {
		return nil, fmt.Errorf("no overload of %s takes %s", c.Func, typeList(types))
	}
	if s.Result != c.T {
		return nil, fmt.Errorf("%s%s returns %s, not %s", c.Func, typeList(types), s.Result, c.T)
	}
	return s, nil
}

func typeList(types []Type) string {
	out := "("
	for i, t := range types {
		if i > 0 {
			out += ", "
		}
		out += t.String()
	}
	return out + ")"
}
