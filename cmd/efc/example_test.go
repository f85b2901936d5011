package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"eventflux/runtime"
)

const (
	exampleApp    = "../../testdata/apps/stocks.sql"
	exampleEvents = "../../testdata/apps/stocks.events.jsonl"
)

// TestExampleEventsParse checks every bundled event against the example's
// input schema, so the demo never shows a rejected line.
func TestExampleEventsParse(t *testing.T) {
	data, err := os.ReadFile(exampleEvents)
	if err != nil {
		t.Fatal(err)
	}
	streams := newInputStreams([]runtime.StreamInfo{{Name: "StockStream", Columns: stockColumns}})
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	last := int64(0)
	for i, line := range lines {
		ev, err := parseEvent([]byte(line), streams)
		if err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if !ev.hasTs || ev.ts < last {
			t.Errorf("line %d: want an explicit ts, not before the previous one", i+1)
		}
		last = ev.ts
	}
	if len(lines) < 30 {
		t.Errorf("%d events, want a few dozen", len(lines))
	}
}

// TestExampleRuns runs the example on the interpreter: every query must
// write something. It is skipped while the interpreter cannot be built.
func TestExampleRuns(t *testing.T) {
	src, err := os.ReadFile(exampleApp)
	if err != nil {
		t.Fatal(err)
	}
	app, err := interpBuild(exampleApp, string(src))
	if err != nil && strings.Contains(err.Error(), "not implemented") {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	events, err := os.ReadFile(exampleEvents)
	if err != nil {
		t.Fatal(err)
	}
	var out, errw bytes.Buffer
	if code := runApp(app, bytes.NewReader(events), &out, &errw, runOptions{playback: true}); code != exitOK {
		t.Fatalf("exit %d: %s", code, errw.String())
	}
	if !strings.Contains(errw.String(), " 0 rejected") {
		t.Errorf("stderr: %s", errw.String())
	}
	for _, s := range []string{"LargeTrades", "SymbolSummary", "LargeTradeRange"} {
		if !strings.Contains(out.String(), `{"stream":"`+s+`"`) {
			t.Errorf("no output on %s:\n%s", s, out.String())
		}
	}
}
