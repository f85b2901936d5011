package interp

import (
	"errors"

	"eventflux/runtime"
)

// Build compiles and optimizes an app text and returns a fresh, not yet
// started App running on the interpreter.
func Build(file, src string) (runtime.App, error) {
	return nil, errors.New("interp.Build: the interpreter is being wired (not implemented yet)")
}
