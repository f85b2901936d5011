package fn

import (
	"strings"
	"time"
)

// ParseDate is parseDate(s, pattern): s read with the FormatDate
// directives and returned as UTC epoch ms; anything that does not match
// the whole pattern, or names an impossible date or time, is NULL.
//
// Numbers take 1 up to their usual width (%Y up to 4 digits after an
// optional sign, %j 3, most others 2), so compact forms like "%Y%m%d" read
// "20240115". Names (%b %B %a %A %p) are case-insensitive; the weekday is
// read and ignored. %y takes 69-99 as 19xx and 00-68 as 20xx. A space in
// the pattern matches any run of whitespace, including none. Missing
// fields default to 1970-01-01 00:00:00.000. %z reads +hhmm, +hh:mm or Z;
// %Z reads UTC, GMT or Z. %s (epoch seconds) sets the instant directly.
func ParseDate(s, pattern string) (int64, bool) {
	p := dateParser{s: s, year: 1970, month: 1, day: 1}
	if !p.run(pattern) || p.i != len(s) {
		return 0, false
	}
	return p.result()
}

type dateParser struct {
	s                  string
	i                  int
	year, month, day   int
	hour, min, sec, ns int
	yday               int  // from %j; 0 when absent
	hour12             bool // %I or %l seen: hour is 1-12
	pm, ampm           bool
	offsetSec          int
	epoch              int64
	hasEpoch           bool
}

func (p *dateParser) run(pattern string) bool {
	for k := 0; k < len(pattern); k++ {
		c := pattern[k]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			p.skipSpace()
		case c != '%' || k+1 == len(pattern):
			if p.i >= len(p.s) || p.s[p.i] != c {
				return false
			}
			p.i++
		default:
			k++
			if f := pattern[k]; (f == '-' || f == '_' || f == '0') && k+1 < len(pattern) {
				k++ // padding flags do not matter when reading
			}
			if n, w, ok := fracSpec(pattern[k:]); ok {
				if pattern[k] == '.' && !p.lit(".") {
					return false
				}
				if !p.fraction(n) {
					return false
				}
				k += w - 1
				continue
			}
			if pattern[k] == ':' && k+1 < len(pattern) && pattern[k+1] == 'z' {
				k++
				if !p.zone() {
					return false
				}
				continue
			}
			if !p.directive(pattern[k]) {
				return false
			}
		}
	}
	return true
}

func (p *dateParser) directive(spec byte) bool {
	var ok bool
	switch spec {
	case 'Y':
		p.year, ok = p.signedNum(4)
	case 'C':
		var c int
		c, ok = p.num(2)
		p.year = c*100 + floorMod(p.year, 100)
	case 'y':
		var y int
		y, ok = p.num(2)
		if y < 69 {
			y += 2000
		} else {
			y += 1900
		}
		p.year = y
	case 'm':
		p.month, ok = p.num(2)
	case 'b', 'h', 'B':
		var m int
		m, ok = p.name(shortMonths[:], monthNames[:])
		p.month = m + 1
	case 'd', 'e':
		p.skipSpace()
		p.day, ok = p.num(2)
	case 'j':
		p.yday, ok = p.num(3)
		ok = ok && p.yday >= 1
	case 'a', 'A':
		_, ok = p.name(shortDays[:], dayNames[:])
	case 'u', 'w':
		_, ok = p.num(1)
	case 'H', 'k':
		p.skipSpace()
		p.hour, ok = p.num(2)
	case 'I', 'l':
		p.skipSpace()
		p.hour, ok = p.num(2)
		p.hour12 = true
	case 'p', 'P':
		switch {
		case p.litFold("AM"):
			p.ampm, p.pm, ok = true, false, true
		case p.litFold("PM"):
			p.ampm, p.pm, ok = true, true, true
		}
	case 'M':
		p.min, ok = p.num(2)
	case 'S':
		p.sec, ok = p.num(2)
	case 'L':
		ok = p.fraction(3)
	case 'f':
		ok = p.fraction(9)
	case 's':
		var e int
		e, ok = p.signedNum(16)
		ok = ok && e > -maxEpochSec && e < maxEpochSec
		p.epoch, p.hasEpoch = int64(e), true
	case 'Z':
		ok = p.litFold("UTC") || p.litFold("GMT") || p.litFold("Z")
	case 'z':
		ok = p.zone()
	case 'F':
		ok = p.run("%Y-%m-%d")
	case 'T':
		ok = p.run("%H:%M:%S")
	case 'R':
		ok = p.run("%H:%M")
	case 'D':
		ok = p.run("%m/%d/%y")
	case 'n', 't':
		p.skipSpace()
		ok = true
	case '%':
		ok = p.lit("%")
	}
	return ok
}

// maxEpochSec keeps %s seconds convertible to ms without overflow.
const maxEpochSec = 1 << 63 / 1000 / 2

var (
	monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
	dayNames = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
)

func (p *dateParser) skipSpace() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

func (p *dateParser) lit(want string) bool {
	if strings.HasPrefix(p.s[p.i:], want) {
		p.i += len(want)
		return true
	}
	return false
}

func (p *dateParser) litFold(want string) bool {
	if len(p.s)-p.i >= len(want) && strings.EqualFold(p.s[p.i:p.i+len(want)], want) {
		p.i += len(want)
		return true
	}
	return false
}

// name reads a full or abbreviated name (full first, so "March" is not
// read as "Mar" + "ch") and returns its index.
func (p *dateParser) name(short, full []string) (int, bool) {
	for i, n := range full {
		if p.litFold(n) {
			return i, true
		}
	}
	for i, n := range short {
		if p.litFold(n) {
			return i, true
		}
	}
	return 0, false
}

// num reads 1 to width digits.
func (p *dateParser) num(width int) (int, bool) {
	v, n := 0, 0
	for n < width && p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		v = v*10 + int(p.s[p.i]-'0')
		p.i++
		n++
	}
	return v, n > 0
}

func (p *dateParser) signedNum(width int) (int, bool) {
	neg := false
	if p.i < len(p.s) && (p.s[p.i] == '-' || p.s[p.i] == '+') {
		neg = p.s[p.i] == '-'
		p.i++
	}
	v, ok := p.num(width)
	if neg {
		v = -v
	}
	return v, ok
}

// fraction reads up to 9 digits as a fraction of a second; at most
// `width` are expected, but precision beyond ms is dropped anyway.
func (p *dateParser) fraction(width int) bool {
	start := p.i
	v, ok := p.num(width)
	if !ok {
		return false
	}
	for n := p.i - start; n < 9; n++ {
		v *= 10
	}
	p.ns = v
	return true
}

func (p *dateParser) zone() bool {
	if p.litFold("Z") {
		p.offsetSec = 0
		return true
	}
	if p.i >= len(p.s) || p.s[p.i] != '+' && p.s[p.i] != '-' {
		return false
	}
	sign := 1
	if p.s[p.i] == '-' {
		sign = -1
	}
	p.i++
	start := p.i
	h, ok := p.num(2)
	if !ok || p.i-start != 2 {
		return false
	}
	p.lit(":")
	start = p.i
	m, ok := p.num(2)
	if !ok || p.i-start != 2 || h > 23 || m > 59 {
		return false
	}
	p.offsetSec = sign * (h*3600 + m*60)
	return true
}

func (p *dateParser) result() (int64, bool) {
	if p.hasEpoch {
		return p.epoch*1000 + int64(p.ns/1e6), true
	}
	hour := p.hour
	if p.hour12 {
		if hour < 1 || hour > 12 {
			return 0, false
		}
		hour %= 12
		if p.pm {
			hour += 12
		}
	} else if p.ampm && p.pm && hour < 12 {
		hour += 12
	}
	if hour > 23 || p.min > 59 || p.sec > 59 {
		return 0, false
	}
	var date time.Time
	if p.yday > 0 {
		date = time.Date(p.year, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, p.yday-1)
		if date.Year() != p.year {
			return 0, false
		}
	} else {
		if p.month < 1 || p.month > 12 || p.day < 1 {
			return 0, false
		}
		date = time.Date(p.year, time.Month(p.month), p.day, 0, 0, 0, 0, time.UTC)
		if date.Day() != p.day { // e.g. February 30 normalised into March
			return 0, false
		}
	}
	ms := date.UnixMilli() + int64(hour)*3600e3 + int64(p.min)*60e3 + int64(p.sec)*1e3 + int64(p.ns/1e6)
	return ms - int64(p.offsetSec)*1000, true
}
