// Package datadriven runs text-file tests in the style of CockroachDB's
// datadriven: each case is a command line, an input block, a "----"
// separator and the expected output, ended by a blank line. With -rewrite
// the expected outputs are replaced by the actual ones, so a reviewer reads
// the diff of the text file rather than Go assertions.
package datadriven

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var rewrite = flag.Bool("rewrite", false, "rewrite datadriven expectations with actual output")

// Rewrite reports whether -rewrite was given, for tests whose expectations
// are whole files (golden files) rather than cases, so one flag refreshes both.
func Rewrite() bool { return *rewrite }

// Case is one test case of a file.
type Case struct {
	Pos     string // file:line
	Cmd     string
	Args    map[string]string // key=value words after the command; bare words map to ""
	Input   string
	Want    string
	lineIdx int // index of the "----" line
	endIdx  int // index after the expected block
}

// Arg returns a command argument.
func (c *Case) Arg(key string) (string, bool) {
	v, ok := c.Args[key]
	return v, ok
}

// Run executes every case of path with fn, comparing or rewriting outputs.
// Output with blank lines is not allowed (a blank line ends a case).
func Run(t *testing.T, path string, fn func(t *testing.T, c *Case) string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	cases, err := parse(path, lines)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	last := 0
	for _, c := range cases {
		got := strings.TrimRight(fn(t, c), "\n")
		got = strings.ReplaceAll(got, "\n\n", "\n.\n") // keep cases separable
		if *rewrite {
			out = append(out, lines[last:c.lineIdx+1]...)
			if got != "" {
				out = append(out, strings.Split(got, "\n")...)
			}
			last = c.endIdx
			continue
		}
		if got != c.Want {
			t.Errorf("%s: %s\n%s\n----\nwant:\n%s\ngot:\n%s", c.Pos, c.Cmd, c.Input, c.Want, got)
		}
	}
	if *rewrite {
		out = append(out, lines[last:]...)
		if err := os.WriteFile(path, []byte(strings.Join(out, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func parse(path string, lines []string) ([]*Case, error) {
	var cases []*Case
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := &Case{Pos: fmt.Sprintf("%s:%d", path, i+1), Args: map[string]string{}}
		words := strings.Fields(line)
		c.Cmd = words[0]
		for _, w := range words[1:] {
			k, v, _ := strings.Cut(w, "=")
			c.Args[k] = v
		}
		var input []string
		i++
		for ; i < len(lines) && strings.TrimSpace(lines[i]) != "----"; i++ {
			input = append(input, lines[i])
		}
		if i >= len(lines) {
			return nil, fmt.Errorf("%s: missing ---- separator", c.Pos)
		}
		c.Input = strings.Join(input, "\n")
		c.lineIdx = i
		var want []string
		i++
		for ; i < len(lines) && strings.TrimSpace(lines[i]) != ""; i++ {
			want = append(want, lines[i])
		}
		c.Want = strings.Join(want, "\n")
		c.endIdx = i
		cases = append(cases, c)
	}
	return cases, nil
}
