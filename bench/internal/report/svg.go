package main

import (
	"fmt"
	"html"
	"math"
	"strings"
)

// Colours of the implementations' bars.
var implColour = map[string]string{
	"interp": "#9e9e9e",
	"gen":    "#1f77b4",
	"hand":   "#2ca02c",
}

const (
	svgWidth    = 860
	svgLeft     = 70  // room for the workload labels
	svgRight    = 110 // room for the value labels
	svgTop      = 60
	svgBar      = 16
	svgBarGap   = 3
	svgGroupGap = 16
	svgBottom   = 50
)

// chart draws grouped horizontal bars, one group per workload, one bar per
// implementation, on a log scale: the rates span three decades or more.
// rate picks the plotted metric; title says which.
func chart(s *summary, rate func(*cell) (float64, bool), title string) string {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, w := range s.workloads {
		for _, impl := range s.impls {
			if c := s.get(w, impl); c != nil {
				if v, ok := rate(c); ok && v > 0 {
					lo, hi = math.Min(lo, v), math.Max(hi, v)
				}
			}
		}
	}
	if math.IsInf(lo, 1) {
		lo, hi = 1, 10
	}
	minDec, maxDec := math.Floor(math.Log10(lo)), math.Ceil(math.Log10(hi))
	if maxDec <= minDec {
		maxDec = minDec + 1
	}
	plotW := float64(svgWidth - svgLeft - svgRight)
	x := func(v float64) float64 {
		return svgLeft + (math.Log10(v)-minDec)/(maxDec-minDec)*plotW
	}
	groupH := len(s.impls)*(svgBar+svgBarGap) - svgBarGap
	height := svgTop + len(s.workloads)*(groupH+svgGroupGap) - svgGroupGap + svgBottom

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n",
		svgWidth, height, svgWidth, height)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="white"/>`+"\n", svgWidth, height)
	fmt.Fprintf(&b, `<text x="%d" y="22" font-size="15" font-weight="bold">%s</text>`+"\n", svgLeft, html.EscapeString(title))
	// Legend.
	lx := svgLeft
	for _, impl := range s.impls {
		fmt.Fprintf(&b, `<rect x="%d" y="32" width="12" height="12" fill="%s"/><text x="%d" y="42">%s</text>`+"\n",
			lx, colour(impl), lx+16, html.EscapeString(impl))
		lx += 90
	}
	// Decade grid lines and labels.
	axisY := height - svgBottom + 8
	for d := minDec; d <= maxDec; d++ {
		gx := x(math.Pow(10, d))
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>`+"\n", gx, svgTop-6, gx, axisY)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">%s</text>`+"\n", gx, axisY+16, formatRate(math.Pow(10, d)))
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">events/s (log scale)</text>`+"\n", svgLeft+plotW/2, axisY+34)
	// Bars.
	y := svgTop
	for _, w := range s.workloads {
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-weight="bold">%s</text>`+"\n", 10, y+groupH/2+4, html.EscapeString(w))
		for _, impl := range s.impls {
			c := s.get(w, impl)
			if c != nil {
				if v, ok := rate(c); ok && v > 0 {
					bw := math.Max(x(v)-svgLeft, 1)
					fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"><title>%s %s: %s events/s</title></rect>`+"\n",
						svgLeft, y, bw, svgBar, colour(impl), html.EscapeString(w), html.EscapeString(impl), formatRate(v))
					fmt.Fprintf(&b, `<text x="%.1f" y="%d">%s</text>`+"\n", svgLeft+bw+4, y+svgBar-4, formatRate(v))
				}
			}
			y += svgBar + svgBarGap
		}
		y += svgGroupGap - svgBarGap
	}
	b.WriteString("</svg>\n")
	return b.String()
}

func colour(impl string) string {
	if c, ok := implColour[impl]; ok {
		return c
	}
	return "#ff7f0e"
}
