package main

// efc run [--playback] [--collect S1,S2] app.sql
//
// Runs an app on the interpreter through runtime/driver, which documents
// the JSON-lines input and output, the clocks and the summary; binaries
// built by `efc compile` share the same driver. The exit status is the
// driver's, or 1 when the app does not compile (the error, with
// file:line:col, is printed), 2 on a usage error.

import (
	"fmt"
	"io"

	"github.com/eventflux/eventflux-go/runtime/driver"
)

// runName starts efc run's summary and error lines.
const runName = "efc run"

func runRun(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := newCmdLine("run", "efc run [--playback] [--collect S1,S2] app.sql   (events as JSON lines on stdin)", stderr)
	opts := driver.Options{Name: runName}
	opts.AddFlags(c.fs)
	path, code, ok := c.parseApp(args)
	if !ok {
		return code
	}
	src, ok := c.readApp(path)
	if !ok {
		return exitFail
	}
	app, err := interpBuild(path, src)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFail
	}
	return driver.Run(app, opts, stdin, stdout, stderr)
}
