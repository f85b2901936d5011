package difftest

import (
	"regexp"
	"strings"
	"testing"
)

func TestGenerateIsAFunctionOfSeedAndIndex(t *testing.T) {
	for i := range 50 {
		a, b := Generate(3, i), Generate(3, i)
		if a.App.SQL() != b.App.SQL() || formatSteps(a.Steps) != formatSteps(b.Steps) {
			t.Fatalf("index %d: two generations differ:\n%s\n%s", i, a.App.SQL(), b.App.SQL())
		}
	}
	if Generate(3, 0).App.SQL() == Generate(4, 0).App.SQL() && Generate(3, 1).App.SQL() == Generate(4, 1).App.SQL() {
		t.Error("seeds 3 and 4 generate the same apps")
	}
}

// TestGeneratorCoverage checks that a few hundred apps exercise every
// feature the generator promises (windows of §3, aggregates of §9.6,
// selector clauses, output rates, event kinds, chains, operators).
func TestGeneratorCoverage(t *testing.T) {
	var all strings.Builder
	var batches, sleeps, explicitTs, lateTs, nulls, persists, restores, restarts int
	for i := range 600 {
		c := Generate(1, i)
		all.WriteString(c.App.SQL())
		clock := StartClock
		for _, s := range c.Steps {
			switch {
			case s.Sleep > 0:
				sleeps++
				clock += s.Sleep
			case s.Batch:
				batches++
			case s.Persist:
				persists++
			case s.Restore:
				restores++
			case s.Restart:
				restarts++
			}
			if s.HasTs {
				explicitTs++
				if s.Ts < clock {
					lateTs++
				}
				clock = max(clock, s.Ts)
			}
			for _, row := range s.Rows {
				for _, v := range row {
					if v == nil {
						nulls++
					}
				}
			}
		}
	}
	sql := all.String()
	features := []string{
		// input column types
		" STRING", " INT", " BIGINT", " FLOAT", " DOUBLE", " BOOL",
		// windows
		"WINDOW('length'", "WINDOW('lengthBatch'", "WINDOW('time'", "WINDOW('timeBatch'", "WINDOW('tumbling'",
		"WINDOW('sliding'", "WINDOW('hop'", "WINDOW('timeLength'", "WINDOW('batch')", "WINDOW('delay'",
		"WINDOW('externalTime'", "WINDOW('externalTimeBatch'", "WINDOW('session'", "WINDOW('sort'",
		"WINDOW('unique'", "WINDOW('firstUnique'", "WINDOW('frequent'", "WINDOW('lossyFrequent'", "WINDOW('expression'",
		// aggregates
		"count()", "count(", "sum(", "avg(", "min(", "max(", "distinctCount(", "stdDev(", "first(", "last(",
		"minForever(", "maxForever(", "and(", "or(",
		// selector and output
		"SELECT *", "WHERE ", "GROUP BY ", "HAVING ", "ORDER BY ", " DESC", "LIMIT ", "OFFSET ",
		"OUTPUT FIRST EVERY", "OUTPUT LAST EVERY", "OUTPUT ALL EVERY", "OUTPUT EVERY", "OUTPUT SNAPSHOT EVERY",
		"INSERT ALL EVENTS", "INSERT EXPIRED EVENTS", "INSERT CURRENT EVENTS", "FROM Out",
		// expressions
		" + ", " - ", " * ", " / ", " % ", "(-", " = ", " != ", " <> ", " < ", " <= ", " > ", " >= ", " == ",
		" AND ", " OR ", "(NOT ", " IS NULL)", " IS NOT NULL)", " IN (", " NOT IN (", " BETWEEN ", " NOT BETWEEN ",
		" LIKE ", "CASE WHEN", " ELSE ", "CAST(", "CAST(NULL AS", "coalesce(", "ifnull(", "nullif(", "ifThenElse(",
		"abs(", "round(", "ceil(", "floor(", "trunc(", "mod(", "sign(", "maximum(", "minimum(",
		"upper(", "lower(", "trim(", "concat(", "length(", "substring(", "left(", "right(", "replace(",
		"lpad(", "repeat(", "position(", "eventTimestamp()",
	}
	for _, f := range features {
		if !strings.Contains(sql, f) {
			t.Errorf("no generated app contains %q", f)
		}
	}
	patterns := []string{`EVERY \d+ EVENTS;`, `EVERY \d+ (MILLISECONDS|SECONDS?);`, `CASE \S+ WHEN`, `\d+ SECONDS?\)`}
	for _, p := range patterns {
		if !regexp.MustCompile(p).MatchString(sql) {
			t.Errorf("no generated app matches %s", p)
		}
	}
	// Nondeterministic functions would make any comparison meaningless.
	for _, f := range []string{"uuid(", "now(", "currentTimeMillis("} {
		if strings.Contains(sql, f) {
			t.Errorf("a generated app calls %s", f)
		}
	}
	for name, n := range map[string]int{"batch sends": batches, "sleeps": sleeps, "explicit timestamps": explicitTs,
		"late explicit timestamps": lateTs, "NULL values": nulls, "persists": persists, "restores": restores, "restarts": restarts} {
		if n == 0 {
			t.Errorf("no %s generated", name)
		}
	}
}
