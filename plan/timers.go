package plan

// TimerPart says which part of the app a timer source is.
type TimerPart uint8

const (
	TimerTrigger TimerPart = iota // a trigger (AT START, AT EVERY, AT CRON)
	TimerWindow                   // a query's timed window
	TimerRate                     // a query's periodic output rate limiter
)

// TimerSource is one source of timer deadlines.
type TimerSource struct {
	Part    TimerPart
	Trigger *Relation // TimerTrigger
	Query   *Query    // TimerWindow, TimerRate
}

// TimerSources lists the app's timer sources in the order both backends
// register them with the scheduler, which breaks ties between equal
// deadlines (§0.3.2, §0.3.15): the triggers in definition order, then the
// queries in statement order, each query's window before its output rate
// limiter (upstream before downstream). ChoosePhysical must have run.
func (a *App) TimerSources() []TimerSource {
	var out []TimerSource
	for _, r := range a.Relations {
		if r.Kind == TriggerRel {
			out = append(out, TimerSource{Part: TimerTrigger, Trigger: r})
		}
	}
	for _, q := range a.Queries {
		if q.Physical == nil {
			continue
		}
		if w, ok := Find[*PhysicalWindow](q.Physical); ok && w.Kind().Timed() {
			out = append(out, TimerSource{Part: TimerWindow, Query: q})
		}
		if r, ok := Find[*PhysicalRateLimit](q.Physical); ok && r.Timed() {
			out = append(out, TimerSource{Part: TimerRate, Query: q})
		}
	}
	return out
}
