package conformance

import "encoding/json"

// StartClock is where every case's virtual clock starts (FORMAT.md, Time).
const StartClock int64 = 1700006400000

// File is one loaded case file.
type File struct {
	Name  string // base name, as used in reports and the disputes file
	Path  string
	Cases []*Case
}

// Case is one decoded conformance case. Values inside rows are kept as
// decoded JSON (json.Number, string, bool, nil) because their Go type depends
// on the column they meet, which only the built app knows.
type Case struct {
	File          string
	Name          string
	Ref           string
	App           string
	Collect       string
	Types         []string // nil when the case does not state them
	Stretch       bool
	StretchReason string
	Skipped       bool
	SkipReason    string
	Steps         []Step
	Expect        []Expectation
	// Invalid says why the case itself is malformed; such a case fails
	// without running, so a format change cannot pass silently.
	Invalid string
}

// StepKind is what one step does.
type StepKind uint8

const (
	StepSend StepKind = iota
	StepSleep
	StepPersist
	StepRestore
	StepRestart
	StepQuery
)

// Step is one step of a case.
type Step struct {
	Kind   StepKind
	Stream string  // StepSend
	Rows   [][]any // StepSend: the events (one for "row"); StepQuery: the expected result
	Ts     int64   // StepSend with HasTs
	HasTs  bool
	Sleep  int64  // StepSleep, in ms
	Query  string // StepQuery
	Raw    json.RawMessage
}

// ExpectKind is what one expectation checks.
type ExpectKind uint8

const (
	ExpectLen ExpectKind = iota
	ExpectLenMin
	ExpectLenMax
	ExpectRows
	ExpectRowsAnyOrder
	ExpectRow   // {"row": I, "eq": [..]}
	ExpectValue // {"row": I, "col": J, "eq": V}
	ExpectContains
	ExpectNotContains
	ExpectError
)

// Expectation is one expectation of a case.
type Expectation struct {
	Kind  ExpectKind
	N     int     // the count of the len kinds; the event index of ExpectRow/ExpectValue
	Col   int     // ExpectValue
	Rows  [][]any // ExpectRows, ExpectRowsAnyOrder; one row for ExpectRow and the contains kinds
	Value any     // ExpectValue
	Text  string  // ExpectError
	Raw   json.RawMessage
}

// expectedError reports the text of the case's error expectation, if any.
func (c *Case) expectedError() (string, bool) {
	for _, e := range c.Expect {
		if e.Kind == ExpectError {
			return e.Text, true
		}
	}
	return "", false
}

// ID is "file.json/name", the form used by --run and reports.
func (c *Case) ID() string { return c.File + "/" + c.Name }
