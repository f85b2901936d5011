package codegen

import (
	"github.com/dave/jennifer/jen"
)

// A query is re-entered when a row it writes comes back into it before the
// write returns: the app has a cycle (INSERT INTO S … FROM S), or a
// callback sends into the app. The outer call still holds slices of the
// query's reusable buffers, so a nested call starts on fresh ones (the
// outer's stay intact; only nesting allocates).

// guarded wraps the body of a query entry point (receive, receiveOne,
// Fire) in the nesting check.
func (qg *queryGen) guarded(body []jen.Code) []jen.Code {
	out := []jen.Code{
		jen.Id("nested").Op(":=").Id("q").Dot("busy"),
		jen.If(jen.Id("nested")).Block(jen.Id("q").Dot("fresh").Call()),
		jen.Id("q").Dot("busy").Op("=").True(),
	}
	out = append(out, body...)
	return append(out, jen.Id("q").Dot("busy").Op("=").Id("nested"))
}

// emitFresh writes fresh(), which drops the reusable buffers the query has.
func (qg *queryGen) emitFresh() {
	var bufs []string
	if qg.proj != nil {
		bufs = append(bufs, "narrow")
	}
	if qg.pre != nil {
		bufs = append(bufs, "pre")
	}
	if qg.ps.Deferred {
		bufs = append(bufs, "lastIdx", "lastG")
	}
	if qg.singlePath() == viaChunk {
		bufs = append(bufs, "single")
	}
	bufs = append(bufs, "cands", "rows", "out")
	if qg.rate != nil {
		bufs = append(bufs, "rateIn")
	}
	var body []jen.Code
	for _, b := range bufs {
		body = append(body, jen.Id("q").Dot(b).Op("=").Nil())
	}
	qg.g.f.Commentf("fresh gives a nested call of %s buffers of its own (see reentry.go).", qg.name)
	qg.g.f.Func().Params(jen.Id("q").Op("*").Id(qg.name)).Id("fresh").Params().Block(body...)
}
