// Package timeline holds the date arithmetic and navigation of the recovery
// timeline. It is pure: the clock and the time zone are always passed in, so
// the TUI can drive it with a fake clock and tests need no real time.
package timeline

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxDaysAgo is the oldest treatment date the timeline accepts. After a year
// the day-by-day advice no longer applies.
const MaxDaysAgo = 365

// The patient reads these errors as they are, so each is one plain sentence.
var (
	ErrFuture  = errors.New("That date is in the future. Type the day you were treated.")
	ErrTooOld  = errors.New("That is more than a year ago, so this timeline no longer applies.")
	ErrNoInput = errors.New("Type the day you were treated, like 2026-11-20, or a number of days ago like 3.")
)

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

// ParseTreated reads the treatment date as a patient types it or passes it
// to --treated: an ISO date ("2026-11-20"), "today", "yesterday", a number
// of days ago ("3"), or "3 days ago", "1 day ago", "2 weeks ago", "a week
// ago" (the "ago" may be left out). Case and extra spaces do not matter. It
// returns midnight of that date in loc (nil means time.Local). Errors are
// one sentence meant for the patient.
func ParseTreated(input string, now time.Time, loc *time.Location) (time.Time, error) {
	loc = location(loc)
	words := strings.Fields(strings.ToLower(input))
	if len(words) == 0 {
		return time.Time{}, ErrNoInput
	}

	var treated time.Time
	if days, ok := daysAgo(words); ok {
		if days > MaxDaysAgo {
			return time.Time{}, ErrTooOld
		}
		treated = midnight(now, loc, -days)
	} else {
		t, err := time.ParseInLocation(time.DateOnly, strings.Join(words, " "), loc)
		if err != nil {
			return time.Time{}, notADate(input)
		}
		treated = midnight(t, loc, 0)
	}

	switch ago := DaysSince(treated, now, loc); {
	case ago < 0:
		return time.Time{}, ErrFuture
	case ago > MaxDaysAgo:
		return time.Time{}, ErrTooOld
	}
	return treated, nil
}

// notADate quotes what the patient typed, shortened so a pasted paragraph
// does not flood the screen; %q escapes anything unprintable.
func notADate(input string) error {
	s := strings.TrimSpace(input)
	const maxRunes = 24
	if utf8.RuneCountInString(s) > maxRunes {
		s = string([]rune(s)[:maxRunes]) + "…"
	}
	return fmt.Errorf("%q is not a date. Type it like 2026-11-20, or a number of days ago like 3.", s)
}

// daysAgo understands the relative forms. It reports ok for any well-formed
// count, however large, so that "400 days ago" gets the "more than a year"
// answer rather than "not a date"; counts that overflow are capped.
func daysAgo(words []string) (days int, ok bool) {
	// "3days ago" is split into "3" "days" "ago".
	if len(words) > 0 {
		if i := strings.IndexFunc(words[0], notDigit); i > 0 {
			words = append([]string{words[0][:i], words[0][i:]}, words[1:]...)
		}
	}
	if len(words) == 1 {
		switch words[0] {
		case "today":
			return 0, true
		case "yesterday":
			return 1, true
		}
	}
	if len(words) == 3 && words[2] == "ago" {
		words = words[:2]
	}
	if len(words) < 1 || len(words) > 2 {
		return 0, false
	}
	n, ok := count(words[0])
	if !ok {
		return 0, false
	}
	unit := 1
	if len(words) == 2 {
		switch words[1] {
		case "day", "days":
		case "week", "weeks":
			unit = 7
		default:
			return 0, false
		}
	} else if words[0] == "a" || words[0] == "an" || words[0] == "one" {
		return 0, false // "a" alone is not a number of days
	}
	if n > MaxDaysAgo {
		return MaxDaysAgo + 1, true
	}
	return min(n*unit, MaxDaysAgo+1), true
}

// count reads "3", "a" or "one". Very long digit strings are still a count,
// just a huge one.
func count(w string) (int, bool) {
	switch w {
	case "a", "an", "one":
		return 1, true
	}
	if w == "" || strings.IndexFunc(w, notDigit) >= 0 {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	if err != nil { // only overflow is left: all digits
		return MaxDaysAgo + 1, true
	}
	return n, true
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
