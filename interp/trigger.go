package interp

import (
	"github.com/eventflux/eventflux-go/plan"
	rt "github.com/eventflux/eventflux-go/runtime"
)

// newTrigger wires a runtime trigger to its stream's junction.
func newTrigger(j *junction, spec *plan.TriggerSpec) (*rt.Trigger, error) {
	return rt.NewTrigger(spec.AtStart, spec.Every, spec.Cron, func(now int64) {
		j.deliver([]rt.Event[rt.Row]{{Ts: now, Kind: rt.Current, Data: rt.Row{{I: now}}}})
	})
}
