package codegen

import (
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/eventflux/eventflux-go/plan"
)

const pkgJSONRow = "github.com/eventflux/eventflux-go/runtime/jsonrow"

// jsonReader names the jsonrow.Reader method reading a column of type t;
// OBJECT columns (always NULL) have none and take the exact path.
var jsonReader = map[plan.Type]string{plan.String: "String", plan.Int: "Int", plan.BigInt: "BigInt",
	plan.Float: "Float", plan.Double: "Double", plan.Bool: "Bool"}

// relationJSON emits the JSON codec of a relation: decode<T>JSON with its
// readJSON step and its exact fallback <t>FromJSON, and the appendJSON
// method (runtime.JSONApp).
func (g *generator) relationJSON(rel *plan.Relation) {
	ids := g.ids(rel)
	t := ids.typ
	fields := fieldNames(rel)
	slow := jen.Return(jen.Id(ids.fromJSON).Call(jen.Id("data")))
	n := len(rel.Columns)
	all := ^uint64(0)
	if n < 64 {
		all = uint64(1)<<n - 1
	}
	bit := func(i int) jen.Code { return jen.Lit(uint64(1) << i) }

	// decode: keys to column indexes; readJSON does the rest.
	var keys []jen.Code
	for i, c := range rel.Columns {
		keys = append(keys, jen.Case(jen.Lit(c.Name)).Block(jen.Id("i").Op("=").Lit(i)))
	}
	read := func(i jen.Code) jen.Code {
		return jen.If(jen.List(jen.Id("seen"), jen.Id("ok")).Op("=").Id("ev").Dot("readJSON").Call(jen.Op("&").Id("r"), i, jen.Id("seen")), jen.Op("!").Id("ok")).Block(slow)
	}
	g.f.Commentf("%s decodes one event of %s from a JSON object", ids.decodeJSON, shown(rel.Name))
	g.f.Comment("(columns by name) or array (by position). It takes the common input")
	g.f.Commentf("itself and leaves the rest (repeated keys, errors) to %s.", ids.fromJSON)
	g.f.Func().Id(ids.decodeJSON).Params(jen.Id("data").Index().Byte()).Params(jen.Id(t), jen.Error()).Block(
		jen.Var().Id("ev").Id(t),
		jen.Var().Id("seen").Uint64(),
		jen.Var().Id("ok").Bool(),
		jen.Id("r").Op(":=").Qual(pkgJSONRow, "NewReader").Call(jen.Id("data")),
		jen.Switch().Block(
			jen.Case(jen.Id("r").Dot("Object").Call()).Block(
				jen.For(jen.Id("r").Dot("NextKey").Call()).Block(
					jen.Id("i").Op(":=").Lit(-1),
					jen.Switch(jen.String().Call(jen.Id("r").Dot("Key").Call())).Block(keys...),
					read(jen.Id("i"))),
				jen.Id("ev").Dot("Nulls").Op("|=").Lit(all).Op("&^").Id("seen").Comment("missing columns are NULL")),
			jen.Case(jen.Id("r").Dot("Array").Call()).Block(
				jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("r").Dot("NextElem").Call(), jen.Id("i").Op("++")).Block(read(jen.Id("i"))),
				jen.If(jen.Id("seen").Op("!=").Lit(all)).Block(slow)),
			jen.Default().Block(slow)),
		jen.If(jen.Op("!").Id("r").Dot("End").Call()).Block(slow),
		jen.Return(jen.Id("ev"), jen.Nil()))

	// readJSON: one column's value, by index.
	var cases []jen.Code
	for i, c := range rel.Columns {
		method, ok := jsonReader[c.Type]
		if !ok {
			continue // OBJECT: left to the exact path
		}
		cases = append(cases, jen.Case(jen.Lit(i)).Block(
			jen.List(jen.Id("ev").Dot(fields[i]), jen.Id("null"), jen.Id("err")).Op("=").Id("r").Dot(method).Call()))
	}
	var rd []jen.Code
	if len(cases) == 0 {
		rd = append(rd, jen.Return(jen.Id("seen"), jen.False()))
	} else {
		cases = append(cases, jen.Default().Block(jen.Return(jen.Id("seen"), jen.False())))
		rd = append(rd,
			jen.Var().Id("null").Bool(),
			jen.Var().Id("err").Error(),
			jen.Switch(jen.Id("i")).Block(cases...),
			jen.Id("bit").Op(":=").Uint64().Call(jen.Lit(1)).Op("<<").Id("i"),
			jen.If(jen.Id("err").Op("!=").Nil().Op("||").Id("seen").Op("&").Id("bit").Op("!=").Lit(0)).Block(jen.Return(jen.Id("seen"), jen.False())),
			jen.If(jen.Id("null")).Block(jen.Id("ev").Dot("Nulls").Op("|=").Id("bit")),
			jen.Return(jen.Id("seen").Op("|").Id("bit"), jen.True()))
	}
	g.f.Comment("readJSON reads the value of column i; false for no such column, a repeated")
	g.f.Comment("one, or a value the fast path does not take.")
	g.f.Func().Params(jen.Id("ev").Op("*").Id(t)).Id("readJSON").Params(jen.Id("r").Op("*").Qual(pkgJSONRow, "Reader"), jen.Id("i").Int(), jen.Id("seen").Uint64()).Params(jen.Uint64(), jen.Bool()).Block(rd...)

	g.f.Commentf("%s decodes any input as the JSON-lines driver's generic path", ids.fromJSON)
	g.f.Comment("does: jsonrow.Values, then Send's conversions.")
	g.f.Func().Id(ids.fromJSON).Params(jen.Id("data").Index().Byte()).Params(jen.Id(t), jen.Error()).Block(
		jen.List(jen.Id("vals"), jen.Id("err")).Op(":=").Qual(pkgJSONRow, "Values").Call(jen.Id("data"), jen.Lit(rel.Name), g.streamColumns(rel)),
		jen.If(jen.Id("err").Op("!=").Nil()).Block(jen.Return(jen.Id(t).Values(), jen.Id("err"))),
		jen.Return(jen.Id(ids.from).Call(jen.Id("vals"))))

	// appendJSON: constant parts merged, one value at a time.
	var enc []jen.Code
	for i, c := range rel.Columns {
		sep := ","
		if i == 0 {
			sep = "{"
		}
		enc = append(enc,
			jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.Lit(sep+jsonQuote(c.Name)+":").Op("...")),
			jen.If(jen.Id("ev").Dot("Nulls").Op("&").Add(bit(i)).Op("!=").Lit(0)).Block(
				jen.Id("dst").Op("=").Qual(pkgJSONRow, "AppendNull").Call(jen.Id("dst")),
			).Else().Block(
				jen.Id("dst").Op("=").Add(appendJSONValue(jen.Id("ev").Dot(fields[i]), c.Type))))
	}
	if n == 0 {
		enc = append(enc, jen.Return(jen.Append(jen.Id("dst"), jen.Lit("{}").Op("..."))))
	} else {
		enc = append(enc, jen.Return(jen.Append(jen.Id("dst"), jen.LitRune('}'))))
	}
	g.f.Comment("appendJSON appends the event as a JSON object, columns in schema order.")
	g.f.Func().Params(jen.Id("ev").Op("*").Id(t)).Id("appendJSON").Params(jen.Id("dst").Index().Byte()).Index().Byte().Block(enc...)
}

// appendJSONValue appends a non-NULL value of type t to dst.
func appendJSONValue(v jen.Code, t plan.Type) jen.Code {
	call := func(name string, arg jen.Code) jen.Code {
		return jen.Qual(pkgJSONRow, name).Call(jen.Id("dst"), arg)
	}
	switch t {
	case plan.String:
		return call("AppendString", v)
	case plan.Float:
		return call("AppendFloat", v)
	case plan.Double:
		return call("AppendDouble", v)
	case plan.Bool:
		return call("AppendBool", v)
	case plan.BigInt:
		return call("AppendInt", v)
	}
	// INT, and OBJECT held as int64 like the generic values.
	return call("AppendInt", jen.Int64().Call(v))
}

// streamColumns is the relation's column list in the generated streams
// table.
func (g *generator) streamColumns(rel *plan.Relation) jen.Code {
	for i, r := range g.app.Relations {
		if r == rel {
			return jen.Id("streams").Index(jen.Lit(i)).Dot("Columns")
		}
	}
	panic("codegen: relation " + rel.Name + " is not in the app")
}

// jsonAPI implements runtime.JSONApp over the generated codecs.
func (g *generator) jsonAPI() {
	f := g.f
	var sends []jen.Code
	for _, r := range g.app.Relations {
		ids := g.ids(r)
		if r.Kind == plan.StreamRel {
			sends = append(sends, jen.Case(jen.Lit(r.Name)).Block(
				jen.List(jen.Id("ev"), jen.Id("err")).Op(":=").Id(ids.decodeJSON).Call(jen.Id("data")),
				jen.If(jen.Id("err").Op("!=").Nil()).Block(
					jen.If(jen.Op("!").Qual(pkgJSONRow, "IsMalformed").Call(jen.Id("err"))).Block(
						jen.Comment("As in Send: a row that does not fit is rejected after the clock moved."),
						jen.Id("a").Dot(ids.sendBatch).Call(jen.Id("ts"), jen.Nil())),
					jen.Return(jen.Id("err"))),
				jen.Id("a").Dot(ids.send).Call(jen.Id("ts"), jen.Op("&").Id("ev")),
				jen.Return(jen.Nil())))
			continue
		}
		// Send rejects tables and triggers by name, after the driver's
		// generic path has decoded the event: its problems come first.
		sends = append(sends, jen.Case(jen.Lit(r.Name)).Block(
			jen.If(jen.List(jen.Id("_"), jen.Id("err")).Op(":=").Qual(pkgJSONRow, "Values").Call(jen.Id("data"), jen.Id("stream"), g.streamColumns(r)),
				jen.Id("err").Op("!=").Nil()).Block(jen.Return(jen.Id("err")))))
	}
	f.Comment("SendJSON delivers one event whose columns are a JSON object or array")
	f.Comment("(runtime.JSONApp).")
	f.Func().Params(jen.Id("a").Op("*").Id("App")).Id("SendJSON").Params(jen.Id("stream").String(), jen.Id("ts").Int64(), jen.Id("data").Index().Byte()).Error().Block(
		jen.If(jen.Op("!").Id("a").Dot("started")).Block(jen.Return(jen.Qual("errors", "New").Call(jen.Lit("app not started")))),
		jen.Switch(jen.Id("stream")).Block(sends...),
		jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("unknown stream %q"), jen.Id("stream"))))

	var subs []jen.Code
	for _, r := range g.app.Relations {
		ids := g.ids(r)
		subs = append(subs, jen.Case(jen.Lit(r.Name)).Block(
			jen.Var().Id("buf").Index().Byte(),
			jen.Id("a").Dot(ids.on).Call(jen.Func().Params(jen.Id("ts").Int64(), jen.Id("ev").Op("*").Id(ids.typ)).Block(
				jen.Id("buf").Op("=").Id("ev").Dot("appendJSON").Call(jen.Id("buf").Index(jen.Empty(), jen.Lit(0))),
				jen.Id("fn").Call(jen.Id("ts"), jen.Id("buf"))))))
	}
	subs = append(subs, jen.Default().Block(jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("unknown stream %q"), jen.Id("stream")))))
	f.Comment("SubscribeJSON calls fn for every event of stream with its columns as a JSON")
	f.Comment("object; data is only valid during the call (runtime.JSONApp).")
	f.Func().Params(jen.Id("a").Op("*").Id("App")).Id("SubscribeJSON").Params(jen.Id("stream").String(), jen.Id("fn").Func().Params(jen.Id("ts").Int64(), jen.Id("data").Index().Byte())).Error().Block(
		jen.Switch(jen.Id("stream")).Block(subs...), jen.Return(jen.Nil()))
	f.Var().Id("_").Qual(pkgRuntime, "JSONApp").Op("=").Parens(jen.Op("*").Id("App")).Parens(jen.Nil())
}

// jsonQuote is s as a JSON string, escaped exactly as jsonrow.AppendString
// escapes it, so generated keys match what the driver prints.
func jsonQuote(s string) string {
	const hex = "0123456789abcdef"
	b := []byte{'"'}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, `\n`...)
			case c == '\r':
				b = append(b, `\r`...)
			case c == '\t':
				b = append(b, `\t`...)
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, `\ufffd`...)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(append(b, '"'))
}
