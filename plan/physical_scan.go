package plan

// PhysicalScan reads a binding's events as they are delivered.
type PhysicalScan struct {
	Scan *Scan
	// Out is the row it produces: every column of the relation.
	Out *Layout
	Est float64
}

func (p *PhysicalScan) Inputs() []PhysicalOp { return nil }
func (p *PhysicalScan) Logical() Node        { return p.Scan }
func (p *PhysicalScan) Name() string         { return "PhysicalScan" }
func (p *PhysicalScan) Detail() string       { return p.Scan.Bind.Rel.Name }
func (p *PhysicalScan) Cost() float64        { return p.Est }
