package timeline

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests must not depend on the machine's zoneinfo
)

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return loc
}

func TestDaysSince(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	london := mustLoad(t, "Europe/London")
	tokyo := mustLoad(t, "Asia/Tokyo")
	at := func(loc *time.Location, y int, m time.Month, d, h, min int) time.Time {
		return time.Date(y, m, d, h, min, 0, 0, loc)
	}
	tests := []struct {
		name         string
		treated, now time.Time
		loc          *time.Location
		want         int
	}{
		{"same instant", at(ny, 2026, 11, 20, 10, 0), at(ny, 2026, 11, 20, 10, 0), ny, 0},
		{"same day, morning to night", at(ny, 2026, 11, 20, 0, 0), at(ny, 2026, 11, 20, 23, 59), ny, 0},
		{"late evening to just after midnight", at(ny, 2026, 11, 20, 23, 30), at(ny, 2026, 11, 21, 0, 5), ny, 1},
		{"instants in UTC, dates in New York", at(time.UTC, 2026, 11, 21, 3, 30), at(time.UTC, 2026, 11, 21, 5, 10), ny, 1},
		{"same instants, dates in UTC", at(time.UTC, 2026, 11, 21, 3, 30), at(time.UTC, 2026, 11, 21, 5, 10), time.UTC, 0},
		{"treated in Tokyo, counted in London", at(tokyo, 2026, 11, 21, 8, 0), at(london, 2026, 11, 21, 8, 0), london, 1},
		{"future treatment is negative", at(ny, 2026, 11, 22, 9, 0), at(ny, 2026, 11, 20, 9, 0), ny, -2},
		{"a week", at(ny, 2026, 11, 20, 9, 0), at(ny, 2026, 11, 27, 8, 0), ny, 7},

		// Europe/London springs forward on 2026-03-29 (a 23-hour day) and
		// falls back on 2026-10-25 (a 25-hour day).
		{"over spring forward, 47 hours", at(london, 2026, 3, 28, 0, 0), at(london, 2026, 3, 30, 0, 0), london, 2},
		{"spring forward day itself", at(london, 2026, 3, 29, 0, 0), at(london, 2026, 3, 29, 23, 59), london, 0},
		{"spring forward, 23 hours later is the next day", at(london, 2026, 3, 28, 23, 30), at(london, 2026, 3, 29, 23, 30), london, 1},
		{"fall back day is 25 hours long", at(london, 2026, 10, 25, 0, 30), at(london, 2026, 10, 25, 23, 59), london, 0},
		{"over fall back", at(london, 2026, 10, 24, 23, 30), at(london, 2026, 10, 25, 23, 30), london, 1},
		{"New York spring forward", at(ny, 2026, 3, 7, 12, 0), at(ny, 2026, 3, 9, 0, 1), ny, 2},

		{"leap day in between", at(ny, 2028, 2, 28, 12, 0), at(ny, 2028, 3, 1, 12, 0), ny, 2},
		{"no leap day", at(ny, 2026, 2, 28, 12, 0), at(ny, 2026, 3, 1, 12, 0), ny, 1},
		{"from a leap day, a year later", at(ny, 2024, 2, 29, 12, 0), at(ny, 2025, 2, 28, 12, 0), ny, 365},
		{"over a leap year", at(ny, 2028, 2, 1, 12, 0), at(ny, 2029, 2, 1, 12, 0), ny, 366},
		{"month end", at(ny, 2026, 1, 31, 12, 0), at(ny, 2026, 2, 1, 0, 0), ny, 1},
		{"30-day month end", at(ny, 2026, 4, 30, 23, 0), at(ny, 2026, 5, 1, 1, 0), ny, 1},
		{"year end", at(ny, 2026, 12, 31, 23, 59), at(ny, 2027, 1, 1, 0, 0), ny, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DaysSince(tt.treated, tt.now, tt.loc); got != tt.want {
				t.Errorf("DaysSince(%v, %v, %v) = %d, want %d", tt.treated, tt.now, tt.loc, got, tt.want)
			}
		})
	}
}

func TestDaysSinceNilLocation(t *testing.T) {
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.Local)
	if got := DaysSince(now.AddDate(0, 0, -3), now, nil); got != 3 {
		t.Errorf("DaysSince with nil location = %d, want 3", got)
	}
}

const notADateTail = ` is not a date. Type it like 2026-11-20, or a number of days ago like 3.`

func TestParseTreated(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	london := mustLoad(t, "Europe/London")
	nyNow := time.Date(2026, 11, 20, 10, 0, 0, 0, ny)
	date := func(loc *time.Location, y int, m time.Month, d int) time.Time {
		return time.Date(y, m, d, 0, 0, 0, 0, loc)
	}
	tests := []struct {
		input string
		now   time.Time
		want  time.Time
	}{
		{"2026-11-20", nyNow, date(ny, 2026, 11, 20)},
		{"  2026-11-18 ", nyNow, date(ny, 2026, 11, 18)},
		{"today", nyNow, date(ny, 2026, 11, 20)},
		{" TODAY ", nyNow, date(ny, 2026, 11, 20)},
		{"Yesterday", nyNow, date(ny, 2026, 11, 19)},
		{"0", nyNow, date(ny, 2026, 11, 20)},
		{"3", nyNow, date(ny, 2026, 11, 17)},
		{"003", nyNow, date(ny, 2026, 11, 17)},
		{"3 days ago", nyNow, date(ny, 2026, 11, 17)},
		{"3  Days   AGO", nyNow, date(ny, 2026, 11, 17)},
		{"3days ago", nyNow, date(ny, 2026, 11, 17)},
		{"3 days", nyNow, date(ny, 2026, 11, 17)},
		{"1 day ago", nyNow, date(ny, 2026, 11, 19)},
		{"0 days ago", nyNow, date(ny, 2026, 11, 20)},
		{"2 weeks ago", nyNow, date(ny, 2026, 11, 6)},
		{"a week ago", nyNow, date(ny, 2026, 11, 13)},
		{"A Week Ago", nyNow, date(ny, 2026, 11, 13)},
		{"one week ago", nyNow, date(ny, 2026, 11, 13)},
		{"a day ago", nyNow, date(ny, 2026, 11, 19)},
		{"52 weeks ago", nyNow, date(ny, 2025, 11, 21)},
		{"365", nyNow, date(ny, 2025, 11, 20)},
		{"2025-11-20", nyNow, date(ny, 2025, 11, 20)},
		// Just after midnight the date is already the new day.
		{"today", time.Date(2026, 11, 21, 0, 5, 0, 0, ny), date(ny, 2026, 11, 21)},
		{"today", time.Date(2026, 11, 21, 4, 30, 0, 0, time.UTC), date(ny, 2026, 11, 20)},
		// Leap years and month ends.
		{"yesterday", time.Date(2028, 3, 1, 9, 0, 0, 0, ny), date(ny, 2028, 2, 29)},
		{"2028-02-29", time.Date(2028, 3, 1, 9, 0, 0, 0, ny), date(ny, 2028, 2, 29)},
		{"yesterday", time.Date(2026, 3, 1, 9, 0, 0, 0, ny), date(ny, 2026, 2, 28)},
		{"1", time.Date(2027, 1, 1, 0, 0, 0, 0, ny), date(ny, 2026, 12, 31)},
		{"365", time.Date(2029, 2, 28, 9, 0, 0, 0, ny), date(ny, 2028, 2, 29)},
		// DST in London: the day after spring forward and after fall back.
		{"yesterday", time.Date(2026, 3, 30, 0, 30, 0, 0, london), date(london, 2026, 3, 29)},
		{"2 days ago", time.Date(2026, 3, 30, 0, 30, 0, 0, london), date(london, 2026, 3, 28)},
		{"1", time.Date(2026, 10, 26, 0, 30, 0, 0, london), date(london, 2026, 10, 25)},
		{"2026-10-25", time.Date(2026, 10, 25, 23, 59, 0, 0, london), date(london, 2026, 10, 25)},
	}
	for _, tt := range tests {
		t.Run(tt.input+"@"+tt.now.Format(time.RFC3339), func(t *testing.T) {
			loc := tt.want.Location()
			got, err := en.ParseTreated(tt.input, tt.now, loc)
			if err != nil {
				t.Fatalf("ParseTreated(%q) error: %v", tt.input, err)
			}
			if !got.Equal(tt.want) || got.Location() != loc {
				t.Errorf("ParseTreated(%q) = %v, want %v", tt.input, got, tt.want)
			}
		})
	}
}

func TestParseTreatedErrors(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, ny)
	const (
		future = "That date is in the future. Type the day you were treated."
		tooOld = "That is more than a year ago, so this timeline no longer applies."
		empty  = "Type the day you were treated, like 2026-11-20, or a number of days ago like 3."
	)
	tests := []struct{ input, want string }{
		{"", empty},
		{"   \t ", empty},
		{"2026-13-01", `"2026-13-01"` + notADateTail},
		{"2026-02-30", `"2026-02-30"` + notADateTail},
		{"2027-02-29", `"2027-02-29"` + notADateTail},
		{"20/11/2026", `"20/11/2026"` + notADateTail},
		{"2026-1-5", `"2026-1-5"` + notADateTail},
		{"2026-11-20T10:00", `"2026-11-20T10:00"` + notADateTail},
		{"tomorrow", `"tomorrow"` + notADateTail},
		{"-3", `"-3"` + notADateTail},
		{"3.5", `"3.5"` + notADateTail},
		{"3 months ago", `"3 months ago"` + notADateTail},
		{"in 3 days", `"in 3 days"` + notADateTail},
		{"3 ago", `"3 ago"` + notADateTail},
		{"a", `"a"` + notADateTail},
		{"ago", `"ago"` + notADateTail},
		{"days ago", `"days ago"` + notADateTail},
		{"٣", `"٣"` + notADateTail},
		{"  Last Tuesday ", `"Last Tuesday"` + notADateTail},
		{"\x1b[2J", `"\x1b[2J"` + notADateTail},
		{"I was treated on a Friday afternoon", `"I was treated on a Frida…"` + notADateTail},
		{"2026-11-21", future},
		{"2027-01-01", future},
		{"366", tooOld},
		{"366 days ago", tooOld},
		{"53 weeks ago", tooOld},
		{"9999 weeks ago", tooOld},
		{"99999999999999999999999", tooOld},
		{"2025-11-19", tooOld},
		{"0001-01-01", tooOld},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			got, err := en.ParseTreated(tt.input, now, ny)
			if err == nil {
				t.Fatalf("ParseTreated(%q) = %v, want error %q", tt.input, got, tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("ParseTreated(%q) error\n got %q\nwant %q", tt.input, err, tt.want)
			}
		})
	}
}

func TestNextSession(t *testing.T) {
	london := mustLoad(t, "Europe/London")
	ny := mustLoad(t, "America/New_York")
	tests := []struct {
		treated  time.Time
		from, to time.Time
	}{
		{time.Date(2026, 11, 20, 0, 0, 0, 0, ny), time.Date(2026, 12, 18, 0, 0, 0, 0, ny), time.Date(2027, 1, 1, 0, 0, 0, 0, ny)},
		{time.Date(2028, 2, 1, 0, 0, 0, 0, ny), time.Date(2028, 2, 29, 0, 0, 0, 0, ny), time.Date(2028, 3, 14, 0, 0, 0, 0, ny)},
		{time.Date(2026, 2, 1, 0, 0, 0, 0, ny), time.Date(2026, 3, 1, 0, 0, 0, 0, ny), time.Date(2026, 3, 15, 0, 0, 0, 0, ny)},
		// Across spring forward: still midnight, now in BST.
		{time.Date(2026, 3, 1, 0, 0, 0, 0, london), time.Date(2026, 3, 29, 0, 0, 0, 0, london), time.Date(2026, 4, 12, 0, 0, 0, 0, london)},
		// A time of day is dropped: the window is made of dates.
		{time.Date(2026, 9, 30, 18, 45, 0, 0, london), time.Date(2026, 10, 28, 0, 0, 0, 0, london), time.Date(2026, 11, 11, 0, 0, 0, 0, london)},
	}
	for _, tt := range tests {
		from, to := NextSession(tt.treated)
		if !from.Equal(tt.from) || !to.Equal(tt.to) || from.Location() != tt.treated.Location() {
			t.Errorf("NextSession(%v) = %v .. %v, want %v .. %v", tt.treated, from, to, tt.from, tt.to)
		}
		if d := DaysSince(tt.treated, from, tt.treated.Location()); d != 28 {
			t.Errorf("NextSession(%v) starts %d days after, want 28", tt.treated, d)
		}
		if d := DaysSince(tt.treated, to, tt.treated.Location()); d != 42 {
			t.Errorf("NextSession(%v) ends %d days after, want 42", tt.treated, d)
		}
	}
}

func FuzzParseTreated(f *testing.F) {
	for _, s := range []string{
		"2026-11-20", "today", "yesterday", "3", "3 days ago", "1 day ago", "2 weeks ago",
		"a week ago", "2026-13-01", "366", "99999999999999999999", "3days", " A WEEK AGO ",
		"2024-02-29", "0001-01-01", "\x1b[2J", strings.Repeat("9", 40) + " weeks ago",
	} {
		f.Add(s, int64(1795179600), uint8(0)) // 2026-11-20 in New York
	}
	f.Add("yesterday", int64(1774746000), uint8(1)) // the morning London springs forward
	zones := []string{"America/New_York", "Europe/London", "UTC", "Pacific/Kiritimati", "America/Santiago", "Asia/Kathmandu"}
	locs := make([]*time.Location, len(zones))
	for i, z := range zones {
		locs[i] = mustLoad(f, z)
	}

	f.Fuzz(func(t *testing.T, input string, unix int64, zone uint8) {
		// Keep "now" within years that time.Date handles exactly.
		unix %= 1 << 40
		loc := locs[int(zone)%len(locs)]
		now := time.Unix(unix, 0).In(loc)
		got, err := en.ParseTreated(input, now, loc)
		if err != nil {
			if msg := err.Error(); msg == "" || strings.ContainsAny(msg, "\n\r\x1b") {
				t.Fatalf("ParseTreated(%q): error %q is not one clean sentence", input, msg)
			}
			return
		}
		if got.Location() != loc {
			t.Errorf("ParseTreated(%q) in %v returned location %v", input, loc, got.Location())
		}
		if !got.Equal(midnight(got, loc, 0)) {
			t.Errorf("ParseTreated(%q) = %v, not the start of a day", input, got)
		}
		if d := DaysSince(got, now, loc); d < 0 || d > MaxDaysAgo {
			t.Errorf("ParseTreated(%q) at %v = %v, %d days ago; want 0..%d", input, now, got, d, MaxDaysAgo)
		}
	})
}
