// Package cron parses Quartz-style cron expressions and computes their fire
// times in UTC. The cron window and `CREATE TRIGGER … AT CRON` share it.
//
// An expression has 6 or 7 space-separated fields:
//
//	second minute hour day-of-month month day-of-week [year]
//
// Each field accepts `*`, a value, a range `a-b` (wrapping when b < a), a
// step `*/s`, `a/s` or `a-b/s`, and comma-separated lists of those. Months
// accept JAN–DEC and days of week SUN–SAT (1 = Sunday … 7 = Saturday, as in
// Quartz). Day-of-month also accepts `L` (last day), `L-n` (n days before the
// last), `nW` (weekday nearest to day n) and `LW` (last weekday); day-of-week
// accepts `nL` (last such day of the month) and `n#k` (k-th such day). `?`
// means "no constraint" and is allowed in the two day fields.
package cron

import (
	"math"
	"time"
)

// Never is what Next returns when the schedule has no fire time left.
const Never int64 = math.MaxInt64

// Schedule is a parsed cron expression.
type Schedule struct {
	expr    string
	second  uint64 // bit i set: second i fires
	minute  uint64
	hour    uint64
	month   uint64 // bits 1..12
	dom     dayOfMonth
	dow     dayOfWeek
	years   *yearSet // nil: every year
	useDoM  bool     // day-of-month restricts the day
	useDoW  bool     // day-of-week restricts the day
	maxYear int      // last year the year field allows, when set
}

// String returns the expression as written.
func (s *Schedule) String() string { return s.expr }

// searchYears bounds the search without a year field: the Gregorian
// calendar (leap years and weekdays) repeats every 400 years, so a schedule
// with no fire time in 401 years has none at all.
const searchYears = 401

// Next returns the first fire time strictly after afterMillis (epoch ms,
// UTC), on a whole second, or Never when there is none.
func (s *Schedule) Next(afterMillis int64) int64 {
	sec := floorDiv(afterMillis, 1000) + 1
	// time.Unix covers far more than int64 milliseconds; beyond that there
	// is no representable answer.
	if sec > math.MaxInt64/1000-1 {
		return Never
	}
	t := time.Unix(sec, 0).UTC()
	y, mo, d := t.Date()
	h, mi, se := t.Clock()
	last := y + searchYears
	if s.years != nil {
		last = s.maxYear
	}
	for month := int(mo); y <= last; y, month, d, h, mi, se = y+1, 1, 1, 0, 0, 0 {
		if s.years != nil && !s.years.has(y) {
			continue
		}
		for ; month <= 12; month, d, h, mi, se = month+1, 1, 0, 0, 0 {
			if s.month&(1<<month) == 0 {
				continue
			}
			days := daysIn(y, month)
			for ; d <= days; d, h, mi, se = d+1, 0, 0, 0 {
				if !s.dayMatches(y, month, d, days) {
					continue
				}
				for ; h < 24; h, mi, se = h+1, 0, 0 {
					if s.hour&(1<<h) == 0 {
						continue
					}
					for ; mi < 60; mi, se = mi+1, 0 {
						if s.minute&(1<<mi) == 0 {
							continue
						}
						if next, ok := nextBit(s.second, se, 59); ok {
							at := time.Date(y, time.Month(month), d, h, mi, next, 0, time.UTC)
							return at.Unix() * 1000
						}
					}
				}
			}
		}
	}
	return Never
}

// dayMatches applies the day-of-month and day-of-week fields; with both
// restricted Parse has already refused the expression.
func (s *Schedule) dayMatches(y, month, d, days int) bool {
	if s.useDoM && !s.dom.matches(y, month, d, days) {
		return false
	}
	if s.useDoW && !s.dow.matches(y, month, d, days) {
		return false
	}
	return true
}

// nextBit is the smallest set bit of set in [from, max].
func nextBit(set uint64, from, max int) (int, bool) {
	for i := from; i <= max; i++ {
		if set&(1<<i) != 0 {
			return i, true
		}
	}
	return 0, false
}

func daysIn(y, month int) int {
	return time.Date(y, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// weekday is 1 = Sunday … 7 = Saturday, Quartz numbering.
func weekday(y, month, d int) int {
	return int(time.Date(y, time.Month(month), d, 0, 0, 0, 0, time.UTC).Weekday()) + 1
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
