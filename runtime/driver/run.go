package driver

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/eventflux/eventflux-go/runtime"
)

// Exit statuses of Run and Main.
const (
	ExitOK    = 0
	ExitFail  = 1 // input could not be read, or the app could not start
	ExitUsage = 2 // the command line is wrong
)

// Options configure a run.
type Options struct {
	// Name starts the summary and error lines: "efc run", or a compiled
	// binary's name.
	Name     string
	Playback bool
	// Collect names the streams to print; nil means every stream a query
	// of the app writes.
	Collect []string
	// WallClock returns the time in ms (default time.Now); Tick is how
	// often the wall-clock mode advances the app's clock (default 10 ms).
	// Tests replace both.
	WallClock func() int64
	Tick      time.Duration
}

// Run drives app (built, not started) until stdin ends, then prints the
// summary on stderr. It returns the process exit status.
func Run(app runtime.App, opts Options, stdin io.Reader, stdout, stderr io.Writer) int {
	if opts.Name == "" {
		opts.Name = "driver"
	}
	d, err := newDriver(app, stdout, stderr, opts)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", opts.Name, err)
		if errors.Is(err, errUnknownCollect) {
			return ExitUsage
		}
		return ExitFail
	}
	err = d.serve(stdin)
	fmt.Fprintln(stderr, d.summary())
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", opts.Name, err)
		return ExitFail
	}
	return ExitOK
}
