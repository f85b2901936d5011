// Package jsonrow reads and writes the JSON of one event's columns without
// reflection, for the schema-specific codecs efc generates (runtime.JSONApp)
// and for the JSON-lines driver.
//
// A Reader walks one JSON text (objects, arrays, strings with every escape,
// numbers, literals) and reads scalars straight into column types. Its
// conversions are those of the driver's generic path: a JSON value decoded
// into a Go value (an integer literal as int64 for INT and BIGINT columns,
// any other number as float64) and then converted by runtime.ValueOf, with
// the same results and the same errors. Strings decode as encoding/json
// decodes them (invalid UTF-8 and lone surrogates become U+FFFD).
//
// Values is the exact, slow reading of a whole event (duplicate keys, errors
// with the driver's precedence) that generated decoders fall back to for any
// input their fast path does not take.
//
// The Append functions write values as the driver prints them: strings
// escaped, floats in the shortest form that reads back at their own size,
// NaN and infinities as null.
package jsonrow
