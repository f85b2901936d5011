package plan

// PhysicalInsert writes rows into the target relation.
type PhysicalInsert struct {
	Input  PhysicalOp
	Insert *Insert
	// SubscribersOnly: no query reads the target, so rows go straight to
	// its subscribers without being gathered into a chunk.
	SubscribersOnly bool
	Est             float64
}

func (p *PhysicalInsert) Inputs() []PhysicalOp { return []PhysicalOp{p.Input} }
func (p *PhysicalInsert) Logical() Node        { return p.Insert }
func (p *PhysicalInsert) Name() string         { return "PhysicalInsert" }
func (p *PhysicalInsert) Cost() float64        { return p.Est }

func (p *PhysicalInsert) Detail() string {
	if p.SubscribersOnly {
		return p.Insert.Target.Name + " (subscribers only)"
	}
	return p.Insert.Target.Name
}
