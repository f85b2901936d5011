package optimizer_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/compiler"
	"github.com/eventflux/eventflux-go/internal/datadriven"
	"github.com/eventflux/eventflux-go/optimizer"
	"github.com/eventflux/eventflux-go/plan"
)

// TestRules runs testdata/*.txt. Command "optimize" compiles the app,
// optimizes it and prints, per query, the rules that fired and the plan.
// Arguments: expect=Rule (the rule must fire), expect-not=Rule (it must
// not), disable=Rule[,Rule]. Rewrite with: go test ./optimizer -rewrite
func TestRules(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			datadriven.Run(t, f, func(t *testing.T, c *datadriven.Case) string {
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
				var fired []string
				for _, q := range p.Queries {
					fired = append(fired, q.Rules...)
				}
				if r, ok := c.Arg("expect"); ok && !contains(fired, r) {
					t.Errorf("%s: rule %s did not fire (fired: %v)", c.Pos, r, fired)
				}
				if r, ok := c.Arg("expect-not"); ok && contains(fired, r) {
					t.Errorf("%s: rule %s fired but must not", c.Pos, r)
				}
				var b strings.Builder
				for _, q := range p.Queries {
					rules := strings.Join(q.Rules, ", ")
					if rules == "" {
						rules = "none"
					}
					b.WriteString("rules: " + rules + "\n")
					b.WriteString(plan.FormatQuery(q))
				}
				return b.String()
			})
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestUnknownPassIsAnError(t *testing.T) {
	if _, err := optimizer.Optimize(&plan.App{}, optimizer.Options{Disable: []string{"NoSuchRule"}}); err == nil {
		t.Fatal("disabling an unknown pass must fail")
	}
	if _, err := optimizer.Optimize(&plan.App{}, optimizer.Options{Disable: []string{"ChoosePhysical"}}); err == nil {
		t.Fatal("disabling a required pass must fail")
	}
}
