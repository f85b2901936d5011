package conformance

import (
	"fmt"
	"regexp"
	"time"
)

// Options tune a suite run.
type Options struct {
	// Filter selects cases whose name or "file.json/name" it matches; nil
	// selects every case.
	Filter   *regexp.Regexp
	Disputes *Disputes     // may be nil
	Timeout  time.Duration // per case; <= 0 means DefaultTimeout
}

// Tally counts the cases of one file (or of all files). Stretch cases are
// counted only in the stretch columns; skipped cases only as skipped.
type Tally struct {
	Passed        int `json:"passed"`
	Failed        int `json:"failed"`
	Disputed      int `json:"disputed"`
	StretchPassed int `json:"stretch_passed"`
	StretchFailed int `json:"stretch_failed"`
	Skipped       int `json:"skipped"`
}

func (t *Tally) count(r CaseResult) {
	switch {
	case r.Outcome == Skipped:
		t.Skipped++
	case r.Case.Stretch && r.Outcome == Passed:
		t.StretchPassed++
	case r.Case.Stretch:
		t.StretchFailed++
	case r.Outcome == Passed:
		t.Passed++
	case r.Outcome == Disputed:
		t.Disputed++
	default:
		t.Failed++
	}
}

func (t *Tally) add(o Tally) {
	t.Passed += o.Passed
	t.Failed += o.Failed
	t.Disputed += o.Disputed
	t.StretchPassed += o.StretchPassed
	t.StretchFailed += o.StretchFailed
	t.Skipped += o.Skipped
}

// FileResult is the outcome of one case file on one backend.
type FileResult struct {
	Name  string
	Tally Tally
	Cases []CaseResult
}

// Report is the outcome of a suite on one backend.
type Report struct {
	Backend string
	Files   []FileResult // only files with at least one selected case
	// Notes are remarks on the disputes file: listed cases that pass and
	// entries that name no case.
	Notes []string
}

// Total sums the tallies of all files.
func (r *Report) Total() Tally {
	var t Tally
	for _, f := range r.Files {
		t.add(f.Tally)
	}
	return t
}

// Run runs the selected cases of files on b, one after the other, in file
// order then case order.
func Run(b Backend, files []*File, opts Options) *Report {
	rep := &Report{Backend: b.Name()}
	known := map[string]bool{}
	for _, f := range files {
		fr := FileResult{Name: f.Name}
		for _, c := range f.Cases {
			known[c.ID()] = true
			if opts.Filter != nil && !opts.Filter.MatchString(c.Name) && !opts.Filter.MatchString(c.ID()) {
				continue
			}
			res := RunCase(b, c, opts.Timeout)
			res.Dispute = opts.Disputes.Lookup(f.Name, c.Name)
			if res.Dispute != nil {
				switch res.Outcome {
				case Failed:
					res.Outcome = Disputed
				case Passed:
					rep.Notes = append(rep.Notes, fmt.Sprintf("%s passes but is disputed (%s, disputes line %d); the dispute may be stale",
						c.ID(), res.Dispute.Row, res.Dispute.Line))
				}
			}
			fr.Tally.count(res)
			fr.Cases = append(fr.Cases, res)
		}
		if len(fr.Cases) > 0 {
			rep.Files = append(rep.Files, fr)
		}
	}
	loaded := map[string]bool{}
	for _, f := range files {
		loaded[f.Name] = true
	}
	if opts.Disputes != nil {
		for _, d := range opts.Disputes.list {
			if loaded[d.File] && !known[d.File+"/"+d.Case] {
				rep.Notes = append(rep.Notes, fmt.Sprintf("disputes line %d names %s/%s, which is not a case of that file", d.Line, d.File, d.Case))
			}
		}
	}
	return rep
}
