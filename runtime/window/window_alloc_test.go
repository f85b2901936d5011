package window

import (
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
)

// steady drives a window one event per millisecond, firing its timers, so
// that after warm-up every buffer has reached its working size.
type steady struct {
	w     Window[runtime.Row]
	now   int64
	in    []runtime.Event[runtime.Row]
	emit  runtime.Emit[runtime.Row]
	count int
}

func newSteady(w Window[runtime.Row]) *steady {
	s := &steady{w: w, in: make([]runtime.Event[runtime.Row], 1)}
	row := runtime.Row{runtime.IntValue(7), runtime.StringValue("IBM")}
	s.in[0].Data = row
	s.emit = func(chunk []runtime.Event[runtime.Row]) { s.count += len(chunk) }
	return s
}

func (s *steady) step() {
	s.now++
	for {
		d, ok := s.w.NextDeadline()
		if !ok || d > s.now {
			break
		}
		s.w.Fire(s.now, s.emit)
	}
	s.in[0].Ts = s.now
	s.w.Arrive(s.now, s.in, s.emit)
}

func TestZeroAllocsPerEvent(t *testing.T) {
	tests := []struct {
		name string
		w    Window[runtime.Row]
	}{
		{"length", NewLength[runtime.Row](100)},
		{"lengthBatch", NewLengthBatch[runtime.Row](100)},
		{"time", NewTime[runtime.Row](100)},
		{"timeBatch", NewTimeBatch[runtime.Row](100)},
	}
	for _, tt := range tests {
		s := newSteady(tt.w)
		for range 1000 {
			s.step()
		}
		before := s.count
		if allocs := testing.AllocsPerRun(1000, s.step); allocs != 0 {
			t.Errorf("%s: %v allocations per event, want 0", tt.name, allocs)
		}
		if s.count == before {
			t.Errorf("%s: no output in steady state", tt.name)
		}
	}
}

func BenchmarkLength(b *testing.B)      { benchSteady(b, NewLength[runtime.Row](100)) }
func BenchmarkLengthBatch(b *testing.B) { benchSteady(b, NewLengthBatch[runtime.Row](100)) }
func BenchmarkTime(b *testing.B)        { benchSteady(b, NewTime[runtime.Row](100)) }
func BenchmarkTimeBatch(b *testing.B)   { benchSteady(b, NewTimeBatch[runtime.Row](100)) }

func benchSteady(b *testing.B, w Window[runtime.Row]) {
	s := newSteady(w)
	b.ReportAllocs()
	for b.Loop() {
		s.step()
	}
}
