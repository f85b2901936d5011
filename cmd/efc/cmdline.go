package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// cmdLine is the prologue the subcommands share: a flag set whose usage is
// one line plus the flag defaults, flags parsed anywhere among the paths,
// usage errors, and reading the app file, all reported as "efc NAME: ...".
type cmdLine struct {
	name   string
	fs     *flag.FlagSet
	stderr io.Writer
}

// newCmdLine starts a subcommand's command line; usage is printed after
// "usage: " when the command line is wrong or -h is given.
func newCmdLine(name, usage string, stderr io.Writer) *cmdLine {
	c := &cmdLine{name: name, fs: newFlagSet(name, stderr), stderr: stderr}
	c.fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: "+usage)
		c.fs.PrintDefaults()
	}
	return c
}

// parse parses the flags defined on c.fs and returns the other arguments.
// When ok is false the command ends with code: exitOK after -h, exitUsage
// on a bad flag (the flag package has printed why).
func (c *cmdLine) parse(args []string) (paths []string, code int, ok bool) {
	paths, err := parseInterspersed(c.fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil, exitOK, false
	}
	if err != nil {
		return nil, exitUsage, false
	}
	return paths, exitOK, true
}

// parseApp is parse for the commands that take exactly one app file.
func (c *cmdLine) parseApp(args []string) (path string, code int, ok bool) {
	paths, code, ok := c.parse(args)
	if !ok {
		return "", code, false
	}
	if len(paths) != 1 {
		return "", c.usageError(""), false
	}
	return paths[0], exitOK, true
}

// usageError prints the usage, then problem when there is one, and returns
// exitUsage.
func (c *cmdLine) usageError(problem string) int {
	c.fs.Usage()
	if problem != "" {
		c.failf("%s", problem)
	}
	return exitUsage
}

// failf prints "efc NAME: " and the message.
func (c *cmdLine) failf(format string, args ...any) {
	fmt.Fprintf(c.stderr, "efc %s: %s\n", c.name, fmt.Sprintf(format, args...))
}

// readApp reads an app file; on error it prints why and returns false.
func (c *cmdLine) readApp(path string) (string, bool) {
	src, err := os.ReadFile(path)
	if err != nil {
		c.failf("%v", err)
		return "", false
	}
	return string(src), true
}
