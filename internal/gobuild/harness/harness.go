// Package harness is the test program of the gen backend of `efc test`.
// efc generates every case app of one case file into its own package and a
// main that hands them to Main; Main runs the conformance runner over the
// case file with a Backend that looks each app text up, and prints the
// results as JSON (Result) for efc to merge into its report. It imports the
// conformance runner and the runtime only, as efc builds it from embedded
// sources.
package harness

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/eventflux/eventflux-go/conformance"
	"github.com/eventflux/eventflux-go/runtime"
)

// Entry is one app text of the case file: its generated constructor, or
// the error efc got compiling or generating it (passed on as Build's error,
// so cases expecting an error behave as on the interpreter).
type Entry struct {
	New func() runtime.App
	Err string
}

// Result is what Main prints: the outcome of the selected cases of one file.
type Result struct {
	Tally conformance.Tally `json:"tally"`
	Cases []CaseResult      `json:"cases"`
	// Stale are the runner's notes on disputed cases that pass. Notes on
	// disputes naming no case are left to efc, which sees every file.
	Stale []string `json:"stale"`
}

// CaseResult is conformance.CaseResult without pointers, Index locating
// the case in its file.
type CaseResult struct {
	Index    int                 `json:"index"`
	Outcome  conformance.Outcome `json:"outcome"`
	Failures []string            `json:"failures,omitempty"`
	Stack    string              `json:"stack,omitempty"`
	Columns  []runtime.Column    `json:"columns,omitempty"`
	Rows     []Row               `json:"rows,omitempty"`
}

// Row is one recorded event; values keep their Go type (EncodeValue).
type Row struct {
	Ts     int64 `json:"ts"`
	Values []any `json:"values"`
}

// Main runs the harness command line:
//
//	harness -file CASES.json -name NAME [-disputes FILE] [-run REGEX] [-timeout D]
//
// NAME is the file's name in efc's report (file and case IDs, disputes).
// It returns the exit status: 0 when the results were printed.
func Main(apps map[string]Entry, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("harness", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("file", "", "the case file")
	name := fs.String("name", "", "the case file's name in reports")
	disputes := fs.String("disputes", "", "disputes file")
	run := fs.String("run", "", "run only the cases whose name or ID matches")
	timeout := fs.Duration("timeout", conformance.DefaultTimeout, "time limit of one case")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	res, err := runFile(apps, *file, *name, *disputes, *run, *timeout)
	if err == nil {
		err = json.NewEncoder(stdout).Encode(res)
	}
	if err != nil {
		fmt.Fprintf(stderr, "harness: %v\n", err)
		return 1
	}
	return 0
}

// matchNothing selects no case: a run with it yields only the notes on
// disputes that name no case.
var matchNothing = regexp.MustCompile(`[^\x00-\x{10FFFF}]`)

func runFile(apps map[string]Entry, path, name, disputesPath, run string, timeout time.Duration) (*Result, error) {
	if path == "" {
		return nil, errors.New("no -file given")
	}
	files, err := conformance.Load([]string{path})
	if err != nil {
		return nil, err
	}
	if len(files) != 1 {
		return nil, fmt.Errorf("%s: want one case file, got %d", path, len(files))
	}
	f := files[0]
	if name != "" {
		f.Name = name
		for _, c := range f.Cases {
			c.File = name
		}
	}
	opts := conformance.Options{Timeout: timeout}
	if run != "" {
		if opts.Filter, err = regexp.Compile(run); err != nil {
			return nil, fmt.Errorf("-run: %v", err)
		}
	}
	if disputesPath != "" {
		if opts.Disputes, err = conformance.LoadDisputes(disputesPath); err != nil {
			return nil, err
		}
	}
	rep := conformance.Run(backend(apps), files, opts)
	unknown := conformance.Run(backend(nil), files, conformance.Options{Filter: matchNothing, Disputes: opts.Disputes}).Notes
	stale := len(rep.Notes) - len(unknown)
	if stale < 0 || strings.Join(rep.Notes[stale:], "\n") != strings.Join(unknown, "\n") {
		return nil, errors.New("the runner's notes do not end with the unknown-dispute notes")
	}
	res := &Result{Stale: rep.Notes[:stale], Cases: []CaseResult{}}
	index := make(map[*conformance.Case]int, len(f.Cases))
	for i, c := range f.Cases {
		index[c] = i
	}
	for _, fr := range rep.Files {
		res.Tally = fr.Tally
		for _, cr := range fr.Cases {
			res.Cases = append(res.Cases, encodeCase(index[cr.Case], cr))
		}
	}
	return res, nil
}

func encodeCase(index int, cr conformance.CaseResult) CaseResult {
	out := CaseResult{Index: index, Outcome: cr.Outcome, Failures: cr.Failures, Stack: cr.Stack, Columns: cr.Columns}
	for _, r := range cr.Rows {
		values := make([]any, len(r.Row))
		for i, x := range r.Row {
			values[i] = EncodeValue(x)
		}
		out.Rows = append(out.Rows, Row{Ts: r.Ts, Values: values})
	}
	return out
}

// backend builds apps by looking their text up.
type backend map[string]Entry

func (backend) Name() string { return "gen" }

func (b backend) Build(app string) (runtime.App, error) {
	e, ok := b[app]
	switch {
	case !ok:
		return nil, errors.New("harness: efc generated no package for this app")
	case e.Err != "":
		return nil, errors.New(e.Err)
	}
	return e.New(), nil
}
