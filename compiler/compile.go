// Package compiler is the front end: it parses an EventFlux SQL app
// (package syntax), resolves names and types (package check) and returns
// the logical plan. Errors are *diag.Error values carrying the file name
// and source text, so they print with a caret under the offending token.
package compiler

import (
	"errors"

	"github.com/eventflux/eventflux-go/compiler/check"
	"github.com/eventflux/eventflux-go/compiler/diag"
	"github.com/eventflux/eventflux-go/compiler/syntax"
	"github.com/eventflux/eventflux-go/plan"
)

// Compile parses and checks src (named file in messages).
func Compile(file, src string) (*plan.App, error) {
	app, err := syntax.Parse(file, src)
	if err != nil {
		return nil, annotate(err, file, src)
	}
	p, err := check.Check(app)
	if err != nil {
		return nil, annotate(err, file, src)
	}
	return p, nil
}

func annotate(err error, file, src string) error {
	var d *diag.Error
	if errors.As(err, &d) {
		d.File, d.Src = file, src
		if !d.Pos.IsValid() && d.Code != "E101" {
			d.Pos = diag.PosAt(src, 0)
		}
		return d
	}
	return err
}
