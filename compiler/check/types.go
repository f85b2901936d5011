package check

import (
	"strings"

	"github.com/eventflux/eventflux-go/compiler/ast"
	"github.com/eventflux/eventflux-go/compiler/diag"
	"github.com/eventflux/eventflux-go/plan"
)

// columnTypes maps the accepted SQL spellings onto the six types (LANGUAGE.md §2.1).
var columnTypes = map[string]plan.Type{
	"STRING": plan.String, "VARCHAR": plan.String, "TEXT": plan.String, "CHAR": plan.String,
	"CHARACTER VARYING": plan.String, "CHARACTER": plan.String,
	"INT": plan.Int, "INTEGER": plan.Int, "SMALLINT": plan.Int, "TINYINT": plan.Int, "INT2": plan.Int, "INT4": plan.Int,
	"BIGINT": plan.BigInt, "LONG": plan.BigInt, "INT8": plan.BigInt, "TIMESTAMP": plan.BigInt,
	"DATETIME": plan.BigInt, "DATE": plan.BigInt, "TIME": plan.BigInt,
	"FLOAT": plan.Float, "REAL": plan.Float,
	"DOUBLE": plan.Double, "DOUBLE PRECISION": plan.Double, "DECIMAL": plan.Double, "NUMERIC": plan.Double,
	"BOOLEAN": plan.Bool, "BOOL": plan.Bool,
}

func resolveType(t ast.TypeName) (plan.Type, *diag.Error) {
	name := strings.ToUpper(strings.TrimSpace(t.Name))
	if i := strings.IndexByte(name, '('); i >= 0 { // VARCHAR(20): lengths are ignored
		name = strings.TrimSpace(name[:i])
	}
	if ty, ok := columnTypes[name]; ok {
		return ty, nil
	}
	return 0, diag.Errorf(t.Pos, "E110", "Unsupported SQL type: %s", name).
		WithHint("the types are STRING, INT, BIGINT, FLOAT, DOUBLE and BOOL")
}
