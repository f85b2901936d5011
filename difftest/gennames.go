package difftest

import (
	"math/rand/v2"
	"regexp"
	"strings"
)

// namer picks an app's names. Most apps get plain ones (s0, Out1, o1_0),
// which read at a glance; about one app in four sometimes takes names from
// pools chosen to collide with the generated package's own identifiers
// (codegen/names.go), with each other once mapped to Go names (a_b and
// aB), with Go keywords and predeclared names, and names that are not
// ASCII or not identifiers at all. The namer draws from a source of its
// own, so an app's structure does not depend on its names.
type namer struct {
	r  *rand.Rand
	on bool
}

// namerSalt separates the namer's source from the app's.
const namerSalt = 0x6e616d6573

func newNamer(seed uint64, index int) *namer {
	r := rand.New(rand.NewPCG(seed^namerSalt, uint64(index)))
	return &namer{r: r, on: r.IntN(4) == 0}
}

// Pools: columns and aliases (struct fields: Nulls, the event methods,
// the runtime's event fields, the generator's locals, Go keywords and
// predeclared names, Unicode, digits first, punctuation) and targets
// (Src's own helpers SrcOne, SrcCopy, SrcBatch; the generator's types
// q0Row, q0Group, …; App, New, SendJSON's JSON; names whose Go names
// meet).
var (
	columnPool = []string{"Nulls", "nulls", "values", "readJSON", "appendJSON", "grp", "Ts", "Kind", "Data",
		"type", "func", "range", "string", "len", "nil", "true", "in", "ev", "q", "g",
		"Température", "日本", "élan", "1st", "a b", "a_b", "aB", "AB", "x */ y", "a%d", "_"}
	aliasPool  = []string{"Nulls", "NULLS", "values", "grp", "Ts", "struct", "map", "copy", "new", "cap", "ok", "err", "prix €", "价格", "2x", "a-b", "a__b", "A_B"}
	targetPool = []string{"SrcOne", "SrcCopy", "SrcBatch", "Q0Row", "Q1Row", "Q0Group", "Q1Key", "Q0Cand", "Q2WinKey",
		"App", "New", "JSON", "Streams", "out1", "out_2", "日本", "Ünïcode", "1st", "tick copy", "Like0"}
	pooled = func() map[string]bool {
		m := map[string]bool{}
		for _, pool := range [][]string{columnPool, aliasPool, targetPool} {
			for _, n := range pool {
				m[n] = true
			}
		}
		return m
	}()
)

// pick returns plain, or in a pooled app half the time a pool name not
// yet taken.
func (n *namer) pick(plain string, pool []string, taken func(string) bool) string {
	if !n.on || n.r.IntN(2) == 0 {
		return plain
	}
	for range 4 {
		if c := pool[n.r.IntN(len(pool))]; !taken(c) {
			return c
		}
	}
	return plain
}

var bareName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// sqlName renders a stream or column name: bare when it is a plain one,
// backquoted when it comes from a pool or is not a bare word.
func sqlName(name string) string {
	if !pooled[name] && bareName.MatchString(name) {
		return name
	}
	return "`" + strings.ReplaceAll(name, "`", "``") + "`"
}
