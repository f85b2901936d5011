package interp

import (
	"github.com/eventflux/eventflux-go/compiler"
	"github.com/eventflux/eventflux-go/optimizer"
	"github.com/eventflux/eventflux-go/runtime"
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
