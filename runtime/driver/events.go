package driver

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/eventflux/eventflux-go/runtime"
)

// inputStream is a stream events can be sent to, with buffers reused from
// one line to the next.
type inputStream struct {
	name  string
	cols  []runtime.Column
	index map[string]int // column position by name
	row   []any
	batch [][]any        // batch[0] is row: one event per Send
	strs  map[string]any // interned string values (scan.go)
}

func newInputStreams(infos []runtime.StreamInfo) map[string]*inputStream {
	m := make(map[string]*inputStream, len(infos))
	for _, s := range infos {
		in := &inputStream{name: s.Name, cols: s.Columns, index: map[string]int{}, row: make([]any, len(s.Columns))}
		for i, c := range s.Columns {
			in.index[c.Name] = i
		}
		in.batch = [][]any{in.row}
		m[s.Name] = in
	}
	return m
}

// inputEvent is one parsed input line; its values are in stream.row.
type inputEvent struct {
	stream *inputStream
	ts     int64
	hasTs  bool
}

// parseEvent decodes one input line (format in doc.go). Values are Go
// values for runtime.App.Send: numbers become int64 for INT/BIGINT columns
// when they are integer literals and float64 otherwise; whether a value fits
// its column is left to Send, the single place that decides it. The common
// lines take the allocation-free scanner; every other line, errors
// included, the encoding/json path that defines the behaviour.
func parseEvent(line []byte, streams map[string]*inputStream) (inputEvent, error) {
	if ev, ok := scanEvent(line, streams); ok {
		return ev, nil
	}
	return decodeEvent(line, streams)
}

// decodeEvent is parseEvent through encoding/json: the reference the
// scanner must agree with.
func decodeEvent(line []byte, streams map[string]*inputStream) (inputEvent, error) {
	ev, err := decodeEnvelope(line, streams)
	switch {
	case err != nil:
	case ev.byPosition:
		err = ev.stream.fillByPosition(ev.columns)
	default:
		err = ev.stream.fillByName(ev.columns)
	}
	return ev.inputEvent, err
}

// rawEvent is one input line with its columns still JSON: the "data"
// object or the "row" array.
type rawEvent struct {
	inputEvent
	columns    []byte
	byPosition bool // columns is "row"
}

// decodeEnvelope decodes a line's fields through encoding/json, leaving the
// columns undecoded.
func decodeEnvelope(line []byte, streams map[string]*inputStream) (rawEvent, error) {
	var ev rawEvent
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		return ev, fmt.Errorf("bad JSON: %v", err)
	}
	if fields == nil {
		return ev, errors.New("not a JSON object")
	}
	// With several unknown fields the first by name is reported: the
	// message must not depend on map order.
	unknown := ""
	for k := range fields {
		switch k {
		case "stream", "data", "row", "ts":
		default:
			if unknown == "" || k < unknown {
				unknown = k
			}
		}
	}
	if unknown != "" {
		return ev, fmt.Errorf("unknown field %q (want stream, data or row, ts)", unknown)
	}
	var name string
	if raw, ok := fields["stream"]; !ok {
		return ev, errors.New(`missing "stream"`)
	} else if json.Unmarshal(raw, &name) != nil {
		return ev, errors.New(`"stream" must be a string`)
	}
	in, ok := streams[name]
	if !ok {
		return ev, fmt.Errorf("unknown stream %q", name)
	}
	ev.stream = in
	if raw, ok := fields["ts"]; ok && string(raw) != "null" {
		ts, err := strconv.ParseInt(string(raw), 10, 64)
		if err != nil {
			return ev, errors.New(`"ts" must be an integer (ms since the epoch)`)
		}
		ev.ts, ev.hasTs = ts, true
	}
	data, hasData := fields["data"]
	row, hasRow := fields["row"]
	switch {
	case hasData && hasRow:
		return ev, errors.New(`give "data" or "row", not both`)
	case hasData:
		ev.columns = data
		return ev, nil
	case hasRow:
		ev.columns, ev.byPosition = row, true
		return ev, nil
	}
	return ev, errors.New(`missing "data" or "row"`)
}

func (in *inputStream) fillByName(raw json.RawMessage) error {
	var data map[string]json.RawMessage
	if json.Unmarshal(raw, &data) != nil || data == nil {
		return errors.New(`"data" must be an object`)
	}
	clear(in.row) // missing columns are NULL
	for k, v := range data {
		i, ok := in.index[k]
		if !ok {
			return fmt.Errorf("stream %s has no column %q", in.name, k)
		}
		x, err := jsonValue(v, in.cols[i])
		if err != nil {
			return err
		}
		in.row[i] = x
	}
	return nil
}

func (in *inputStream) fillByPosition(raw json.RawMessage) error {
	var values []json.RawMessage
	if json.Unmarshal(raw, &values) != nil || values == nil {
		return errors.New(`"row" must be an array`)
	}
	if len(values) != len(in.cols) {
		return fmt.Errorf(`"row" has %d values, stream %s has %d columns`, len(values), in.name, len(in.cols))
	}
	for i, v := range values {
		x, err := jsonValue(v, in.cols[i])
		if err != nil {
			return err
		}
		in.row[i] = x
	}
	return nil
}

// jsonValue decodes one scalar JSON value for column c.
func jsonValue(raw json.RawMessage, c runtime.Column) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil && err != io.EOF {
		return nil, fmt.Errorf("column %s: %v", c.Name, err)
	}
	switch v := x.(type) {
	case nil, string, bool:
		return v, nil
	case json.Number:
		if c.Type == runtime.Int || c.Type == runtime.BigInt {
			if i, err := strconv.ParseInt(string(v), 10, 64); err == nil {
				return i, nil
			}
		}
		f, err := strconv.ParseFloat(string(v), 64)
		if err != nil {
			return nil, fmt.Errorf("column %s: number %s is out of range", c.Name, v)
		}
		return f, nil
	}
	return nil, fmt.Errorf("column %s: want a string, number, boolean or null", c.Name)
}
