// Package fn is the scalar function library of LANGUAGE.md §9.1–§9.4 and
// the conversions of §2.7, as plain typed Go functions shared by the
// interpreter and generated code. The catalogs in plan (func_impl.go,
// cast_impl.go) name the function of each overload and conversion; the
// interpreter finds it through Registry, generated code calls it directly.
//
// NULL handling is the caller's: every function here is NULL in → NULL out
// (§2.5), so a caller uses the result only when no argument is NULL
// (generated code may call a function on the zero values of NULL
// arguments and drop the result, so every function accepts any value of
// its argument types). A function that can itself produce NULL returns
// (result, ok) with ok=false meaning NULL. Positions are 1-based and
// lengths count Unicode characters (code points); invalid UTF-8 bytes count
// as one character each.
package fn
