package cron

import (
	"strings"
	"testing"
	"time"
)

func ms(s string) int64 {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t.UnixMilli()
}

func TestNext(t *testing.T) {
	tests := []struct {
		expr, after, want string
	}{
		// every second: strictly after, on whole seconds
		{"* * * * * ?", "2024-01-01T00:00:00Z", "2024-01-01T00:00:01Z"},
		{"* * * * * ?", "2024-01-01T00:00:00.999Z", "2024-01-01T00:00:01Z"},
		{"*/1 * * * * ?", "2023-11-15T00:00:00.500Z", "2023-11-15T00:00:01Z"},
		// step from an offset, across a minute boundary
		{"5/15 * * * * ?", "2024-01-01T00:00:50Z", "2024-01-01T00:01:05Z"},
		{"0/20 * * * * ?", "2024-01-01T00:00:20Z", "2024-01-01T00:00:40Z"},
		// across an hour boundary
		{"0 */30 * * * ?", "2024-01-01T10:45:00Z", "2024-01-01T11:00:00Z"},
		// across a day boundary
		{"0 0 12 * * ?", "2024-01-01T12:00:00Z", "2024-01-02T12:00:00Z"},
		{"0 15 10 ? * *", "2024-01-01T23:59:59Z", "2024-01-02T10:15:00Z"},
		// across a year boundary, leap day
		{"0 0 0 29 2 ?", "2024-03-01T00:00:00Z", "2028-02-29T00:00:00Z"},
		{"0 0 0 1 1 ?", "2024-12-31T23:59:59Z", "2025-01-01T00:00:00Z"},
		// lists and ranges, names
		{"0 0 9-17/4 ? * MON-FRI", "2024-01-05T17:00:00Z", "2024-01-08T09:00:00Z"}, // Fri -> Mon
		{"0 0 8,20 ? JAN,JUL *", "2024-01-31T20:00:00Z", "2024-07-01T08:00:00Z"},
		{"0 0 0 ? * 1", "2024-01-01T00:00:00Z", "2024-01-07T00:00:00Z"}, // 1 = Sunday
		{"0 0 0 ? * sat", "2024-01-01T00:00:00Z", "2024-01-06T00:00:00Z"},
		// wrapping range 22-2
		{"0 0 22-2 * * ?", "2024-01-01T02:00:00Z", "2024-01-01T22:00:00Z"},
		{"0 0 22-2 * * ?", "2024-01-01T23:00:00Z", "2024-01-02T00:00:00Z"},
		// calendar-relative forms
		{"0 0 0 L * ?", "2024-02-01T00:00:00Z", "2024-02-29T00:00:00Z"},
		{"0 0 0 L-2 * ?", "2023-02-01T00:00:00Z", "2023-02-26T00:00:00Z"},
		{"0 0 0 LW * ?", "2024-03-01T00:00:00Z", "2024-03-29T00:00:00Z"},  // Mar 31 2024 is a Sunday
		{"0 0 0 15W * ?", "2024-06-01T00:00:00Z", "2024-06-14T00:00:00Z"}, // Jun 15 2024 is a Saturday
		{"0 0 0 1W * ?", "2024-05-31T00:00:00Z", "2024-06-03T00:00:00Z"},  // Jun 1 2024 is a Saturday
		{"0 0 0 ? * 6L", "2024-01-01T00:00:00Z", "2024-01-26T00:00:00Z"},  // last Friday
		{"0 0 0 ? * MON#2", "2024-01-01T00:00:00Z", "2024-01-08T00:00:00Z"},
		{"0 0 0 ? * 2#1", "2024-01-01T00:00:00Z", "2024-02-05T00:00:00Z"},
		// year field
		{"0 0 0 1 1 ? 2030", "2024-06-01T00:00:00Z", "2030-01-01T00:00:00Z"},
		// before the epoch
		{"0 0 0 * * ?", "1969-12-31T12:00:00Z", "1970-01-01T00:00:00Z"},
	}
	for _, tt := range tests {
		s, err := Parse(tt.expr)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.expr, err)
			continue
		}
		got := s.Next(ms(tt.after))
		if want := ms(tt.want); got != want {
			t.Errorf("%q Next(%s) = %s, want %s", tt.expr, tt.after,
				time.UnixMilli(got).UTC().Format(time.RFC3339Nano), tt.want)
		}
	}
}

func TestNextSequence(t *testing.T) {
	s, err := Parse("0 0/20 23-1 * * ?")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"2024-02-28T23:20:00Z", "2024-02-28T23:40:00Z", "2024-02-29T00:00:00Z",
		"2024-02-29T00:20:00Z", "2024-02-29T00:40:00Z", "2024-02-29T01:00:00Z",
		"2024-02-29T01:20:00Z", "2024-02-29T01:40:00Z", "2024-02-29T23:00:00Z",
	}
	at := ms("2024-02-28T23:00:00Z")
	for _, w := range want {
		at = s.Next(at)
		if at != ms(w) {
			t.Fatalf("got %s, want %s", time.UnixMilli(at).UTC().Format(time.RFC3339), w)
		}
	}
}

func TestNextNever(t *testing.T) {
	for _, expr := range []string{
		"0 0 0 30 2 ?",        // February 30th
		"0 0 0 1 1 ? 2020",    // only in the past
		"0 0 0 31 4,6,9,11 ?", // 31st of 30-day months
	} {
		s, err := Parse(expr)
		if err != nil {
			t.Fatalf("Parse(%q): %v", expr, err)
		}
		if got := s.Next(ms("2024-01-01T00:00:00Z")); got != Never {
			t.Errorf("%q: Next = %d, want Never", expr, got)
		}
	}
	s, _ := Parse("* * * * * ?")
	if got := s.Next(Never - 1); got != Never {
		t.Errorf("Next near the int64 limit = %d, want Never", got)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ expr, want string }{
		{"", "want 6 or 7 fields"},
		{"* * * * *", "want 6 or 7 fields"},
		{"* * * * * ? * *", "want 6 or 7 fields"},
		{"60 * * * * ?", "second field"},
		{"* 60 * * * ?", "out of range 0-59"},
		{"* * 24 * * ?", "hour field"},
		{"* * * 0 * ?", "day-of-month field"},
		{"* * * 32 * ?", "day-of-month field"},
		{"* * * * 13 ?", "month field"},
		{"* * * * FOO ?", "not a month value"},
		{"* * * ? * 0", "day-of-week field"},
		{"* * * ? * 8", "out of range 1-7"},
		{"? * * * * ?", "only allowed in day-of-month"},
		{"*/0 * * * * ?", "step"},
		{"*/x * * * * ?", "step"},
		{"1,,2 * * * * ?", "empty list item"},
		{"1-x * * * * ?", "not a second value"},
		{"0 0 0 1 * MON", "both restricted"},
		{"0 0 0 L-31 * ?", "L-n"},
		{"0 0 0 32W * ?", "nW"},
		{"0 0 0 ? * MON#6", "n#k"},
		{"0 0 0 ? * XL", "not a day-of-week value"},
		{"0 0 0 * * ? 1969", "year field"},
		{"0 0 0 * * ? 2200", "out of range 1970-2199"},
	}
	for _, tt := range tests {
		s, err := Parse(tt.expr)
		if err == nil {
			t.Errorf("Parse(%q) = %v, want error containing %q", tt.expr, s, tt.want)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error %q, want it to contain %q", tt.expr, err, tt.want)
		}
	}
}

func TestString(t *testing.T) {
	s, err := Parse("0 0 12 * * ?")
	if err != nil {
		t.Fatal(err)
	}
	if s.String() != "0 0 12 * * ?" {
		t.Errorf("String() = %q", s.String())
	}
}

// FuzzParse checks that no input makes Parse or Next panic.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{"* * * * * ?", "0 0 12 ? * MON-FRI", "0 0 0 L-3 * ?", "1-59/7 */5 22-2 15W JAN-MAR ? 2030-2040", "0 0 0 ? * 6#5"} {
		f.Add(seed, int64(1700006400000))
	}
	f.Fuzz(func(t *testing.T, expr string, after int64) {
		s, err := Parse(expr)
		if err != nil {
			return
		}
		if next := s.Next(after); next != Never && next <= after {
			t.Fatalf("%q: Next(%d) = %d, not after", expr, after, next)
		}
	})
}
