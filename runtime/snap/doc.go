// Package snap holds the byte-level helpers of app snapshots (LANGUAGE.md
// §12) and is where their format is defined: the interpreter and generated
// code both write and read exactly this format, so a snapshot taken on one
// backend restores into the other. A Reader's first error sticks, so
// decoders check once at the end and never panic on bad input.
//
// # Format EFS1
//
// Integers are varints (AppendInt, AppendUint: INT, BIGINT and every count
// alike, whatever Go width holds them), floats the 8 bytes of a float64
// (FLOAT widened exactly), strings a length and their bytes, booleans one
// byte 0 or 1. In the grammar below `{ x }` is a count followed by that many
// x, `[ x ]` is x when the boolean before it is true, `x…` is x repeated as
// often as the app's structure says.
//
//	snapshot  = "EFS1" triggers queries
//	triggers  = { next:int armed:bool }           trigger streams in definition order
//	queries   = { query }                         in statement order
//	query     = 'Q' shape window selector rate
//	shape     = types types types                 the window row, the GROUP BY key, the output row
//	types     = { runtime.Type:byte }             checked on restore (ExpectTypes)
//	window    = bool [ window state ]             runtime/window: tag, version, parameters, events
//	selector  = group                             without GROUP BY
//	          | { key group }                     GROUP BY: ascending order of the key bytes
//	group     = held:int aggregator…              one per aggregate slot, in order (no count); an
//	                                              avg the plan reads off a sum (SharedSum) has
//	                                              no state and writes nothing; held counts the
//	                                              group's events (0 for a plain projection)
//	key       = (null:bool value)…                per GROUP BY expression (runtime/key): the
//	                                              zero value when NULL, floats as the 8 bytes
//	                                              of their fn.FloatKey bits
//	aggregator                                    runtime/agg: a tag, for generic aggregators a
//	                                              value kind (integer, float, string, bool), then
//	                                              the state, values encoded as above
//	rate      = bool [ 'R' count:int next:int started:bool rows seen rows rows hasLast:bool [ rows ] ]
//	                                              runtime/rate: buffer, seen groups,
//	                                              SNAPSHOT's rows, groups and last row
//	seen      = { groupref index:int }            FIRST's and LAST's groups of the block, by
//	                                              index, then group bytes
//	rows      = { row ts:int kind:byte groupref empty:bool }   rows of the output layout
//	groupref  = bool [ key ]                      false: no group (a RESET row); without GROUP
//	                                              BY true alone names the one group
//
// A window's events are `ts:int row`; a row (AppendRow, and the append
// functions generated code emits per row type) is its NULL bitmask (a
// uvarint, bit i for column i) followed by every column of its layout in
// order, a NULL column holding its type's zero value so that the bytes do
// not depend on what a NULL field happens to contain. OBJECT columns (the
// NULL literal's type) encode as integers.
//
// Every map is written in a fixed order (groups by key bytes, distinct
// values by their encoding, seen groups by index then key), so
// the same state gives the same bytes on either backend.
//
// Restoring is all or nothing: both backends decode the whole snapshot
// into a fresh instance of the app first and touch the running app only
// when that succeeded. A snapshot that does not fit the app fails with
// ErrMismatch (E801), wrapped with the component that did not fit.
package snap
