package interp

import (
	"fmt"

	"github.com/eventflux/eventflux-go/plan"
)

// compileCast wires CAST and the implicit conversions (§2.3, §2.7) to the
// runtime/fn function of their catalog entry (plan/cast_impl.go): NULL
// converts to NULL, a failed parse or an out-of-range value gives NULL.
func compileCast(e *plan.Cast) (evalFn, error) {
	x, err := compileExpr(e.X)
	if err != nil {
		return nil, err
	}
	from, to := e.X.Type(), e.T
	if plan.CastUnchanged(from, to) {
		return x, nil
	}
	c, ok := plan.LookupCast(from, to)
	if !ok { // the checker rejects these pairs (E303)
		return nil, fmt.Errorf("interp: no conversion from %s to %s", from, to)
	}
	impl, err := implOf(c.Fn)
	if err != nil {
		return nil, err
	}
	return strict(impl, []evalFn{x})
}
