package conformance

import "github.com/eventflux/eventflux-go/runtime"

// Backend turns an app text into a runnable App.
type Backend interface {
	Name() string                          // "interp", "gen"
	Build(app string) (runtime.App, error) // fresh, not yet started
}

// NewBackend adapts a build function (such as a wrapper of interp.Build) to
// Backend, so callers need no type of their own per backend.
func NewBackend(name string, build func(app string) (runtime.App, error)) Backend {
	return funcBackend{name: name, build: build}
}

type funcBackend struct {
	name  string
	build func(app string) (runtime.App, error)
}

func (b funcBackend) Name() string                          { return b.name }
func (b funcBackend) Build(app string) (runtime.App, error) { return b.build(app) }
