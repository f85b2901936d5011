package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunCommandLine(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.sql")
	if err := os.WriteFile(bad, []byte("CREATE STREAM ;"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"run"}, exitUsage, "usage: efc run"},
		{[]string{"run", "a.sql", "b.sql"}, exitUsage, "usage: efc run"},
		{[]string{"run", filepath.Join(dir, "missing.sql")}, exitFail, "missing.sql: no such file"},
		// A compile error is printed as is: it starts with file:line:col.
		{[]string{"run", "--playback", bad}, exitFail, bad + ":"},
	} {
		code, out, errw := efc("", tc.args...)
		if code != tc.code || out != "" || !strings.Contains(errw, tc.stderr) {
			t.Errorf("efc %v = %d, stdout %q, stderr %q (want %q)", tc.args, code, out, errw, tc.stderr)
		}
	}
}
