// Command efc is the EventFlux command line: it runs apps on the
// interpreter, generates and compiles them to Go, explains their plans and
// runs the conformance suite on either backend.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

// Exit statuses shared by all subcommands.
const (
	exitOK    = 0
	exitFail  = 1 // the command ran into an error (compile error, unreadable input)
	exitUsage = 2 // the command line is wrong
)

// run dispatches to a subcommand; it is main without the process, for tests.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(args[1:], stdin, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "efc: unknown command %q\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	var b strings.Builder
	b.WriteString("usage: efc <command> [arguments]\n\ncommands:\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-8s %s\n", c.name, c.summary)
	}
	b.WriteString("\nRun 'efc <command> -h' for the options of a command.\n")
	io.WriteString(w, b.String())
}
