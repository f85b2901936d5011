package plan

// PhysicalRateLimit is a runtime/rate limiter.
type PhysicalRateLimit struct {
	Input     PhysicalOp
	RateLimit *RateLimit
	// Grouped: FIRST, LAST and SNAPSHOT act per GROUP BY group.
	Grouped bool
	// Windowed: a SNAPSHOT shows the window's contents.
	Windowed bool
	// Aggregating: a SNAPSHOT of aggregates without GROUP BY is one row.
	Aggregating bool
	Est         float64
}

func (p *PhysicalRateLimit) Inputs() []PhysicalOp { return []PhysicalOp{p.Input} }
func (p *PhysicalRateLimit) Logical() Node        { return p.RateLimit }
func (p *PhysicalRateLimit) Name() string         { return "PhysicalRateLimit" }
func (p *PhysicalRateLimit) Detail() string       { return NodeLabel(p.RateLimit) }
func (p *PhysicalRateLimit) Cost() float64        { return p.Est }

// Timed reports a limiter with a period (a timer source).
func (p *PhysicalRateLimit) Timed() bool { return p.RateLimit.Millis > 0 }
