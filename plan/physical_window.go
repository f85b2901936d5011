package plan

import "strings"

// PhysicalWindow is a runtime window (runtime/window) of the spec's kind.
type PhysicalWindow struct {
	Input  PhysicalOp
	Window *Window
	// Row is the layout of the events the window retains.
	Row *Layout
	// OmitExpiredBeforeReset asks a batch window not to emit the EXPIRED
	// events of a flush before its RESET: the query writes no EXPIRED rows
	// and RESET clears what removing them would change.
	OmitExpiredBeforeReset bool
	Est                    float64
}

func (p *PhysicalWindow) Inputs() []PhysicalOp { return []PhysicalOp{p.Input} }
func (p *PhysicalWindow) Logical() Node        { return p.Window }
func (p *PhysicalWindow) Kind() WindowKind     { return p.Window.Spec.Kind() }

// Name is e.g. PhysicalLengthWindow.
func (p *PhysicalWindow) Name() string {
	k := p.Kind().String()
	return "Physical" + strings.ToUpper(k[:1]) + k[1:] + "Window"
}

func (p *PhysicalWindow) Detail() string {
	s := FormatWindow(p.Window.Spec)
	if p.OmitExpiredBeforeReset {
		s += ", no EXPIRED before RESET"
	}
	return s
}

func (p *PhysicalWindow) Cost() float64 { return p.Est }
