package optimizer

import "github.com/eventflux/eventflux-go/plan"

// The cost model: rough relative CPU work per input event, in abstract
// units. The numbers only need to order the alternatives of one choice
// correctly; efc explain prints them next to every choice.
const (
	costScan       = 1.0
	costExprNode   = 0.5
	costWindow     = 3.0
	costAggUpdate  = 2.0
	costAggRead    = 0.5 // reading a running aggregate (avg off a sum)
	costHashLookup = 4.0 // one map lookup of a group key
	costKeyColumn  = 1.0 // hashing one more key column
	costPointer    = 0.2 // storing or reading a pointer kept with a row
	costEmit       = 2.0
	costChunkSetup = 3.0 // building a chunk of one event and walking it
	costOrdered    = 6.0 // ordered multiset update (O(log n))
	costDeque      = 1.5 // monotonic deque update (amortized O(1))
	costCandidate  = 3.0 // building one candidate row
)

func exprCost(e plan.Expr) float64 {
	c := 0.0
	plan.Walk(e, func(plan.Expr) bool { c += costExprNode; return true })
	return c
}

// chooser collects the choices of one query.
type chooser struct {
	choices []plan.Choice
}

// choose picks the cheapest applicable alternative and records the choice.
func (c *chooser) choose(what string, alts ...plan.Alternative) plan.Alternative {
	best := -1
	for i, a := range alts {
		if a.NotApplicable == "" && (best < 0 || a.Cost < alts[best].Cost) {
			best = i
		}
	}
	if best < 0 {
		panic("optimizer: no applicable alternative for " + what) // every choice lists a fallback that always applies
	}
	c.choices = append(c.choices, plan.Choice{What: what, Options: alts, Chosen: best})
	return alts[best]
}

// unless makes an alternative not applicable with a reason when cond holds.
func unless(a plan.Alternative, cond bool, why string) plan.Alternative {
	if cond {
		a.NotApplicable = why
	}
	return a
}
