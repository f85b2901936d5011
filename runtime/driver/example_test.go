package driver

import (
	"os"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
)

const exampleEvents = "../../testdata/apps/stocks.events.jsonl"

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
