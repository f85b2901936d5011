package runtime

// Kind is an event's type inside a query (LANGUAGE.md §0.1).
type Kind uint8

const (
	Current Kind = iota
	Expired
	Reset
)

func (k Kind) String() string {
	switch k {
	case Current:
		return "CURRENT"
	case Expired:
		return "EXPIRED"
	}
	return "RESET"
}

// Event is one event of payload type T: the interpreter uses Row, generated
// code its typed struct per stream schema.
type Event[T any] struct {
	Ts   int64
	Kind Kind
	Data T
}

// Emit receives one chunk. The slice is only valid during the call: the
// producer reuses its buffer, so a consumer that keeps events must copy them.
type Emit[T any] func(chunk []Event[T])
