package plan

import "fmt"

// Func identifies the built-in scalar function of a Call (LANGUAGE.md
// §9.1–§9.4). Aliases (pow, substr, ucase, …) resolve to their function
// in the checker, and the functions it rewrites into other nodes (cast,
// default, nullif, ifThenElse, instanceOf*) have no Func. What each Func
// computes, and how, is its entry in the catalog (func_impl.go).
type Func uint8

const (
	// §9.1 math
	FuncAbs Func = iota + 1
	FuncCeil
	FuncFloor
	FuncRound
	FuncTrunc
	FuncSign
	FuncMod
	FuncSqrt
	FuncExp
	FuncLn
	FuncLog10
	FuncPower
	FuncSin
	FuncCos
	FuncTan
	FuncAsin
	FuncAcos
	FuncAtan
	FuncMaximum
	FuncMinimum
	// §9.2 strings
	FuncLength
	FuncUpper
	FuncLower
	FuncTrim
	FuncLTrim
	FuncRTrim
	FuncReverse
	FuncConcat
	FuncSubstring
	FuncLeft
	FuncRight
	FuncReplace
	FuncRepeat
	FuncLPad
	FuncRPad
	FuncPosition
	FuncAscii
	FuncChr
	FuncLike
	// §9.3 NULL handling
	FuncCoalesce
	// §9.4 utility and time
	FuncUUID
	FuncNow
	FuncEventTimestamp
	FuncFormatDate
	FuncParseDate
	FuncDateAdd

	numFuncs
)

// Funcs lists every Func in declaration order.
func Funcs() []Func {
	out := make([]Func, 0, numFuncs-1)
	for f := FuncAbs; f < numFuncs; f++ {
		out = append(out, f)
	}
	return out
}

// String is the function's canonical lower-case name, as plans print it.
func (f Func) String() string {
	if f > 0 && f < numFuncs {
		return catalog[f].Name
	}
	return fmt.Sprintf("Func(%d)", f)
}

// FuncByName finds a function by its canonical lower-case name.
func FuncByName(name string) (Func, bool) {
	for _, f := range Funcs() {
		if catalog[f].Name == name {
			return f, true
		}
	}
	return 0, false
}
