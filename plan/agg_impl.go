package plan

import "fmt"

// AggImpl is the runtime aggregator (a type of runtime/agg) chosen for one
// aggregate call. The optimizer chooses it; the interpreter instantiates
// the type, the code generator declares a field of it.
type AggImpl uint8

const (
	ImplCount        AggImpl = iota + 1 // count(): every event
	ImplCountNonNull                    // count(x): events with a non-NULL x
	ImplSumInt
	ImplSumFloat
	ImplAvgInt
	ImplAvgFloat
	ImplStdDev    // over FLOAT/DOUBLE
	ImplStdDevInt // over INT/BIGINT: exact in int64
	ImplDistinctCount
	ImplAnd
	ImplOr
	ImplMin // ordered multiset: any removal order
	ImplMax
	ImplMinFIFO // monotonic deque: removals in arrival order only
	ImplMaxFIFO
	ImplMinForever
	ImplMaxForever
	ImplFirst
	ImplLast
)

type aggImplInfo struct {
	// runtime is the runtime/agg type name.
	runtime string
	// generic types take the element type as their type parameter.
	generic bool
	// counts: Add/Remove take no value (count()).
	counts bool
}

var aggImpls = [...]aggImplInfo{
	ImplCount:         {runtime: "Count", counts: true},
	ImplCountNonNull:  {runtime: "Count", counts: true},
	ImplSumInt:        {runtime: "SumInt"},
	ImplSumFloat:      {runtime: "SumFloat"},
	ImplAvgInt:        {runtime: "AvgInt"},
	ImplAvgFloat:      {runtime: "AvgFloat"},
	ImplStdDev:        {runtime: "StdDev"},
	ImplStdDevInt:     {runtime: "StdDevInt"},
	ImplDistinctCount: {runtime: "DistinctCount", generic: true},
	ImplAnd:           {runtime: "And"},
	ImplOr:            {runtime: "Or"},
	ImplMin:           {runtime: "Min", generic: true},
	ImplMax:           {runtime: "Max", generic: true},
	ImplMinFIFO:       {runtime: "MinFIFO", generic: true},
	ImplMaxFIFO:       {runtime: "MaxFIFO", generic: true},
	ImplMinForever:    {runtime: "MinForever", generic: true},
	ImplMaxForever:    {runtime: "MaxForever", generic: true},
	ImplFirst:         {runtime: "First", generic: true},
	ImplLast:          {runtime: "Last", generic: true},
}

func (i AggImpl) info() aggImplInfo {
	if int(i) < len(aggImpls) {
		return aggImpls[i]
	}
	return aggImplInfo{runtime: fmt.Sprintf("AggImpl(%d)", i)}
}

// RuntimeType is the name of the runtime/agg type.
func (i AggImpl) RuntimeType() string { return i.info().runtime }

// Generic reports runtime types parameterized by the element type.
func (i AggImpl) Generic() bool { return i.info().generic }

// Counts reports aggregators whose Add and Remove take no value.
func (i AggImpl) Counts() bool { return i.info().counts }

func (i AggImpl) String() string {
	if i == ImplCountNonNull {
		return "CountNonNull"
	}
	return i.info().runtime
}

// AggChoice is the implementation of one aggregate call.
type AggChoice struct {
	Impl AggImpl
	// Elem is the element type of a generic implementation (the argument's
	// type); Object otherwise.
	Elem Type
	// SharedSum, when >= 0, is the slot of a sum(x) over the same DOUBLE x
	// whose running state this avg(x) reads (it is never updated itself).
	SharedSum int
}

// Format renders the choice as e.g. Min[DOUBLE] or AvgFloat(read off agg#1).
func (c AggChoice) Format() string {
	s := c.Impl.String()
	if c.Impl.Generic() {
		s += "[" + c.Elem.String() + "]"
	}
	if c.SharedSum >= 0 {
		s += fmt.Sprintf("(read off agg#%d)", c.SharedSum)
	}
	return s
}
