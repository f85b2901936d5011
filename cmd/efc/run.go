package main

// efc run [--playback] [--collect S1,S2] app.sql
//
// Runs an app on the interpreter, reading events from stdin and writing
// the events of the collected streams to stdout, one JSON object per line.
//
// Input, one event per line (blank lines are ignored):
//
//	{"stream": "StockStream", "data": {"symbol": "IBM", "price": 101.5, "volume": 100}, "ts": 1700000000000}
//	{"stream": "StockStream", "row": ["IBM", 101.5, 100]}
//
// "data" gives values by column name (a missing column is NULL, an unknown
// one rejects the line); "row" gives all values by position instead. Values
// are JSON strings, numbers, booleans or null, converted to the column type
// as runtime.App.Send does (LANGUAGE.md §2.3). "ts" (optional) is the event
// time in ms since the epoch; without it the event is stamped with the
// current clock. Other fields are errors.
//
// Output, one line per event written to a collected stream, columns in
// schema order:
//
//	{"stream":"Out","ts":1700000000000,"data":{"symbol":"IBM","avgPrice":101.5}}
//
// Floats are written in the shortest form that reads back at their own
// size (FLOAT as float32, DOUBLE as float64); NaN and ±Inf, which JSON
// cannot carry, are written as null. Collected streams are those given by
// --collect, by default every stream a query of the app writes.
//
// Clock: by default it is the wall clock. Events without "ts" are stamped
// with the wall time, and the clock is advanced to the wall time every 10 ms
// so time windows and triggers fire while no event arrives. With --playback
// the clock starts at the first event's "ts" and moves only with event
// timestamps (an event later than the clock advances it; one without "ts"
// takes the current clock); at end of input nothing more fires.
//
// A malformed line (bad JSON, unknown stream or column, a value that does
// not fit its column) is reported on stderr as "line N: reason" and skipped.
// At the end stderr gets "efc run: N events read, M rejected, K events
// written". The exit status is 0, or 1 when the app does not compile (the
// error, with file:line:col, is printed) or input cannot be read, 2 on a
// usage error.

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"eventflux/runtime"
)

func runRun(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("run", stderr)
	playback := fs.Bool("playback", false, "move the clock only with event timestamps (default: wall clock)")
	collect := fs.String("collect", "", "comma-separated streams to print (default: every stream a query writes)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: efc run [--playback] [--collect S1,S2] app.sql   (events as JSON lines on stdin)")
		fs.PrintDefaults()
	}
	paths, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	if len(paths) != 1 {
		fs.Usage()
		return exitUsage
	}
	opts := runOptions{playback: *playback}
	if *collect != "" {
		for _, name := range strings.Split(*collect, ",") {
			if name = strings.TrimSpace(name); name != "" {
				opts.collect = append(opts.collect, name)
			}
		}
	}
	src, err := os.ReadFile(paths[0])
	if err != nil {
		fmt.Fprintf(stderr, "efc run: %v\n", err)
		return exitFail
	}
	app, err := interpBuild(paths[0], string(src))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFail
	}
	return runApp(app, stdin, stdout, stderr, opts)
}

// runApp drives a built app; it is runRun after compilation, for tests.
func runApp(app runtime.App, stdin io.Reader, stdout, stderr io.Writer, opts runOptions) int {
	d, err := newDriver(app, stdout, stderr, opts)
	if err != nil {
		fmt.Fprintf(stderr, "efc run: %v\n", err)
		if errors.Is(err, errUnknownCollect) {
			return exitUsage
		}
		return exitFail
	}
	err = d.serve(stdin)
	fmt.Fprintln(stderr, d.summary())
	if err != nil {
		fmt.Fprintf(stderr, "efc run: %v\n", err)
		return exitFail
	}
	return exitOK
}
