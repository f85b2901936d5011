package runtime

import "fmt"

// Type is a column type (LANGUAGE.md §2.1). Object is the internal type of
// the NULL literal and of values whose type is unknown.
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

// Column is a named, typed attribute of a stream schema.
type Column struct {
	Name string
	Type Type
}
