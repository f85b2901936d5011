// Command report summarizes `go test -bench` output of package bench: the
// median per workload and implementation of events/s, ns/event, CPU time
// per event and allocs/event, the speed ratios gen/interp and hand/gen,
// the project's targets, and an SVG bar chart (make bench):
//
//	go run ./bench/internal/report -in bench/results/latest.txt \
//		-md bench/results/latest.md -svg bench/results/latest.svg
//
// The markdown table is also printed on stdout.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"
)

func main() {
	in := flag.String("in", "", "benchmark output to read (default: stdin)")
	md := flag.String("md", "", "write the markdown table to this file")
	svg := flag.String("svg", "", "write the bar chart to this file")
	note := flag.String("note", "", "a line to add to the report header (e.g. the commit measured)")
	flag.Parse()
	if err := run1(*in, *md, *svg, *note, os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

func run1(in, mdPath, svgPath, note string, stdin io.Reader, stdout io.Writer) error {
	src := stdin
	if in != "" {
		f, err := os.Open(in)
		if err != nil {
			return err
		}
		defer f.Close()
		src = f
	}
	r, err := parse(src)
	if err != nil {
		return err
	}
	s := summarize(r)
	env := environment()
	if note != "" {
		env = note + "; " + env
	}
	text := markdown(s, r, env)
	if _, err := io.WriteString(stdout, text); err != nil {
		return err
	}
	if mdPath != "" {
		if err := os.WriteFile(mdPath, []byte(text), 0o644); err != nil {
			return err
		}
	}
	if svgPath != "" {
		title := "Events per second per core (median; CPU time)"
		if !hasCPU(s) {
			title = "Events per second per core (median; wall clock)"
			return os.WriteFile(svgPath, []byte(chart(s, wallRate, title)), 0o644)
		}
		return os.WriteFile(svgPath, []byte(chart(s, cpuRate, title)), 0o644)
	}
	return nil
}

// hasCPU reports whether every cell has the CPU-time metric.
func hasCPU(s *summary) bool {
	for _, w := range s.workloads {
		for _, c := range s.cells[w] {
			if !c.has(unitCPUNs) {
				return false
			}
		}
	}
	return true
}

// environment describes the machine at report time: the load matters when
// reading wall-clock numbers.
func environment() string {
	load := "unknown"
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(b)); len(f) >= 3 {
			load = strings.Join(f[:3], " ")
		}
	}
	return fmt.Sprintf("%d CPUs, %s, load average %s at %s", runtime.NumCPU(), runtime.Version(), load, time.Now().UTC().Format("2006-01-02 15:04 UTC"))
}
