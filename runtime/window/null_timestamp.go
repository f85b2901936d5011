package window

import (
	"errors"
	"fmt"
)

// ErrNullTimestamp is wrapped by the error an externalTime* window reports
// for an event whose timestamp attribute is NULL (§0.3.16).
var ErrNullTimestamp = errors.New("timestamp attribute is NULL")

// reportNull tells onError (if set) that an event was dropped.
func reportNull(onError func(error), window string, eventTs int64) {
	if onError != nil {
		onError(fmt.Errorf("%s window: event at %d dropped: %w", window, eventTs, ErrNullTimestamp))
	}
}
