package driver

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/eventflux/eventflux-go/runtime"
)

// AddFlags defines --playback and --collect on fs, filling o, so every
// command that drives an app spells them the same way.
func (o *Options) AddFlags(fs *flag.FlagSet) {
	fs.BoolVar(&o.Playback, "playback", false, "move the clock only with event timestamps (default: wall clock)")
	fs.Func("collect", "comma-separated streams to print (default: every stream a query writes)", func(list string) error {
		for _, name := range strings.Split(list, ",") {
			if name = strings.TrimSpace(name); name != "" {
				o.Collect = append(o.Collect, name)
			}
		}
		return nil
	})
}

// Main is the command line of a compiled app:
//
//	NAME [--playback] [--collect S1,S2] < events.jsonl
//
// It returns the process exit status.
func Main(name string, app runtime.App, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	opts := Options{Name: name}
	opts.AddFlags(fs)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: %s [--playback] [--collect S1,S2]   (events as JSON lines on stdin)\n", name)
		fs.PrintDefaults()
	}
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	if err != nil {
		return ExitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q (events are read from stdin)\n", name, fs.Arg(0))
		fs.Usage()
		return ExitUsage
	}
	return Run(app, opts, stdin, stdout, stderr)
}
