package gobuild

import (
	"path/filepath"

	"github.com/eventflux/eventflux-go/codegen"
	"github.com/eventflux/eventflux-go/compiler"
	"github.com/eventflux/eventflux-go/optimizer"
)

// Generate is the pipeline every efc command that emits Go shares: compile
// (errors carry file:line:col), optimize with the default passes, generate
// package pkg. The generated comments quote the base name of file, so the
// output does not depend on the directory efc runs in. file may be empty
// (conformance case apps).
func Generate(file, src, pkg string) ([]codegen.File, error) {
	p, err := compiler.Compile(file, src)
	if err != nil {
		return nil, err
	}
	if _, err := optimizer.Optimize(p, optimizer.Options{}); err != nil {
		return nil, err
	}
	source := ""
	if file != "" {
		source = filepath.Base(file)
	}
	return codegen.Generate(p, codegen.Options{Package: pkg, Source: source})
}
