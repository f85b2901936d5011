package conformance

import (
	"os"
	"testing"
)

// externalSuite is the shared acceptance suite, when this machine has it.
const externalSuite = "/work/shared/conformance"

// TestExternalSuiteParses checks that every case of the external suite is
// understood by the loader, so none of them fails merely for its format.
func TestExternalSuiteParses(t *testing.T) {
	if _, err := os.Stat(externalSuite); err != nil {
		t.Skip("external suite not present:", err)
	}
	files, err := Load([]string{externalSuite})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		for _, c := range f.Cases {
			n++
			if c.Invalid != "" {
				t.Errorf("%s: %s", c.ID(), c.Invalid)
			}
		}
	}
	if n == 0 {
		t.Error("no case loaded")
	}
	t.Logf("%d cases in %d files", n, len(files))
}
