package fn

import (
	"testing"
	"time"
)

// 2023-11-15 00:00:00 UTC, the conformance clock's start day, plus
// 13:05:09.042.
const sampleTs = 1700006400000 + (13*3600+5*60+9)*1000 + 42

func TestFormatDate(t *testing.T) {
	tests := []struct {
		ts      int64
		pattern string
		want    string
	}{
		{sampleTs, "%Y-%m-%d %H:%M:%S", "2023-11-15 13:05:09"},
		{0, "%Y-%m-%d %H:%M:%S", "1970-01-01 00:00:00"},
		{sampleTs, "%F %T", "2023-11-15 13:05:09"},
		{sampleTs, "%d/%m/%y %I:%M %p", "15/11/23 01:05 PM"},
		{sampleTs, "%l%P", " 1pm"},
		{sampleTs, "%a %A %b %B %h", "Wed Wednesday Nov November Nov"},
		{sampleTs, "%j %u %w", "319 3 3"},
		{sampleTs, "%H:%M:%S.%L", "13:05:09.042"},
		{sampleTs, "%S%.3f|%3f|%6f|%f", "09.042|042|042000|042000000"},
		{sampleTs, "%s", "1700053509"},
		{sampleTs, "%Z %z %:z", "UTC +0000 +00:00"},
		{sampleTs, "%R %D", "13:05 11/15/23"},
		{sampleTs, "100%% at %e|%-d|%_m|%k", "100% at 15|15|11|13"},
		{sampleTs, "%-m/%-d %-H", "11/15 13"},
		{1725148800000, "%-m/%-d %y", "9/1 24"},
		{sampleTs, "%q %", "%q %"},
		{sampleTs, "plain", "plain"},
		{sampleTs, "", ""},
		{-1, "%Y-%m-%d %H:%M:%S.%L", "1969-12-31 23:59:59.999"},
		{-62198755200000, "%Y", "-0001"},
		{sampleTs, "%C", "20"},
	}
	for _, tt := range tests {
		if got := FormatDate(tt.ts, tt.pattern); got != tt.want {
			t.Errorf("FormatDate(%d, %q) = %q, want %q", tt.ts, tt.pattern, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	day := int64(1700006400000) // 2023-11-15
	tests := []struct {
		s, pattern string
		want       int64
		ok         bool
	}{
		{"2023-11-15 13:05:09", "%Y-%m-%d %H:%M:%S", sampleTs - 42, true},
		{"2023-11-15 13:05:09.042", "%Y-%m-%d %H:%M:%S.%L", sampleTs, true},
		{"2023-11-15T13:05:09.042Z", "%Y-%m-%dT%H:%M:%S%.3f%z", sampleTs, true},
		{"2023-11-15 15:05:09+02:00", "%F %T%:z", sampleTs - 42, true},
		{"2023-11-15 08:05:09 -0500", "%F %T %z", sampleTs - 42, true},
		{"2023-11-15", "%Y-%m-%d", day, true},
		{"20231115", "%Y%m%d", day, true},
		{"2023-1-5", "%Y-%m-%d", day - 314*86400000, true},
		{"15 Nov 2023", "%d %b %Y", day, true},
		{"15 november 2023", "%d %B %Y", day, true},
		{"Wed, 15 Nov 2023 01:05:09 PM", "%a, %d %b %Y %I:%M:%S %p", sampleTs - 42, true},
		{"12:00 AM", "%I:%M %p", 0, true},
		{"12:30 pm", "%I:%M %p", 45000000, true},
		{"2023/319", "%Y/%j", day, true},
		{"11/15/23", "%D", day, true},
		{"11/15/69", "%m/%d/%y", -4060800000, true},
		{"01/02/68", "%m/%d/%y", 3092688000000, true},
		{"1700053509", "%s", sampleTs - 42, true},
		{"2023-11-15   13:05", "%Y-%m-%d %H:%M", sampleTs - 42 - 9000, true},
		{"2023-11-1513:05", "%Y-%m-%d %H:%M", sampleTs - 42 - 9000, true},
		{"100% 2023", "100%% %Y", day - 318*86400000, true},
		{"UTC 1970", "%Z %Y", 0, true},
		{"2023-02-29", "%Y-%m-%d", 0, false},
		{"2024-02-29", "%Y-%m-%d", 1709164800000, true},
		{"2023-13-01", "%Y-%m-%d", 0, false},
		{"2023-00-10", "%Y-%m-%d", 0, false},
		{"2023-11-15 24:00:00", "%F %T", 0, false},
		{"2023-11-15 23:60:00", "%F %T", 0, false},
		{"13:00 PM", "%I:%M %p", 0, false},
		{"2023-11-15x", "%Y-%m-%d", 0, false},
		{"2023-11", "%Y-%m-%d", 0, false},
		{"", "%Y", 0, false},
		{"abc", "%Y", 0, false},
		{"2023/366", "%Y/%j", 0, false},
		{"Nov", "%B", 26265600000, true},
		{"Foo", "%b", 0, false},
		{"+0500", "%z", -18000000, true},
		{"+5", "%z", 0, false},
		{"+2460", "%z", 0, false},
		{"99999999999999999999", "%s", 0, false},
		{"anything", "", 0, false},
		{"", "", 0, true},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.s, tt.pattern)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("ParseDate(%q, %q) = %d (%s), %v; want %d, %v", tt.s, tt.pattern, got,
				time.UnixMilli(got).UTC().Format(time.RFC3339Nano), ok, tt.want, tt.ok)
		}
	}
}

func TestDateRoundTrip(t *testing.T) {
	for _, pattern := range []string{"%Y-%m-%d %H:%M:%S.%L", "%F %T%.3f", "%d %B %Y %I:%M:%S.%3f %p", "%s%.3f"} {
		for _, ts := range []int64{0, sampleTs, 951782400123, -86400001, 4102444799999} {
			got, ok := ParseDate(FormatDate(ts, pattern), pattern)
			if !ok || got != ts {
				t.Errorf("%q: %d -> %q -> %d, %v", pattern, ts, FormatDate(ts, pattern), got, ok)
			}
		}
	}
}

func TestDateAdd(t *testing.T) {
	tests := []struct {
		ts, n int64
		unit  string
		want  int64
		ok    bool
	}{
		{sampleTs, 5, "seconds", sampleTs + 5000, true},
		{sampleTs, 1, "second", sampleTs + 1000, true},
		{sampleTs, -2, "minutes", sampleTs - 120000, true},
		{sampleTs, 3, "HOURS", sampleTs + 3*3600000, true},
		{sampleTs, 1, "Hour", sampleTs + 3600000, true},
		{sampleTs, 7, "days", sampleTs + 7*86400000, true},
		{sampleTs, 1, "day", sampleTs + 86400000, true},
		{sampleTs, 1, "weeks", 0, false},
		{sampleTs, 1, "", 0, false},
	}
	for _, tt := range tests {
		got, err := DateAdd(tt.ts, tt.n, tt.unit)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("DateAdd(%d, %d, %q) = %d, %v; want %d", tt.ts, tt.n, tt.unit, got, err, tt.want)
		}
	}
}
