package optimizer

import (
	"fmt"

	"github.com/eventflux/eventflux-go/plan"
)

const choosePhysicalDoc = `Builds the physical plan every backend runs and efc explain prints: the
row layout each operator reads, the runtime window, one typed aggregator
per aggregate call, the §4.5 rules of the selector (which events yield
candidates, the per-chunk reduction, whether ORDER BY/OFFSET/LIMIT apply),
how groups are found, and how generated code runs a chunk of one event.
Where there are alternatives it weighs their estimated cost per event and
records every choice. It changes no semantics: all alternatives produce the
same rows.`

// pipeline is what the choices depend on: the operators of a single-input
// query, found by walking down from the insert.
type pipeline struct {
	ins  *plan.Insert
	rate *plan.RateLimit
	sel  *plan.Selector
	post *plan.Filter // WHERE after the window
	win  *plan.Window
	pre  *plan.Filter // WHERE moved below the window
	proj *plan.Project
	scan *plan.Scan
}

func pipelineOf(q *plan.Query) (*pipeline, error) {
	p := &pipeline{}
	var node plan.Node = q.Root
	for node != nil {
		switch n := node.(type) {
		case *plan.Insert:
			p.ins = n
		case *plan.RateLimit:
			p.rate = n
		case *plan.Selector:
			p.sel = n
		case *plan.Filter:
			if p.win == nil {
				p.post = n
			} else {
				p.pre = n
			}
		case *plan.Window:
			p.win = n
		case *plan.Project:
			p.proj = n
		case *plan.Scan:
			p.scan = n
		default:
			return nil, fmt.Errorf("optimizer: no physical operator for %T", n)
		}
		ins := node.Inputs()
		if len(ins) > 1 {
			return nil, fmt.Errorf("optimizer: operators with %d inputs have no physical plan yet", len(ins))
		}
		if len(ins) == 0 {
			break
		}
		node = ins[0]
	}
	if p.ins == nil || p.sel == nil || p.scan == nil {
		return nil, fmt.Errorf("optimizer: a query needs a scan, a selector and an insert")
	}
	return p, nil
}

func choosePhysical(app *plan.App, q *plan.Query) (bool, error) {
	p, err := pipelineOf(q)
	if err != nil {
		return false, err
	}
	c := &chooser{}
	scan := &plan.PhysicalScan{Scan: p.scan, Out: plan.BindingLayout(p.scan.Bind), Est: costScan}
	var op plan.PhysicalOp = scan
	row := scan.Out
	if p.proj != nil {
		row = &plan.Layout{Cols: p.proj.Cols}
		op = &plan.PhysicalProject{Input: op, Project: p.proj, Out: row, Est: costExprNode * float64(len(p.proj.Cols))}
	}
	if p.pre != nil {
		op = &plan.PhysicalFilter{Input: op, Filter: p.pre, In: row, BeforeWindow: true, Est: exprCost(p.pre.Cond)}
	}
	var win *plan.PhysicalWindow
	if p.win != nil {
		win = &plan.PhysicalWindow{Input: op, Window: p.win, Row: row, Est: costWindow}
		op = win
	}
	if p.post != nil {
		op = &plan.PhysicalFilter{Input: op, Filter: p.post, In: row, Est: exprCost(p.post.Cond)}
	}
	sel := chooseSelect(c, p, op, row)
	if win != nil {
		// The cron window is the runtime's Window interface, without the switch.
		win.OmitExpiredBeforeReset = sel.SkipExpiredBeforeReset && p.win.Spec.Kind() != plan.WinCron
	}
	op = sel
	if p.rate != nil {
		op = &plan.PhysicalRateLimit{Input: op, RateLimit: p.rate, Grouped: len(p.sel.GroupBy) > 0,
			Windowed: p.win != nil, Aggregating: p.sel.Aggregating(), Est: 1}
	}
	op = &plan.PhysicalInsert{Input: op, Insert: p.ins, SubscribersOnly: !readByAQuery(app, p.ins.Target), Est: costEmit}
	q.Physical = &plan.PhysicalQuery{Root: op, Single: chooseSinglePath(c, p), Choices: c.choices}
	return true, nil
}

// readByAQuery reports whether some query of the app reads rel.
func readByAQuery(app *plan.App, rel *plan.Relation) bool {
	for _, q := range app.Queries {
		for _, b := range q.Bindings {
			if b.Rel == rel {
				return true
			}
		}
	}
	return false
}

// chooseSinglePath decides how generated code runs a chunk of one event.
func chooseSinglePath(c *chooser, p *pipeline) plan.SinglePath {
	s := p.sel
	stateless := p.win == nil && p.proj == nil && p.pre == nil && p.rate == nil &&
		!s.Aggregating() && len(s.OrderBy) == 0 && s.Limit < 0 && s.Offset == 0 && s.Events != plan.ExpiredEvents
	var kind plan.WindowKind
	if p.win != nil {
		kind = p.win.Spec.Kind()
	}
	windowHandsOutSlot := p.win != nil && p.pre == nil && (kind == plan.WinLength || kind == plan.WinTime)
	alts := []plan.Alternative{
		unless(plan.Alternative{Name: "stateless", Cost: 0}, !stateless, "the query keeps state or reorders rows"),
		unless(plan.Alternative{Name: "fused", Cost: costPointer}, !windowHandsOutSlot, "only length and time windows without a pre-window filter hand out the event's slot"),
		unless(plan.Alternative{Name: "push", Cost: costPointer}, p.win == nil || kind != plan.WinTimeBatch || p.pre != nil, "only a time batch takes a single event in place"),
		{Name: "chunk", Cost: costChunkSetup},
	}
	switch c.choose("single-event path", alts...).Name {
	case "stateless":
		return plan.SingleStateless
	case "fused":
		return plan.SingleFused
	case "push":
		return plan.SinglePush
	}
	return plan.SingleViaChunk
}
