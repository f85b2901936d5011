package codegen

import (
	"github.com/dave/jennifer/jen"

	"github.com/eventflux/eventflux-go/plan"
)

// copyFields copies an event of rel field by field (Nulls last). A whole
// struct assignment right after the fields were stored one by one makes
// the CPU load 16 bytes across two 8-byte stores, which cannot forward
// and stalls for several nanoseconds per event on the hot path.
func copyFields(dst, src func() *jen.Statement, rel *plan.Relation) []jen.Code {
	var out []jen.Code
	for _, f := range fieldNames(rel) {
		out = append(out, dst().Dot(f).Op("=").Add(src().Dot(f)))
	}
	return append(out, dst().Dot("Nulls").Op("=").Add(src().Dot("Nulls")))
}

// path returns a constructor of the selector expression a.b.c….
func path(first string, rest ...string) func() *jen.Statement {
	return func() *jen.Statement {
		s := jen.Id(first)
		for _, r := range rest {
			s = s.Dot(r)
		}
		return s
	}
}
