package cron

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// fieldSpec describes one position of the expression.
type fieldSpec struct {
	name     string
	min, max int
	names    []string // names[i] spells value min+i (months, weekdays)
	anyMark  bool     // '?' allowed
}

var (
	secondField = fieldSpec{name: "second", min: 0, max: 59}
	minuteField = fieldSpec{name: "minute", min: 0, max: 59}
	hourField   = fieldSpec{name: "hour", min: 0, max: 23}
	domField    = fieldSpec{name: "day-of-month", min: 1, max: 31, anyMark: true}
	monthField  = fieldSpec{name: "month", min: 1, max: 12, names: []string{
		"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}}
	dowField = fieldSpec{name: "day-of-week", min: 1, max: 7, anyMark: true, names: []string{
		"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}}
	yearField = fieldSpec{name: "year", min: minYear, max: maxYear}
)

// Parse parses a Quartz-style expression (see the package comment).
func Parse(expr string) (*Schedule, error) {
	fields := strings.Fields(expr)
	if len(fields) != 6 && len(fields) != 7 {
		return nil, fmt.Errorf("cron expression %q: want 6 or 7 fields (second minute hour day-of-month month day-of-week [year]), got %d", expr, len(fields))
	}
	s := &Schedule{expr: expr}
	var err error
	fail := func(spec fieldSpec, text string, e error) error {
		return fmt.Errorf("cron expression %q: %s field %q: %v", expr, spec.name, text, e)
	}
	if s.second, err = parseBits(fields[0], secondField); err != nil {
		return nil, fail(secondField, fields[0], err)
	}
	if s.minute, err = parseBits(fields[1], minuteField); err != nil {
		return nil, fail(minuteField, fields[1], err)
	}
	if s.hour, err = parseBits(fields[2], hourField); err != nil {
		return nil, fail(hourField, fields[2], err)
	}
	if s.dom, s.useDoM, err = parseDayOfMonth(fields[3]); err != nil {
		return nil, fail(domField, fields[3], err)
	}
	if s.month, err = parseBits(fields[4], monthField); err != nil {
		return nil, fail(monthField, fields[4], err)
	}
	if s.dow, s.useDoW, err = parseDayOfWeek(fields[5]); err != nil {
		return nil, fail(dowField, fields[5], err)
	}
	if s.useDoM && s.useDoW {
		return nil, fmt.Errorf("cron expression %q: day-of-month and day-of-week are both restricted; put '?' in one of them", expr)
	}
	if len(fields) == 7 && fields[6] != "*" {
		years := new(yearSet)
		err := parseList(fields[6], yearField, func(y int) {
			years.add(y)
			s.maxYear = max(s.maxYear, y)
		})
		if err != nil {
			return nil, fail(yearField, fields[6], err)
		}
		s.years = years
	}
	return s, nil
}

// parseBits parses a plain list field into a bit set.
func parseBits(text string, spec fieldSpec) (uint64, error) {
	var bits uint64
	err := parseList(text, spec, func(v int) { bits |= 1 << v })
	return bits, err
}

func fullBits(spec fieldSpec) uint64 {
	var bits uint64
	for v := spec.min; v <= spec.max; v++ {
		bits |= 1 << v
	}
	return bits
}

func parseDayOfMonth(text string) (f dayOfMonth, restricted bool, err error) {
	upper := strings.ToUpper(text)
	switch {
	case upper == "L":
		return dayOfMonth{kind: domLast}, true, nil
	case upper == "LW":
		return dayOfMonth{kind: domLastWeekday}, true, nil
	case strings.HasPrefix(upper, "L-"):
		n, err := strconv.Atoi(upper[2:])
		if err != nil || n < 0 || n > 30 {
			return f, false, errors.New("L-n needs n in 0-30")
		}
		return dayOfMonth{kind: domLast, offset: n}, true, nil
	case strings.HasSuffix(upper, "W"):
		n, err := strconv.Atoi(upper[:len(upper)-1])
		if err != nil || n < 1 || n > 31 {
			return f, false, errors.New("nW needs a day n in 1-31")
		}
		return dayOfMonth{kind: domNearestWeekday, day: n}, true, nil
	}
	bits, err := parseBits(text, domField)
	if err != nil {
		return f, false, err
	}
	return dayOfMonth{set: bits}, bits != fullBits(domField), nil
}

func parseDayOfWeek(text string) (f dayOfWeek, restricted bool, err error) {
	upper := strings.ToUpper(text)
	if i := strings.IndexByte(upper, '#'); i >= 0 {
		day, err := parseValue(upper[:i], dowField)
		if err != nil {
			return f, false, err
		}
		nth, err := strconv.Atoi(upper[i+1:])
		if err != nil || nth < 1 || nth > 5 {
			return f, false, errors.New("n#k needs k in 1-5")
		}
		return dayOfWeek{kind: dowNth, day: day, nth: nth}, true, nil
	}
	if upper != "L" && len(upper) > 1 && strings.HasSuffix(upper, "L") {
		day, err := parseValue(upper[:len(upper)-1], dowField)
		if err != nil {
			return f, false, err
		}
		return dayOfWeek{kind: dowLast, day: day}, true, nil
	}
	if upper == "L" { // Quartz: a lone L in day-of-week is Saturday
		return dayOfWeek{set: 1 << 7}, true, nil
	}
	bits, err := parseBits(text, dowField)
	if err != nil {
		return f, false, err
	}
	return dayOfWeek{set: bits}, bits != fullBits(dowField), nil
}

// parseList parses `item[,item…]`, calling add for every value selected.
func parseList(text string, spec fieldSpec, add func(int)) error {
	for item := range strings.SplitSeq(text, ",") {
		if err := parseItem(item, spec, add); err != nil {
			return err
		}
	}
	return nil
}

// parseItem parses `*`, `?`, `a`, `a-b`, each optionally followed by `/step`.
func parseItem(item string, spec fieldSpec, add func(int)) error {
	if item == "" {
		return errors.New("empty list item")
	}
	rangeText, stepText, hasStep := strings.Cut(item, "/")
	step := 1
	if hasStep {
		n, err := strconv.Atoi(stepText)
		if err != nil || n < 1 || n > spec.max {
			return fmt.Errorf("step %q must be an integer in 1-%d", stepText, spec.max)
		}
		step = n
	}
	lo, hi := spec.min, spec.max
	switch {
	case rangeText == "*":
	case rangeText == "?":
		if !spec.anyMark {
			return errors.New("'?' is only allowed in day-of-month and day-of-week")
		}
		if hasStep {
			return errors.New("'?' takes no step")
		}
	default:
		loText, hiText, isRange := strings.Cut(rangeText, "-")
		var err error
		if lo, err = parseValue(loText, spec); err != nil {
			return err
		}
		switch {
		case isRange:
			if hi, err = parseValue(hiText, spec); err != nil {
				return err
			}
		case !hasStep: // `a/s` runs from a to the field's maximum (Quartz)
			hi = lo
		}
	}
	size := spec.max - spec.min + 1
	span := (hi - lo + size) % size // a wrapping range like FRI-MON or 22-2
	for i := 0; i <= span; i += step {
		add(spec.min + (lo-spec.min+i)%size)
	}
	return nil
}

func parseValue(text string, spec fieldSpec) (int, error) {
	for i, name := range spec.names {
		if strings.EqualFold(text, name) {
			return spec.min + i, nil
		}
	}
	n, err := strconv.Atoi(text)
	if err != nil {
		return 0, fmt.Errorf("%q is not a %s value", text, spec.name)
	}
	if n < spec.min || n > spec.max {
		return 0, fmt.Errorf("value %d out of range %d-%d", n, spec.min, spec.max)
	}
	return n, nil
}
