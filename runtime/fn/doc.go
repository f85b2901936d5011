// Package fn is the scalar function library of LANGUAGE.md §9.1–§9.4 and
// the conversions of §2.7, as plain typed Go functions shared by the
// interpreter and generated code.
//
// NULL handling is the caller's: every function here is NULL in → NULL out
// (§2.5), so callers skip the call when an argument is NULL. A function
// that can itself produce NULL returns (result, ok) with ok=false meaning
// NULL. Positions are 1-based and lengths count Unicode characters
// (code points); invalid UTF-8 bytes count as one character each.
package fn
