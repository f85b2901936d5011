package plan

import "fmt"

// Layout is the row an operator reads: slot i holds column Cols[i] of a
// binding. Logical column references name (binding, column); only the
// physical plan, through layouts, turns them into positions.
type Layout struct {
	Cols []*ColRef
}

// Slot is the position of a column in the row. A reference the layout
// does not hold is a planner bug, reported as an error by Resolve.
func (l *Layout) Slot(r *ColRef) int {
	for i, c := range l.Cols {
		if c.Same(r) {
			return i
		}
	}
	return -1
}

// Resolve is Slot with an error for a column the row does not carry.
func (l *Layout) Resolve(r *ColRef) (int, error) {
	if i := l.Slot(r); i >= 0 {
		return i, nil
	}
	return -1, fmt.Errorf("plan: column %s is not in the row layout", FormatExpr(r))
}

// Schema is the row's columns.
func (l *Layout) Schema() []Column {
	out := make([]Column, len(l.Cols))
	for i, c := range l.Cols {
		out[i] = Column{Name: c.Name, Type: c.T}
	}
	return out
}

// BindingLayout is the full row of a binding's relation.
func BindingLayout(b *Binding) *Layout {
	l := &Layout{Cols: make([]*ColRef, len(b.Rel.Columns))}
	for i := range l.Cols {
		l.Cols[i] = b.Ref(i)
	}
	return l
}
