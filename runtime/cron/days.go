package cron

// dayOfMonth is the day-of-month field: a set of days or one of the
// calendar-relative forms that depend on the month's length.
type dayOfMonth struct {
	kind   domKind
	set    uint64 // domSet: bit d for day d
	offset int    // domLast: days before the last day (L-n)
	day    int    // domNearestWeekday: the n of nW
}

type domKind uint8

const (
	domSet domKind = iota
	domLast
	domNearestWeekday
	domLastWeekday
)

func (f dayOfMonth) matches(y, month, d, days int) bool {
	switch f.kind {
	case domLast:
		return d == days-f.offset
	case domNearestWeekday:
		return d == nearestWeekday(y, month, f.day, days)
	case domLastWeekday:
		return d == nearestWeekday(y, month, days, days)
	}
	return f.set&(1<<d) != 0
}

// nearestWeekday is the Monday–Friday day closest to day within the same
// month (Quartz `nW`), or 0 when the month has no such day.
func nearestWeekday(y, month, day, days int) int {
	if day > days {
		return 0
	}
	switch weekday(y, month, day) {
	case 7: // Saturday: Friday before, unless that leaves the month
		if day > 1 {
			return day - 1
		}
		return day + 2
	case 1: // Sunday: Monday after, unless that leaves the month
		if day < days {
			return day + 1
		}
		return day - 2
	}
	return day
}

// dayOfWeek is the day-of-week field (1 = Sunday … 7 = Saturday).
type dayOfWeek struct {
	kind dowKind
	set  uint64 // dowSet: bit w for weekday w
	day  int    // dowLast, dowNth: the weekday
	nth  int    // dowNth: which occurrence in the month, 1..5
}

type dowKind uint8

const (
	dowSet dowKind = iota
	dowLast
	dowNth
)

func (f dayOfWeek) matches(y, month, d, days int) bool {
	w := weekday(y, month, d)
	switch f.kind {
	case dowLast:
		return w == f.day && d+7 > days
	case dowNth:
		return w == f.day && (d-1)/7+1 == f.nth
	}
	return f.set&(1<<w) != 0
}

// Quartz accepts years 1970–2199.
const (
	minYear = 1970
	maxYear = 2199
)

// yearSet is a bit set over minYear..maxYear.
type yearSet [(maxYear - minYear + 64) / 64]uint64

func (s *yearSet) add(y int) {
	i := y - minYear
	s[i/64] |= 1 << (i % 64)
}

func (s *yearSet) has(y int) bool {
	if y < minYear || y > maxYear {
		return false
	}
	i := y - minYear
	return s[i/64]&(1<<(i%64)) != 0
}
