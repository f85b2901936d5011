package main

import (
	"errors"

	"eventflux/conformance"
	"eventflux/runtime"
)

// backendEntry names an execution backend for `efc test`. make fails when the
// backend cannot be used (yet).
type backendEntry struct {
	name string
	make func() (conformance.Backend, error)
}

// backends lists the backends in the order `--backend=all` runs them;
// adding one is one line.
var backends = []backendEntry{
	{"interp", func() (conformance.Backend, error) {
		return conformance.NewBackend("interp", buildInterpCase), nil
	}},
	{"gen", func() (conformance.Backend, error) {
		return nil, errors.New("the gen backend (code generator) is not implemented yet")
	}},
}

// buildInterpCase builds a case's app on the interpreter. Case apps have
// no file name: their errors start with line:col.
func buildInterpCase(app string) (runtime.App, error) { return interpBuild("", app) }
