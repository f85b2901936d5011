package plan

// PhysicalFilter keeps the events whose condition is TRUE (RESET markers
// always pass).
type PhysicalFilter struct {
	Input  PhysicalOp
	Filter *Filter
	// In is the row the condition reads.
	In *Layout
	// BeforeWindow marks a filter the optimizer moved below the window
	// (PushFilterBelowWindow): it sees arriving events only.
	BeforeWindow bool
	Est          float64
}

func (p *PhysicalFilter) Inputs() []PhysicalOp { return []PhysicalOp{p.Input} }
func (p *PhysicalFilter) Logical() Node        { return p.Filter }
func (p *PhysicalFilter) Name() string         { return "PhysicalFilter" }
func (p *PhysicalFilter) Detail() string       { return FormatExpr(p.Filter.Cond) }
func (p *PhysicalFilter) Cost() float64        { return p.Est }
