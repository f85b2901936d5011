package main

import (
	"os"
	"strings"
	"testing"
)

const (
	exampleApp    = "../../testdata/apps/stocks.sql"
	exampleEvents = "../../testdata/apps/stocks.events.jsonl"
)

// TestExampleRuns runs the example through `efc run` on the interpreter:
// every query must write something, and --collect must reach the driver.
func TestExampleRuns(t *testing.T) {
	events, err := os.ReadFile(exampleEvents)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errw := efc(string(events), "run", "--playback", exampleApp)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errw)
	}
	if !strings.HasPrefix(errw, "efc run: ") || !strings.Contains(errw, " 0 rejected") {
		t.Errorf("stderr: %s", errw)
	}
	for _, s := range []string{"LargeTrades", "SymbolSummary", "LargeTradeRange"} {
		if !strings.Contains(out, `{"stream":"`+s+`"`) {
			t.Errorf("no output on %s:\n%s", s, out)
		}
	}
	code, out, errw = efc(string(events), "run", exampleApp, "--collect", "SymbolSummary", "--playback")
	if code != exitOK || out == "" || strings.Count(out, "\n") != strings.Count(out, `{"stream":"SymbolSummary"`) {
		t.Errorf("--collect SymbolSummary: exit %d, stderr %s\nstdout:\n%s", code, errw, out)
	}
}
