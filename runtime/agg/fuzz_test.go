package agg

import "testing"

// FuzzLoadState feeds arbitrary bytes to every aggregator's LoadState: a
// corrupt snapshot must give an error or a usable state, never a panic.
func FuzzLoadState(f *testing.F) {
	var first First[string]
	first.Add("a")
	seed, _ := first.AppendState(nil)
	f.Add(seed)
	var sd StdDev
	sd.Add(1)
	sd.Add(0.5)
	seed, _ = sd.AppendState(nil)
	f.Add(seed)
	var sdi StdDevInt
	sdi.Add(-7)
	seed, _ = sdi.AppendState(nil)
	f.Add(seed)
	f.Fuzz(func(t *testing.T, b []byte) {
		aggs := []Snapshotter{
			&Count{}, &SumInt{}, &SumFloat{}, &AvgInt{}, &AvgFloat{}, &StdDev{}, &StdDevInt{}, &And{}, &Or{},
			&Min[int64]{}, &Max[string]{}, &MinForever[float64]{}, &MaxForever[int32]{},
			&DistinctCount[float64]{}, &DistinctCount[bool]{}, &First[bool]{}, &Last[string]{}, &Last[int32]{}, &MinFIFO[float32]{},
		}
		for _, a := range aggs {
			if _, err := a.LoadState(b); err == nil {
				if _, err := a.AppendState(nil); err != nil {
					t.Fatalf("%T: loaded state does not snapshot again: %v", a, err)
				}
			}
		}
	})
}
