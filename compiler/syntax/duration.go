package syntax

import (
	"github.com/eventflux/eventflux-go/compiler/ast"
	"github.com/eventflux/eventflux-go/compiler/diag"
)

const (
	msSecond = 1000
	msMinute = 60 * msSecond
	msHour   = 60 * msMinute
	msDay    = 24 * msHour
	msWeek   = 7 * msDay
)

// longUnits are the spelled-out time units of LANGUAGE.md §1.1.
var longUnits = map[string]int64{
	"MILLISECOND": 1, "MILLISECONDS": 1,
	"SECOND": msSecond, "SECONDS": msSecond,
	"MINUTE": msMinute, "MINUTES": msMinute,
	"HOUR": msHour, "HOURS": msHour,
	"DAY": msDay, "DAYS": msDay,
	"WEEK": msWeek, "WEEKS": msWeek,
}

// shortUnits are the abbreviations accepted in duration positions only: in
// an ordinary expression `5 s` would read as an alias.
var shortUnits = map[string]int64{
	"MS": 1, "SEC": msSecond, "S": msSecond, "MIN": msMinute, "M": msMinute, "H": msHour, "D": msDay,
}

// calendarUnits exist only in INTERVAL '…' UNIT (MONTH = 30 days, YEAR = 365 days).
var calendarUnits = map[string]int64{
	"MONTH": 30 * msDay, "MONTHS": 30 * msDay,
	"YEAR": 365 * msDay, "YEARS": 365 * msDay,
}

// rejectedUnits are time units we recognise only to reject them (E114).
var rejectedUnits = map[string]bool{
	"MONTH": true, "MONTHS": true, "YEAR": true, "YEARS": true,
	"MICROSECOND": true, "MICROSECONDS": true, "NANOSECOND": true, "NANOSECONDS": true,
	"QUARTER": true, "QUARTERS": true,
}

// unitKind says how a word after an integer reads in a duration position.
type unitKind int

const (
	notUnit unitKind = iota
	unitOK
	unitRejected
)

// durationUnit classifies t as a time unit; short forms count only when
// short is set.
func durationUnit(t token, short bool) (int64, unitKind) {
	if t.kind != tkWord {
		return 0, notUnit
	}
	if ms, ok := longUnits[t.up]; ok {
		return ms, unitOK
	}
	if short {
		if ms, ok := shortUnits[t.up]; ok {
			return ms, unitOK
		}
	}
	if rejectedUnits[t.up] {
		return 0, unitRejected
	}
	return 0, notUnit
}

func unsupportedUnit(t token) *diag.Error {
	return errAt(t, "E114", "Unsupported time unit '%s'", t.up).
		WithHint("use MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS or WEEKS")
}

// scaleDuration multiplies n by the unit, rejecting overflow.
func scaleDuration(n, unit int64, at token) (int64, *diag.Error) {
	if n != 0 && (n > (1<<63-1)/unit || n < -(1<<63-1)/unit) {
		return 0, errAt(at, "E114", "Duration out of range: %s", shorten(at.text))
	}
	return n * unit, nil
}

// parseDuration reads `int [unit]` (a bare integer is milliseconds).
func (p *parser) parseDuration() (ast.Duration, *diag.Error) {
	n, t, err := p.intValue("a duration (e.g. 5 SECONDS)")
	if err != nil {
		if t.isPunct("-") {
			return ast.Duration{}, errAt(t, "E114", "Duration must not be negative")
		}
		return ast.Duration{}, err
	}
	ms, kind := durationUnit(p.peek(), true)
	switch kind {
	case unitRejected:
		return ast.Duration{}, unsupportedUnit(p.peek())
	case unitOK:
		v, err := scaleDuration(n, ms, t)
		if err != nil {
			return ast.Duration{}, err
		}
		p.i++
		return ast.Duration{Millis: v, Pos: t.pos}, nil
	}
	return ast.Duration{Millis: n, Pos: t.pos}, nil
}
