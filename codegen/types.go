package codegen

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/eventflux/eventflux-go/plan"
)

// goType is the Go type of a column type (LANGUAGE.md §2.1).
func goType(t plan.Type) jen.Code {
	switch t {
	case plan.String:
		return jen.String()
	case plan.Int:
		return jen.Int32()
	case plan.BigInt:
		return jen.Int64()
	case plan.Float:
		return jen.Float32()
	case plan.Double:
		return jen.Float64()
	case plan.Bool:
		return jen.Bool()
	}
	return jen.Int64()
}

// runtimeType names the runtime.Type constant of t.
func runtimeType(t plan.Type) jen.Code {
	names := map[plan.Type]string{plan.String: "String", plan.Int: "Int", plan.BigInt: "BigInt",
		plan.Float: "Float", plan.Double: "Double", plan.Bool: "Bool", plan.Object: "Object"}
	return jen.Qual(pkgRuntime, names[t])
}

// typeName is the event struct of rel (see names.go).
func (g *generator) typeName(rel *plan.Relation) string { return g.names.rels[rel].typ }

// ids are the identifiers the package declares for rel.
func (g *generator) ids(rel *plan.Relation) *relIDs { return g.names.rels[rel] }

// relation emits the event struct of a stream and its conversions from and
// to generic values.
func (g *generator) relation(rel *plan.Relation) {
	ids := g.ids(rel)
	name := ids.typ
	fields := fieldNames(rel)
	var defs []jen.Code
	for i, c := range rel.Columns {
		defs = append(defs, jen.Id(fields[i]).Add(goType(c.Type)).Comment(fmt.Sprintf("%s %s", shown(c.Name), c.Type)))
	}
	defs = append(defs, jen.Line().Comment("Nulls has bit i set when column i is NULL.").Line().Id("Nulls").Uint64())
	if h, ok := g.hidden[rel]; ok {
		defs = append(defs, h)
	}
	g.f.Commentf("%s is one event of %s %s (line %d).", name, kindWord(rel.Kind), shown(rel.Name), rel.Pos.Line)
	g.f.Type().Id(name).Struct(defs...)

	// values: generic row for Subscribe.
	var body []jen.Code
	body = append(body, jen.Id("out").Op(":=").Make(jen.Index().Any(), jen.Lit(len(rel.Columns))))
	for i := range rel.Columns {
		body = append(body, jen.If(jen.Id("ev").Dot("Nulls").Op("&").Lit(uint64(1)<<i).Op("==").Lit(0)).Block(
			jen.Id("out").Index(jen.Lit(i)).Op("=").Id("ev").Dot(fields[i]),
		))
	}
	body = append(body, jen.Return(jen.Id("out")))
	g.f.Comment("values returns the event as generic values (nil for NULL).")
	g.f.Func().Params(jen.Id("ev").Op("*").Id(name)).Id("values").Params().Index().Any().Block(body...)

	// from: generic values to the typed struct, with the boundary conversions.
	fb := []jen.Code{
		jen.Var().Id("ev").Id(name),
		jen.If(jen.Len(jen.Id("vals")).Op("!=").Lit(len(rel.Columns))).Block(
			jen.Return(jen.Id("ev"), jen.Qual("fmt", "Errorf").Call(jen.Lit(fmt.Sprintf("expected %d values, got %%d", len(rel.Columns))), jen.Len(jen.Id("vals")))),
		),
	}
	for i, c := range rel.Columns {
		fb = append(fb,
			jen.List(jen.Id(fmt.Sprintf("v%d", i)), jen.Id(fmt.Sprintf("err%d", i))).Op(":=").Qual(pkgRuntime, "ValueOf").Call(jen.Id("vals").Index(jen.Lit(i)), runtimeType(c.Type)),
			jen.If(jen.Id(fmt.Sprintf("err%d", i)).Op("!=").Nil()).Block(
				jen.Return(jen.Id("ev"), jen.Qual("fmt", "Errorf").Call(jen.Lit("column "+strings.ReplaceAll(c.Name, "%", "%%")+": %w"), jen.Id(fmt.Sprintf("err%d", i)))),
			),
			jen.If(jen.Id(fmt.Sprintf("v%d", i)).Dot("Null")).Block(
				jen.Id("ev").Dot("Nulls").Op("|=").Lit(uint64(1)<<i),
			).Else().Block(
				jen.Id("ev").Dot(fields[i]).Op("=").Add(fromValue(jen.Id(fmt.Sprintf("v%d", i)), c.Type)),
			),
		)
	}
	fb = append(fb, jen.Return(jen.Id("ev"), jen.Nil()))
	g.f.Func().Id(ids.from).Params(jen.Id("vals").Index().Any()).Params(jen.Id(name), jen.Error()).Block(fb...)
}

// fromValue reads a runtime.Value of type t as its Go type.
func fromValue(v *jen.Statement, t plan.Type) jen.Code {
	switch t {
	case plan.String:
		return v.Dot("S")
	case plan.Int:
		return jen.Int32().Call(v.Dot("I"))
	case plan.BigInt:
		return v.Dot("I")
	case plan.Float:
		return jen.Float32().Call(v.Dot("F"))
	case plan.Double:
		return v.Dot("F")
	case plan.Bool:
		return v.Dot("I").Op("!=").Lit(0)
	}
	return v.Dot("I")
}

func kindWord(k plan.RelKind) string {
	switch k {
	case plan.TableRel:
		return "table"
	case plan.TriggerRel:
		return "trigger"
	}
	return "stream"
}
