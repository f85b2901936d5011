package driver

import (
	"bytes"
	"strings"
	"testing"
)

// TestMainCommandLine is the command line of a compiled binary: the same flags as
// efc run, no positional argument, the binary's name in every message.
func TestMainCommandLine(t *testing.T) {
	input := `{"stream":"StockStream","row":["IBM",1,2],"ts":7}` + "\n"
	for _, tc := range []struct {
		args           []string
		code           int
		stdout, stderr string // stderr: substring
	}{
		{[]string{"--playback"}, ExitOK,
			`{"stream":"Out","ts":7,"data":{"symbol":"IBM","price":1,"volume":2}}` + "\n" + `{"stream":"N","ts":7,"data":{"n":1}}` + "\n",
			"stocks: 1 events read, 0 rejected, 2 events written\n"},
		{[]string{"--playback", "--collect", " N ,,"}, ExitOK, `{"stream":"N","ts":7,"data":{"n":1}}` + "\n",
			"stocks: 1 events read, 0 rejected, 1 events written\n"},
		// Repeated --collect flags add up; output keeps emission order.
		{[]string{"-playback", "--collect=N", "--collect=Out"}, ExitOK,
			`{"stream":"Out","ts":7,"data":{"symbol":"IBM","price":1,"volume":2}}` + "\n" + `{"stream":"N","ts":7,"data":{"n":1}}` + "\n",
			"2 events written"},
		{[]string{"--playback", "--collect", "Nope"}, ExitUsage, "", `stocks: --collect: the app has no stream "Nope"`},
		{[]string{"-h"}, ExitOK, "", "usage: stocks [--playback] [--collect S1,S2]"},
		{[]string{"--frob"}, ExitUsage, "", "flag provided but not defined: -frob"},
		{[]string{"events.jsonl"}, ExitUsage, "", `stocks: unexpected argument "events.jsonl" (events are read from stdin)`},
	} {
		var out, errw bytes.Buffer
		code := Main("stocks", fake(t, stockScript), tc.args, strings.NewReader(input), &out, &errw)
		if code != tc.code || out.String() != tc.stdout || !strings.Contains(errw.String(), tc.stderr) {
			t.Errorf("stocks %q = %d\nstdout %q\nwant   %q\nstderr %q (want %q)", tc.args, code, out.String(), tc.stdout, errw.String(), tc.stderr)
		}
	}
}
