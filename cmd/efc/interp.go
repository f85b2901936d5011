package main

import (
	"github.com/eventflux/eventflux-go/interp"
	"github.com/eventflux/eventflux-go/runtime"
)

// interpBuild is the one place efc links the interpreter. It returns a nil
// interface (not a typed nil) on error.
func interpBuild(file, src string) (runtime.App, error) {
	a, err := interp.Build(file, src)
	if err != nil {
		return nil, err
	}
	return a, nil
}
