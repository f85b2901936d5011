package main

import "io"

// command is one subcommand; each lives in its own file.
type command struct {
	name    string
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

// commands is the dispatch table: adding a subcommand is one line here plus
// its file.
var commands = []command{
	{"run", "run an app on the interpreter, JSON lines in and out", runRun},
	{"test", "run conformance case files on a backend", runTest},
	{"gen", "write the Go package generated for an app into a directory", runGen},
	{"compile", "build an app into an executable (JSON lines in and out, like run)", runCompile},
	{"explain", "print the plan before and after each optimizer pass, with costs", runExplain},
}
