package codegen

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventflux/eventflux-go/plan"
)

// The generated package's identifiers come from two sources: the app's
// names (streams, tables, triggers, columns, aliases) and the generator's
// own (App, New, q0, q0Group, like0, deliverS, …). Every identifier of a Go
// scope a user name can reach (the package block, App's fields and
// methods, an event struct's fields) is taken from that scope's namespace,
// which never hands out one twice; doc.go states the rules.

// goName is the Go form of a user name: the characters a Go identifier
// cannot hold (anything but Unicode letters and decimal digits, '_'
// included) separate words, each word starts upper-case, and a result that
// is empty or does not start with an upper-case letter gets an X in front.
// It is always an exported identifier without '_', so never a keyword, a
// predeclared name or a disambiguated name (see claimFirst).
func goName(name string) string {
	var b strings.Builder
	up := true
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
		}
		up = false
		b.WriteRune(r)
	}
	s := b.String()
	if first, _ := utf8.DecodeRuneInString(s); s == "" || !unicode.IsUpper(first) {
		s = "X" + s
	}
	return s
}

// lowerFirst lower-cases the first letter (stockStream of StockStream).
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// namespace is one Go scope of the generated package. owners maps each
// identifier taken to what took it, for the package doc's notes.
type namespace struct {
	owners map[string]string
}

func newNamespace() *namespace { return &namespace{owners: map[string]string{}} }

// reserve takes the generator's fixed identifiers (owner says whose).
func (ns *namespace) reserve(owner string, ids ...string) {
	for _, id := range ids {
		if _, ok := ns.owners[id]; !ok {
			ns.owners[id] = owner
		}
	}
}

// clash returns the first of ids already taken (or repeated in ids).
func (ns *namespace) clash(ids []string) (string, bool) {
	seen := map[string]bool{}
	for _, id := range ids {
		if _, taken := ns.owners[id]; taken || seen[id] {
			return id, true
		}
		seen[id] = true
	}
	return "", false
}

// claimFirst takes the identifiers derive(base) for the first free base
// among want, want_2, want_3, … in every scope given (derive returns one
// list per scope). It returns the base and, when want was not free, the
// identifier that was taken. Names made by goName contain no '_', so a
// suffixed base never equals an unsuffixed one.
func claimFirst(want, owner string, scopes []*namespace, derive func(base string) [][]string) (base, taken string) {
	for k := 1; ; k++ {
		base = want
		if k > 1 {
			base = want + "_" + strconv.Itoa(k)
		}
		ids := derive(base)
		clashed := false
		for i, ns := range scopes {
			if id, ok := ns.clash(ids[i]); ok {
				if k == 1 {
					taken = id + " is " + ns.owners[id]
					if ns.owners[id] == "" { // repeated within the relation's own identifiers
						taken = id + " is repeated"
					}
				}
				clashed = true
				break
			}
		}
		if clashed {
			continue
		}
		for i, ns := range scopes {
			ns.reserve(owner, ids[i]...)
		}
		return base, taken
	}
}

// relIDs are the identifiers the package declares for one relation, all
// derived from its Go name (typ).
type relIDs struct {
	typ string // the event struct
	// package block
	from, fromJSON, decodeJSON, codec, appendFn, readFn string
	// App's methods
	deliver, deliverOne, deliverCopy, send, sendBatch, on string
	// App's fields
	sub, buf, in, cur, trig string
}

// deriveRelIDs derives a relation's identifiers from its Go name. Only
// those the generator declares for the relation's kind are set; a narrow
// row (internal) has only its type and snapshot codec.
func deriveRelIDs(base string, kind plan.RelKind, internal bool) *relIDs {
	low := lowerFirst(base)
	r := &relIDs{typ: base, from: low + "From", codec: low + "Codec", appendFn: "append" + base, readFn: "read" + base}
	if internal {
		return r
	}
	r.fromJSON, r.decodeJSON = low+"FromJSON", "decode"+base+"JSON"
	r.deliver, r.deliverOne, r.on = "deliver"+base, "deliver"+base+"One", "On"+base
	r.sub, r.buf, r.in, r.cur = "sub"+base, "buf"+base, "in"+base, "cur"+base
	switch kind {
	case plan.StreamRel:
		r.deliverCopy, r.send, r.sendBatch = "deliver"+base+"Copy", "Send"+base, "Send"+base+"Batch"
	case plan.TriggerRel:
		r.trig = "trig" + base
	}
	return r
}

// scoped lists the identifiers per scope: the package block, then App.
func (r *relIDs) scoped() [][]string {
	nonEmpty := func(ids ...string) []string {
		var out []string
		for _, id := range ids {
			if id != "" {
				out = append(out, id)
			}
		}
		return out
	}
	return [][]string{
		nonEmpty(r.typ, r.from, r.fromJSON, r.decodeJSON, r.codec, r.appendFn, r.readFn),
		nonEmpty(r.deliver, r.deliverOne, r.deliverCopy, r.send, r.sendBatch, r.on, r.sub, r.buf, r.in, r.cur, r.trig),
	}
}

// names is the generated package's identifier registry.
type names struct {
	pkg, app *namespace
	rels     map[*plan.Relation]*relIDs
	// own maps an identifier the generator wants for itself (q0Group,
	// appendq0Key, like0, …) to the one it got.
	own map[string]string
	// notes say how user names were mapped where a Go name was taken, in
	// declaration order (the package doc lists them).
	notes []string
}

// fixed identifiers of the generated package (see app.go, json.go).
var (
	appFields  = []string{"sched", "started", "initErr", "errs"}
	appMethods = []string{"due", "Streams", "Now", "AdvanceTo", "Start", "Send", "Subscribe", "Snapshot",
		"Restore", "RuntimeErrors", "reportError", "SendJSON", "SubscribeJSON"}
	pkgIDs = []string{"App", "New", "streams"}
	// The imports' names: a package-level identifier of that name would
	// hide the package from the code that uses it.
	importNames = []string{"runtime", "window", "agg", "fn", "rate", "snap", "jsonrow",
		"fmt", "errors", "math", "slices", "strconv", "strings"}
	// structIDs are an event struct's own members besides its columns.
	structIDs = []string{"Nulls", "values", "readJSON", "appendJSON", "grp"}
)

// predeclared are Go's predeclared identifiers, which a package-level
// declaration would shadow.
var predeclared = strings.Fields(`any append bool byte cap clear close comparable complex complex128
	complex64 copy delete error false float32 float64 imag int int16 int32 int64 int8 iota len make
	max min new nil panic print println real recover rune string true uint uint16 uint32 uint64 uint8 uintptr`)

// newNames reserves the generator's fixed identifiers, then gives every
// relation of the app its identifiers in declaration order, so that a
// user's names never depend on the generator's per-query ones.
func newNames(app *plan.App) *names {
	n := &names{pkg: newNamespace(), app: newNamespace(), rels: map[*plan.Relation]*relIDs{}, own: map[string]string{}}
	n.pkg.reserve("the package's", pkgIDs...)
	n.pkg.reserve("an import's", importNames...)
	n.pkg.reserve("predeclared", predeclared...)
	n.app.reserve("App's", appFields...)
	n.app.reserve("App's", appMethods...)
	// A query's type and App field q<N>: no user identifier is all
	// lower-case (each holds its Go name or an upper-case suffix).
	for _, q := range app.Queries {
		n.pkg.reserve("the generator's", queryName(q))
		n.app.reserve("App's", queryName(q))
	}
	for _, rel := range app.Relations {
		n.relation(rel, goName(rel.Name), false)
		_, fieldNotes := fieldMapping(rel)
		n.notes = append(n.notes, fieldNotes...)
	}
	return n
}

// relation gives rel its identifiers, derived from want or the first free
// want_2, want_3, ….
func (n *names) relation(rel *plan.Relation, want string, internal bool) *relIDs {
	owner := kindWord(rel.Kind) + " " + shown(rel.Name) + "'s"
	if internal {
		owner = "the generator's"
	}
	base, taken := claimFirst(want, owner, []*namespace{n.pkg, n.app}, func(base string) [][]string {
		return deriveRelIDs(base, rel.Kind, internal).scoped()
	})
	ids := deriveRelIDs(base, rel.Kind, internal)
	n.rels[rel] = ids
	if taken != "" && !internal {
		n.notes = append(n.notes, fmt.Sprintf("%s %s is %s (%s)", kindWord(rel.Kind), shown(rel.Name), base, taken))
	}
	return ids
}

// internal returns the package-level identifier the generator gets for
// want: want itself unless a user name took it first, then want_2, ….
// The same want always gives the same identifier.
func (n *names) internal(want string) string {
	if got, ok := n.own[want]; ok {
		return got
	}
	got, _ := claimFirst(want, "the generator's", []*namespace{n.pkg}, func(base string) [][]string { return [][]string{{base}} })
	n.own[want] = got
	return got
}

func queryName(q *plan.Query) string { return fmt.Sprintf("q%d", q.Index) }

// fieldMapping gives each column of rel a distinct exported field name:
// its Go name, or the first free one with a suffix _2, _3, … when an
// earlier column or the struct's own Nulls took it; notes say which.
func fieldMapping(rel *plan.Relation) ([]string, []string) {
	ns := newNamespace()
	ns.reserve("the NULL bitmask", "Nulls")
	ns.reserve("a method", structIDs[1:]...)
	out := make([]string, len(rel.Columns))
	var notes []string
	for i, c := range rel.Columns {
		field, taken := claimFirst(goName(c.Name), "column "+shown(c.Name)+"'s", []*namespace{ns}, func(base string) [][]string { return [][]string{{base}} })
		out[i] = field
		if taken != "" {
			notes = append(notes, fmt.Sprintf("column %s of %s %s is field %s (%s)", shown(c.Name), kindWord(rel.Kind), shown(rel.Name), field, taken))
		}
	}
	return out, notes
}

// fieldNames gives each column of rel its field name (fieldMapping).
func fieldNames(rel *plan.Relation) []string {
	out, _ := fieldMapping(rel)
	return out
}

// shown renders a user name in a comment: as it is when it is a plain
// identifier, Go-quoted otherwise, so that no name can end a comment or
// spread it over lines.
func shown(name string) string {
	for i := 0; i < len(name); i++ {
		if c := name[i]; c != '_' && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return strconv.Quote(name)
		}
	}
	if name == "" {
		return `""`
	}
	return name
}

// oneLine keeps generated text that quotes the app (plan details, string
// constants) on one comment line of valid UTF-8: line breaks, other
// control characters and invalid bytes are escaped.
func oneLine(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, unicode.IsControl) && !strings.Contains(s, "\u2028") && !strings.Contains(s, "\u2029") {
		return s
	}
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}
