package codegen

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/eventflux/eventflux-go/plan"
)

// windowKeyCols are the slots of a keyed window's key columns in the row.
func (qg *queryGen) windowKeyCols() []int {
	refs := qg.win.Window.Spec.Refs()
	out := make([]int, len(refs))
	for i, r := range refs {
		out[i] = qg.row.Slot(r)
	}
	return out
}

// windowType is the Go type of the query's runtime window (the kind's
// runtime type; the cron window's constructor returns the interface).
func (qg *queryGen) windowType() (jen.Code, error) {
	in := jen.Id(qg.inType)
	kind := qg.win.Kind()
	switch {
	case kind == plan.WinCron:
		return jen.Qual(pkgWindow, "Window").Types(in), nil
	case kind.Keyed():
		qg.emitWindowKey()
		return jen.Op("*").Qual(pkgWindow, kind.RuntimeType()).Types(in, jen.Id(qg.id("WinKey"))), nil
	case kind.RuntimeType() != "":
		return jen.Op("*").Qual(pkgWindow, kind.RuntimeType()).Types(in), nil
	}
	return nil, &Unsupported{What: "window " + kind.String()}
}

// emitWindowKey declares the typed key of a keyed window.
func (qg *queryGen) emitWindowKey() {
	if qg.keyEmitted {
		return
	}
	qg.keyEmitted = true
	var fields []jen.Code
	for i, c := range qg.windowKeyCols() {
		fields = append(fields, jen.Id(fmt.Sprintf("k%d", i)).Add(keyType(qg.inRel.Columns[c].Type)), jen.Id(fmt.Sprintf("n%d", i)).Bool())
	}
	qg.g.f.Commentf("%s keys the window of %s (NULL is a key of its own).", qg.id("WinKey"), qg.name)
	qg.g.f.Type().Id(qg.id("WinKey")).Struct(fields...)
}

// windowCtor builds the window in init.
func (qg *queryGen) windowCtor(inFields []string) ([]jen.Code, error) {
	in := jen.Id(qg.inType)
	set := func(c jen.Code) []jen.Code { return []jen.Code{jen.Id("q").Dot("win").Op("=").Add(c)} }
	w := func(name string) *jen.Statement { return jen.Qual(pkgWindow, name).Types(in) }
	nullBit := func(col int) jen.Code {
		return jen.Id("e").Dot("Nulls").Op("&").Lit(uint64(1) << col)
	}
	keyFn := func() jen.Code {
		d := jen.Dict{}
		for i, c := range qg.windowKeyCols() {
			// NULL keys carry the zero value so equal NULLs meet.
			d[jen.Id(fmt.Sprintf("n%d", i))] = jen.Add(nullBit(c)).Op("!=").Lit(0)
			d[jen.Id(fmt.Sprintf("k%d", i))] = keyValue(jen.Id("e").Dot(inFields[c]), qg.inRel.Columns[c].Type)
		}
		var body []jen.Code
		body = append(body, jen.Id("k").Op(":=").Id(qg.id("WinKey")).Values(d))
		for i := range qg.windowKeyCols() {
			body = append(body, jen.If(jen.Id("k").Dot(fmt.Sprintf("n%d", i))).Block(
				jen.Id("k").Dot(fmt.Sprintf("k%d", i)).Op("=").Add(keyZero(qg.inRel.Columns[qg.windowKeyCols()[i]].Type))))
		}
		body = append(body, jen.Return(jen.Id("k")))
		return jen.Func().Params(jen.Id("e").Add(in)).Id(qg.id("WinKey")).Block(body...)
	}
	keyed := func(name string) *jen.Statement {
		return jen.Qual(pkgWindow, name).Types(in, jen.Id(qg.id("WinKey")))
	}
	switch spec := qg.win.Window.Spec.(type) {
	case plan.LengthSpec:
		return set(w("NewLength").Call(jen.Lit(int(spec.N)))), nil
	case plan.LengthBatchSpec:
		return set(w("NewLengthBatch").Call(jen.Lit(int(spec.N)))), nil
	case plan.TimeSpec:
		return set(w("NewTime").Call(jen.Lit(int(spec.Millis)))), nil
	case plan.TimeBatchSpec:
		return set(w("NewTimeBatch").Call(jen.Lit(int(spec.Millis)))), nil
	case plan.HopSpec:
		return set(w("NewHop").Call(jen.Lit(int(spec.Size)), jen.Lit(int(spec.Slide)))), nil
	case plan.TimeLengthSpec:
		return set(w("NewTimeLength").Call(jen.Lit(int(spec.Millis)), jen.Lit(int(spec.N)))), nil
	case plan.BatchSpec:
		return set(w("NewBatch").Call()), nil
	case plan.DelaySpec:
		return set(w("NewDelay").Call(jen.Lit(int(spec.Millis)))), nil
	case *plan.ExternalTimeSpec, *plan.ExternalTimeBatchSpec:
		col := qg.row.Slot(spec.Refs()[0])
		ts := jen.Func().Params(jen.Id("e").Add(in)).Params(jen.Int64(), jen.Bool()).Block(
			jen.Return(jen.Int64().Call(jen.Id("e").Dot(inFields[col])), jen.Add(nullBit(col)).Op("==").Lit(0)))
		name, millis := "NewExternalTime", int64(0)
		if s, ok := spec.(*plan.ExternalTimeSpec); ok {
			millis = s.Millis
		} else {
			name, millis = "NewExternalTimeBatch", spec.(*plan.ExternalTimeBatchSpec).Millis
		}
		return []jen.Code{
			jen.Id("q").Dot("win").Op("=").Add(w(name).Call(ts, jen.Lit(int(millis)))),
			jen.Id("q").Dot("win").Dot("OnError").Op("=").Func().Params(jen.Id("err").Error()).Block(
				jen.Id("a").Dot("reportError").Call(jen.Lit(qg.q.Index), jen.Id("err"))),
		}, nil
	case *plan.SessionSpec:
		return set(keyed("NewSession").Call(jen.Lit(int(spec.Gap)), keyFn(), jen.Lit(int(spec.Latency)))), nil
	case *plan.UniqueSpec:
		return set(keyed("NewUnique").Call(keyFn())), nil
	case *plan.FirstUniqueSpec:
		return set(keyed("NewFirstUnique").Call(keyFn())), nil
	case *plan.FrequentSpec:
		return set(keyed("NewFrequent").Call(jen.Lit(int(spec.N)), keyFn())), nil
	case *plan.LossyFrequentSpec:
		return set(keyed("NewLossyFrequent").Call(jen.Lit(spec.Support), jen.Lit(spec.ErrorRate), keyFn())), nil
	case *plan.SortSpec:
		return set(w("NewSort").Call(jen.Lit(int(spec.N)), qg.sortCmp(spec, inFields))), nil
	case plan.CronSpec:
		return []jen.Code{
			jen.Var().Id("err").Error(),
			jen.List(jen.Id("q").Dot("win"), jen.Id("err")).Op("=").Add(w("NewCron").Call(jen.Lit(spec.Expr))),
			jen.If(jen.Id("err").Op("!=").Nil().Op("&&").Id("a").Dot("initErr").Op("==").Nil()).Block(
				jen.Id("a").Dot("initErr").Op("=").Id("err")),
		}, nil
	}
	return nil, &Unsupported{What: "window " + qg.win.Kind().String()}
}

// sortCmp orders events by the sort window's keys (NULL first in ascending).
func (qg *queryGen) sortCmp(spec *plan.SortSpec, inFields []string) jen.Code {
	var body []jen.Code
	for i, k := range spec.Keys {
		col := qg.row.Slot(k.Col)
		a, b := jen.Id("a").Dot(inFields[col]), jen.Id("b").Dot(inFields[col])
		an := jen.Id("a").Dot("Nulls").Op("&").Lit(uint64(1) << col).Op("!=").Lit(0)
		bn := jen.Id("b").Dot("Nulls").Op("&").Lit(uint64(1) << col).Op("!=").Lit(0)
		body = append(body, orderKey(fmt.Sprintf("c%d", i), a, b, an, bn, k.Col.T, k.Desc)...)
	}
	body = append(body, jen.Return(jen.Lit(0)))
	return jen.Func().Params(jen.List(jen.Id("a"), jen.Id("b")).Id(qg.inType)).Int().Block(body...)
}

func keyZero(t plan.Type) jen.Code {
	if t == plan.Float || t == plan.Double {
		return jen.Lit(0)
	}
	return zero(t)
}
