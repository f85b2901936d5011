package interp

import (
	"fmt"

	"github.com/eventflux/eventflux-go/plan"
	rt "github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/window"
)

// newWindow instantiates the runtime window for a spec over dynamic rows;
// the code generator instantiates the same constructors over typed structs.
func newWindow(spec plan.WindowSpec, schema []plan.Column, onError func(error)) (window.Window[rt.Row], error) {
	switch spec.Kind {
	case "length":
		return window.NewLength[rt.Row](int(spec.Length)), nil
	case "lengthBatch":
		return window.NewLengthBatch[rt.Row](int(spec.Length)), nil
	case "time":
		return window.NewTime[rt.Row](spec.Millis), nil
	case "timeBatch":
		return window.NewTimeBatch[rt.Row](spec.Millis), nil
	case "hop":
		return window.NewHop[rt.Row](spec.Millis, spec.Slide), nil
	case "timeLength":
		return window.NewTimeLength[rt.Row](spec.Millis, int(spec.Length)), nil
	case "batch":
		return window.NewBatch[rt.Row](), nil
	case "delay":
		return window.NewDelay[rt.Row](spec.Millis), nil
	case "externalTime", "externalTimeBatch":
		col := spec.Attrs[0]
		ts := func(r rt.Row) (int64, bool) { return r[col].I, !r[col].Null }
		if spec.Kind == "externalTime" {
			w := window.NewExternalTime[rt.Row](ts, spec.Millis)
			w.OnError = onError
			return w, nil
		}
		w := window.NewExternalTimeBatch[rt.Row](ts, spec.Millis)
		w.OnError = onError
		return w, nil
	case "session":
		return window.NewSession[rt.Row, string](spec.Millis, rowKey(spec.Attrs), spec.Latency), nil
	case "sort":
		return window.NewSort[rt.Row](int(spec.Length), sortCompare(spec.Sort)), nil
	case "unique":
		return window.NewUnique[rt.Row, string](rowKey(spec.Attrs)), nil
	case "firstUnique":
		return window.NewFirstUnique[rt.Row, string](rowKey(spec.Attrs)), nil
	case "frequent":
		return window.NewFrequent[rt.Row, string](int(spec.Length), rowKey(allColumns(spec.Attrs, schema))), nil
	case "lossyFrequent":
		return window.NewLossyFrequent[rt.Row, string](spec.Support, spec.ErrorRate, rowKey(allColumns(spec.Attrs, schema))), nil
	case "cron":
		return window.NewCron[rt.Row](spec.Cron)
	}
	return nil, fmt.Errorf("interp: window %s is not implemented", spec.Kind)
}

// allColumns: frequent windows without attributes key on the whole event.
func allColumns(attrs []int, schema []plan.Column) []int {
	if len(attrs) > 0 {
		return attrs
	}
	all := make([]int, len(schema))
	for i := range all {
		all[i] = i
	}
	return all
}

// rowKey encodes the key columns of a row (NULL is a key of its own).
func rowKey(cols []int) func(rt.Row) string {
	if len(cols) == 0 {
		return func(rt.Row) string { return "" }
	}
	return func(r rt.Row) string {
		var b []byte
		for _, c := range cols {
			b = appendKey(b, r[c])
		}
		return string(b)
	}
}

func sortCompare(keys []plan.SortKey) func(a, b rt.Row) int {
	type k struct {
		col  int
		cmp  func(a, b rt.Value) int
		desc bool
	}
	ks := make([]k, len(keys))
	for i, key := range keys {
		ref := key.Expr.(*plan.ColRef)
		ks[i] = k{ref.Index, compareFn(ref.T), key.Desc}
	}
	return func(a, b rt.Row) int {
		for _, key := range ks {
			x, y := a[key.col], b[key.col]
			var c int
			switch {
			case x.Null && y.Null:
			case x.Null:
				c = -1
			case y.Null:
				c = 1
			default:
				if c = key.cmp(x, y); c == 2 {
					c = 0
				}
			}
			if key.desc {
				c = -c
			}
			if c != 0 {
				return c
			}
		}
		return 0
	}
}
