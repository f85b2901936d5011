package plan

import "strings"

// PhysicalProject copies the columns a windowed query reads into a narrow
// row, so the window retains only those.
type PhysicalProject struct {
	Input   PhysicalOp
	Project *Project
	// Out is the narrow row: the projected columns in order.
	Out *Layout
	Est float64
}

func (p *PhysicalProject) Inputs() []PhysicalOp { return []PhysicalOp{p.Input} }
func (p *PhysicalProject) Logical() Node        { return p.Project }
func (p *PhysicalProject) Name() string         { return "PhysicalProject" }
func (p *PhysicalProject) Detail() string       { return "[" + strings.Join(refList(p.Out.Cols), ", ") + "]" }
func (p *PhysicalProject) Cost() float64        { return p.Est }
