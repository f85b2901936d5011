package plan

// The catalog of conversions (LANGUAGE.md §2.7, and the implicit ones of
// §2.3, which are the same conversions): for each supported (from, to)
// pair, the runtime/fn function that converts a non-NULL value. NULL
// converts to NULL without a call. The checker rejects the pairs missing
// here (E303); both backends call the function named here.

// CastImpl is the implementation of one conversion.
type CastImpl struct {
	From, To Type
	// Fn is the function's identifier in runtime/fn: func(From) To, or
	// func(From) (To, bool) for FormOK (a failed parse or an out-of-range
	// value is NULL).
	Fn   string
	Form Form
}

var casts = []CastImpl{
	{String, Int, "StringToInt32", FormOK},
	{String, BigInt, "StringToInt64", FormOK},
	{String, Float, "StringToFloat32", FormOK},
	{String, Double, "StringToFloat64", FormOK},
	{String, Bool, "StringToBool", FormOK},

	{Int, String, "FormatInt32", FormValue},
	{Int, BigInt, "Int32ToInt64", FormValue},
	{Int, Float, "Int32ToFloat32", FormValue},
	{Int, Double, "Int32ToFloat64", FormValue},
	{Int, Bool, "Int32ToBool", FormValue},

	{BigInt, String, "FormatInt64", FormValue},
	{BigInt, Int, "Int64ToInt32", FormOK},
	{BigInt, Float, "Int64ToFloat32", FormValue},
	{BigInt, Double, "Int64ToFloat64", FormValue},
	{BigInt, Bool, "Int64ToBool", FormValue},

	{Float, String, "FormatFloat32", FormValue},
	{Float, Int, "Float32ToInt32", FormOK},
	{Float, BigInt, "Float32ToInt64", FormOK},
	{Float, Double, "Float32ToFloat64", FormValue},

	{Double, String, "FormatFloat64", FormValue},
	{Double, Int, "Float64ToInt32", FormOK},
	{Double, BigInt, "Float64ToInt64", FormOK},
	{Double, Float, "Float64ToFloat32", FormOK},

	{Bool, String, "FormatBool", FormValue},
}

// Casts lists every conversion that calls a function.
func Casts() []CastImpl { return casts }

// CastUnchanged reports the conversions that leave the value as it is:
// to its own type, and from OBJECT, the type of the NULL literal (NULL
// converts to NULL).
func CastUnchanged(from, to Type) bool { return from == to || from == Object }

// LookupCast finds the conversion from → to; false for the pairs §2.7
// rejects and for the unchanged ones.
func LookupCast(from, to Type) (CastImpl, bool) {
	for _, c := range casts {
		if c.From == from && c.To == to {
			return c, true
		}
	}
	return CastImpl{}, false
}

// CastAllowed reports whether CAST(x AS to) is valid for x of type from.
func CastAllowed(from, to Type) bool {
	_, ok := LookupCast(from, to)
	return ok || CastUnchanged(from, to)
}
