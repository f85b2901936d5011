package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/conformance"
	"github.com/eventflux/eventflux-go/conformance/fakeapp"
	"github.com/eventflux/eventflux-go/runtime"
)

// TestMain adds a scripted backend, so `efc test` runs end to end on the
// runner's own case files without a compiler.
func TestMain(m *testing.M) {
	backends = append(backends, backendEntry{"fake", func() (suiteRunner, error) {
		return inProcess(conformance.NewBackend("fake", func(app string) (runtime.App, error) {
			a, err := fakeapp.New(app)
			if err != nil {
				return nil, err
			}
			return a, nil
		})), nil
	}})
	code := m.Run()
	for _, dir := range binDirs {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// efc runs the command line and returns exit status, stdout and stderr.
func efc(stdin string, args ...string) (int, string, string) {
	var out, errw bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errw)
	return code, out.String(), errw.String()
}

func TestDispatch(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		code       int
		out, errw  string
		emptyOut   bool
		emptyError bool
	}{
		{args: nil, code: exitUsage, errw: "usage: efc <command>", emptyOut: true},
		{args: []string{"frob"}, code: exitUsage, errw: `efc: unknown command "frob"`, emptyOut: true},
		{args: []string{"help"}, code: exitOK, out: "  test     run conformance case files on a backend", emptyError: true},
		{args: []string{"--help"}, code: exitOK, out: "  run      run an app on the interpreter", emptyError: true},
	} {
		code, out, errw := efc("", tc.args...)
		if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errw, tc.errw) ||
			(tc.emptyOut && out != "") || (tc.emptyError && errw != "") {
			t.Errorf("efc %v = %d, stdout %q, stderr %q", tc.args, code, out, errw)
		}
	}
}
