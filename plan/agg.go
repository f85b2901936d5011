package plan

import "fmt"

// AggFunc names an aggregate function of LANGUAGE.md §9.6.
type AggFunc uint8

const (
	AggCount AggFunc = iota + 1
	AggSum
	AggAvg
	AggMin
	AggMax
	AggMinForever
	AggMaxForever
	AggDistinctCount
	AggStdDev
	AggFirst
	AggLast
	AggAnd
	AggOr
)

// aggFuncNames are the canonical lower-case names (as plans print them).
var aggFuncNames = [...]string{
	AggCount: "count", AggSum: "sum", AggAvg: "avg", AggMin: "min", AggMax: "max",
	AggMinForever: "minforever", AggMaxForever: "maxforever", AggDistinctCount: "distinctcount",
	AggStdDev: "stddev", AggFirst: "first", AggLast: "last", AggAnd: "and", AggOr: "or",
}

func (f AggFunc) String() string {
	if int(f) < len(aggFuncNames) && aggFuncNames[f] != "" {
		return aggFuncNames[f]
	}
	return fmt.Sprintf("AggFunc(%d)", f)
}

// AggFuncByName finds an aggregate by its canonical lower-case name.
func AggFuncByName(name string) (AggFunc, bool) {
	for f, n := range aggFuncNames {
		if n == name && n != "" {
			return AggFunc(f), true
		}
	}
	return 0, false
}
