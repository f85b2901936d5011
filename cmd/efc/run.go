package main

// efc run [--playback] [--collect S1,S2] app.sql
//
// Runs an app on the interpreter through runtime/driver, which documents
// the JSON-lines input and output, the clocks and the summary; binaries
// built by `efc compile` share the same driver. The exit status is the
// driver's, or 1 when the app does not compile (the error, with
// file:line:col, is printed), 2 on a usage error.

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"eventflux/runtime/driver"
)

// runName starts efc run's summary and error lines.
const runName = "efc run"

func runRun(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("run", stderr)
	opts := driver.Options{Name: runName}
	opts.AddFlags(fs)
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
	return driver.Run(app, opts, stdin, stdout, stderr)
}
