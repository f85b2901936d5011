package difftest

import (
	"math/rand/v2"
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

// TestGeneratorCoverage checks that 2,000 apps exercise every
// feature the generator promises (windows of §3, aggregates of §9.6,
// selector clauses, output rates, event kinds, chains, operators).
func TestGeneratorCoverage(t *testing.T) {
	var all strings.Builder
	var batches, sleeps, explicitTs, lateTs, nulls, chains, persists, restores, restarts int
	for i := range 2000 {
		c := Generate(1, i)
		all.WriteString(c.App.SQL())
		if hasTimerChain(c.App) {
			chains++
		}
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
		"WINDOW('cron'",
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
	// Timer chains (§0.3.22) must be common enough to meet in every run.
	if chains < 2000/5 {
		t.Errorf("%d of 2000 apps chain a timed query into a timed one, want at least a fifth", chains)
	}
}

// hasTimerChain reports a query with timers (a timed window or a periodic
// output rate) reading the output of a query with a timed window.
func hasTimerChain(a *App) bool {
	for _, q := range a.Queries {
		timed := q.Window != nil && q.Window.period > 0 || q.Rate != nil && q.Rate.Millis > 0
		for _, up := range a.Queries {
			if timed && up.Target == q.From && up.Window != nil && up.Window.period > 0 {
				return true
			}
		}
	}
	return false
}

// TestGeneratorNamePools checks that the apps use every name of the pools
// (gennames.go), quoted, and that most apps keep plain names.
func TestGeneratorNamePools(t *testing.T) {
	var all strings.Builder
	plain := 0
	for i := range 2000 {
		sql := Generate(1, i).App.SQL()
		all.WriteString(sql)
		if !strings.Contains(sql, "`") {
			plain++
		}
	}
	sql := all.String()
	for _, pool := range [][]string{columnPool, aliasPool, targetPool} {
		for _, name := range pool {
			if !strings.Contains(sql, sqlName(name)) {
				t.Errorf("no generated app names something %s", sqlName(name))
			}
		}
	}
	if plain < 400 {
		t.Errorf("only %d of 2000 apps have plain names", plain)
	}
}

// A pooled name keeps the app's structure: only its names differ from
// what the same seed and index give without the namer.
func TestNamesDoNotChangeStructure(t *testing.T) {
	pooled := 0
	for i := range 100 {
		c := Generate(1, i)
		r := rand.New(rand.NewPCG(1, uint64(i)))
		plain := genApp(r, &namer{})
		if got, want := shape(c.App.SQL()), shape(plain.SQL()); got != want {
			t.Fatalf("index %d: with pooled names\n%s\nwithout\n%s", i, c.App.SQL(), plain.SQL())
		}
		if c.App.SQL() != plain.SQL() {
			pooled++
		}
	}
	if pooled == 0 {
		t.Error("no app of 100 got a pooled name")
	}
}

// shape is SQL text with every name replaced by N.
func shape(sql string) string {
	return regexp.MustCompile("`(?:[^`]|``)*`|\\b(?:Src|Out\\d+|[silfdb]\\d+|o\\d+_\\d+)\\b").ReplaceAllString(sql, "N")
}
