package optimizer_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/compiler"
	"github.com/eventflux/eventflux-go/internal/datadriven"
	"github.com/eventflux/eventflux-go/optimizer"
	"github.com/eventflux/eventflux-go/plan"
)

// TestChoosePhysical runs testdata/physical/*.txt (a folder of its own, so
// TestRules does not read these cases). Command "physical" compiles and
// optimizes the app with every pass and prints, per query, the physical
// operators ChoosePhysical picked, source first, with their details and
// costs, the aggregator chosen for each aggregate call, the single-event
// path and every costed choice.
// Arguments: expect=Name and expect-not=Name name an operator
// (PhysicalHashGroupAgg), an aggregator without its type parameter
// (MinFIFO) or a single-event path (single=fused) that must (not) be
// chosen in some query; disable=Rule[,Rule].
// Rewrite with: go test ./optimizer -rewrite
func TestChoosePhysical(t *testing.T) {
	files, _ := filepath.Glob("testdata/physical/*.txt")
	if len(files) == 0 {
		t.Fatal("no testdata/physical")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			datadriven.Run(t, f, func(t *testing.T, c *datadriven.Case) string {
				if c.Cmd != "physical" {
					t.Fatalf("%s: unknown command %q", c.Pos, c.Cmd)
				}
				p, err := compiler.Compile("app.sql", c.Input)
				if err != nil {
					return "error: " + err.Error()
				}
				var opts optimizer.Options
				if d, ok := c.Arg("disable"); ok {
					opts.Disable = strings.Split(d, ",")
				}
				if _, err := optimizer.Optimize(p, opts); err != nil {
					return "error: " + err.Error()
				}
				var chosen []string
				var b strings.Builder
				for _, q := range p.Queries {
					ph := q.Physical
					if ph == nil {
						t.Errorf("%s: query %d has no physical plan", c.Pos, q.Index)
						continue
					}
					fmt.Fprintf(&b, "query %d (line %d) cost=%g\n", q.Index, q.Pos.Line, ph.Cost())
					sum := 0.0
					for _, op := range ph.Ops() {
						sum += op.Cost()
						chosen = append(chosen, op.Name())
						fmt.Fprintf(&b, "  %s [%s] cost=%g\n", op.Name(), op.Detail(), op.Cost())
						ps, ok := op.(*plan.PhysicalSelect)
						if !ok {
							continue
						}
						sel := ps.Selector
						if len(ps.Aggs) != len(sel.Aggs) {
							t.Errorf("%s: query %d: %d aggregators for %d aggregate calls", c.Pos, q.Index, len(ps.Aggs), len(sel.Aggs))
							continue
						}
						for i, a := range sel.Aggs {
							arg := ""
							if a.Arg != nil {
								arg = plan.FormatExpr(a.Arg) + " " + a.Arg.Type().String()
							}
							fmt.Fprintf(&b, "    agg#%d %s(%s) -> %s\n", i, a.Func, arg, ps.Aggs[i].Format())
							chosen = append(chosen, ps.Aggs[i].Impl.String())
						}
					}
					fmt.Fprintf(&b, "  single-event path: %s\n", ph.Single)
					chosen = append(chosen, "single="+ph.Single.String())

					for _, ch := range ph.Choices {
						fmt.Fprintf(&b, "  choice %s\n", ch.Format())
					}
					if sum != ph.Cost() {
						t.Errorf("%s: query %d: cost %g is not the sum of its operators' costs %g", c.Pos, q.Index, ph.Cost(), sum)
					}
				}
				if x, ok := c.Arg("expect"); ok && !contains(chosen, x) {
					t.Errorf("%s: %s was not chosen (chosen: %v)", c.Pos, x, chosen)
				}
				if x, ok := c.Arg("expect-not"); ok && contains(chosen, x) {
					t.Errorf("%s: %s was chosen but must not be", c.Pos, x)
				}
				return b.String()
			})
		})
	}
}
