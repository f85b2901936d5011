package main

import (
	"fmt"
	"math"
	"strings"
)

// target is one performance goal of the project, checked on the medians.
type target struct {
	name string
	// measure returns the measured value (a rate or a ratio) and whether it
	// meets the goal, with rate as the throughput metric.
	measure func(s *summary, rate func(*cell) (float64, bool)) (value float64, met, ok bool)
	format  func(float64) string
}

func ratioAtLeast(workload, fast, slow string, min float64) func(*summary, func(*cell) (float64, bool)) (float64, bool, bool) {
	return func(s *summary, rate func(*cell) (float64, bool)) (float64, bool, bool) {
		r, ok := speedup(s.get(workload, fast), s.get(workload, slow), rate)
		return r, r >= min, ok
	}
}

func ratioAtMost(workload, fast, slow string, max float64) func(*summary, func(*cell) (float64, bool)) (float64, bool, bool) {
	return func(s *summary, rate func(*cell) (float64, bool)) (float64, bool, bool) {
		r, ok := speedup(s.get(workload, fast), s.get(workload, slow), rate)
		return r, r <= max, ok
	}
}

func rateAtLeast(workload, impl string, min float64) func(*summary, func(*cell) (float64, bool)) (float64, bool, bool) {
	return func(s *summary, rate func(*cell) (float64, bool)) (float64, bool, bool) {
		c := s.get(workload, impl)
		if c == nil {
			return 0, false, false
		}
		v, ok := rate(c)
		return v, v >= min, ok
	}
}

func formatRatio(v float64) string { return fmt.Sprintf("%.1f×", v) }

var targets = []target{
	{"W1 gen ≥ 10× interp", ratioAtLeast("W1", "gen", "interp", 10), formatRatio},
	{"W2 gen ≥ 10× interp", ratioAtLeast("W2", "gen", "interp", 10), formatRatio},
	{"W3 gen ≥ 10× interp", ratioAtLeast("W3", "gen", "interp", 10), formatRatio},
	{"W1 gen ≥ 50 M events/s per core", rateAtLeast("W1", "gen", 50e6), formatRate},
	{"W2 gen ≥ 15 M events/s per core", rateAtLeast("W2", "gen", 15e6), formatRate},
	{"W1 hand ≤ 2× gen", ratioAtMost("W1", "hand", "gen", 2), formatRatio},
	{"W2 hand ≤ 2× gen", ratioAtMost("W2", "hand", "gen", 2), formatRatio},
	{"W3 hand ≤ 2× gen", ratioAtMost("W3", "hand", "gen", 2), formatRatio},
	{"W1 interp ≥ 3 M events/s per core", rateAtLeast("W1", "interp", 3e6), formatRate},
}

// markdown renders the report: medians per workload and implementation,
// the speed ratios, and the project's targets.
func markdown(s *summary, r *run, env string) string {
	var b strings.Builder
	runs := 0
	for _, w := range s.workloads {
		for _, c := range s.cells[w] {
			runs = max(runs, c.runs)
		}
	}
	fmt.Fprintf(&b, "# Benchmark results\n\n")
	fmt.Fprintf(&b, "Medians of %d runs per benchmark, one core (`-cpu 1`); one op is one event sent alone. ", runs)
	b.WriteString("*Wall* is the testing package's clock; *CPU* is the process's CPU time (getrusage) over the same loop, ")
	b.WriteString("which on a loaded machine excludes the time spent waiting for a core. ")
	b.WriteString("Ratios are speeds: gen/interp = how many times faster the generated code runs than the interpreter, ")
	b.WriteString("hand/gen = how many times faster the hand-written code runs than the generated code.\n\n")
	for _, h := range r.header {
		fmt.Fprintf(&b, "- `%s`\n", h)
	}
	if env != "" {
		fmt.Fprintf(&b, "- %s\n", env)
	}
	b.WriteString("\n## Throughput\n\n")
	b.WriteString("| Workload | Impl | events/s (wall) | ns/event (wall) | events/s (CPU) | CPU ns/event | allocs/event | rows/event |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|\n")
	for _, w := range s.workloads {
		for _, impl := range s.impls {
			c := s.get(w, impl)
			if c == nil {
				continue
			}
			cpu, cpuOK := c.cpuRate()
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", w, impl,
				metric(c, unitRate, formatRate), metric(c, unitNs, formatNs),
				optional(cpu, cpuOK, formatRate), metric(c, unitCPUNs, formatNs),
				metric(c, unitAllocs, formatCount), metric(c, unitRows, formatRows))
		}
	}
	b.WriteString("\n## Ratios\n\n")
	b.WriteString("| Workload | gen/interp (wall) | gen/interp (CPU) | hand/gen (wall) | hand/gen (CPU) |\n")
	b.WriteString("|---|---:|---:|---:|---:|\n")
	for _, w := range s.workloads {
		gen, ip, hand := s.get(w, "gen"), s.get(w, "interp"), s.get(w, "hand")
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", w,
			optional2(speedup(gen, ip, wallRate)), optional2(speedup(gen, ip, cpuRate)),
			optional2(speedup(hand, gen, wallRate)), optional2(speedup(hand, gen, cpuRate)))
	}
	b.WriteString("\n## Targets\n\n")
	b.WriteString("| Target | Wall | Met (wall) | CPU | Met (CPU) |\n")
	b.WriteString("|---|---:|:---:|---:|:---:|\n")
	for _, t := range targets {
		wv, wmet, wok := t.measure(s, wallRate)
		cv, cmet, cok := t.measure(s, cpuRate)
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", t.name,
			optional(wv, wok, t.format), verdict(wmet, wok), optional(cv, cok, t.format), verdict(cmet, cok))
	}
	return b.String()
}

func metric(c *cell, unit string, format func(float64) string) string {
	v, ok := c.medians[unit]
	return optional(v, ok, format)
}

func optional(v float64, ok bool, format func(float64) string) string {
	if !ok {
		return "–"
	}
	return format(v)
}

func optional2(v float64, ok bool) string { return optional(v, ok, formatRatio) }

func verdict(met, ok bool) string {
	switch {
	case !ok:
		return "–"
	case met:
		return "yes"
	}
	return "**no**"
}

// formatRate renders events/s with an SI prefix: 12.1 M, 950 k.
func formatRate(v float64) string {
	switch {
	case v >= 1e9:
		return fmt.Sprintf("%.2f G", v/1e9)
	case v >= 1e6:
		return fmt.Sprintf("%s M", sig3(v/1e6))
	case v >= 1e3:
		return fmt.Sprintf("%s k", sig3(v/1e3))
	}
	return sig3(v)
}

func formatNs(v float64) string { return sig3(v) }

func formatCount(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

func formatRows(v float64) string { return fmt.Sprintf("%.3f", v) }

// sig3 prints v with three significant digits (without exponent).
func sig3(v float64) string {
	switch a := math.Abs(v); {
	case a >= 100:
		return fmt.Sprintf("%.0f", v)
	case a >= 10:
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprintf("%.2f", v)
}
