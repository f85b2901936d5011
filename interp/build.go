package interp

import (
	"eventflux/compiler"
	"eventflux/optimizer"
	"eventflux/runtime"
)

// Build compiles and optimizes an app text and returns a fresh, not yet
// started App running on the interpreter.
func Build(file, src string) (runtime.App, error) {
	p, err := compiler.Compile(file, src)
	if err != nil {
		return nil, err
	}
	if _, err := optimizer.Optimize(p, optimizer.Options{}); err != nil {
		return nil, err
	}
	return New(p)
}
