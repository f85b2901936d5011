package interp

import (
	"fmt"

	"github.com/eventflux/eventflux-go/plan"
	rt "github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/agg"
)

// aggState is one aggregate's state for one group, over dynamic values. It
// adapts the typed runtime aggregators; NULL inputs are skipped here for the
// aggregates that ignore NULL (§9.6).
type aggState interface {
	add(v rt.Value)
	remove(v rt.Value)
	reset()
	value() rt.Value
	// state is the runtime aggregator, for snapshots; nil for an avg read
	// off a sum, which has no state of its own.
	state() agg.Snapshotter
}

// typedAgg is what the runtime's aggregators share.
type typedAgg[In, Out any] interface {
	Add(In)
	Remove(In)
	Reset()
	Value() (Out, bool)
}

type adapter[In, Out any] struct {
	a   typedAgg[In, Out]
	in  func(rt.Value) In
	out func(Out) rt.Value
}

func (x *adapter[In, Out]) add(v rt.Value) {
	if !v.Null {
		x.a.Add(x.in(v))
	}
}

func (x *adapter[In, Out]) remove(v rt.Value) {
	if !v.Null {
		x.a.Remove(x.in(v))
	}
}

func (x *adapter[In, Out]) reset() { x.a.Reset() }

func (x *adapter[In, Out]) state() agg.Snapshotter { return x.a.(agg.Snapshotter) }

func (x *adapter[In, Out]) value() rt.Value {
	v, ok := x.a.Value()
	if !ok {
		return vNull
	}
	return x.out(v)
}

func inI(v rt.Value) int64      { return v.I }
func inF(v rt.Value) float64    { return v.F }
func inS(v rt.Value) string     { return v.S }
func inB(v rt.Value) bool       { return v.I != 0 }
func outB(b bool) rt.Value      { return boolV(b) }
func outI(i int64) rt.Value     { return rt.Value{I: i} }
func outF(f float64) rt.Value   { return rt.Value{F: f} }
func outS(s string) rt.Value    { return rt.Value{S: s} }
func outF32(f float64) rt.Value { return rt.Value{F: float64(float32(f))} }

type countAll struct{ c agg.Count }

func (x *countAll) add(rt.Value)           { x.c.Add() }
func (x *countAll) remove(rt.Value)        { x.c.Remove() }
func (x *countAll) reset()                 { x.c.Reset() }
func (x *countAll) value() rt.Value        { return rt.Value{I: x.c.Value()} }
func (x *countAll) state() agg.Snapshotter { return &x.c }

// countNonNull is count(x): NULL inputs are not counted.
type countNonNull struct{ c agg.Count }

func (x *countNonNull) add(v rt.Value) {
	if !v.Null {
		x.c.Add()
	}
}
func (x *countNonNull) remove(v rt.Value) {
	if !v.Null {
		x.c.Remove()
	}
}
func (x *countNonNull) reset()                 { x.c.Reset() }
func (x *countNonNull) value() rt.Value        { return rt.Value{I: x.c.Value()} }
func (x *countNonNull) state() agg.Snapshotter { return &x.c }

// distinct is distinctCount(x) over the argument's typed values, the
// aggregator generated code declares (so the snapshot states agree).
type distinct[K comparable] struct {
	d  agg.DistinctCount[K]
	in func(rt.Value) K
}

func (x *distinct[K]) add(v rt.Value) {
	if v.Null {
		x.d.AddNull()
	} else {
		x.d.Add(x.in(v))
	}
}
func (x *distinct[K]) remove(v rt.Value) {
	if v.Null {
		x.d.RemoveNull()
	} else {
		x.d.Remove(x.in(v))
	}
}
func (x *distinct[K]) reset()                 { x.d.Reset() }
func (x *distinct[K]) value() rt.Value        { return rt.Value{I: x.d.Value()} }
func (x *distinct[K]) state() agg.Snapshotter { return &x.d }

func newDistinct(t plan.Type) aggState {
	switch {
	case t.IsInteger():
		return &distinct[int64]{in: inI}
	case t == plan.Float || t == plan.Double:
		return &distinct[float64]{in: inF}
	case t == plan.String:
		return &distinct[string]{in: inS}
	case t == plan.Bool:
		return &distinct[bool]{in: inB}
	}
	// OBJECT: only NULLs arrive (the checker makes an untyped argument
	// BIGINT, so this is not reached).
	return &distinct[int64]{in: inI}
}

// sharedAvg is an avg(x) the physical plan reads off a sum(x) of the same
// DOUBLE x (AggChoice.SharedSum): it is never updated and has no state.
type sharedAvg struct{ sum *agg.SumFloat }

func (x *sharedAvg) add(rt.Value)           {}
func (x *sharedAvg) remove(rt.Value)        {}
func (x *sharedAvg) reset()                 {}
func (x *sharedAvg) state() agg.Snapshotter { return nil }
func (x *sharedAvg) value() rt.Value {
	m, ok := x.sum.Mean()
	if !ok {
		return vNull
	}
	return outF(m)
}

type boolAgg struct {
	and *agg.And
	or  *agg.Or
}

func (x *boolAgg) add(v rt.Value) {
	if v.Null {
		return
	}
	if x.and != nil {
		x.and.Add(v.I != 0)
	} else {
		x.or.Add(v.I != 0)
	}
}
func (x *boolAgg) remove(v rt.Value) {
	if v.Null {
		return
	}
	if x.and != nil {
		x.and.Remove(v.I != 0)
	} else {
		x.or.Remove(v.I != 0)
	}
}
func (x *boolAgg) reset() {
	if x.and != nil {
		x.and.Reset()
	} else {
		x.or.Reset()
	}
}
func (x *boolAgg) state() agg.Snapshotter {
	if x.and != nil {
		return x.and
	}
	return x.or
}

func (x *boolAgg) value() rt.Value {
	if x.and != nil {
		return boolV(x.and.Value())
	}
	return boolV(x.or.Value())
}

// aggFactory makes fresh states for one AggCall, with the runtime
// aggregator the optimizer chose (plan.AggChoice).
type aggFactory func() aggState

func newAggFactory(ch plan.AggChoice, a plan.AggCall) (aggFactory, error) {
	argT := ch.Elem
	if a.Arg != nil {
		argT = a.Arg.Type()
	}
	out := outF
	if argT == plan.Float {
		out = outF32
	}
	switch ch.Impl {
	case plan.ImplCount:
		return func() aggState { return &countAll{} }, nil
	case plan.ImplCountNonNull:
		return func() aggState { return &countNonNull{} }, nil
	case plan.ImplDistinctCount:
		return func() aggState { return newDistinct(argT) }, nil
	case plan.ImplSumInt:
		return func() aggState { return &adapter[int64, int64]{a: &agg.SumInt{}, in: inI, out: outI} }, nil
	case plan.ImplSumFloat:
		return func() aggState { return &adapter[float64, float64]{a: &agg.SumFloat{}, in: inF, out: outF} }, nil
	case plan.ImplAvgInt:
		return func() aggState { return &adapter[int64, float64]{a: &agg.AvgInt{}, in: inI, out: outF} }, nil
	case plan.ImplAvgFloat:
		return func() aggState { return &adapter[float64, float64]{a: &agg.AvgFloat{}, in: inF, out: outF} }, nil
	case plan.ImplStdDev:
		return func() aggState { return &adapter[float64, float64]{a: &agg.StdDev{}, in: inF, out: outF} }, nil
	case plan.ImplStdDevInt:
		return func() aggState { return &adapter[int64, float64]{a: &agg.StdDevInt{}, in: inI, out: outF} }, nil
	case plan.ImplMin, plan.ImplMax, plan.ImplMinFIFO, plan.ImplMaxFIFO, plan.ImplMinForever, plan.ImplMaxForever,
		plan.ImplFirst, plan.ImplLast:
		return orderedAgg(ch.Impl, argT, out)
	case plan.ImplAnd:
		return func() aggState { return &boolAgg{and: &agg.And{}} }, nil
	case plan.ImplOr:
		return func() aggState { return &boolAgg{or: &agg.Or{}} }, nil
	}
	return nil, fmt.Errorf("interp: aggregator %s is not implemented", ch.Impl)
}

func orderedAgg(impl plan.AggImpl, t plan.Type, outFloat func(float64) rt.Value) (aggFactory, error) {
	switch {
	case t == plan.Bool && (impl == plan.ImplFirst || impl == plan.ImplLast):
		return func() aggState { return &adapter[bool, bool]{a: newFirstLast[bool](impl), in: inB, out: outB} }, nil
	case t.IsInteger():
		return func() aggState { return &adapter[int64, int64]{a: newOrdered[int64](impl), in: inI, out: outI} }, nil
	case t == plan.Float || t == plan.Double:
		return func() aggState {
			return &adapter[float64, float64]{a: newOrdered[float64](impl), in: inF, out: outFloat}
		}, nil
	case t == plan.String:
		return func() aggState { return &adapter[string, string]{a: newOrdered[string](impl), in: inS, out: outS} }, nil
	}
	return nil, fmt.Errorf("interp: %s over %s is not supported", impl, t)
}

// newFirstLast is first or last over any comparable T (BOOL has no order).
func newFirstLast[T comparable](impl plan.AggImpl) typedAgg[T, T] {
	if impl == plan.ImplFirst {
		return &agg.First[T]{}
	}
	return &agg.Last[T]{}
}

func newOrdered[T int64 | float64 | string](impl plan.AggImpl) typedAgg[T, T] {
	switch impl {
	case plan.ImplMin:
		return &agg.Min[T]{}
	case plan.ImplMinFIFO:
		return &agg.MinFIFO[T]{}
	case plan.ImplMaxFIFO:
		return &agg.MaxFIFO[T]{}
	case plan.ImplMax:
		return &agg.Max[T]{}
	case plan.ImplMinForever:
		return &agg.MinForever[T]{}
	case plan.ImplMaxForever:
		return &agg.MaxForever[T]{}
	case plan.ImplFirst:
		return &agg.First[T]{}
	}
	return &agg.Last[T]{}
}
