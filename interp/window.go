package interp

import (
	"fmt"

	"github.com/eventflux/eventflux-go/plan"
	rt "github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/key"
	"github.com/eventflux/eventflux-go/runtime/sel"
	"github.com/eventflux/eventflux-go/runtime/window"
)

// newWindow instantiates the runtime window for a spec over dynamic rows
// laid out as row; the code generator instantiates the same constructors
// over typed structs.
func newWindow(spec plan.WindowSpec, row *plan.Layout, onError func(error)) (window.Window[rt.Row], error) {
	keys := func(refs []*plan.ColRef) (func(rt.Row) string, error) {
		cols, err := slots(refs, row)
		if err != nil {
			return nil, err
		}
		return rowKey(cols, refs), nil
	}
	switch w := spec.(type) {
	case plan.LengthSpec:
		return window.NewLength[rt.Row](int(w.N)), nil
	case plan.LengthBatchSpec:
		return window.NewLengthBatch[rt.Row](int(w.N)), nil
	case plan.TimeSpec:
		return window.NewTime[rt.Row](w.Millis), nil
	case plan.TimeBatchSpec:
		return window.NewTimeBatch[rt.Row](w.Millis), nil
	case plan.HopSpec:
		return window.NewHop[rt.Row](w.Size, w.Slide), nil
	case plan.TimeLengthSpec:
		return window.NewTimeLength[rt.Row](w.Millis, int(w.N)), nil
	case plan.BatchSpec:
		return window.NewBatch[rt.Row](), nil
	case plan.DelaySpec:
		return window.NewDelay[rt.Row](w.Millis), nil
	case *plan.ExternalTimeSpec, *plan.ExternalTimeBatchSpec:
		col, err := row.Resolve(spec.Refs()[0])
		if err != nil {
			return nil, err
		}
		ts := func(r rt.Row) (int64, bool) { return r[col].I, !r[col].Null }
		if w, ok := w.(*plan.ExternalTimeSpec); ok {
			win := window.NewExternalTime[rt.Row](ts, w.Millis)
			win.OnError = onError
			return win, nil
		}
		win := window.NewExternalTimeBatch[rt.Row](ts, w.(*plan.ExternalTimeBatchSpec).Millis)
		win.OnError = onError
		return win, nil
	case *plan.SessionSpec:
		key, err := keys(w.Refs())
		if err != nil {
			return nil, err
		}
		return window.NewSession[rt.Row, string](w.Gap, key, w.Latency), nil
	case *plan.SortSpec:
		cmp, err := sortCompare(w.Keys, row)
		if err != nil {
			return nil, err
		}
		return window.NewSort[rt.Row](int(w.N), cmp), nil
	case *plan.UniqueSpec:
		key, err := keys(w.Keys)
		if err != nil {
			return nil, err
		}
		return window.NewUnique[rt.Row, string](key), nil
	case *plan.FirstUniqueSpec:
		key, err := keys(w.Keys)
		if err != nil {
			return nil, err
		}
		return window.NewFirstUnique[rt.Row, string](key), nil
	case *plan.FrequentSpec:
		key, err := keys(w.Keys)
		if err != nil {
			return nil, err
		}
		return window.NewFrequent[rt.Row, string](int(w.N), key), nil
	case *plan.LossyFrequentSpec:
		key, err := keys(w.Keys)
		if err != nil {
			return nil, err
		}
		return window.NewLossyFrequent[rt.Row, string](w.Support, w.ErrorRate, key), nil
	case plan.CronSpec:
		return window.NewCron[rt.Row](w.Expr)
	}
	return nil, fmt.Errorf("interp: window %s is not implemented", spec.Kind())
}

// rowKey encodes the key columns of a row as GROUP BY keys are encoded
// (runtime/key: NULL is a key of its own, -0.0 is 0.0, NaN meets NaN).
func rowKey(cols []int, refs []*plan.ColRef) func(rt.Row) string {
	if len(cols) == 0 {
		return func(rt.Row) string { return "" }
	}
	return func(r rt.Row) string {
		var b []byte
		for i, c := range cols {
			b = key.AppendValue(b, rt.Type(refs[i].T), r[c])
		}
		return string(b)
	}
}

func sortCompare(keys []plan.WindowSortKey, row *plan.Layout) (func(a, b rt.Row) int, error) {
	type k struct {
		col  int
		cmp  func(a, b rt.Value) int
		desc bool
	}
	ks := make([]k, len(keys))
	for i, key := range keys {
		col, err := row.Resolve(key.Col)
		if err != nil {
			return nil, err
		}
		ks[i] = k{col, orderFn(key.Col.T), key.Desc}
	}
	return func(a, b rt.Row) int {
		for _, key := range ks {
			x, y := a[key.col], b[key.col]
			c, decided := sel.Nulls(x.Null, y.Null)
			if !decided {
				c = key.cmp(x, y)
			}
			if key.desc {
				c = -c
			}
			if c != 0 {
				return c
			}
		}
		return 0
	}, nil
}
