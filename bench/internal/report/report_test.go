package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sampleOutput = `goos: linux
goarch: amd64
pkg: eventflux/bench
cpu: AMD EPYC
BenchmarkW1/interp         	 1000000	       800.0 ns/op	       400.0 cpu-ns/event	   1250000 events/s	         0.1 rows/event	     196 B/op	       2 allocs/op
BenchmarkW1/gen            	20000000	        80.0 ns/op	        20.0 cpu-ns/event	  12500000 events/s	         0.1 rows/event	       0 B/op	       0 allocs/op
BenchmarkW1/hand           	300000000	         4.0 ns/op	         4.0 cpu-ns/event	 250000000 events/s	         0.1 rows/event	       0 B/op	       0 allocs/op
BenchmarkW1/interp         	 1000000	      1000.0 ns/op	       500.0 cpu-ns/event	   1000000 events/s	         0.1 rows/event	     196 B/op	       2 allocs/op
BenchmarkW1/gen            	20000000	       100.0 ns/op	        25.0 cpu-ns/event	  10000000 events/s	         0.1 rows/event	       0 B/op	       0 allocs/op
BenchmarkW1/hand           	300000000	         5.0 ns/op	         5.0 cpu-ns/event	 200000000 events/s	         0.1 rows/event	       0 B/op	       0 allocs/op
BenchmarkW1/interp         	 1000000	      1200.0 ns/op	       600.0 cpu-ns/event	    833333 events/s	         0.1 rows/event	     196 B/op	       2 allocs/op
BenchmarkW1/gen            	20000000	       120.0 ns/op	        30.0 cpu-ns/event	   8333333 events/s	         0.1 rows/event	       0 B/op	       0 allocs/op
BenchmarkW1/hand           	300000000	         6.0 ns/op	         6.0 cpu-ns/event	 166666667 events/s	         0.1 rows/event	       0 B/op	       0 allocs/op
BenchmarkW2/gen-2          	5000000	       250.0 ns/op	        50.0 cpu-ns/event	   4000000 events/s	         0.6 rows/event	       0 B/op	       0 allocs/op
PASS
ok  	eventflux/bench	33.284s
`

func TestParse(t *testing.T) {
	r, err := parse(strings.NewReader(sampleOutput))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.samples) != 10 {
		t.Fatalf("%d samples, want 10", len(r.samples))
	}
	if got := strings.Join(r.header, "|"); got != "goos: linux|goarch: amd64|pkg: eventflux/bench|cpu: AMD EPYC" {
		t.Errorf("header = %q", got)
	}
	last := r.samples[9]
	if last.workload != "W2" || last.impl != "gen" { // the -2 GOMAXPROCS suffix is dropped
		t.Errorf("last sample is %s/%s, want W2/gen", last.workload, last.impl)
	}
	want := map[string]float64{"ns/op": 250, "cpu-ns/event": 50, "events/s": 4e6, "rows/event": 0.6, "B/op": 0, "allocs/op": 0}
	for unit, v := range want {
		if last.metrics[unit] != v {
			t.Errorf("%s = %v, want %v", unit, last.metrics[unit], v)
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ name, input, want string }{
		{"empty", "PASS\n", "no benchmark results"},
		{"failed", "BenchmarkW1/gen 10 5 ns/op\n--- FAIL: BenchmarkW1/hand\n", "line 2: the benchmark run failed"},
		{"panic", "panic: runtime error\n", "line 1: the benchmark run failed"},
		{"not paired", "BenchmarkW1/gen 10 5 ns/op 7\n", "values and units do not pair up"},
		{"bad value", "BenchmarkW1/gen 10 x ns/op\n", `bad value "x"`},
		{"bad count", "BenchmarkW1/gen ten 5 ns/op\n", `bad iteration count "ten"`},
		{"no impl", "BenchmarkW1 10 5 ns/op\n", "is not Workload/impl"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parse(strings.NewReader(c.input))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestParseSkipsNameOnlyLines(t *testing.T) {
	r, err := parse(strings.NewReader("BenchmarkW1\nBenchmarkW1/gen 10 5 ns/op\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.samples) != 1 {
		t.Errorf("%d samples, want 1", len(r.samples))
	}
}

func TestMedian(t *testing.T) {
	cases := []struct {
		in   []float64
		want float64
	}{
		{nil, 0},
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{9, 1, 8, 2, 7}, 7},
	}
	for _, c := range cases {
		in := append([]float64(nil), c.in...)
		if got := median(c.in); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.in, got, c.want)
		}
		for i := range in { // the input is not reordered
			if in[i] != c.in[i] {
				t.Errorf("median reordered its input")
			}
		}
	}
}

func TestSummarize(t *testing.T) {
	r, err := parse(strings.NewReader(sampleOutput))
	if err != nil {
		t.Fatal(err)
	}
	s := summarize(r)
	if strings.Join(s.workloads, ",") != "W1,W2" {
		t.Errorf("workloads %v", s.workloads)
	}
	if strings.Join(s.impls, ",") != "interp,gen,hand" {
		t.Errorf("impls %v", s.impls)
	}
	gen := s.get("W1", "gen")
	if gen.runs != 3 || gen.medians["ns/op"] != 100 || gen.medians["events/s"] != 1e7 || gen.medians["cpu-ns/event"] != 25 {
		t.Errorf("W1/gen = %+v", gen)
	}
	if v, ok := gen.cpuRate(); !ok || v != 4e7 {
		t.Errorf("W1/gen CPU rate = %v, %v; want 4e7", v, ok)
	}
	if s.get("W2", "interp") != nil {
		t.Error("W2/interp has no runs but a cell")
	}
	// gen/interp by wall: 1e7 / 1e6; by CPU: (1e9/25) / (1e9/500).
	if v, _ := speedup(gen, s.get("W1", "interp"), wallRate); v != 10 {
		t.Errorf("W1 gen/interp wall = %v, want 10", v)
	}
	if v, _ := speedup(gen, s.get("W1", "interp"), cpuRate); v != 20 {
		t.Errorf("W1 gen/interp CPU = %v, want 20", v)
	}
	if _, ok := speedup(s.get("W2", "gen"), s.get("W2", "interp"), wallRate); ok {
		t.Error("a ratio with a missing implementation is reported")
	}
}

func TestMarkdown(t *testing.T) {
	r, err := parse(strings.NewReader(sampleOutput))
	if err != nil {
		t.Fatal(err)
	}
	md := markdown(summarize(r), r, "2 CPUs")
	for _, want := range []string{
		"Medians of 3 runs",
		"- `cpu: AMD EPYC`",
		"- 2 CPUs",
		"| W1 | gen | 10.0 M | 100 | 40.0 M | 25.0 | 0 | 0.100 |",
		"| W1 | interp | 1.00 M | 1000 | 2.00 M | 500 | 2 | 0.100 |",
		"| W1 | 10.0× | 20.0× | 20.0× | 5.0× |",
		"| W2 | – | – | – | – |",
		"| W1 gen ≥ 10× interp | 10.0× | yes | 20.0× | yes |",
		"| W1 gen ≥ 50 M events/s per core | 10.0 M | **no** | 40.0 M | **no** |",
		"| W1 hand ≤ 2× gen | 20.0× | **no** | 5.0× | **no** |",
		"| W3 gen ≥ 10× interp | – | – | – | – |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestFormatRate(t *testing.T) {
	cases := map[float64]string{
		1.5e9:    "1.50 G",
		250e6:    "250 M",
		12.34e6:  "12.3 M",
		1.234e6:  "1.23 M",
		950e3:    "950 k",
		12:       "12.0",
		4.567e-1: "0.46",
	}
	for v, want := range cases {
		if got := formatRate(v); got != want {
			t.Errorf("formatRate(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestChart(t *testing.T) {
	r, err := parse(strings.NewReader(sampleOutput))
	if err != nil {
		t.Fatal(err)
	}
	svg := chart(summarize(r), cpuRate, "Events <per> second")
	// Well-formed XML, title escaped.
	dec := xml.NewDecoder(strings.NewReader(svg))
	var bars []float64
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "rect" {
			for _, a := range se.Attr {
				if a.Name.Local == "width" && strings.Contains(a.Value, ".") {
					var w float64
					if _, err := fmt.Sscan(a.Value, &w); err == nil {
						bars = append(bars, w)
					}
				}
			}
		}
	}
	if !strings.Contains(svg, "Events &lt;per&gt; second") {
		t.Error("title not escaped")
	}
	// W1 interp, gen, hand and W2 gen: four bars, longer for faster code.
	if len(bars) != 4 {
		t.Fatalf("%d bars, want 4:\n%s", len(bars), svg)
	}
	if !(bars[0] < bars[1] && bars[1] < bars[2]) {
		t.Errorf("W1 bars %v are not increasing interp < gen < hand", bars[:3])
	}
	for _, label := range []string{">2.00 M<", ">40.0 M<", ">200 M<", ">20.0 M<", ">1.00 M<", ">1.00 G<"} {
		if !strings.Contains(svg, label) {
			t.Errorf("svg lacks label %q", label)
		}
	}
}

func TestRunWritesFiles(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "latest.txt")
	if err := os.WriteFile(in, []byte(sampleOutput), 0o644); err != nil {
		t.Fatal(err)
	}
	md, svg := filepath.Join(dir, "latest.md"), filepath.Join(dir, "latest.svg")
	var stdout bytes.Buffer
	if err := run1(in, md, svg, "commit abc1234", nil, &stdout); err != nil {
		t.Fatal(err)
	}
	mdText, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(mdText, []byte("- commit abc1234; ")) {
		t.Error("the note is not in the header")
	}
	if !bytes.Equal(mdText, stdout.Bytes()) {
		t.Error("the markdown file differs from what was printed")
	}
	svgText, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(svgText, []byte("<svg ")) || !bytes.Contains(svgText, []byte("CPU time")) {
		t.Errorf("svg file: %.80s…", svgText)
	}
	if err := run1(filepath.Join(dir, "missing.txt"), "", "", "", nil, &stdout); err == nil {
		t.Error("no error for a missing input")
	}
}
