package codegen

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/eventflux/eventflux-go/plan"
)

// windowKeyed reports windows keyed by attributes, with their key columns.
func (qg *queryGen) windowKeyCols() []int {
	spec := qg.win.Spec
	if (spec.Kind == "frequent" || spec.Kind == "lossyFrequent") && len(spec.Attrs) == 0 {
		all := make([]int, len(qg.inRel.Columns))
		for i := range all {
			all[i] = i
		}
		return all
	}
	return spec.Attrs
}

// windowType is the Go type of the query's runtime window.
func (qg *queryGen) windowType() (jen.Code, error) {
	in := jen.Id(qg.inType)
	names := map[string]string{"length": "Length", "lengthBatch": "LengthBatch", "time": "Time", "timeBatch": "TimeBatch",
		"hop": "Hop", "timeLength": "TimeLength", "batch": "Batch", "delay": "Delay", "externalTime": "ExternalTime",
		"externalTimeBatch": "ExternalTimeBatch", "sort": "Sort"}
	kind := qg.win.Spec.Kind
	if n, ok := names[kind]; ok {
		return jen.Op("*").Qual(pkgWindow, n).Types(in), nil
	}
	keyed := map[string]string{"session": "Session", "unique": "Unique", "firstUnique": "FirstUnique", "frequent": "Frequent", "lossyFrequent": "LossyFrequent"}
	if n, ok := keyed[kind]; ok {
		qg.emitWindowKey()
		return jen.Op("*").Qual(pkgWindow, n).Types(in, jen.Id(qg.id("WinKey"))), nil
	}
	if kind == "cron" {
		return jen.Qual(pkgWindow, "Window").Types(in), nil
	}
	return nil, &Unsupported{What: "window " + kind}
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
	spec := qg.win.Spec
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
	switch spec.Kind {
	case "length":
		return set(w("NewLength").Call(jen.Lit(int(spec.Length)))), nil
	case "lengthBatch":
		return set(w("NewLengthBatch").Call(jen.Lit(int(spec.Length)))), nil
	case "time":
		return set(w("NewTime").Call(jen.Lit(int(spec.Millis)))), nil
	case "timeBatch":
		return set(w("NewTimeBatch").Call(jen.Lit(int(spec.Millis)))), nil
	case "hop":
		return set(w("NewHop").Call(jen.Lit(int(spec.Millis)), jen.Lit(int(spec.Slide)))), nil
	case "timeLength":
		return set(w("NewTimeLength").Call(jen.Lit(int(spec.Millis)), jen.Lit(int(spec.Length)))), nil
	case "batch":
		return set(w("NewBatch").Call()), nil
	case "delay":
		return set(w("NewDelay").Call(jen.Lit(int(spec.Millis)))), nil
	case "externalTime", "externalTimeBatch":
		col := spec.Attrs[0]
		ts := jen.Func().Params(jen.Id("e").Add(in)).Params(jen.Int64(), jen.Bool()).Block(
			jen.Return(jen.Int64().Call(jen.Id("e").Dot(inFields[col])), jen.Add(nullBit(col)).Op("==").Lit(0)))
		name := "NewExternalTime"
		if spec.Kind == "externalTimeBatch" {
			name = "NewExternalTimeBatch"
		}
		return []jen.Code{
			jen.Id("q").Dot("win").Op("=").Add(w(name).Call(ts, jen.Lit(int(spec.Millis)))),
			jen.Id("q").Dot("win").Dot("OnError").Op("=").Func().Params(jen.Id("err").Error()).Block(
				jen.Id("a").Dot("reportError").Call(jen.Lit(qg.q.Index), jen.Id("err"))),
		}, nil
	case "session":
		return set(keyed("NewSession").Call(jen.Lit(int(spec.Millis)), keyFn(), jen.Lit(int(spec.Latency)))), nil
	case "unique":
		return set(keyed("NewUnique").Call(keyFn())), nil
	case "firstUnique":
		return set(keyed("NewFirstUnique").Call(keyFn())), nil
	case "frequent":
		return set(keyed("NewFrequent").Call(jen.Lit(int(spec.Length)), keyFn())), nil
	case "lossyFrequent":
		return set(keyed("NewLossyFrequent").Call(jen.Lit(spec.Support), jen.Lit(spec.ErrorRate), keyFn())), nil
	case "sort":
		return set(w("NewSort").Call(jen.Lit(int(spec.Length)), qg.sortCmp(inFields))), nil
	case "cron":
		return []jen.Code{
			jen.Var().Id("err").Error(),
			jen.List(jen.Id("q").Dot("win"), jen.Id("err")).Op("=").Add(w("NewCron").Call(jen.Lit(spec.Cron))),
			jen.If(jen.Id("err").Op("!=").Nil().Op("&&").Id("a").Dot("initErr").Op("==").Nil()).Block(
				jen.Id("a").Dot("initErr").Op("=").Id("err")),
		}, nil
	}
	return nil, &Unsupported{What: "window " + spec.Kind}
}

// sortCmp orders events by the sort window's keys (NULL first in ascending).
func (qg *queryGen) sortCmp(inFields []string) jen.Code {
	var body []jen.Code
	for i, k := range qg.win.Spec.Sort {
		ref := k.Expr.(*plan.ColRef)
		col := ref.Index
		a, b := jen.Id("a").Dot(inFields[col]), jen.Id("b").Dot(inFields[col])
		an := jen.Id("a").Dot("Nulls").Op("&").Lit(uint64(1) << col).Op("!=").Lit(0)
		bn := jen.Id("b").Dot("Nulls").Op("&").Lit(uint64(1) << col).Op("!=").Lit(0)
		c := fmt.Sprintf("c%d", i)
		var cmp jen.Code
		switch ref.T {
		case plan.String:
			cmp = jen.Qual("strings", "Compare").Call(a, b)
		case plan.Bool:
			cmp = jen.Func().Params().Int().Block(
				jen.If(jen.Add(a).Op("==").Add(b)).Block(jen.Return(jen.Lit(0))),
				jen.If(jen.Op("!").Add(jen.Id("a").Dot(inFields[col]))).Block(jen.Return(jen.Lit(-1))),
				jen.Return(jen.Lit(1))).Call()
		default:
			cmp = jen.Func().Params().Int().Block(
				jen.If(jen.Id("a").Dot(inFields[col]).Op("<").Id("b").Dot(inFields[col])).Block(jen.Return(jen.Lit(-1))),
				jen.If(jen.Id("a").Dot(inFields[col]).Op(">").Id("b").Dot(inFields[col])).Block(jen.Return(jen.Lit(1))),
				jen.Return(jen.Lit(0))).Call()
		}
		body = append(body,
			jen.Id("an"+c).Op(",").Id("bn"+c).Op(":=").List(an, bn),
			jen.Var().Id(c).Int(),
			jen.Switch().Block(
				jen.Case(jen.Id("an"+c).Op("&&").Id("bn"+c)),
				jen.Case(jen.Id("an"+c)).Block(jen.Id(c).Op("=").Lit(-1)),
				jen.Case(jen.Id("bn"+c)).Block(jen.Id(c).Op("=").Lit(1)),
				jen.Default().Block(jen.Id(c).Op("=").Add(cmp)),
			),
		)
		if k.Desc {
			body = append(body, jen.Id(c).Op("=").Op("-").Id(c))
		}
		body = append(body, jen.If(jen.Id(c).Op("!=").Lit(0)).Block(jen.Return(jen.Id(c))))
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
