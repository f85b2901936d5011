package main

import (
	"eventflux/interp"
	"eventflux/runtime"
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
