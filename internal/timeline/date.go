// Package timeline holds the date arithmetic and navigation of the recovery
// timeline. It is pure: the clock and the time zone are always passed in, so
// the TUI can drive it with a fake clock and tests need no real time.
package timeline

import (
	"time"
)

// MaxDaysAgo is the oldest treatment date the timeline accepts. After a year
// the day-by-day advice no longer applies.
const MaxDaysAgo = 365

// location returns loc, or time.Local when it is nil: time.In panics on a
// nil location, and the terminal's own zone is what "today" means to a
// person sitting at it.
func location(loc *time.Location) *time.Location {
	if loc == nil {
		return time.Local
	}
	return loc
}

// dayNumber counts calendar days since 1970-01-01 for the date t shows in
// loc. Counting dates rather than hours keeps the answer right across DST
// changes, when a day lasts 23 or 25 hours.
func dayNumber(t time.Time, loc *time.Location) int64 {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// DaysSince returns the whole calendar days from the treatment date to now,
// both taken as calendar dates in loc: 0 on the treatment day, negative when
// treated is in the future. A nil loc means time.Local.
func DaysSince(treated, now time.Time, loc *time.Location) int {
	loc = location(loc)
	return int(dayNumber(now, loc) - dayNumber(treated, loc))
}

// midnight returns the start of the calendar day t shows in loc, moved by
// days. time.Date normalises day overflow, so month ends and leap years need
// no special care.
func midnight(t time.Time, loc *time.Location, days int) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d+days, 0, 0, 0, 0, loc)
}

// NextSession returns the usual window for a next session, 4 to 6 weeks
// after treatment: the calendar dates treated+28 and treated+42 days, at
// midnight in treated's own location.
func NextSession(treated time.Time) (from, to time.Time) {
	loc := treated.Location()
	return midnight(treated, loc, 28), midnight(treated, loc, 42)
}

// notDigit reports anything but an ASCII digit, the only digits strconv
// and the ISO layout read.
func notDigit(r rune) bool { return r < '0' || r > '9' }
