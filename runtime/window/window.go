// Package window implements the windows of LANGUAGE.md §3 and §0.2 as
// typed building blocks: the interpreter instantiates them with
// T = runtime.Row, generated code with its own struct per stream schema.
//
// Every window consumes chunks of CURRENT events and emits chunks in the
// order §3 specifies. Conventions shared by all windows:
//
//   - A CURRENT event keeps its own timestamp, also when a batch flushes it.
//   - An EXPIRED event is a copy of a held event stamped with the time the
//     window dropped it: the clock at the arrival that evicts it, the clock
//     at which a timer fires, or (externalTime*) the attribute time.
//   - A batch flush is one chunk EXPIRED(previous batch)…, RESET,
//     CURRENT(new batch)…; with an empty new batch only the expired part is
//     emitted, and nothing at all when both are empty. The RESET event has
//     the zero payload.
//   - Arrive never fires timers: the caller fires everything due first
//     (runtime.Scheduler does, §0.3.2; for a chunk that is timer output,
//     Scheduler.Catch, §0.3.22). A deadline that lies in the past is still
//     reported by NextDeadline and fires at the current clock.
//   - Emitted chunks are only valid during the emit call (runtime.Emit).
//
// Windows keep all their state in unexported plain fields (slices, maps,
// integers); AppendState and LoadState serialize it with a caller-supplied
// payload Codec (state.go).
package window

import "github.com/eventflux/eventflux-go/runtime"

// Window receives arriving chunks of CURRENT events and emits output chunks
// (EXPIRED…, RESET, CURRENT… in the order §3 specifies).
type Window[T any] interface {
	// Arrive handles one arriving chunk (all events Kind==runtime.Current) at engine clock now.
	// It calls emit zero or more times, once per output chunk (e.g. a lengthBatch filled twice by one chunk emits two chunks, §0.3.5).
	Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T])
	// NextDeadline is the earliest pending timer deadline, if any (time, timeBatch, session, delay, sliding/hop, cron, timeLength).
	NextDeadline() (int64, bool)
	// Fire handles everything due at clock now (now >= the deadline; called by the scheduler, §10.2) and emits output chunks.
	Fire(now int64, emit runtime.Emit[T])
	// Snapshotter captures and restores the window's state (§12.1).
	Snapshotter[T]
}

// untimed is embedded by windows that have no timers.
type untimed[T any] struct{}

// NextDeadline reports no deadline: the window only reacts to arrivals.
func (untimed[T]) NextDeadline() (int64, bool) { return 0, false }

// Fire does nothing: the window has no timers.
func (untimed[T]) Fire(int64, runtime.Emit[T]) {}

func current[T any](e runtime.Event[T]) runtime.Event[T] {
	e.Kind = runtime.Current
	return e
}

func expired[T any](e runtime.Event[T], at int64) runtime.Event[T] {
	return runtime.Event[T]{Ts: at, Kind: runtime.Expired, Data: e.Data}
}
