// Package optimizer rewrites a checked plan with an ordered list of named
// passes (STYLE.md: passes are data). Every rule says why it is correct,
// can be disabled by name, and records in Query.Rules when it fired; a
// pass sees the whole app, not only its query. The last pass,
// ChoosePhysical, builds the physical plan the backends run, weighing the
// alternatives of each choice with the cost model of cost.go.
package optimizer

import (
	"fmt"
	"strings"

	"github.com/eventflux/eventflux-go/plan"
)

// Pass is one named rewrite over a query. It sees the whole app (other
// queries, the relations and who reads them), so passes that share work
// between queries or plan partitions fit the same list. It returns true
// when it changed the query.
type Pass struct {
	Name string
	// Why it is correct; printed by efc explain --rules.
	Doc string
	Fn  func(app *plan.App, q *plan.Query) (bool, error)
	// Required passes cannot be disabled (the backends rely on them).
	Required bool
}

// Passes is the pipeline, in order. Ordering constraints: folding runs
// before simplification (which looks for constant TRUE/FALSE); filter
// placement runs after both (a simplified filter may disappear); physical
// planning runs last.
var Passes = []Pass{
	{Name: "FoldConstants", Doc: foldConstantsDoc, Fn: foldConstants},
	{Name: "SimplifyPredicates", Doc: simplifyPredicatesDoc, Fn: simplifyPredicates},
	{Name: "PushFilterBelowWindow", Doc: pushFilterBelowWindowDoc, Fn: pushFilterBelowWindow},
	{Name: "PruneColumns", Doc: pruneColumnsDoc, Fn: pruneColumns},
	{Name: "ChoosePhysical", Doc: choosePhysicalDoc, Fn: choosePhysical, Required: true},
}

// Options tunes a run.
type Options struct {
	// Disable names passes to skip (e.g. from tests or efc explain --disable).
	Disable []string
	// Trace, when set, is called after every pass with the query's plan text.
	Trace func(pass string, fired bool, q *plan.Query)
}

// Optimize runs the pipeline over every query of app in place.
func Optimize(app *plan.App, opts Options) (*plan.App, error) {
	disabled := map[string]bool{}
	for _, name := range opts.Disable {
		p, ok := passByName(name)
		if !ok {
			return nil, fmt.Errorf("optimizer: unknown pass %q (passes: %s)", name, strings.Join(PassNames(), ", "))
		}
		if p.Required {
			return nil, fmt.Errorf("optimizer: pass %s is required and cannot be disabled", name)
		}
		disabled[name] = true
	}
	for _, q := range app.Queries {
		q.Rules = q.Rules[:0]
		for _, p := range Passes {
			if disabled[p.Name] {
				continue
			}
			fired, err := p.Fn(app, q)
			if err != nil {
				return nil, fmt.Errorf("query %d (line %d): %s: %w", q.Index, q.Pos.Line, p.Name, err)
			}
			if fired && !p.Required {
				q.Rules = append(q.Rules, p.Name)
			}
			if opts.Trace != nil {
				opts.Trace(p.Name, fired, q)
			}
		}
	}
	return app, nil
}

func passByName(name string) (Pass, bool) {
	for _, p := range Passes {
		if p.Name == name {
			return p, true
		}
	}
	return Pass{}, false
}

// PassNames lists the passes in pipeline order.
func PassNames() []string {
	out := make([]string, len(Passes))
	for i, p := range Passes {
		out[i] = p.Name
	}
	return out
}

// Describe lists every pass with its documentation, for efc explain.
func Describe() string {
	var b strings.Builder
	for i, p := range Passes {
		fmt.Fprintf(&b, "%d. %s", i+1, p.Name)
		if p.Required {
			b.WriteString(" (required)")
		}
		b.WriteString("\n   " + strings.ReplaceAll(p.Doc, "\n", "\n   ") + "\n")
	}
	return b.String()
}
