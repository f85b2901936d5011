package plan

import (
	"fmt"
	"strings"
)

// PhysicalOp is one operator of a query's physical plan: the logical node
// it implements plus every choice the backends need to run it. The
// optimizer's ChoosePhysical pass makes all choices; the interpreter, the
// code generator and efc explain read them and decide nothing again.
type PhysicalOp interface {
	// Inputs are the operators feeding this one.
	Inputs() []PhysicalOp
	// Logical is the logical node implemented.
	Logical() Node
	// Name is the operator's kind, e.g. PhysicalHashGroupAgg.
	Name() string
	// Detail describes its parameters and choices in one line, for explain.
	Detail() string
	// Cost is its estimated work per input event, in abstract units.
	Cost() float64
}

// PhysicalQuery is the physical plan of one query: a tree of operators
// rooted at the insert, and the choices that concern the whole pipeline.
type PhysicalQuery struct {
	Root PhysicalOp
	// Single is how a chunk of exactly one event runs in generated code.
	// The interpreter, as the reference, runs every chunk the same way.
	Single SinglePath
	// Choices lists every decision with the costed options it weighed.
	Choices []Choice
}

// Cost is the estimated work per input event of the whole pipeline.
func (p *PhysicalQuery) Cost() float64 {
	total := 0.0
	for _, op := range p.Ops() {
		total += op.Cost()
	}
	return total
}

// Ops lists the operators, inputs first.
func (p *PhysicalQuery) Ops() []PhysicalOp {
	var out []PhysicalOp
	seen := map[PhysicalOp]bool{}
	var visit func(op PhysicalOp)
	visit = func(op PhysicalOp) {
		if op == nil || seen[op] {
			return
		}
		seen[op] = true
		for _, in := range op.Inputs() {
			visit(in)
		}
		out = append(out, op)
	}
	visit(p.Root)
	return out
}

// Choice is one decision the optimizer made, with the options it weighed.
type Choice struct {
	What    string
	Options []Alternative
	// Chosen indexes Options.
	Chosen int
}

// Alternative is one way to implement a choice, with its estimated cost per
// event, or why it does not apply.
type Alternative struct {
	Name string
	Cost float64
	// NotApplicable, when set, says why the option cannot be used here.
	NotApplicable string
}

// Format renders a choice as "what: chosen (cost) over other (cost), …".
func (c Choice) Format() string {
	var b strings.Builder
	ch := c.Options[c.Chosen]
	fmt.Fprintf(&b, "%s: %s (%.1f)", c.What, ch.Name, ch.Cost)
	var others []string
	for i, o := range c.Options {
		if i == c.Chosen {
			continue
		}
		if o.NotApplicable != "" {
			others = append(others, fmt.Sprintf("%s (n/a: %s)", o.Name, o.NotApplicable))
		} else {
			others = append(others, fmt.Sprintf("%s (%.1f)", o.Name, o.Cost))
		}
	}
	if len(others) > 0 {
		b.WriteString(" over " + strings.Join(others, ", "))
	}
	return b.String()
}

// SinglePath is how generated code runs a chunk of one event.
type SinglePath uint8

const (
	// SingleViaChunk builds a chunk of one and takes the chunk path.
	SingleViaChunk SinglePath = iota
	// SingleStateless filters and projects the event with no chunk (one).
	SingleStateless
	// SingleFused lets a length or time window hand out the event's slot;
	// the selector runs per event (step) and per chunk (finish).
	SingleFused
	// SinglePush lets a time batch take the event in place.
	SinglePush
)

var singlePathNames = [...]string{"chunk", "stateless", "fused", "push"}

func (s SinglePath) String() string { return singlePathNames[s] }

// Find returns the first operator of type T in the plan.
func Find[T PhysicalOp](p *PhysicalQuery) (T, bool) {
	for _, op := range p.Ops() {
		if t, ok := op.(T); ok {
			return t, true
		}
	}
	var zero T
	return zero, false
}
