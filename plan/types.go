package plan

import "fmt"

// Type is one of the six column types of LANGUAGE.md §2.1, or Object, the
// internal type of the NULL literal. The order matches runtime.Type.
type Type uint8

const (
	Object Type = iota
	String
	Int    // int32
	BigInt // int64
	Float  // float32
	Double // float64
	Bool
)

var typeNames = [...]string{"OBJECT", "STRING", "INT", "BIGINT", "FLOAT", "DOUBLE", "BOOL"}

func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return fmt.Sprintf("Type(%d)", t)
}

// IsNumeric reports INT, BIGINT, FLOAT or DOUBLE.
func (t Type) IsNumeric() bool { return t >= Int && t <= Double }

// IsInteger reports INT or BIGINT.
func (t Type) IsInteger() bool { return t == Int || t == BigInt }

// Wider is the higher of two numeric types (INT < BIGINT < FLOAT < DOUBLE).
func Wider(a, b Type) Type {
	if a > b {
		return a
	}
	return b
}

// Column is a named, typed attribute.
type Column struct {
	Name string
	Type Type
}

// ColumnIndex finds a column by exact (case-sensitive) name.
func ColumnIndex(cols []Column, name string) int {
	for i, c := range cols {
		if c.Name == name {
			return i
		}
	}
	return -1
}
