package timeline

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Words are one language's words for dates: how the app writes a date, the
// phrases the treatment-date box understands, and the sentences it answers
// with. They come from the language's content files (ui.yaml), never from
// Go code, so a new language is only files.
type Words struct {
	Weekdays []string // 7 names, Sunday first, as time.Weekday counts
	Months   []string // 12 names, January first
	// Date lays out a full date with {weekday}, {day}, {month} and {year}:
	// "{weekday} {day} {month} {year}", "{weekday} {day} de {month} de {year}".
	Date string
	// Short lays out a date without the weekday: "{day} {month} {year}".
	Short string
	// Brief lays out a day in a heading, with the short names:
	// "{weekday_short} {day} {month_short}" ("Mon 30 Nov", "lun 30 nov").
	Brief                      string
	WeekdaysShort, MonthsShort []string

	Today     []string // "today"; "hoy"
	Yesterday []string // "yesterday"; "ayer"
	TwoDays   []string // optional: "anteayer"
	Day, Week []string // unit words, singular and plural: "day", "days"
	Ago       []string // words that mark the past, before or after the count: "ago"; "hace"
	// Since are words that put a named day in the past: "since", "desde".
	// A sentence with one names no day: "still red since day 1" may be
	// written on day 10.
	Since   []string
	Numbers [][]string // Numbers[i] are the words for i+1: {"a", "an", "one"}, {"two"}
	// Layouts are extra Go date layouts the box accepts besides ISO
	// 2006-01-02, in the order people of this language write dates
	// ("02/01/2006" for Spanish). English has none: 11/12 is ambiguous.
	Layouts []string

	// What the box answers, each one sentence or two for the patient.
	Future, TooOld, Empty string
	NotADate              string // with one %q: what was typed
}

// Check reports the first thing missing from w, naming the ui.yaml key.
func (w Words) Check() error {
	switch {
	case len(w.Weekdays) != 7:
		return fmt.Errorf("weekdays: list 7 day names, Sunday first, not %d", len(w.Weekdays))
	case len(w.Months) != 12:
		return fmt.Errorf("months: list 12 month names, January first, not %d", len(w.Months))
	case !strings.Contains(w.Date, "{day}") || !strings.Contains(w.Date, "{month}"):
		return fmt.Errorf("date: lay a date out with {weekday}, {day}, {month} and {year}")
	case len(w.Today) == 0 || len(w.Yesterday) == 0 || len(w.Day) == 0 || len(w.Week) == 0:
		return fmt.Errorf("date_today, date_yesterday, date_day and date_week: list at least one word each")
	case w.Future == "" || w.TooOld == "" || w.Empty == "":
		return fmt.Errorf("date_future, date_too_old and date_empty: write the sentence the patient sees")
	case strings.Count(w.NotADate, "%q") != 1 || strings.Count(w.NotADate, "%") != 1:
		return fmt.Errorf("date_not_a_date: use %%q exactly once, where what was typed goes")
	}
	return nil
}

// Format writes a date the way the language does: "Monday 30 November
// 2026", "lunes 30 de noviembre de 2026".
func (w Words) Format(t time.Time) string { return w.format(t, w.Date) }

// FormatShort writes a date without the weekday: "30 November 2026",
// "30 de noviembre de 2026".
func (w Words) FormatShort(t time.Time) string {
	layout := w.Short
	if layout == "" {
		layout = "{day} {month} {year}"
	}
	return w.format(t, layout)
}

// FormatBrief writes a day with short names: "Mon 30 Nov", "lun 30 nov".
func (w Words) FormatBrief(t time.Time) string {
	layout := w.Brief
	if layout == "" {
		layout = "{weekday_short} {day} {month_short}"
	}
	return w.format(t, layout)
}

func (w Words) format(t time.Time, layout string) string {
	weekday, month := t.Weekday().String(), t.Month().String()
	if len(w.Weekdays) == 7 {
		weekday = w.Weekdays[t.Weekday()]
	}
	if len(w.Months) == 12 {
		month = w.Months[t.Month()-1]
	}
	if layout == "" {
		layout = "{weekday} {day} {month} {year}"
	}
	wdShort, monShort := firstRunes(weekday, 3), firstRunes(month, 3)
	if len(w.WeekdaysShort) == 7 {
		wdShort = w.WeekdaysShort[t.Weekday()]
	}
	if len(w.MonthsShort) == 12 {
		monShort = w.MonthsShort[t.Month()-1]
	}
	return strings.NewReplacer("{weekday_short}", wdShort, "{month_short}", monShort,
		"{weekday}", weekday, "{day}", strconv.Itoa(t.Day()),
		"{month}", month, "{year}", strconv.Itoa(t.Year())).Replace(layout)
}

// ParseTreated reads the treatment date as a patient types it or passes it
// to --treated: an ISO date ("2026-11-20") or one of the language's layouts,
// "today", "yesterday", a number of days ago ("3"), or "3 days ago", "a week
// ago", "hace 3 días", "hace una semana" (the "ago" may be left out). Case,
// accents and extra spaces do not matter. It returns midnight of that date
// in loc (nil means time.Local). Errors are one sentence for the patient.
func (w Words) ParseTreated(input string, now time.Time, loc *time.Location) (time.Time, error) {
	loc = location(loc)
	words := strings.Fields(fold(input))
	if len(words) == 0 {
		return time.Time{}, errors.New(w.Empty)
	}

	var treated time.Time
	if days, ok := w.daysAgo(words); ok {
		if days > MaxDaysAgo {
			return time.Time{}, errors.New(w.TooOld)
		}
		treated = midnight(now, loc, -days)
	} else {
		t, ok := w.parseDate(strings.Join(words, " "), loc)
		if !ok {
			return time.Time{}, w.notADate(input)
		}
		treated = midnight(t, loc, 0)
	}

	switch ago := DaysSince(treated, now, loc); {
	case ago < 0:
		return time.Time{}, errors.New(w.Future)
	case ago > MaxDaysAgo:
		return time.Time{}, errors.New(w.TooOld)
	}
	return treated, nil
}

func (w Words) parseDate(s string, loc *time.Location) (time.Time, bool) {
	for _, layout := range append([]string{time.DateOnly}, w.Layouts...) {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// notADate quotes what the patient typed, shortened so a pasted paragraph
// does not flood the screen; %q escapes anything unprintable.
func (w Words) notADate(input string) error {
	s := strings.TrimSpace(input)
	const maxRunes = 24
	if utf8.RuneCountInString(s) > maxRunes {
		s = string([]rune(s)[:maxRunes]) + "…"
	}
	return fmt.Errorf(w.NotADate, s)
}

// daysAgo understands the relative forms. It reports ok for any well-formed
// count, however large, so that "400 days ago" gets the "more than a year"
// answer rather than "not a date"; counts that overflow are capped.
func (w Words) daysAgo(words []string) (days int, ok bool) {
	// "3days ago" is split into "3" "days" "ago".
	for i, word := range words {
		if j := strings.IndexFunc(word, notDigit); j > 0 {
			words = append(append(append([]string{}, words[:i]...), word[:j], word[j:]), words[i+1:]...)
			break
		}
	}
	if len(words) == 1 {
		switch {
		case is(words[0], w.Today):
			return 0, true
		case is(words[0], w.Yesterday):
			return 1, true
		case is(words[0], w.TwoDays):
			return 2, true
		}
	}
	// One word that marks the past, at the start or the end: "3 days ago",
	// "hace 3 días".
	if len(words) == 3 {
		switch {
		case is(words[2], w.Ago):
			words = words[:2]
		case is(words[0], w.Ago):
			words = words[1:]
		}
	}
	if len(words) < 1 || len(words) > 2 {
		return 0, false
	}
	n, ok := w.count(words[0])
	if !ok {
		return 0, false
	}
	unit := 1
	if len(words) == 2 {
		switch {
		case is(words[1], w.Day):
		case is(words[1], w.Week):
			unit = 7
		default:
			return 0, false
		}
	} else if strings.IndexFunc(words[0], notDigit) >= 0 {
		return 0, false // "a" or "two" alone is not a number of days
	}
	if n > MaxDaysAgo {
		return MaxDaysAgo + 1, true
	}
	return min(n*unit, MaxDaysAgo+1), true
}

// DayNamed finds the day after treatment a sentence names, the latest
// when it names several: "day 2", "3 days", "a week", "2 weeks", "el día
// 5", "hace 2 semanas". Search uses it so that "still red on day 2" is not
// the warning sign for redness still strong after about 7 days. A
// sentence with a word of Since names none: "since day 1" is not today.
func (w Words) DayNamed(sentence string) (day int, ok bool) {
	words := strings.FieldsFunc(fold(sentence), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if slices.ContainsFunc(words, func(word string) bool { return is(word, w.Since) }) {
		return 0, false
	}
	// The words for one are articles too ("twice a day", "un día"): they
	// name no day here. Naming none keeps every sign; naming a wrong day
	// could drop one.
	count := func(word string) (int, bool) {
		n, ok := w.count(word)
		return n, ok && (n != 1 || strings.IndexFunc(word, notDigit) < 0)
	}
	for i, word := range words {
		unit := 0
		switch {
		case is(word, w.Day):
			unit = 1
		case is(word, w.Week):
			unit = 7
		default:
			continue
		}
		if i > 0 { // "3 days", "a week"
			if n, isCount := count(words[i-1]); isCount {
				day, ok = max(day, min(min(n, MaxDaysAgo+1)*unit, MaxDaysAgo+1)), true
				continue
			}
		}
		if unit == 1 && i+1 < len(words) { // "day 2"
			if n, isCount := count(words[i+1]); isCount {
				day, ok = max(day, min(n, MaxDaysAgo+1)), true
			}
		}
	}
	return day, ok
}

// count reads "3", or a number word of the language ("a", "one", "una").
// Very long digit strings are still a count, just a huge one.
func (w Words) count(word string) (int, bool) {
	for i, alts := range w.Numbers {
		if is(word, alts) {
			return i + 1, true
		}
	}
	if word == "" || strings.IndexFunc(word, notDigit) >= 0 {
		return 0, false
	}
	n, err := strconv.Atoi(word)
	if err != nil { // only overflow is left: all digits
		return MaxDaysAgo + 1, true
	}
	return n, true
}

// is reports whether a folded word is one of the language's words.
func is(word string, list []string) bool {
	for _, l := range list {
		if fold(l) == word {
			return true
		}
	}
	return false
}

// fold lower-cases and drops the accents that people often leave out when
// typing: "Días" and "dias" are the same word.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'á', 'à', 'â', 'ä':
			return 'a'
		case 'é', 'è', 'ê', 'ë':
			return 'e'
		case 'í', 'ì', 'î', 'ï':
			return 'i'
		case 'ó', 'ò', 'ô', 'ö':
			return 'o'
		case 'ú', 'ù', 'û', 'ü':
			return 'u'
		}
		return r
	}, strings.ToLower(s))
}

// firstRunes is the first n letters of s (never a cut letter).
func firstRunes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}
