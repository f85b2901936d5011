package runtime

// StreamKind tells what a named relation of an app is.
type StreamKind uint8

const (
	KindStream StreamKind = iota
	KindTable
	KindTrigger
)

// StreamInfo describes one stream, table or trigger of an app.
type StreamInfo struct {
	Name    string
	Kind    StreamKind
	Columns []Column
	// Written is true when a query of the app writes into it (an output a
	// driver prints by default).
	Written bool
}

// App is what every backend (the interpreter and each generated package)
// implements, so that drivers (efc run, compiled binaries, the conformance
// runner, connectors) run any app the same way.
type App interface {
	// Streams lists the app's streams, tables and triggers in definition order.
	Streams() []StreamInfo
	// Start starts the app with the clock at now (AT START triggers fire,
	// periodic timers are aligned to it).
	Start(now int64) error
	// Now is the engine clock.
	Now() int64
	// AdvanceTo moves the clock forward to t, firing due timers on the way.
	AdvanceTo(t int64)
	// Send delivers rows as one chunk stamped ts into a stream or table; the
	// clock first advances to ts when ts is later. Values are Go values
	// (nil, string, bool, any integer or float) converted to the column
	// types at the boundary. Rows that do not fit the schema are rejected,
	// one by one, in the returned *SendError; the other rows are delivered.
	Send(stream string, ts int64, rows [][]any) error
	// Subscribe calls fn for every event written to stream, in order.
	// Values are nil, string, int32, int64, float32, float64 or bool.
	Subscribe(stream string, fn func(ts int64, row []any)) error
	// Snapshot captures all state between chunks; Restore replaces it.
	Snapshot() ([]byte, error)
	Restore(snapshot []byte) error
}

// SendError lists the rows of one Send that were rejected.
type SendError struct {
	Stream string
	Rows   []RowError
}

// RowError is one rejected row: its index in the Send call and why.
type RowError struct {
	Index int
	Err   error
}

func (e *SendError) Error() string {
	msg := "stream " + e.Stream + ": "
	for i, r := range e.Rows {
		if i > 0 {
			msg += "; "
		}
		msg += "row " + itoa(r.Index) + ": " + r.Err.Error()
	}
	return msg
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	neg := i < 0
	if neg {
		i = -i
	}
	var b [20]byte
	n := len(b)
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	if neg {
		n--
		b[n] = '-'
	}
	return string(b[n:])
}
