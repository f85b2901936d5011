package difftest

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"eventflux/conformance"
)

// Config is one differential run.
type Config struct {
	Seed      uint64
	Start     int // the index of the first app (to rerun one app: Start=i, Count=1)
	Count     int // apps to generate and run
	Reference conformance.Backend
	Candidate conformance.Backend
	// OutDir receives a regression case per shrunk mismatch; "" writes none.
	OutDir string
	// Log receives progress, mismatches and minimal apps; nil discards.
	Log io.Writer
	// Timeout bounds one run of one app on one backend (default 10 s).
	Timeout time.Duration
	// MaxShrunk bounds how many mismatches are shrunk and written (default
	// 5); later ones are only counted and logged with their seed and index.
	MaxShrunk int
	// ShrinkBudget bounds the runs one shrink may spend (default 4000), and
	// ShrinkTime its duration (default 1 minute), for slow backends.
	ShrinkBudget int
	ShrinkTime   time.Duration
}

// Result summarizes a run.
type Result struct {
	Apps int // apps generated and run
	// Rejected counts apps the reference failed to build while the
	// candidate agreed: the generator produced an invalid app.
	Rejected   int
	RejectedBy []string // the first few rejection messages, with seed and index
	Events     int      // events the reference wrote, all compared
	Mismatches []Mismatch
	Elapsed    time.Duration
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
// backends, shrinking and saving the mismatches it finds.
func Run(cfg Config) Result {
	cfg.defaults()
	start := time.Now()
	var res Result
	for i := cfg.Start; i < cfg.Start+cfg.Count; i++ {
		c := Generate(cfg.Seed, i)
		ref, d := cfg.check(c)
		res.Apps++
		switch {
		case d.kind != noMismatch:
			res.Mismatches = append(res.Mismatches, cfg.report(c, i, d, len(res.Mismatches) < cfg.MaxShrunk))
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
	if n := len(res.Mismatches) - cfg.MaxShrunk; n > 0 {
		fmt.Fprintf(cfg.Log, "difftest: %d more mismatches, not shrunk, at indexes %s\n", n, indexes(res.Mismatches[cfg.MaxShrunk:]))
	}
	res.Elapsed = time.Since(start)
	fmt.Fprintf(cfg.Log, "difftest: seed %d: %d apps, %d events compared, %d rejected by the generator, %d mismatches (%s vs %s) in %v\n",
		cfg.Seed, res.Apps, res.Events, res.Rejected, len(res.Mismatches), cfg.Reference.Name(), cfg.Candidate.Name(), res.Elapsed.Round(time.Millisecond))
	return res
}

// check runs c on both backends and compares them with each other, and
// their schemas with the generator's typing of the app.
func (cfg *Config) check(c *Case) (*recording, difference) {
	sql := c.App.SQL()
	ref := execute(cfg.Reference, sql, c.Steps, cfg.Timeout)
	cand := execute(cfg.Candidate, sql, c.Steps, cfg.Timeout)
	d := compare(ref, cand)
	if d.kind == noMismatch && ref.buildErr == "" {
		model := c.App.schemas()
		if d = ref.typing(model); d.kind != noMismatch {
			d.text = "reference: " + d.text
		} else if d = cand.typing(model); d.kind != noMismatch {
			d.text = "candidate: " + d.text
		}
	}
	return ref, d
}

// report logs a mismatch and, when asked, shrinks it and writes the case.
func (cfg *Config) report(c *Case, index int, d difference, shrink bool) Mismatch {
	m := Mismatch{Seed: cfg.Seed, Index: index, Kind: d.kind.String(), Reason: d.text}
	if !shrink {
		return m
	}
	fmt.Fprintf(cfg.Log, "difftest: MISMATCH seed %d index %d (%s): %s\n", cfg.Seed, index, d.kind, d.text)
	small, sd, ref := cfg.shrink(c, d)
	if sd.stack != "" {
		fmt.Fprintf(cfg.Log, "%s\n", sd.stack)
	}
	m.MinimalReason, m.MinimalApp, m.MinimalSteps = sd.text, small.App.SQL(), len(small.Steps)
	fmt.Fprintf(cfg.Log, "difftest: minimal case for seed %d index %d (%d steps): %s\n%s%s", cfg.Seed, index, len(small.Steps), sd.text, m.MinimalApp, formatSteps(small.Steps))
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
