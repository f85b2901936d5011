package codegen

import (
	"github.com/dave/jennifer/jen"

	"github.com/eventflux/eventflux-go/plan"
)

// cast wires CAST and the implicit conversions (§2.3, §2.7) to the
// runtime/fn function of their catalog entry (plan/cast_impl.go):
// fn.<Name>(x), NULL when x is, or when the function reports !ok.
func (s *scope) cast(e *plan.Cast) (val, error) {
	x, err := s.expr(e.X)
	if err != nil {
		return val{}, err
	}
	from, to := e.X.Type(), e.T
	if plan.CastUnchanged(from, to) {
		return x, nil
	}
	c, ok := plan.LookupCast(from, to)
	if !ok {
		return val{}, &Unsupported{What: "conversion from " + from.String() + " to " + to.String()}
	}
	return s.result(jen.Qual(pkgFn, c.Fn).Call(x.V()), c.Form, x.null, to, x), nil
}
