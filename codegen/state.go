package codegen

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/eventflux/eventflux-go/plan"
)

// Snapshots are in the format runtime/snap defines (its package doc), the
// one the interpreter writes too: the code below emits its typed writers
// and readers, calling the runtime's column (snap) and key (runtime/key)
// encodings, so that either backend restores the other's snapshots.

const (
	pkgSnap = "github.com/eventflux/eventflux-go/runtime/snap"
	pkgKey  = "github.com/eventflux/eventflux-go/runtime/key"
)

// nullBit is `v.Nulls&bit != 0` for column i of the struct v.
func nullBit(v string, i int) jen.Code {
	return jen.Id(v).Dot("Nulls").Op("&").Lit(uint64(1) << i).Op("!=").Lit(0)
}

// appendColumn writes column value v of type t (NULL when null holds).
func appendColumn(v, null jen.Code, t plan.Type) jen.Code {
	dst := jen.Id("dst")
	switch t {
	case plan.String:
		return jen.Qual(pkgSnap, "AppendStringCol").Call(dst, v, null)
	case plan.Float, plan.Double:
		return jen.Qual(pkgSnap, "AppendFloatCol").Call(dst, jen.Float64().Call(v), null)
	case plan.Bool:
		return jen.Qual(pkgSnap, "AppendBoolCol").Call(dst, v, null)
	}
	return jen.Qual(pkgSnap, "AppendIntCol").Call(dst, jen.Int64().Call(v), null)
}

// readColumn reads a column of type t into its Go type.
func readColumn(null jen.Code, t plan.Type) jen.Code {
	r := jen.Id("r")
	switch t {
	case plan.String:
		return r.Dot("StringCol").Call(null)
	case plan.Int:
		return r.Dot("Int32Col").Call(null)
	case plan.Float:
		return r.Dot("Float32Col").Call(null)
	case plan.Double:
		return r.Dot("FloatCol").Call(null)
	case plan.Bool:
		return r.Dot("BoolCol").Call(null)
	}
	return r.Dot("IntCol").Call(null)
}

// relationCodec emits append<T>/read<T> for snapshots of a stream's events:
// the row encoding of runtime/snap (NULL bitmask, then every column).
func (g *generator) relationCodec(rel *plan.Relation) {
	ids := g.ids(rel)
	t := ids.typ
	fields := fieldNames(rel)
	app := []jen.Code{jen.Id("dst").Op("=").Qual(pkgSnap, "AppendUint").Call(jen.Id("dst"), jen.Id("v").Dot("Nulls"))}
	for i, c := range rel.Columns {
		app = append(app, jen.Id("dst").Op("=").Add(appendColumn(jen.Id("v").Dot(fields[i]), nullBit("v", i), c.Type)))
	}
	app = append(app, jen.Return(jen.Id("dst")))
	g.f.Func().Id(ids.appendFn).Params(jen.Id("dst").Index().Byte(), jen.Id("v").Id(t)).Index().Byte().Block(app...)
	rd := []jen.Code{
		jen.Var().Id("v").Id(t),
		jen.Id("v").Dot("Nulls").Op("=").Id("r").Dot("Nulls").Call(jen.Lit(len(rel.Columns))),
	}
	for i, c := range rel.Columns {
		rd = append(rd, jen.Id("v").Dot(fields[i]).Op("=").Add(readColumn(nullBit("v", i), c.Type)))
	}
	rd = append(rd, jen.Return(jen.Id("v")))
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

// appendKeyColumn and readKeyColumn encode GROUP BY key field i with
// runtime/key, the encoding the interpreter keys its groups by.
func appendKeyColumn(i int, t plan.Type) jen.Code {
	k, n := jen.Id("k").Dot(fmt.Sprintf("k%d", i)), jen.Id("k").Dot(fmt.Sprintf("n%d", i))
	dst := jen.Id("dst")
	switch t {
	case plan.String:
		return jen.Qual(pkgKey, "AppendString").Call(dst, k, n)
	case plan.Float, plan.Double:
		return jen.Qual(pkgKey, "AppendFloatBits").Call(dst, k, n) // keyType: fn.FloatKey bits
	case plan.Bool:
		return jen.Qual(pkgKey, "AppendBool").Call(dst, k, n)
	}
	return jen.Qual(pkgKey, "AppendInt").Call(dst, jen.Int64().Call(k), n)
}

func readKeyColumn(i int, t plan.Type) jen.Code {
	fields := jen.List(jen.Id("k").Dot(fmt.Sprintf("k%d", i)), jen.Id("k").Dot(fmt.Sprintf("n%d", i)))
	name := "ReadInt"
	switch t {
	case plan.String:
		name = "ReadString"
	case plan.Int:
		name = "ReadInt32"
	case plan.Float, plan.Double:
		name = "ReadFloatBits"
	case plan.Bool:
		name = "ReadBool"
	}
	return jen.Add(fields).Op("=").Qual(pkgKey, name).Call(jen.Id("r"))
}

// shapeTypes are the runtime types of a layout's columns.
func shapeTypes(cols []plan.Column) []jen.Code {
	out := make([]jen.Code, len(cols))
	for i, c := range cols {
		out[i] = runtimeType(c.Type)
	}
	return out
}

func exprTypes(es []plan.Expr) []plan.Column {
	out := make([]plan.Column, len(es))
	for i, e := range es {
		out[i] = plan.Column{Type: e.Type()}
	}
	return out
}

// emitState writes AppendState/LoadState for a query: the `query` of the
// format (runtime/snap).
func (qg *queryGen) emitState(groupT, keyT string) error {
	f := qg.g.f
	q := jen.Id("q")
	// Group key encoding (grouped queries).
	if qg.grouped {
		var enc []jen.Code
		dec := []jen.Code{jen.Var().Id("k").Id(keyT)}
		for i, e := range qg.sel.GroupBy {
			enc = append(enc, jen.Id("dst").Op("=").Add(appendKeyColumn(i, e.Type())))
			dec = append(dec, readKeyColumn(i, e.Type()))
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
	// append<Group> / load<Group>: held, then each aggregator's state; an
	// avg read off a sum has none.
	var ag, lg []jen.Code
	ag = append(ag, jen.Id("dst").Op("=").Qual(pkgSnap, "AppendInt").Call(jen.Id("dst"), jen.Id("g").Dot("held")), jen.Var().Id("err").Error())
	lg = append(lg, jen.Id("g").Dot("held").Op("=").Id("r").Dot("Int").Call())
	for i := range qg.sel.Aggs {
		if _, ok := qg.sharedSum(i); ok {
			continue
		}
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

	// The shape: the window's rows, the GROUP BY key, the output rows.
	var winCols []plan.Column
	if qg.win != nil {
		winCols = qg.inRel.Columns
	}
	shape := []struct {
		what string
		cols []plan.Column
	}{{"the window row", winCols}, {"the GROUP BY key", exprTypes(qg.sel.GroupBy)}, {"the output row", qg.outRel.Columns}}

	// AppendState
	as := []jen.Code{jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune('Q'))}
	for _, s := range shape {
		as = append(as, jen.Id("dst").Op("=").Qual(pkgSnap, "AppendTypes").Call(append([]jen.Code{jen.Id("dst")}, shapeTypes(s.cols)...)...))
	}
	as = append(as, jen.Id("dst").Op("=").Qual(pkgSnap, "AppendBool").Call(jen.Id("dst"), jen.Lit(qg.win != nil)),
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
			jen.Qual("slices", "Sort").Call(jen.Id("keys")).Comment("the format's order: by key bytes"),
			jen.Id("dst").Op("=").Qual(pkgSnap, "AppendCount").Call(jen.Id("dst"), jen.Len(jen.Id("keys"))),
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
	f.Func().Params(q.Clone().Op("*").Id(qg.name)).Id("AppendState").Params(jen.Id("dst").Index().Byte()).Params(jen.Index().Byte(), jen.Error()).Block(as...)

	// LoadState
	ls := []jen.Code{jen.Id("r").Dot("Expect").Call(jen.Lit("Q"))}
	for _, s := range shape {
		ls = append(ls, jen.Id("r").Dot("ExpectTypes").Call(append([]jen.Code{jen.Lit(s.what)}, shapeTypes(s.cols)...)...))
	}
	mismatch := func(what string) jen.Code {
		return jen.Id("r").Dot("Failf").Call(jen.Lit("%w: "+what), jen.Qual(pkgSnap, "ErrMismatch"))
	}
	ls = append(ls, jen.If(jen.Id("r").Dot("Bool").Call().Op("!=").Lit(qg.win != nil).Op("&&").Id("r").Dot("Err").Call().Op("==").Nil()).Block(
		mismatch("a window in one and not the other"), jen.Return()))
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
				jen.Id("k").Op(":=").Id("read"+keyT).Call(jen.Id("r")),
				jen.If(jen.Id("q").Dot("groups").Index(jen.Id("k")).Op("!=").Nil().Op("&&").Id("r").Dot("Err").Call().Op("==").Nil()).Block(
					jen.Id("r").Dot("Failf").Call(jen.Lit("snapshot: the same group key twice")), jen.Return()),
				jen.Id(qg.g.own("load"+groupT)).Call(jen.Id("r"), jen.Id("q").Dot("groupByKey").Call(jen.Id("k")))))
	} else {
		ls = append(ls, jen.Id(qg.g.own("load"+groupT)).Call(jen.Id("r"), jen.Op("&").Id("q").Dot("global")))
	}
	ls = append(ls, jen.If(jen.Id("r").Dot("Bool").Call().Op("!=").Lit(qg.rate != nil).Op("&&").Id("r").Dot("Err").Call().Op("==").Nil()).Block(
		mismatch("an output rate limit in one and not the other"), jen.Return()))
	if qg.rate != nil {
		rc, gc := rateCodecs()
		ls = append(ls, jen.Id("q").Dot("rate").Dot("LoadState").Call(jen.Id("r"), rc, gc))
	}
	f.Func().Params(q.Clone().Op("*").Id(qg.name)).Id("LoadState").Params(jen.Id("r").Op("*").Qual(pkgSnap, "Reader")).Block(ls...)
	return nil
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
