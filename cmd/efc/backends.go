package main

import (
	"fmt"
	"os/exec"

	"github.com/eventflux/eventflux-go/conformance"
	"github.com/eventflux/eventflux-go/runtime"
)

// suiteOptions are conformance.Options plus what a backend running the
// suite out of process needs to pass on.
type suiteOptions struct {
	conformance.Options
	FilterText   string // the --run expression, "" for all cases
	DisputesPath string // "" when no disputes file is used
}

// suiteRunner runs the selected cases of files on one backend.
type suiteRunner func(files []*conformance.File, opts suiteOptions) (*conformance.Report, error)

// backendEntry names an execution backend for `efc test`. make fails when
// the backend cannot be used on this machine.
type backendEntry struct {
	name string
	make func() (suiteRunner, error)
}

// backends lists the backends in the order `--backend=all` runs them;
// adding one is one line.
var backends = []backendEntry{
	{"interp", func() (suiteRunner, error) { return inProcess(conformance.NewBackend("interp", buildInterpCase)), nil }},
	{"gen", func() (suiteRunner, error) {
		if _, err := exec.LookPath("go"); err != nil {
			return nil, fmt.Errorf("the gen backend builds generated code and needs the go command (Go 1.26) in PATH")
		}
		return runGenSuite, nil
	}},
}

// inProcess runs the suite on a backend that builds apps in this process.
func inProcess(b conformance.Backend) suiteRunner {
	return func(files []*conformance.File, opts suiteOptions) (*conformance.Report, error) {
		return conformance.Run(b, files, opts.Options), nil
	}
}

// buildInterpCase builds a case's app on the interpreter. Case apps have
// no file name: their errors start with line:col.
func buildInterpCase(app string) (runtime.App, error) { return interpBuild("", app) }
