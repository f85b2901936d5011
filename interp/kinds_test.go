package interp

import (
	"reflect"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/plan"
	rt "github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/rate"
)

// The plan's enums and the runtime's are mapped by name; these tests pin
// every mapping, and that the interpreter instantiates exactly the runtime
// types the plan names (the code generator emits those names).

func TestTypeMappingIsByName(t *testing.T) {
	for pt := plan.Object; pt <= plan.Bool; pt++ {
		rtt, ok := runtimeTypes[pt]
		if !ok {
			t.Fatalf("plan type %s has no runtime type", pt)
		}
		if rtt.String() != pt.String() {
			t.Errorf("plan type %s maps to runtime type %s", pt, rtt)
		}
	}
	if len(runtimeTypes) != int(plan.Bool)+1 {
		t.Errorf("%d mapped types; plan has %d", len(runtimeTypes), int(plan.Bool)+1)
	}
}

func TestStreamKindMapping(t *testing.T) {
	want := map[plan.RelKind]rt.StreamKind{plan.StreamRel: rt.KindStream, plan.TableRel: rt.KindTable, plan.TriggerRel: rt.KindTrigger}
	if !reflect.DeepEqual(streamKinds, want) {
		t.Fatalf("stream kinds: %v", streamKinds)
	}
}

func TestRateModeMapping(t *testing.T) {
	want := map[plan.RateMode]rate.Mode{plan.RateAll: rate.All, plan.RateFirst: rate.First, plan.RateLast: rate.Last, plan.RateSnapshot: rate.Snapshot}
	if !reflect.DeepEqual(rateModes, want) {
		t.Fatalf("rate modes: %v", rateModes)
	}
}

// runtimeName is a runtime type's name without package or type parameters.
func runtimeName(v any) string {
	n := reflect.TypeOf(v).Elem().Name()
	n, _, _ = strings.Cut(n, "[")
	return n
}

func TestAggregatorsAreThePlansRuntimeTypes(t *testing.T) {
	for impl := plan.ImplCount; impl <= plan.ImplLast; impl++ {
		elem := plan.Double
		call := plan.AggCall{T: plan.Double, Arg: &plan.Const{T: plan.Double}}
		switch impl {
		case plan.ImplCount:
			call.Arg = nil
		case plan.ImplSumInt, plan.ImplAvgInt:
			call.Arg, elem = &plan.Const{T: plan.BigInt}, plan.BigInt
		case plan.ImplAnd, plan.ImplOr:
			call.Arg, elem = &plan.Const{T: plan.Bool}, plan.Bool
		}
		f, err := newAggFactory(plan.AggChoice{Impl: impl, Elem: elem, SharedSum: -1}, call)
		if err != nil {
			t.Fatalf("%s: %v", impl, err)
		}
		if got := runtimeName(f().state()); got != impl.RuntimeType() {
			t.Errorf("%s: the interpreter instantiates agg.%s, the plan (and generated code) name agg.%s", impl, got, impl.RuntimeType())
		}
	}
}

func TestWindowsAreThePlansRuntimeTypes(t *testing.T) {
	b := &plan.Binding{Name: "S", Rel: &plan.Relation{Name: "S", Columns: []plan.Column{{Name: "ts", Type: plan.BigInt}}}}
	ts := b.Ref(0)
	specs := []plan.WindowSpec{plan.LengthSpec{N: 2}, plan.LengthBatchSpec{N: 2}, plan.TimeSpec{Millis: 1}, plan.TimeBatchSpec{Millis: 1},
		plan.HopSpec{Size: 2, Slide: 1}, plan.TimeLengthSpec{Millis: 1, N: 2}, plan.BatchSpec{}, plan.DelaySpec{Millis: 1},
		&plan.ExternalTimeSpec{Ts: ts, Millis: 1}, &plan.ExternalTimeBatchSpec{Ts: ts, Millis: 1}, &plan.SessionSpec{Gap: 1},
		&plan.SortSpec{N: 2, Keys: []plan.WindowSortKey{{Col: ts}}}, &plan.UniqueSpec{Keys: []*plan.ColRef{ts}},
		&plan.FirstUniqueSpec{Keys: []*plan.ColRef{ts}}, &plan.FrequentSpec{N: 2, Keys: []*plan.ColRef{ts}},
		&plan.LossyFrequentSpec{Support: 0.5, ErrorRate: 0.1, Keys: []*plan.ColRef{ts}}, plan.CronSpec{Expr: "* * * * * ?"}}
	seen := map[plan.WindowKind]bool{}
	for _, spec := range specs {
		w, err := newWindow(spec, plan.BindingLayout(b), func(error) {})
		if err != nil {
			t.Fatalf("%s: %v", spec.Kind(), err)
		}
		if got := runtimeName(w); got != spec.Kind().RuntimeType() {
			t.Errorf("%s: the interpreter instantiates window.%s, the plan (and generated code) name window.%s", spec.Kind(), got, spec.Kind().RuntimeType())
		}
		seen[spec.Kind()] = true
	}
	for _, k := range plan.WindowKinds() {
		if !seen[k] {
			t.Errorf("window kind %s is not covered", k)
		}
	}
}
