package codegen

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/eventflux/eventflux-go/plan"
)

const pkgSnap = "github.com/eventflux/eventflux-go/runtime/snap"

// appendValue encodes a Go value of type t (snapshot format).
func appendValue(dst jen.Code, v jen.Code, t plan.Type) jen.Code {
	q := func(name string, arg jen.Code) jen.Code { return jen.Qual(pkgSnap, name).Call(dst, arg) }
	switch t {
	case plan.String:
		return q("AppendString", v)
	case plan.Int, plan.BigInt:
		return q("AppendInt", jen.Int64().Call(v))
	case plan.Float, plan.Double:
		return q("AppendFloat", jen.Float64().Call(v))
	case plan.Bool:
		return q("AppendBool", v)
	}
	return q("AppendInt", jen.Int64().Call(v))
}

// readValue decodes a value of type t from the reader r.
func readValue(t plan.Type) jen.Code {
	r := jen.Id("r")
	switch t {
	case plan.String:
		return r.Clone().Dot("String").Call()
	case plan.Int:
		return jen.Int32().Call(r.Clone().Dot("Int").Call())
	case plan.BigInt:
		return r.Clone().Dot("Int").Call()
	case plan.Float:
		return jen.Float32().Call(r.Clone().Dot("Float").Call())
	case plan.Double:
		return r.Clone().Dot("Float").Call()
	case plan.Bool:
		return r.Clone().Dot("Bool").Call()
	}
	return r.Clone().Dot("Int").Call()
}

// relationCodec emits append<T>/read<T> for snapshots of a stream's events.
func (g *generator) relationCodec(rel *plan.Relation) {
	ids := g.ids(rel)
	t := ids.typ
	fields := fieldNames(rel)
	var app []jen.Code
	for i, c := range rel.Columns {
		app = append(app, jen.Id("dst").Op("=").Add(appendValue(jen.Id("dst"), jen.Id("v").Dot(fields[i]), c.Type)))
	}
	app = append(app, jen.Return(jen.Qual(pkgSnap, "AppendUint").Call(jen.Id("dst"), jen.Id("v").Dot("Nulls"))))
	g.f.Func().Id(ids.appendFn).Params(jen.Id("dst").Index().Byte(), jen.Id("v").Id(t)).Index().Byte().Block(app...)
	var rd []jen.Code
	rd = append(rd, jen.Var().Id("v").Id(t))
	for i, c := range rel.Columns {
		rd = append(rd, jen.Id("v").Dot(fields[i]).Op("=").Add(readValue(c.Type)))
	}
	rd = append(rd, jen.Id("v").Dot("Nulls").Op("=").Id("r").Dot("Uint").Call(), jen.Return(jen.Id("v")))
	g.f.Func().Id(ids.readFn).Params(jen.Id("r").Op("*").Qual(pkgSnap, "Reader")).Id(t).Block(rd...)
	// The window codec works on byte slices.
	g.f.Var().Id(ids.codec).Op("=").Qual(pkgWindow, "Codec").Types(jen.Id(t)).Values(jen.Dict{
		jen.Id("Append"): jen.Id(ids.appendFn),
		jen.Id("Read"): jen.Func().Params(jen.Id("src").Index().Byte()).Params(jen.Id(t), jen.Index().Byte(), jen.Error()).Block(
			jen.Id("r").Op(":=").Qual(pkgSnap, "NewReader").Call(jen.Id("src")),
			jen.Id("v").Op(":=").Id(ids.readFn).Call(jen.Id("r")),
			jen.Return(jen.Id("v"), jen.Id("r").Dot("Rest").Call(), jen.Id("r").Dot("Err").Call()),
		),
	})
}

// emitState writes appendState/loadState for a query, in the same
// structure as the interpreter's snapshots (§12.1).
func (qg *queryGen) emitState(groupT, keyT string) error {
	f := qg.g.f
	q := jen.Id("q")
	// Group key encoding (grouped queries).
	if qg.grouped {
		var enc []jen.Code
		var dec []jen.Code
		dec = append(dec, jen.Var().Id("k").Id(keyT))
		for i, e := range qg.sel.GroupBy {
			enc = append(enc,
				jen.Id("dst").Op("=").Add(appendKeyValue(jen.Id("dst"), jen.Id("k").Dot(fmt.Sprintf("k%d", i)), e.Type())),
				jen.Id("dst").Op("=").Qual(pkgSnap, "AppendBool").Call(jen.Id("dst"), jen.Id("k").Dot(fmt.Sprintf("n%d", i))))
			dec = append(dec,
				jen.Id("k").Dot(fmt.Sprintf("k%d", i)).Op("=").Add(readKeyValue(e.Type())),
				jen.Id("k").Dot(fmt.Sprintf("n%d", i)).Op("=").Id("r").Dot("Bool").Call())
		}
		enc = append(enc, jen.Return(jen.Id("dst")))
		dec = append(dec, jen.Return(jen.Id("k")))
		f.Func().Id(qg.g.own("append"+keyT)).Params(jen.Id("dst").Index().Byte(), jen.Id("k").Id(keyT)).Index().Byte().Block(enc...)
		f.Func().Id(qg.g.own("read" + keyT)).Params(jen.Id("r").Op("*").Qual(pkgSnap, "Reader")).Id(keyT).Block(dec...)
		// groupByKey finds or creates the group of a key.
		f.Func().Params(q.Clone().Op("*").Id(qg.name)).Id("groupByKey").Params(jen.Id("k").Id(keyT)).Op("*").Id(groupT).Block(
			jen.Id("g").Op(":=").Id("q").Dot("groups").Index(jen.Id("k")),
			jen.If(jen.Id("g").Op("==").Nil()).Block(
				jen.Id("g").Op("=").Op("&").Id(groupT).Values(jen.Dict{jen.Id("key"): jen.Id("k")}),
				jen.Id("q").Dot("groups").Index(jen.Id("k")).Op("=").Id("g"),
				jen.Id("q").Dot("all").Op("=").Append(jen.Id("q").Dot("all"), jen.Id("g")),
				qg.indexGroup()),
			jen.Return(jen.Id("g")))
	}
	// appendGroup / loadGroup
	var ag, lg []jen.Code
	ag = append(ag, jen.Id("dst").Op("=").Qual(pkgSnap, "AppendInt").Call(jen.Id("dst"), jen.Id("g").Dot("held")), jen.Var().Id("err").Error())
	lg = append(lg, jen.Id("g").Dot("held").Op("=").Id("r").Dot("Int").Call())
	for i := range qg.sel.Aggs {
		a := jen.Id("g").Dot(fmt.Sprintf("a%d", i))
		ag = append(ag,
			jen.If(jen.List(jen.Id("dst"), jen.Id("err")).Op("=").Add(a.Clone()).Dot("AppendState").Call(jen.Id("dst")), jen.Id("err").Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Id("err"))))
		lg = append(lg,
			jen.If(jen.Id("r").Dot("Err").Call().Op("!=").Nil()).Block(jen.Return()),
			jen.If(jen.List(jen.Id("rest"), jen.Id("err")).Op(":=").Add(a.Clone()).Dot("LoadState").Call(jen.Id("r").Dot("Rest").Call()), jen.Id("err").Op("!=").Nil()).Block(
				jen.Id("r").Dot("Fail").Call(jen.Id("err"))).Else().Block(jen.Id("r").Dot("SetRest").Call(jen.Id("rest"))))
	}
	ag = append(ag, jen.Return(jen.Id("dst"), jen.Id("err")))
	f.Func().Id(qg.g.own("append"+groupT)).Params(jen.Id("dst").Index().Byte(), jen.Id("g").Op("*").Id(groupT)).Params(jen.Index().Byte(), jen.Error()).Block(ag...)
	f.Func().Id(qg.g.own("load"+groupT)).Params(jen.Id("r").Op("*").Qual(pkgSnap, "Reader"), jen.Id("g").Op("*").Id(groupT)).Block(lg...)

	outT := jen.Id(qg.outType)
	rateCodecs := func() (jen.Code, jen.Code) {
		rc := jen.Qual(pkgRate, "Codec").Types(outT).Values(jen.Dict{
			jen.Id("Append"): jen.Id(qg.g.ids(qg.outRel).appendFn), jen.Id("Read"): jen.Id(qg.g.ids(qg.outRel).readFn)})
		var gAppend, gRead jen.Code
		if qg.grouped {
			gAppend = jen.Func().Params(jen.Id("dst").Index().Byte(), jen.Id("g").Op("*").Id(groupT)).Index().Byte().Block(
				jen.If(jen.Id("g").Op("==").Nil()).Block(jen.Return(jen.Qual(pkgSnap, "AppendBool").Call(jen.Id("dst"), jen.False()))),
				jen.Return(jen.Id(qg.g.own("append"+keyT)).Call(jen.Qual(pkgSnap, "AppendBool").Call(jen.Id("dst"), jen.True()), jen.Id("g").Dot("key"))))
			gRead = jen.Func().Params(jen.Id("r").Op("*").Qual(pkgSnap, "Reader")).Op("*").Id(groupT).Block(
				jen.If(jen.Op("!").Id("r").Dot("Bool").Call()).Block(jen.Return(jen.Nil())),
				jen.Return(jen.Id("q").Dot("groupByKey").Call(jen.Id(qg.g.own("read"+keyT)).Call(jen.Id("r")))))
		} else {
			gAppend = jen.Func().Params(jen.Id("dst").Index().Byte(), jen.Id("g").Op("*").Id(groupT)).Index().Byte().Block(
				jen.Return(jen.Qual(pkgSnap, "AppendBool").Call(jen.Id("dst"), jen.Id("g").Op("!=").Nil())))
			gRead = jen.Func().Params(jen.Id("r").Op("*").Qual(pkgSnap, "Reader")).Op("*").Id(groupT).Block(
				jen.If(jen.Op("!").Id("r").Dot("Bool").Call()).Block(jen.Return(jen.Nil())),
				jen.Return(jen.Op("&").Id("q").Dot("global")))
		}
		gc := jen.Qual(pkgRate, "Codec").Types(jen.Op("*").Id(groupT)).Values(jen.Dict{jen.Id("Append"): gAppend, jen.Id("Read"): gRead})
		return rc, gc
	}

	// appendState
	var as []jen.Code
	as = append(as, jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune('Q')),
		jen.Id("dst").Op("=").Qual(pkgSnap, "AppendBool").Call(jen.Id("dst"), jen.Lit(qg.win != nil)),
		jen.Var().Id("err").Error())
	if qg.win != nil {
		as = append(as, jen.If(jen.List(jen.Id("dst"), jen.Id("err")).Op("=").Id("q").Dot("win").Dot("AppendState").Call(jen.Id("dst"), jen.Id(qg.g.ids(qg.inRel).codec)), jen.Id("err").Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Id("err"))))
	}
	if qg.grouped {
		as = append(as,
			jen.Id("keys").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Len(jen.Id("q").Dot("groups"))),
			jen.Id("byKey").Op(":=").Make(jen.Map(jen.String()).Op("*").Id(groupT), jen.Len(jen.Id("q").Dot("groups"))),
			jen.For(jen.List(jen.Id("k"), jen.Id("g")).Op(":=").Range().Id("q").Dot("groups")).Block(
				jen.Id("ks").Op(":=").String().Call(jen.Id(qg.g.own("append"+keyT)).Call(jen.Nil(), jen.Id("k"))),
				jen.Id("keys").Op("=").Append(jen.Id("keys"), jen.Id("ks")),
				jen.Id("byKey").Index(jen.Id("ks")).Op("=").Id("g")),
			jen.Qual("slices", "Sort").Call(jen.Id("keys")),
			jen.Id("dst").Op("=").Qual(pkgSnap, "AppendUint").Call(jen.Id("dst"), jen.Uint64().Call(jen.Len(jen.Id("keys")))),
			jen.For(jen.List(jen.Id("_"), jen.Id("ks")).Op(":=").Range().Id("keys")).Block(
				jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.Id("ks").Op("...")),
				jen.If(jen.List(jen.Id("dst"), jen.Id("err")).Op("=").Id(qg.g.own("append"+groupT)).Call(jen.Id("dst"), jen.Id("byKey").Index(jen.Id("ks"))), jen.Id("err").Op("!=").Nil()).Block(
					jen.Return(jen.Nil(), jen.Id("err")))),
		)
	} else {
		as = append(as, jen.If(jen.List(jen.Id("dst"), jen.Id("err")).Op("=").Id(qg.g.own("append"+groupT)).Call(jen.Id("dst"), jen.Op("&").Id("q").Dot("global")), jen.Id("err").Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Id("err"))))
	}
	as = append(as, jen.Id("dst").Op("=").Qual(pkgSnap, "AppendBool").Call(jen.Id("dst"), jen.Lit(qg.rate != nil)))
	if qg.rate != nil {
		rc, gc := rateCodecs()
		as = append(as, jen.Id("dst").Op("=").Id("q").Dot("rate").Dot("AppendState").Call(jen.Id("dst"), rc, gc))
	}
	as = append(as, jen.Return(jen.Id("dst"), jen.Nil()))
	f.Func().Params(q.Clone().Op("*").Id(qg.name)).Id("appendState").Params(jen.Id("dst").Index().Byte()).Params(jen.Index().Byte(), jen.Error()).Block(as...)

	// loadState
	var ls []jen.Code
	ls = append(ls, jen.Id("r").Dot("Expect").Call(jen.Lit("Q")),
		jen.If(jen.Id("r").Dot("Bool").Call().Op("!=").Lit(qg.win != nil)).Block(jen.Id("r").Dot("Fail").Call(jen.Qual(pkgSnap, "ErrMismatch")), jen.Return()))
	if qg.win != nil {
		ls = append(ls,
			jen.If(jen.Id("r").Dot("Err").Call().Op("!=").Nil()).Block(jen.Return()),
			jen.List(jen.Id("rest"), jen.Id("err")).Op(":=").Id("q").Dot("win").Dot("LoadState").Call(jen.Id("r").Dot("Rest").Call(), jen.Id(qg.g.ids(qg.inRel).codec)),
			jen.If(jen.Id("err").Op("!=").Nil()).Block(jen.Id("r").Dot("Fail").Call(jen.Id("err")), jen.Return()),
			jen.Id("r").Dot("SetRest").Call(jen.Id("rest")))
	}
	if qg.grouped {
		ls = append(ls,
			jen.Id("q").Dot("groups").Op("=").Map(jen.Id(keyT)).Op("*").Id(groupT).Values(),
			jen.Id("q").Dot("all").Op("=").Nil(),
			qg.resetIndex(),
			jen.Id("n").Op(":=").Id("r").Dot("Count").Call(),
			jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("<").Id("n").Op("&&").Id("r").Dot("Err").Call().Op("==").Nil(), jen.Id("i").Op("++")).Block(
				jen.Id(qg.g.own("load"+groupT)).Call(jen.Id("r"), jen.Id("q").Dot("groupByKey").Call(jen.Id(qg.g.own("read"+keyT)).Call(jen.Id("r"))))))
	} else {
		ls = append(ls, jen.Id(qg.g.own("load"+groupT)).Call(jen.Id("r"), jen.Op("&").Id("q").Dot("global")))
	}
	ls = append(ls, jen.If(jen.Id("r").Dot("Bool").Call().Op("!=").Lit(qg.rate != nil)).Block(jen.Id("r").Dot("Fail").Call(jen.Qual(pkgSnap, "ErrMismatch")), jen.Return()))
	if qg.rate != nil {
		rc, gc := rateCodecs()
		ls = append(ls, jen.Id("q").Dot("rate").Dot("LoadState").Call(jen.Id("r"), rc, gc))
	}
	f.Func().Params(q.Clone().Op("*").Id(qg.name)).Id("loadState").Params(jen.Id("r").Op("*").Qual(pkgSnap, "Reader")).Block(ls...)
	return nil
}

// appendKeyValue and readKeyValue encode a key field (float keys are bits).
func appendKeyValue(dst jen.Code, v jen.Code, t plan.Type) jen.Code {
	if t == plan.Float || t == plan.Double {
		return jen.Qual(pkgSnap, "AppendUint").Call(dst, v)
	}
	return appendValue(dst, v, t)
}

func readKeyValue(t plan.Type) jen.Code {
	if t == plan.Float || t == plan.Double {
		return jen.Id("r").Dot("Uint").Call()
	}
	return readValue(t)
}

// indexGroup adds a new group g with key k to the single-key index.
func (qg *queryGen) indexGroup() jen.Code {
	if !qg.singleKey() {
		return jen.Null()
	}
	return jen.If(jen.Id("k").Dot("n0")).Block(jen.Id("q").Dot("nullG").Op("=").Id("g")).Else().Block(
		jen.Id("q").Dot("idx").Index(jen.Id("k").Dot("k0")).Op("=").Id("g"))
}

// resetIndex empties the single-key index.
func (qg *queryGen) resetIndex() jen.Code {
	if !qg.singleKey() {
		return jen.Null()
	}
	return jen.List(jen.Id("q").Dot("idx"), jen.Id("q").Dot("nullG")).Op("=").List(
		jen.Map(keyType(qg.sel.GroupBy[0].Type())).Op("*").Id(qg.id("Group")).Values(), jen.Nil())
}
