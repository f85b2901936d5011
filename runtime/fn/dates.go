package fn

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// FormatDate is formatDate(ts, pattern): the UTC time ts (epoch ms)
// rendered with a strftime-style pattern (§9.4):
//
//	%Y year (at least 4 digits)  %C century  %y year % 100
//	%m month 01-12   %b %h Jan   %B January
//	%d day 01-31     %e day, space-padded    %j day of year 001-366
//	%a Mon  %A Monday  %u weekday 1-7 (Monday 1)  %w weekday 0-6 (Sunday 0)
//	%H hour 00-23    %k hour, space-padded   %I hour 01-12  %l 1-12 space-padded
//	%p AM/PM  %P am/pm  %M minute  %S second
//	%L milliseconds 000-999   %f nanoseconds (9 digits)   %3f %6f %9f that many
//	fraction digits   %.3f %.6f %.9f the same after a '.'
//	%s epoch seconds  %Z UTC  %z +0000  %:z +00:00
//	%F %Y-%m-%d  %T %H:%M:%S  %R %H:%M  %D %m/%d/%y
//	%n newline  %t tab  %% a '%'
//
// A numeric directive may carry a padding flag: %-d (none), %_d (spaces),
// %0e (zeros). An unknown directive is copied as written.
func FormatDate(ts int64, pattern string) string {
	t := time.UnixMilli(ts).UTC()
	b := make([]byte, 0, len(pattern)+16)
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		if c != '%' || i+1 == len(pattern) {
			b = append(b, c)
			continue
		}
		start := i
		i++
		pad := byte(0) // 0: the directive's default
		if f := pattern[i]; (f == '-' || f == '_' || f == '0') && i+1 < len(pattern) {
			pad = f
			i++
		}
		spec := pattern[i]
		// Fraction forms: %3f, %.3f and the like.
		if spec == '.' || spec >= '1' && spec <= '9' {
			if n, w, ok := fracSpec(pattern[i:]); ok {
				if spec == '.' {
					b = append(b, '.')
				}
				b = appendFrac(b, t, n)
				i += w - 1
				continue
			}
		}
		if spec == ':' && i+1 < len(pattern) && pattern[i+1] == 'z' {
			b = append(b, "+00:00"...)
			i++
			continue
		}
		var ok bool
		b, ok = appendDirective(b, t, spec, pad)
		if !ok {
			b = append(b, pattern[start:i+1]...)
		}
	}
	return string(b)
}

// fracSpec reads "N f" or ".N f" with N in 3, 6, 9; it returns N and the
// bytes consumed.
func fracSpec(s string) (int, int, bool) {
	i := 0
	if s[0] == '.' {
		i++
	}
	if i+1 < len(s) && (s[i] == '3' || s[i] == '6' || s[i] == '9') && s[i+1] == 'f' {
		return int(s[i] - '0'), i + 2, true
	}
	return 0, 0, false
}

func appendFrac(b []byte, t time.Time, digits int) []byte {
	ns := t.Nanosecond()
	for range 9 - digits {
		ns /= 10
	}
	return appendNum(b, int64(ns), digits, '0')
}

var (
	shortMonths = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	shortDays   = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
)

func appendDirective(b []byte, t time.Time, spec, pad byte) ([]byte, bool) {
	num := func(v, width int, def byte) []byte {
		switch pad {
		case '-':
			width = 0
		case '_':
			def = ' '
		case '0':
			def = '0'
		}
		return appendNum(b, int64(v), width, def)
	}
	switch spec {
	case 'Y':
		return num(t.Year(), 4, '0'), true
	case 'C':
		return num(floorDiv(t.Year(), 100), 2, '0'), true
	case 'y':
		return num(floorMod(t.Year(), 100), 2, '0'), true
	case 'm':
		return num(int(t.Month()), 2, '0'), true
	case 'b', 'h':
		return append(b, shortMonths[t.Month()-1]...), true
	case 'B':
		return append(b, t.Month().String()...), true
	case 'd':
		return num(t.Day(), 2, '0'), true
	case 'e':
		return num(t.Day(), 2, ' '), true
	case 'j':
		return num(t.YearDay(), 3, '0'), true
	case 'a':
		return append(b, shortDays[t.Weekday()]...), true
	case 'A':
		return append(b, t.Weekday().String()...), true
	case 'u':
		return num((int(t.Weekday())+6)%7+1, 1, '0'), true
	case 'w':
		return num(int(t.Weekday()), 1, '0'), true
	case 'H':
		return num(t.Hour(), 2, '0'), true
	case 'k':
		return num(t.Hour(), 2, ' '), true
	case 'I':
		return num(hour12(t.Hour()), 2, '0'), true
	case 'l':
		return num(hour12(t.Hour()), 2, ' '), true
	case 'p':
		if t.Hour() < 12 {
			return append(b, "AM"...), true
		}
		return append(b, "PM"...), true
	case 'P':
		if t.Hour() < 12 {
			return append(b, "am"...), true
		}
		return append(b, "pm"...), true
	case 'M':
		return num(t.Minute(), 2, '0'), true
	case 'S':
		return num(t.Second(), 2, '0'), true
	case 'L':
		return appendFrac(b, t, 3), true
	case 'f':
		return appendFrac(b, t, 9), true
	case 's':
		return strconv.AppendInt(b, t.Unix(), 10), true
	case 'Z':
		return append(b, "UTC"...), true
	case 'z':
		return append(b, "+0000"...), true
	case 'F':
		b = appendNum(b, int64(t.Year()), 4, '0')
		b = append(b, '-')
		b = appendNum(b, int64(t.Month()), 2, '0')
		b = append(b, '-')
		return appendNum(b, int64(t.Day()), 2, '0'), true
	case 'T', 'R':
		b = appendNum(b, int64(t.Hour()), 2, '0')
		b = append(b, ':')
		b = appendNum(b, int64(t.Minute()), 2, '0')
		if spec == 'T' {
			b = append(b, ':')
			b = appendNum(b, int64(t.Second()), 2, '0')
		}
		return b, true
	case 'D':
		b = appendNum(b, int64(t.Month()), 2, '0')
		b = append(b, '/')
		b = appendNum(b, int64(t.Day()), 2, '0')
		b = append(b, '/')
		return appendNum(b, int64(floorMod(t.Year(), 100)), 2, '0'), true
	case 'n':
		return append(b, '\n'), true
	case 't':
		return append(b, '\t'), true
	case '%':
		return append(b, '%'), true
	}
	return b, false
}

// appendNum writes v's digits left-padded with pad to width; a minus sign
// comes first and does not count (year -1 is "-0001").
func appendNum(b []byte, v int64, width int, pad byte) []byte {
	var tmp [20]byte
	digits := strconv.AppendInt(tmp[:0], v, 10)
	if v < 0 {
		b = append(b, '-')
		digits = digits[1:]
	}
	for n := len(digits); n < width; n++ {
		b = append(b, pad)
	}
	return append(b, digits...)
}

func hour12(h int) int {
	if h%12 == 0 {
		return 12
	}
	return h % 12
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }

// DateUnit gives the milliseconds of a dateAdd unit: second(s),
// minute(s), hour(s), day(s), case-insensitive.
func DateUnit(unit string) (int64, bool) {
	switch strings.ToLower(unit) {
	case "second", "seconds":
		return 1000, true
	case "minute", "minutes":
		return 60 * 1000, true
	case "hour", "hours":
		return 60 * 60 * 1000, true
	case "day", "days":
		return 24 * 60 * 60 * 1000, true
	}
	return 0, false
}

// ErrDateUnit reports a dateAdd unit other than seconds, minutes, hours or
// days (the checker rejects a constant one at compile time).
var ErrDateUnit = errors.New("dateAdd: unit must be seconds, minutes, hours or days")

// DateAdd is dateAdd(ts, n, unit): ts plus n units, in epoch ms (BIGINT
// arithmetic, wrapping like + and *). Days are 24 hours (UTC, no DST).
func DateAdd(ts, n int64, unit string) (int64, error) {
	ms, ok := DateUnit(unit)
	if !ok {
		return 0, ErrDateUnit
	}
	return ts + n*ms, nil
}
