package codegen

import (
	"github.com/dave/jennifer/jen"

	"github.com/eventflux/eventflux-go/plan"
)

// cast mirrors the interpreter's conversions (§2.3, §2.7) on Go types;
// conversions that can fail go through runtime/fn and give NULL.
func (s *scope) cast(e *plan.Cast) (val, error) {
	res, err := s.convert(e)
	if err == nil && len(res.temps) == 0 && isConstant(s, e.X) {
		res.constant = true // a Go conversion of a constant is still a constant
	}
	return res, err
}

// isConstant reports a literal operand (after the optimizer's folding).
func isConstant(s *scope, e plan.Expr) bool {
	switch x := e.(type) {
	case *plan.Const:
		return true
	case *plan.Cast:
		return isConstant(s, x.X)
	}
	return false
}

func (s *scope) convert(e *plan.Cast) (val, error) {
	x, err := s.expr(e.X)
	if err != nil {
		return val{}, err
	}
	from, to := e.X.Type(), e.T
	if from == to || from == plan.Object {
		return x, nil
	}
	fnCall := func(name string) jen.Code { return jen.Qual(pkgFn, name).Call(x.V()) }
	switch to {
	case plan.String:
		switch from {
		case plan.Int, plan.BigInt:
			return s.mk(jen.Qual("strconv", "FormatInt").Call(jen.Int64().Call(x.V()), jen.Lit(10)), x.null, to, x), nil
		case plan.Float:
			return s.mk(fnCall("FormatFloat32"), x.null, to, x), nil
		case plan.Double:
			return s.mk(fnCall("FormatFloat64"), x.null, to, x), nil
		case plan.Bool:
			return s.mk(jen.Qual("strconv", "FormatBool").Call(x.V()), x.null, to, x), nil
		}
	case plan.Int:
		switch from {
		case plan.String:
			return s.checked(fnCall("StringToInt32"), x.null, to, x), nil
		case plan.BigInt:
			return s.checked(fnCall("Int64ToInt32"), x.null, to, x), nil
		case plan.Float:
			return s.checked(jen.Qual(pkgFn, "Float64ToInt32").Call(jen.Float64().Call(x.V())), x.null, to, x), nil
		case plan.Double:
			return s.checked(fnCall("Float64ToInt32"), x.null, to, x), nil
		}
	case plan.BigInt:
		switch from {
		case plan.String:
			return s.checked(fnCall("StringToInt64"), x.null, to, x), nil
		case plan.Int:
			return s.mk(jen.Int64().Call(x.V()), x.null, to, x), nil
		case plan.Float:
			return s.checked(jen.Qual(pkgFn, "Float64ToInt64").Call(jen.Float64().Call(x.V())), x.null, to, x), nil
		case plan.Double:
			return s.checked(fnCall("Float64ToInt64"), x.null, to, x), nil
		}
	case plan.Float:
		switch from {
		case plan.String:
			return s.checked(fnCall("StringToFloat32"), x.null, to, x), nil
		case plan.Int, plan.BigInt:
			return s.mk(jen.Float32().Call(x.V()), x.null, to, x), nil
		case plan.Double:
			return s.checked(fnCall("Float64ToFloat32"), x.null, to, x), nil
		}
	case plan.Double:
		switch from {
		case plan.String:
			return s.checked(fnCall("StringToFloat64"), x.null, to, x), nil
		case plan.Int, plan.BigInt, plan.Float:
			return s.mk(jen.Float64().Call(x.V()), x.null, to, x), nil
		}
	case plan.Bool:
		switch from {
		case plan.String:
			return s.checked(fnCall("StringToBool"), x.null, to, x), nil
		case plan.Int, plan.BigInt:
			return s.mk(jen.Parens(jen.Add(x.V()).Op("!=").Lit(0)), x.null, to, x), nil
		}
	}
	return val{}, &Unsupported{What: "conversion from " + from.String() + " to " + to.String()}
}
