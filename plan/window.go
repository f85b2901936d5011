package plan

import (
	"fmt"
	"strconv"
	"strings"
)

// WindowKind names a window type of LANGUAGE.md §3 and §0.2.
type WindowKind uint8

const (
	WinLength WindowKind = iota + 1
	WinLengthBatch
	WinTime
	WinTimeBatch
	WinHop
	WinTimeLength
	WinBatch
	WinDelay
	WinExternalTime
	WinExternalTimeBatch
	WinSession
	WinSort
	WinUnique
	WinFirstUnique
	WinFrequent
	WinLossyFrequent
	WinCron
)

// windowKindInfo is what every layer needs to know about a kind, stated
// once: the optimizer, both backends and explain read it from here.
type windowKindInfo struct {
	name string
	// runtime is the runtime/window type implementing the kind.
	runtime string
	// timed windows act on the clock (they have timer deadlines).
	timed bool
	// fifo windows remove events in the order they arrived (batch windows
	// expire whole batches in order, then RESET), so min/max can use
	// monotonic deques.
	fifo bool
	// batch windows flush as one chunk EXPIRED(old)…, RESET, CURRENT(new)….
	batch bool
	// silent windows emit nothing on arrival (they only hold or buffer)
	// and everything at their timers.
	silent bool
}

var windowKinds = [...]windowKindInfo{
	WinLength:            {name: "length", runtime: "Length", fifo: true},
	WinLengthBatch:       {name: "lengthBatch", runtime: "LengthBatch", fifo: true, batch: true},
	WinTime:              {name: "time", runtime: "Time", timed: true},
	WinTimeBatch:         {name: "timeBatch", runtime: "TimeBatch", timed: true, fifo: true, batch: true, silent: true},
	WinHop:               {name: "hop", runtime: "Hop", timed: true, fifo: true, batch: true, silent: true},
	WinTimeLength:        {name: "timeLength", runtime: "TimeLength", timed: true},
	WinBatch:             {name: "batch", runtime: "Batch", fifo: true, batch: true},
	WinDelay:             {name: "delay", runtime: "Delay", timed: true, fifo: true, silent: true}, // never removes: releases as CURRENT
	WinExternalTime:      {name: "externalTime", runtime: "ExternalTime", fifo: true},
	WinExternalTimeBatch: {name: "externalTimeBatch", runtime: "ExternalTimeBatch", fifo: true, batch: true},
	WinSession:           {name: "session", runtime: "Session", timed: true},
	WinSort:              {name: "sort", runtime: "Sort"},
	WinUnique:            {name: "unique", runtime: "Unique"},
	WinFirstUnique:       {name: "firstUnique", runtime: "FirstUnique", fifo: true}, // never removes
	WinFrequent:          {name: "frequent", runtime: "Frequent"},
	WinLossyFrequent:     {name: "lossyFrequent", runtime: "LossyFrequent"},
	WinCron:              {name: "cron", runtime: "Cron", timed: true, fifo: true, batch: true, silent: true},
}

// WindowKinds lists every kind in declaration order.
func WindowKinds() []WindowKind {
	out := make([]WindowKind, 0, len(windowKinds)-1)
	for k := WinLength; int(k) < len(windowKinds); k++ {
		out = append(out, k)
	}
	return out
}

func (k WindowKind) info() windowKindInfo {
	if int(k) < len(windowKinds) {
		return windowKinds[k]
	}
	return windowKindInfo{name: fmt.Sprintf("WindowKind(%d)", k)}
}

// String is the canonical name (as efc explain and the docs spell it).
func (k WindowKind) String() string { return k.info().name }

// RuntimeType is the name of the runtime/window type implementing the kind.
func (k WindowKind) RuntimeType() string { return k.info().runtime }

// Keyed reports windows whose runtime type takes a key type parameter.
func (k WindowKind) Keyed() bool {
	switch k {
	case WinSession, WinUnique, WinFirstUnique, WinFrequent, WinLossyFrequent:
		return true
	}
	return false
}

// Timed reports windows that act on the clock; the others only react to
// arrivals and need no scheduler slot.
func (k WindowKind) Timed() bool { return k.info().timed }

// FIFORemoval reports windows that remove events in arrival order (delay
// and firstUnique never remove any). Windows ordered by deadline (time,
// timeLength), by key (session, unique, frequent, lossyFrequent) or by
// value (sort) do not.
func (k WindowKind) FIFORemoval() bool { return k.info().fifo }

// SilentArrival reports timed windows whose Arrive only holds or buffers:
// they emit at their timers only (runtime/window; a codegen test checks).
func (k WindowKind) SilentArrival() bool { return k.info().silent }

// Batch reports windows whose flushes are EXPIRED…, RESET, CURRENT….
func (k WindowKind) Batch() bool { return k.info().batch }

// WindowSpec is a window kind with its checked constant parameters: one
// struct per kind, so no field changes meaning between kinds.
type WindowSpec interface {
	Kind() WindowKind
	// Refs are the input columns the window itself reads (timestamp
	// attribute, keys, sort keys), for the passes that track columns.
	Refs() []*ColRef
	// params renders the parameters for explain.
	params() []string
}

// LengthSpec is length(n): the last n events.
type LengthSpec struct{ N int64 }

// LengthBatchSpec is lengthBatch(n): batches of n events.
type LengthBatchSpec struct{ N int64 }

// TimeSpec is time(t): events of the last t ms.
type TimeSpec struct{ Millis int64 }

// TimeBatchSpec is timeBatch(t), alias tumbling.
type TimeBatchSpec struct{ Millis int64 }

// HopSpec is hop(size, slide), alias sliding (§0.2).
type HopSpec struct{ Size, Slide int64 }

// TimeLengthSpec is timeLength(t, n) (§0.2).
type TimeLengthSpec struct {
	Millis int64
	N      int64
}

// BatchSpec is batch(): each chunk is one batch (§0.2).
type BatchSpec struct{}

// DelaySpec is delay(t).
type DelaySpec struct{ Millis int64 }

// ExternalTimeSpec is externalTime(ts, t): time taken from the Ts column.
type ExternalTimeSpec struct {
	Ts     *ColRef
	Millis int64
}

// ExternalTimeBatchSpec is externalTimeBatch(ts, t).
type ExternalTimeBatchSpec struct {
	Ts     *ColRef
	Millis int64
}

// SessionSpec is session(gap[, key[, latency]]).
type SessionSpec struct {
	Gap     int64
	Key     *ColRef // nil: one session for all events
	Latency int64   // allowed latency, ms
}

// SortSpec is sort(n, key [asc|desc], …).
type SortSpec struct {
	N    int64
	Keys []WindowSortKey
}

// WindowSortKey orders a sort window by one column.
type WindowSortKey struct {
	Col  *ColRef
	Desc bool
}

// UniqueSpec is unique(keys…): the latest event per key.
type UniqueSpec struct{ Keys []*ColRef }

// FirstUniqueSpec is firstUnique(keys…): the first event per key.
type FirstUniqueSpec struct{ Keys []*ColRef }

// FrequentSpec is frequent(n[, keys…]); no keys means the whole event.
type FrequentSpec struct {
	N    int64
	Keys []*ColRef
}

// LossyFrequentSpec is lossyFrequent(support[, error][, keys…]).
type LossyFrequentSpec struct {
	Support, ErrorRate float64
	Keys               []*ColRef
}

// CronSpec is cron('expr') (§0.2).
type CronSpec struct{ Expr string }

func (LengthSpec) Kind() WindowKind             { return WinLength }
func (LengthBatchSpec) Kind() WindowKind        { return WinLengthBatch }
func (TimeSpec) Kind() WindowKind               { return WinTime }
func (TimeBatchSpec) Kind() WindowKind          { return WinTimeBatch }
func (HopSpec) Kind() WindowKind                { return WinHop }
func (TimeLengthSpec) Kind() WindowKind         { return WinTimeLength }
func (BatchSpec) Kind() WindowKind              { return WinBatch }
func (DelaySpec) Kind() WindowKind              { return WinDelay }
func (*ExternalTimeSpec) Kind() WindowKind      { return WinExternalTime }
func (*ExternalTimeBatchSpec) Kind() WindowKind { return WinExternalTimeBatch }
func (*SessionSpec) Kind() WindowKind           { return WinSession }
func (*SortSpec) Kind() WindowKind              { return WinSort }
func (*UniqueSpec) Kind() WindowKind            { return WinUnique }
func (*FirstUniqueSpec) Kind() WindowKind       { return WinFirstUnique }
func (*FrequentSpec) Kind() WindowKind          { return WinFrequent }
func (*LossyFrequentSpec) Kind() WindowKind     { return WinLossyFrequent }
func (CronSpec) Kind() WindowKind               { return WinCron }

func (LengthSpec) Refs() []*ColRef               { return nil }
func (LengthBatchSpec) Refs() []*ColRef          { return nil }
func (TimeSpec) Refs() []*ColRef                 { return nil }
func (TimeBatchSpec) Refs() []*ColRef            { return nil }
func (HopSpec) Refs() []*ColRef                  { return nil }
func (TimeLengthSpec) Refs() []*ColRef           { return nil }
func (BatchSpec) Refs() []*ColRef                { return nil }
func (DelaySpec) Refs() []*ColRef                { return nil }
func (w *ExternalTimeSpec) Refs() []*ColRef      { return []*ColRef{w.Ts} }
func (w *ExternalTimeBatchSpec) Refs() []*ColRef { return []*ColRef{w.Ts} }
func (w *UniqueSpec) Refs() []*ColRef            { return w.Keys }
func (w *FirstUniqueSpec) Refs() []*ColRef       { return w.Keys }
func (w *FrequentSpec) Refs() []*ColRef          { return w.Keys }
func (w *LossyFrequentSpec) Refs() []*ColRef     { return w.Keys }
func (CronSpec) Refs() []*ColRef                 { return nil }

func (w *SessionSpec) Refs() []*ColRef {
	if w.Key == nil {
		return nil
	}
	return []*ColRef{w.Key}
}

func (w *SortSpec) Refs() []*ColRef {
	out := make([]*ColRef, len(w.Keys))
	for i, k := range w.Keys {
		out[i] = k.Col
	}
	return out
}

func (w LengthSpec) params() []string      { return []string{itoa(w.N)} }
func (w LengthBatchSpec) params() []string { return []string{itoa(w.N)} }
func (w TimeSpec) params() []string        { return []string{ms(w.Millis)} }
func (w TimeBatchSpec) params() []string   { return []string{ms(w.Millis)} }
func (w HopSpec) params() []string         { return []string{ms(w.Size), ms(w.Slide)} }
func (w TimeLengthSpec) params() []string  { return []string{ms(w.Millis), itoa(w.N)} }
func (BatchSpec) params() []string         { return nil }
func (w DelaySpec) params() []string       { return []string{ms(w.Millis)} }
func (w *ExternalTimeSpec) params() []string {
	return []string{FormatExpr(w.Ts), ms(w.Millis)}
}
func (w *ExternalTimeBatchSpec) params() []string {
	return []string{FormatExpr(w.Ts), ms(w.Millis)}
}
func (w *SessionSpec) params() []string {
	out := []string{ms(w.Gap)}
	if w.Key != nil {
		out = append(out, FormatExpr(w.Key))
	}
	if w.Latency > 0 {
		out = append(out, ms(w.Latency))
	}
	return out
}
func (w *SortSpec) params() []string {
	out := []string{itoa(w.N)}
	for _, k := range w.Keys {
		s := FormatExpr(k.Col)
		if k.Desc {
			s += " DESC"
		}
		out = append(out, s)
	}
	return out
}
func (w *UniqueSpec) params() []string      { return refList(w.Keys) }
func (w *FirstUniqueSpec) params() []string { return refList(w.Keys) }
func (w *FrequentSpec) params() []string    { return append([]string{itoa(w.N)}, refList(w.Keys)...) }
func (w *LossyFrequentSpec) params() []string {
	return append([]string{strconv.FormatFloat(w.Support, 'g', -1, 64), strconv.FormatFloat(w.ErrorRate, 'g', -1, 64)}, refList(w.Keys)...)
}
func (w CronSpec) params() []string { return []string{"'" + w.Expr + "'"} }

func refList(refs []*ColRef) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = FormatExpr(r)
	}
	return out
}

// FormatWindow renders a window spec as kind(params).
func FormatWindow(w WindowSpec) string {
	return w.Kind().String() + "(" + strings.Join(w.params(), ", ") + ")"
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

func ms(v int64) string { return strconv.FormatInt(v, 10) + "ms" }
