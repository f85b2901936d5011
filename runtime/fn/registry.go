package fn

// Registry maps the name of every function the catalog of scalar functions
// and casts names (plan/func_impl.go, plan/cast_impl.go) to the function
// itself. The interpreter resolves catalog entries through it, once per
// call site; generated code calls the functions directly. A function and
// not a variable, so that binaries that never look a function up by name
// (all generated ones) link none of it. Tests in interp keep it and the
// catalog in step: every entry named, with the Go signature the catalog
// implies and under its own name, and nothing more.
func Registry() map[string]any {
	return map[string]any{
		// §9.1 math
		"AbsInt32":   AbsInt32,
		"AbsInt64":   AbsInt64,
		"AbsFloat32": AbsFloat32,
		"AbsFloat64": AbsFloat64,
		"Ceil":       Ceil,
		"Floor":      Floor,
		"Round":      Round,
		"RoundTo":    RoundTo,
		"Trunc":      Trunc,
		"TruncTo":    TruncTo,
		"Sign":       Sign,
		"ModFloat":   ModFloat,
		"Sqrt":       Sqrt,
		"Exp":        Exp,
		"Ln":         Ln,
		"Log10":      Log10,
		"Power":      Power,
		"Sin":        Sin,
		"Cos":        Cos,
		"Tan":        Tan,
		"Asin":       Asin,
		"Acos":       Acos,
		"Atan":       Atan,
		"Maximum":    Maximum,
		"Minimum":    Minimum,
		// §9.2 strings
		"Length":       Length,
		"Upper":        Upper,
		"Lower":        Lower,
		"Trim":         Trim,
		"LTrim":        LTrim,
		"RTrim":        RTrim,
		"Reverse":      Reverse,
		"Concat":       Concat,
		"Substring":    Substring,
		"SubstringLen": SubstringLen,
		"Left":         Left,
		"Right":        Right,
		"Replace":      Replace,
		"Repeat":       Repeat,
		"LPad":         LPad,
		"RPad":         RPad,
		"Position":     Position,
		"Ascii":        Ascii,
		"Chr":          Chr,
		"Like":         Like,
		"CompileLike":  CompileLike,
		// §9.4 utility and time
		"UUID":       UUID,
		"FormatDate": FormatDate,
		"ParseDate":  ParseDate,
		"DateAdd":    DateAdd,
		// §2.7 casts
		"StringToInt32":    StringToInt32,
		"StringToInt64":    StringToInt64,
		"StringToFloat32":  StringToFloat32,
		"StringToFloat64":  StringToFloat64,
		"StringToBool":     StringToBool,
		"FormatInt32":      FormatInt32,
		"FormatInt64":      FormatInt64,
		"FormatFloat32":    FormatFloat32,
		"FormatFloat64":    FormatFloat64,
		"FormatBool":       FormatBool,
		"Int32ToInt64":     Int32ToInt64,
		"Int32ToFloat32":   Int32ToFloat32,
		"Int32ToFloat64":   Int32ToFloat64,
		"Int32ToBool":      Int32ToBool,
		"Int64ToInt32":     Int64ToInt32,
		"Int64ToFloat32":   Int64ToFloat32,
		"Int64ToFloat64":   Int64ToFloat64,
		"Int64ToBool":      Int64ToBool,
		"Float32ToInt32":   Float32ToInt32,
		"Float32ToInt64":   Float32ToInt64,
		"Float32ToFloat64": Float32ToFloat64,
		"Float64ToInt32":   Float64ToInt32,
		"Float64ToInt64":   Float64ToInt64,
		"Float64ToFloat32": Float64ToFloat32,
	}
}
