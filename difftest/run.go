package difftest

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/eventflux/eventflux-go/conformance"
)

// Config is one differential run.
type Config struct {
	Seed      uint64
	Start     int // the index of the first app (to rerun one app: Start=i, Count=1)
	Count     int // apps to generate and run
	Reference conformance.Backend
	Candidate conformance.Backend
	// CandidateBatch, when set, is the candidate instead of Candidate: a
	// backend that runs the cases of a batch together (Gen). BatchSize is
	// the number of apps per batch (default 250).
	CandidateBatch BatchBackend
	BatchSize      int
	// OutDir receives a regression case per shrunk mismatch; "" writes none.
	OutDir string
	// Log receives progress, mismatches and minimal apps; nil discards.
	Log io.Writer
	// Timeout bounds one run of one app on one backend (default 10 s).
	Timeout time.Duration
	// MaxShrunk bounds how many mismatches are shrunk and written (default
	// 5); later ones are only counted and logged with their seed and index.
	// MaxSameShrunk bounds those of one signature (default 2): a bug seen
	// on many apps is shrunk only that often, leaving room for others.
	MaxShrunk     int
	MaxSameShrunk int
	// ShrinkBudget bounds the runs one shrink may spend (default 4000), and
	// ShrinkTime its duration (default 1 minute), for slow backends.
	ShrinkBudget int
	ShrinkTime   time.Duration
	// SamePlans says the candidate runs the very plans the reference runs
	// (generated code, a second interpreter): their snapshots must then be
	// byte for byte equal, and every case with a restart also runs with
	// the restart onto the other backend, in both directions (cross.go).
	SamePlans bool
}

// Result summarizes a run.
type Result struct {
	Apps int // apps generated and run
	// Rejected counts apps the reference failed to build while the
	// candidate agreed: the generator produced an invalid app.
	Rejected   int
	RejectedBy []string // the first few rejection messages, with seed and index
	Events     int      // events the reference wrote, all compared
	// Crossed counts the runs that restarted onto the other backend
	// (SamePlans), each compared with the reference.
	Crossed    int
	Mismatches []Mismatch
	Elapsed    time.Duration
	// Where the time went: running the reference, the candidate (with
	// its builds), and shrinking.
	ReferenceTime, CandidateTime, ShrinkTime time.Duration
	// Err is a failure of the candidate's machinery (such as a missing go
	// command) that stopped the run; Apps counts the apps run before it.
	Err error
}

// BatchBackend is a candidate that runs many cases per call, such as the
// generated-code backend, which builds one program per batch. Its methods
// are this package's, as its results are.
type BatchBackend interface {
	Name() string
	// runBatch runs every case; scratch marks one-off runs (shrinking)
	// whose builds need not be kept.
	runBatch(cases []*Case, timeout time.Duration, scratch bool) ([]*recording, error)
	stats() string // what it did, for the summary line
	// release drops what scratch runs built, after a shrink.
	release() error
	// built reports whether app is ready to run; prepare readies apps
	// together, for the shrinker's next edits.
	built(app string) bool
	prepare(apps []string) error
}

// Mismatch is one app on which the backends disagreed.
type Mismatch struct {
	Seed  uint64
	Index int
	Kind  string // "build", "crash" or "output"
	// Reason is the first difference on the original app; MinimalReason the
	// one on the shrunk case (empty when not shrunk).
	Reason        string
	MinimalReason string
	MinimalApp    string
	MinimalSteps  int
	File          string // the regression case written, if any
}

func (c *Config) defaults() {
	if c.Timeout <= 0 {
		c.Timeout = 10 * time.Second
	}
	if c.MaxShrunk <= 0 {
		c.MaxShrunk = 5
	}
	if c.MaxSameShrunk <= 0 {
		c.MaxSameShrunk = 2
	}
	if c.BatchSize <= 0 {
		c.BatchSize = 250
	}
	if c.ShrinkBudget <= 0 {
		c.ShrinkBudget = 4000
	}
	if c.ShrinkTime <= 0 {
		c.ShrinkTime = time.Minute
	}
	if c.Log == nil {
		c.Log = io.Discard
	}
}

// Run generates cfg.Count apps from cfg.Seed and runs each on both
// backends, shrinking and saving the mismatches it finds. It goes batch by
// batch: the candidate runs a batch's cases, then the reference runs each
// case and the two are compared.
func Run(cfg Config) Result {
	cfg.defaults()
	start := time.Now()
	var res Result
	shrunk := map[string]int{} // by signature
	end := cfg.Start + cfg.Count
	for lo := cfg.Start; lo < end; lo += cfg.BatchSize {
		hi := min(lo+cfg.BatchSize, end)
		cases := make([]*Case, hi-lo)
		for i := range cases {
			cases[i] = Generate(cfg.Seed, lo+i)
		}
		t := time.Now()
		cands, err := cfg.runCandidate(cases, false)
		res.CandidateTime += time.Since(t)
		if err != nil {
			res.Err = err
			fmt.Fprintf(cfg.Log, "difftest: stopped at index %d: %v\n", lo, err)
			break
		}
		// Cases that agree and restart run again restarting onto the
		// other backend (SamePlans).
		var crossing []int
		refs := make([]*recording, len(cases))
		for k, c := range cases {
			i := lo + k
			t := time.Now()
			ref := execute(cfg.Reference, c.App.SQL(), c.Steps, cfg.Timeout)
			res.ReferenceTime += time.Since(t)
			refs[k] = ref
			d := cfg.judge(c, ref, cands[k])
			res.Apps++
			if cfg.SamePlans && d.kind == noMismatch && ref.buildErr == "" && firstRestart(c.Steps) < len(c.Steps) {
				crossing = append(crossing, k)
			}
			switch {
			case d.kind != noMismatch:
				sig := d.signature()
				shrink := len(res.Mismatches) < cfg.MaxShrunk && shrunk[sig] < cfg.MaxSameShrunk
				if shrink {
					shrunk[sig]++
				}
				t := time.Now()
				res.Mismatches = append(res.Mismatches, cfg.report(c, i, d, shrink))
				res.ShrinkTime += time.Since(t)
			case ref.buildErr != "":
				res.Rejected++
				if len(res.RejectedBy) < 5 {
					res.RejectedBy = append(res.RejectedBy, fmt.Sprintf("seed %d index %d: %s", cfg.Seed, i, ref.buildErr))
				}
			default:
				for _, evs := range ref.events {
					res.Events += len(evs)
				}
			}
		}
		if len(crossing) > 0 {
			t := time.Now()
			if err := cfg.runCrossed(lo, cases, refs, crossing, &res, shrunk); err != nil {
				res.Err = err
				fmt.Fprintf(cfg.Log, "difftest: stopped at index %d: %v\n", lo, err)
				break
			}
			res.CandidateTime += time.Since(t)
		}
		if cfg.Count > cfg.BatchSize {
			fmt.Fprintf(cfg.Log, "difftest: %d of %d apps, %d mismatches, %v\n", hi-cfg.Start, cfg.Count, len(res.Mismatches), time.Since(start).Round(time.Second))
		}
	}
	var unshrunk []Mismatch
	for _, m := range res.Mismatches {
		if m.MinimalApp == "" {
			unshrunk = append(unshrunk, m)
		}
	}
	if len(unshrunk) > 0 {
		fmt.Fprintf(cfg.Log, "difftest: %d more mismatches, not shrunk, at indexes %s\n", len(unshrunk), indexes(unshrunk))
	}
	res.Elapsed = time.Since(start)
	fmt.Fprintf(cfg.Log, "difftest: seed %d: %d apps, %d events compared, %d rejected by the generator, %d runs restarted onto the other backend, %d mismatches (%s vs %s) in %v\n",
		cfg.Seed, res.Apps, res.Events, res.Rejected, res.Crossed, len(res.Mismatches), cfg.Reference.Name(), cfg.candidateName(), res.Elapsed.Round(time.Millisecond))
	fmt.Fprintf(cfg.Log, "difftest: time: reference %v, candidate %v%s, shrinking %v\n", res.ReferenceTime.Round(time.Millisecond),
		res.CandidateTime.Round(time.Millisecond), cfg.candidateStats(), res.ShrinkTime.Round(time.Millisecond))
	return res
}

func (cfg *Config) candidateName() string {
	if cfg.CandidateBatch != nil {
		return cfg.CandidateBatch.Name()
	}
	return cfg.Candidate.Name()
}

func (cfg *Config) candidateStats() string {
	if cfg.CandidateBatch != nil {
		return " (" + cfg.CandidateBatch.stats() + ")"
	}
	return ""
}

// runCandidate runs cases on the candidate, all at once when it is a
// batch backend.
func (cfg *Config) runCandidate(cases []*Case, scratch bool) ([]*recording, error) {
	if cfg.CandidateBatch != nil {
		return cfg.CandidateBatch.runBatch(cases, cfg.Timeout, scratch)
	}
	out := make([]*recording, len(cases))
	for i, c := range cases {
		out[i] = execute(cfg.Candidate, c.App.SQL(), c.Steps, cfg.Timeout)
	}
	return out, nil
}

// check runs c on both backends and compares them (the shrinker's test).
// A failure of the candidate's machinery shows no difference, so the edit
// being tried is not kept.
func (cfg *Config) check(c *Case) (ref, cand *recording, d difference) {
	ref = execute(cfg.Reference, c.App.SQL(), c.Steps, cfg.Timeout)
	cands, err := cfg.runCandidate([]*Case{c}, true)
	if err != nil {
		fmt.Fprintf(cfg.Log, "difftest: while shrinking: %v\n", err)
		return ref, &recording{}, difference{}
	}
	return ref, cands[0], cfg.judge(c, ref, cands[0])
}

// judge compares the two recordings of c with each other, and their
// schemas with the generator's typing of the app.
func (cfg *Config) judge(c *Case, ref, cand *recording) difference {
	d := compare(ref, cand)
	if d.kind == noMismatch && ref.buildErr == "" {
		model := c.App.schemas()
		if d = ref.typing(model); d.kind != noMismatch {
			d.text = "reference: " + d.text
		} else if d = cand.typing(model); d.kind != noMismatch {
			d.text = "candidate: " + d.text
		} else if cfg.SamePlans {
			d = compareSnapshots(ref.snapshots, cand.snapshots)
		}
	}
	if x, ok := cfg.CandidateBatch.(*crossBackend); ok && d.kind != noMismatch {
		d.text = "restarting " + x.Name() + ": " + d.text
	}
	return d
}

// runCrossed runs the cases at indexes crossing of a batch starting at lo
// restarting onto the other backend, both ways, and judges each run
// against the reference's; a mismatch is reported (and shrunk) with the
// crossing runs as the candidate.
func (cfg *Config) runCrossed(lo int, cases []*Case, refs []*recording, crossing []int, res *Result, shrunk map[string]int) error {
	dirs, err := cfg.crossBackends()
	if err != nil {
		return err
	}
	sub := make([]*Case, len(crossing))
	for j, k := range crossing {
		sub[j] = cases[k]
	}
	for _, dir := range dirs {
		recs, err := dir.runBatch(sub, cfg.Timeout, false)
		if err != nil {
			return err
		}
		xcfg := *cfg
		xcfg.Candidate, xcfg.CandidateBatch = nil, dir
		for j, k := range crossing {
			res.Crossed++
			d := xcfg.judge(cases[k], refs[k], recs[j])
			if d.kind == noMismatch {
				continue
			}
			sig := d.signature()
			shrink := len(res.Mismatches) < cfg.MaxShrunk && shrunk[sig] < cfg.MaxSameShrunk
			if shrink {
				shrunk[sig]++
			}
			t := time.Now()
			res.Mismatches = append(res.Mismatches, xcfg.report(cases[k], lo+k, d, shrink))
			res.ShrinkTime += time.Since(t)
		}
	}
	return nil
}

// report logs a mismatch and, when asked, shrinks it and writes the case.
func (cfg *Config) report(c *Case, index int, d difference, shrink bool) Mismatch {
	m := Mismatch{Seed: cfg.Seed, Index: index, Kind: d.kind.String(), Reason: d.text}
	if !shrink {
		fmt.Fprintf(cfg.Log, "difftest: mismatch seed %d index %d (%s), not shrunk: %s\n", cfg.Seed, index, d.kind, oneLine(d.text, 400))
		return m
	}
	fmt.Fprintf(cfg.Log, "difftest: MISMATCH seed %d index %d (%s): %s\n", cfg.Seed, index, d.kind, d.text)
	small, sd, ref, cand := cfg.shrink(c, d)
	if cfg.CandidateBatch != nil {
		if err := cfg.CandidateBatch.release(); err != nil {
			fmt.Fprintf(cfg.Log, "difftest: after shrinking: %v\n", err)
		}
	}
	if sd.stack != "" {
		fmt.Fprintf(cfg.Log, "%s\n", sd.stack)
	}
	m.MinimalReason, m.MinimalApp, m.MinimalSteps = sd.text, small.App.SQL(), len(small.Steps)
	fmt.Fprintf(cfg.Log, "difftest: minimal case for seed %d index %d (%d steps): %s\n%s%s", cfg.Seed, index, len(small.Steps), sd.text, m.MinimalApp, formatSteps(small.Steps))
	if sd.stream != "" {
		fmt.Fprintf(cfg.Log, "difftest: %s on the reference:\n%sdifftest: %s on the candidate:\n%s",
			sd.stream, formatStream(ref.events[sd.stream]), sd.stream, formatStream(cand.events[sd.stream]))
	}
	if cfg.OutDir != "" {
		path, err := writeRegression(cfg.OutDir, cfg.Seed, index, small, ref, sd)
		if err != nil {
			fmt.Fprintf(cfg.Log, "difftest: writing the regression case: %v\n", err)
		} else {
			m.File = path
			fmt.Fprintf(cfg.Log, "difftest: wrote %s\n", path)
		}
	}
	return m
}

// indexes lists the first mismatches' indexes, for rerunning them one by one.
func indexes(ms []Mismatch) string {
	var b strings.Builder
	for i, m := range ms {
		if i == 20 {
			b.WriteString(" …")
			break
		}
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(strconv.Itoa(m.Index))
	}
	return b.String()
}

// oneLine joins a multi-line text with " | ", at most n bytes of it.
func oneLine(text string, n int) string {
	text = strings.ReplaceAll(strings.TrimSpace(text), "\n", " | ")
	if len(text) > n {
		text = text[:n] + " …"
	}
	return text
}

// formatStream lists events one per line, at most 40 of them.
func formatStream(evs []event) string {
	var b strings.Builder
	for i, e := range evs {
		if i == 40 {
			fmt.Fprintf(&b, "  … %d more\n", len(evs)-i)
			break
		}
		b.WriteString("  " + formatEvent(e) + "\n")
	}
	if len(evs) == 0 {
		b.WriteString("  (none)\n")
	}
	return b.String()
}
