package difftest

import (
	"math"
	"math/rand/v2"

	rt "github.com/eventflux/eventflux-go/runtime"
)

// StartClock is where every run's virtual clock starts (FORMAT.md, Time).
const StartClock int64 = 1700006400000

// Step is one step of a run: a sleep (Sleep > 0), a send into the input
// stream of one event (Batch false) or of a batch delivered as one chunk,
// or one of the persistence steps of FORMAT.md (Persist, Restore,
// Restart). Values are the Go values a JSON case would deliver: int64 for
// INT and BIGINT columns, float64 for FLOAT and DOUBLE, string, bool or
// nil.
type Step struct {
	Sleep   int64
	Rows    [][]any
	Batch   bool
	Ts      int64 // explicit event timestamp when HasTs
	HasTs   bool
	Persist bool
	Restore bool
	Restart bool
}

func (s Step) clone() Step {
	c := s
	c.Rows = make([][]any, len(s.Rows))
	for i, row := range s.Rows {
		c.Rows[i] = append([]any(nil), row...)
	}
	return c
}

// sleeps cross the generated window durations on both sides of a boundary.
var sleeps = []int64{1, 50, 99, 100, 101, 250, 400, 499, 500, 501, 999, 1000, 1001, 1500, 2000, 3100}

// tsOffsets are explicit timestamps relative to the clock, including late ones.
var tsOffsets = []int64{-700, -100, 0, 0, 50, 300, 1000}

// valueGen draws column values from small domains, so groups, duplicates
// and ties occur, with a few extremes for overflow and rounding paths.
type valueGen struct {
	r        *rand.Rand
	nullRate float64
	// extTime holds the columns an externalTime window reads: they get
	// mostly increasing values, sometimes late ones.
	extTime map[int]bool
	extNow  int64
}

func genSteps(r *rand.Rand, app *App) []Step {
	v := &valueGen{r: r, nullRate: pick(r, []float64{0, 0.05, 0.05, 0.2}), extTime: map[int]bool{}, extNow: 1000}
	for _, q := range app.Queries {
		if q.From == InputStream && q.Window != nil && (q.Window.Kind == "externalTime" || q.Window.Kind == "externalTimeBatch") {
			for i, c := range app.Input {
				if sqlName(c.Name) == q.Window.Args[0] {
					v.extTime[i] = true
				}
			}
		}
	}
	clock := StartClock
	var steps []Step
	for n := 5 + r.IntN(30); n > 0; n-- {
		switch k := r.IntN(20); {
		case k < 4:
			s := pick(r, sleeps)
			clock += s
			steps = append(steps, Step{Sleep: s})
		case k < 7:
			s := Step{Batch: true}
			for m := 1 + r.IntN(4); m > 0; m-- {
				s.Rows = append(s.Rows, v.row(app.Input))
			}
			steps = append(steps, s)
		default:
			s := Step{Rows: [][]any{v.row(app.Input)}}
			if r.IntN(15) == 0 {
				s.HasTs, s.Ts = true, clock+pick(r, tsOffsets)
				clock = max(clock, s.Ts)
			}
			steps = append(steps, s)
		}
	}
	return withPersistence(r, steps)
}

// withPersistence inserts persistence steps into a third of the runs: a
// persist followed, later, by a restart (most often right after it: the
// state then crosses the restart whole) or a restore; now and then a
// restart without a snapshot or a second round. It draws after the sends,
// so the rest of a case does not depend on it.
func withPersistence(r *rand.Rand, steps []Step) []Step {
	if r.IntN(3) != 0 {
		return steps
	}
	insert := func(at int, s Step) { steps = append(steps[:at], append([]Step{s}, steps[at:]...)...) }
	if r.IntN(8) == 0 {
		insert(r.IntN(len(steps)+1), Step{Restart: true})
		return steps
	}
	for round := 1 + r.IntN(4)/3; round > 0; round-- {
		p := r.IntN(len(steps) + 1)
		insert(p, Step{Persist: true})
		q := p + 1
		if r.IntN(2) == 0 {
			q += r.IntN(len(steps) - p)
		}
		if r.IntN(3) == 0 {
			insert(q, Step{Restore: true})
		} else {
			insert(q, Step{Restart: true})
		}
	}
	return steps
}

func (v *valueGen) row(cols []Column) []any {
	row := make([]any, len(cols))
	for i, c := range cols {
		if v.extTime[i] {
			row[i] = v.extValue()
			continue
		}
		row[i] = v.value(c.Type)
	}
	return row
}

func (v *valueGen) extValue() any {
	if v.r.IntN(30) == 0 {
		return nil
	}
	v.extNow += pick(v.r, []int64{0, 100, 250, 500, 1000, 1001, 2500})
	if v.r.IntN(10) == 0 {
		return v.extNow - 600 // late
	}
	return v.extNow
}

func (v *valueGen) value(t rt.Type) any {
	if v.r.Float64() < v.nullRate {
		return nil
	}
	common := v.r.IntN(5) > 0
	switch t {
	case rt.String:
		if common {
			return pick(v.r, []string{"a", "b", "c"})
		}
		return pick(v.r, []string{"A", "ab", "", " a ", "1", "2.5", "true", "x'y", "é"})
	case rt.Int:
		if common {
			return pick(v.r, []int64{0, 1, 2, 3, -1})
		}
		return pick(v.r, []int64{7, 100, -50, math.MaxInt32, math.MinInt32})
	case rt.BigInt:
		if common {
			return pick(v.r, []int64{0, 1, 2, 3, -1})
		}
		return pick(v.r, []int64{1000, -7, 1 << 40, math.MaxInt64, math.MinInt64})
	case rt.Float:
		if common {
			return pick(v.r, []float64{0, 0.5, 1, 1.5, -2})
		}
		return pick(v.r, []float64{0.1, 3.25, 100, -0.75, 1e6})
	case rt.Double:
		if common {
			return pick(v.r, []float64{0, 0.5, 1, 2.5, -1})
		}
		return pick(v.r, []float64{0.1, 0.2, 1e-3, 12345.678, -99.5})
	case rt.Bool:
		return v.r.IntN(2) == 0
	}
	return nil
}
