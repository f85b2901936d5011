package main

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// sample is one result line of `go test -bench`, e.g.
//
//	BenchmarkW1/gen  21414775  82.98 ns/op  30.9 cpu-ns/event  12051062 events/s  0.1009 rows/event  0 B/op  0 allocs/op
type sample struct {
	workload, impl string
	metrics        map[string]float64 // by unit: "ns/op", "events/s", …
}

// run is everything one `make bench` measured.
type run struct {
	// header lines of the benchmark output (goos, goarch, pkg, cpu).
	header  []string
	samples []sample
}

// parse reads benchmark output. Lines that are not results are ignored,
// except FAIL lines and panics, which make the run unusable.
func parse(r io.Reader) (*run, error) {
	out := &run{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		switch {
		case strings.HasPrefix(text, "goos:"), strings.HasPrefix(text, "goarch:"),
			strings.HasPrefix(text, "pkg:"), strings.HasPrefix(text, "cpu:"):
			if !slices.Contains(out.header, text) {
				out.header = append(out.header, text)
			}
		case strings.HasPrefix(text, "--- FAIL"), strings.HasPrefix(text, "FAIL"),
			strings.HasPrefix(text, "panic:"):
			return nil, fmt.Errorf("line %d: the benchmark run failed: %s", line, text)
		case strings.HasPrefix(text, "Benchmark"):
			s, ok, err := parseSample(text)
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", line, err)
			}
			if ok {
				out.samples = append(out.samples, s)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out.samples) == 0 {
		return nil, fmt.Errorf("no benchmark results in the input")
	}
	return out, nil
}

// parseSample reads one result line; ok is false for a line that only
// names a benchmark (go test prints those before sub-benchmarks run).
func parseSample(text string) (s sample, ok bool, err error) {
	fields := strings.Fields(text)
	if len(fields) < 4 {
		return s, false, nil
	}
	name := strings.TrimPrefix(fields[0], "Benchmark")
	// -cpu N appends "-N" unless N is 1; the report is per core anyway.
	if i := strings.LastIndexByte(name, '-'); i > 0 {
		if _, err := strconv.Atoi(name[i+1:]); err == nil {
			name = name[:i]
		}
	}
	workload, impl, found := strings.Cut(name, "/")
	if !found {
		return s, false, fmt.Errorf("benchmark %q is not Workload/impl", fields[0])
	}
	if _, err := strconv.ParseInt(fields[1], 10, 64); err != nil {
		return s, false, fmt.Errorf("benchmark %s: bad iteration count %q", fields[0], fields[1])
	}
	s = sample{workload: workload, impl: impl, metrics: map[string]float64{}}
	rest := fields[2:]
	if len(rest)%2 != 0 {
		return s, false, fmt.Errorf("benchmark %s: values and units do not pair up", fields[0])
	}
	for i := 0; i < len(rest); i += 2 {
		v, err := strconv.ParseFloat(rest[i], 64)
		if err != nil {
			return s, false, fmt.Errorf("benchmark %s: bad value %q", fields[0], rest[i])
		}
		s.metrics[rest[i+1]] = v
	}
	return s, true, nil
}
