package plan

import (
	"fmt"
	"strings"
)

// FormatPhysical renders a physical plan: one operator per line (inputs
// first) with its cost and details, then the single-event path and every
// choice with the options it weighed. efc explain and the generated code's
// comments print exactly this.
func FormatPhysical(p *PhysicalQuery) []string {
	var out []string
	for _, op := range p.Ops() {
		out = append(out, fmt.Sprintf("%-24s cost %4.1f  %s", op.Name(), op.Cost(), op.Detail()))
	}
	out = append(out, "single-event path: "+p.Single.String())
	for _, c := range p.Choices {
		out = append(out, "choice "+c.Format())
	}
	return out
}

// FormatPhysicalText is FormatPhysical as indented text.
func FormatPhysicalText(p *PhysicalQuery, indent string) string {
	var b strings.Builder
	for _, l := range FormatPhysical(p) {
		b.WriteString(indent + l + "\n")
	}
	return b.String()
}
