package main

import (
	"slices"
	"sort"
)

// Units of the metrics the benchmarks report.
const (
	unitNs     = "ns/op" // one op is one event
	unitCPUNs  = "cpu-ns/event"
	unitRate   = "events/s"
	unitAllocs = "allocs/op"
	unitRows   = "rows/event"
)

// implOrder is the display order of the implementations.
var implOrder = []string{"interp", "gen", "hand"}

// cell is the medians of one workload × implementation.
type cell struct {
	runs    int
	medians map[string]float64 // by unit; missing when no run reported it
}

// has reports whether every run reported unit.
func (c *cell) has(unit string) bool {
	_, ok := c.medians[unit]
	return ok
}

// cpuRate is events per CPU-second, from the CPU time per event.
func (c *cell) cpuRate() (float64, bool) {
	ns, ok := c.medians[unitCPUNs]
	if !ok || ns <= 0 {
		return 0, false
	}
	return 1e9 / ns, true
}

// summary holds the medians of a run, by workload then implementation.
type summary struct {
	workloads []string // sorted
	impls     []string // implOrder first, then any other, sorted
	cells     map[string]map[string]*cell
}

func (s *summary) get(workload, impl string) *cell {
	if m := s.cells[workload]; m != nil {
		return m[impl]
	}
	return nil
}

func summarize(r *run) *summary {
	values := map[string]map[string]map[string][]float64{}
	counts := map[string]map[string]int{}
	for _, smp := range r.samples {
		if values[smp.workload] == nil {
			values[smp.workload] = map[string]map[string][]float64{}
			counts[smp.workload] = map[string]int{}
		}
		if values[smp.workload][smp.impl] == nil {
			values[smp.workload][smp.impl] = map[string][]float64{}
		}
		counts[smp.workload][smp.impl]++
		for unit, v := range smp.metrics {
			values[smp.workload][smp.impl][unit] = append(values[smp.workload][smp.impl][unit], v)
		}
	}
	s := &summary{cells: map[string]map[string]*cell{}}
	implSet := map[string]bool{}
	for w, byImpl := range values {
		s.workloads = append(s.workloads, w)
		s.cells[w] = map[string]*cell{}
		for impl, byUnit := range byImpl {
			implSet[impl] = true
			c := &cell{runs: counts[w][impl], medians: map[string]float64{}}
			for unit, vs := range byUnit {
				if len(vs) == c.runs { // a metric some runs lack has no median
					c.medians[unit] = median(vs)
				}
			}
			s.cells[w][impl] = c
		}
	}
	sort.Strings(s.workloads)
	for _, impl := range implOrder {
		if implSet[impl] {
			s.impls = append(s.impls, impl)
			delete(implSet, impl)
		}
	}
	var others []string
	for impl := range implSet {
		others = append(others, impl)
	}
	sort.Strings(others)
	s.impls = append(s.impls, others...)
	return s
}

// median of vs (the mean of the two middle values for an even count).
func median(vs []float64) float64 {
	if len(vs) == 0 {
		return 0
	}
	sorted := slices.Clone(vs)
	slices.Sort(sorted)
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// speedup is how many times faster a runs than b by a metric where more is
// better (events/s); ok is false when either is missing.
func speedup(a, b *cell, rate func(*cell) (float64, bool)) (float64, bool) {
	if a == nil || b == nil {
		return 0, false
	}
	ra, ok1 := rate(a)
	rb, ok2 := rate(b)
	if !ok1 || !ok2 || rb == 0 {
		return 0, false
	}
	return ra / rb, true
}

// wallRate is the median wall-clock events/s.
func wallRate(c *cell) (float64, bool) {
	v, ok := c.medians[unitRate]
	return v, ok
}

func cpuRate(c *cell) (float64, bool) { return c.cpuRate() }
