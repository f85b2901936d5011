package interp

import (
	"fmt"

	"github.com/eventflux/eventflux-go/plan"
)

// slotRef is a column reference resolved, through the physical plan's
// layout, to the slot of the row an operator reads.
type slotRef struct {
	slot int
	t    plan.Type
}

func (s *slotRef) Type() plan.Type { return s.t }

// compileOver compiles e over rows laid out as l.
func compileOver(e plan.Expr, l *plan.Layout) (evalFn, error) {
	r, err := resolve(e, l)
	if err != nil {
		return nil, err
	}
	return compileExpr(r)
}

// compileAllIn compiles each expression over rows laid out as l.
func compileAllIn(es []plan.Expr, l *plan.Layout) ([]evalFn, error) {
	out := make([]evalFn, len(es))
	for i, e := range es {
		f, err := compileOver(e, l)
		if err != nil {
			return nil, err
		}
		out[i] = f
	}
	return out, nil
}

// resolve replaces every column reference of e by its slot in l.
func resolve(e plan.Expr, l *plan.Layout) (plan.Expr, error) {
	var err error
	out := plan.Rewrite(e, func(x plan.Expr) plan.Expr {
		r, ok := x.(*plan.ColRef)
		if !ok {
			return x
		}
		i, rerr := l.Resolve(r)
		if rerr != nil && err == nil {
			err = rerr
		}
		return &slotRef{slot: i, t: r.T}
	})
	return out, err
}

// slots are the positions of refs in l.
func slots(refs []*plan.ColRef, l *plan.Layout) ([]int, error) {
	out := make([]int, len(refs))
	for i, r := range refs {
		s, err := l.Resolve(r)
		if err != nil {
			return nil, fmt.Errorf("interp: %w", err)
		}
		out[i] = s
	}
	return out, nil
}
