package driver

import (
	"encoding/json"
	"errors"
)

// handleJSON sends one line's event through the app's own JSON decoder
// (runtime.JSONApp): the envelope is read here, the columns go to the app
// as they are. It accepts, rejects and words errors exactly as the generic
// path (parseEvent, then Send) does; run_test.go checks that.
func (d *driver) handleJSON(n int, line []byte) {
	ev, err := parseRawEvent(line, d.inputs)
	if err != nil {
		d.reject(n, err)
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.jsonApp.SendJSON(ev.stream.name, d.stamp(ev.inputEvent), ev.columns); err != nil {
		if !json.Valid(line) {
			// The fast envelope left the columns' syntax to the app; the
			// generic path reports bad JSON anywhere first, in its words.
			_, err = decodeEvent(line, d.inputs)
		}
		d.reject(n, err)
	}
	if !d.opts.Playback {
		d.flush()
	}
}

// parseRawEvent reads a line's envelope: the common lines through the
// scanner, every other line (errors included) through encoding/json. The
// columns must be an object for "data" and an array for "row", as the
// generic path requires.
func parseRawEvent(line []byte, streams map[string]*inputStream) (rawEvent, error) {
	if ev, ok := scanEnvelope(line, streams, true); ok {
		return ev, nil // the scanner took only the right shapes
	}
	ev, err := decodeEnvelope(line, streams)
	if err != nil {
		return ev, err
	}
	// encoding/json checked the whole line: the columns are one JSON value
	// without leading white space.
	switch {
	case ev.byPosition && ev.columns[0] != '[':
		return ev, errors.New(`"row" must be an array`)
	case !ev.byPosition && ev.columns[0] != '{':
		return ev, errors.New(`"data" must be an object`)
	}
	return ev, nil
}
