package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/eventflux/eventflux-go/conformance"
)

// defaultDisputes is read when --disputes is not given and the file exists.
const defaultDisputes = "testdata/conformance-disputes.txt"

// runTest is `efc test [--backend=B|all] [--run REGEX] [-v] [--json]
// [--disputes FILE] [--strict] [--timeout D] PATH...`. It exits 0 when the
// suite ran, whatever the results (unless --strict and a non-stretch case
// failed: 1), 1 when it could not run, 2 on a usage error.
func runTest(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	c := newCmdLine("test", "efc test [flags] PATH...   (case files, or folders of *.json case files)", stderr)
	var names []string
	for _, b := range backends {
		names = append(names, b.name)
	}
	backendFlag := c.fs.String("backend", "interp", "backend to run: "+strings.Join(names, ", ")+" or all")
	runFlag := c.fs.String("run", "", "run only the cases whose name or file.json/name matches this regular expression")
	verbose := c.fs.Bool("v", false, "print every failing case in full: app, steps, expectations, recorded events, reason")
	jsonOut := c.fs.Bool("json", false, "print one JSON object per backend on stdout and nothing else")
	disputesFlag := c.fs.String("disputes", "", "disputes file (default "+defaultDisputes+" when it exists)")
	strict := c.fs.Bool("strict", false, "exit 1 when a non-stretch case failed")
	timeout := c.fs.Duration("timeout", conformance.DefaultTimeout, "time limit of one case")
	paths, code, ok := c.parse(args)
	if !ok {
		return code
	}
	fail := func(code int, format string, a ...any) int {
		c.failf(format, a...)
		return code
	}
	if len(paths) == 0 {
		return c.usageError("no case file or folder given")
	}
	if *timeout <= 0 {
		return fail(exitUsage, "--timeout must be positive")
	}
	opts := suiteOptions{Options: conformance.Options{Timeout: *timeout}, FilterText: *runFlag}
	var err error
	if *runFlag != "" {
		if opts.Filter, err = regexp.Compile(*runFlag); err != nil {
			return fail(exitUsage, "--run: %v", err)
		}
	}
	selected, code := selectBackends(*backendFlag, names, stderr)
	if selected == nil {
		return code
	}
	disputesPath := *disputesFlag
	if disputesPath == "" {
		if _, err := os.Stat(defaultDisputes); err == nil {
			disputesPath = defaultDisputes
		}
	}
	if disputesPath != "" {
		opts.DisputesPath = disputesPath
		if opts.Disputes, err = conformance.LoadDisputes(disputesPath); err != nil {
			return fail(exitFail, "%v", err)
		}
	}
	files, err := conformance.Load(paths)
	if err != nil {
		return fail(exitFail, "%v", err)
	}

	failed := 0
	for i, runSuite := range selected {
		rep, err := runSuite(files, opts)
		if err != nil {
			return fail(exitFail, "%v", err)
		}
		failed += rep.Total().Failed
		if *jsonOut {
			err = conformance.WriteJSON(stdout, rep)
			if *verbose {
				conformance.WriteDetails(stderr, rep)
			}
			conformance.WriteNotes(stderr, rep)
		} else {
			if i > 0 {
				io.WriteString(stdout, "\n")
			}
			if *verbose {
				conformance.WriteDetails(stdout, rep)
			}
			err = errors.Join(conformance.WriteTable(stdout, rep), conformance.WriteNotes(stdout, rep))
		}
		if err != nil {
			return fail(exitFail, "%v", err)
		}
	}
	if *strict && failed > 0 {
		return exitFail
	}
	return exitOK
}

// selectBackends resolves --backend; all of them must be usable before any
// runs, so `all` does not half-run. A nil result comes with the exit code.
func selectBackends(name string, names []string, stderr io.Writer) ([]suiteRunner, int) {
	var entries []backendEntry
	for _, b := range backends {
		if name == "all" || b.name == name {
			entries = append(entries, b)
		}
	}
	if len(entries) == 0 {
		fmt.Fprintf(stderr, "efc test: unknown backend %q (want %s or all)\n", name, strings.Join(names, ", "))
		return nil, exitUsage
	}
	var selected []suiteRunner
	for _, e := range entries {
		b, err := e.make()
		if err != nil {
			fmt.Fprintf(stderr, "efc test: %v\n", err)
			return nil, exitFail
		}
		selected = append(selected, b)
	}
	return selected, exitOK
}
