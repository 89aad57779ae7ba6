package timeline

import (
	"strings"
	"testing"
	"time"
)

// en and es are test words like those of content/LANG/ui.yaml (the content
// package tests the shipped files with the same phrases).
var (
	en = Words{
		Weekdays:  []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		Months:    []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		Date:      "{weekday} {day} {month} {year}",
		Today:     []string{"today"},
		Yesterday: []string{"yesterday"},
		Day:       []string{"day", "days"},
		Week:      []string{"week", "weeks"},
		Ago:       []string{"ago"},
		Since:     []string{"since", "from"},
		Numbers:   [][]string{{"a", "an", "one"}},
		Future:    "That date is in the future. Type the day you were treated.",
		TooOld:    "That is more than a year ago, so this timeline no longer applies.",
		Empty:     "Type the day you were treated, like 2026-11-20, or a number of days ago like 3.",
		NotADate:  "%q is not a date. Type it like 2026-11-20, or a number of days ago like 3.",
	}
	es = Words{
		Weekdays:  []string{"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
		Months:    []string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		Date:      "{weekday} {day} de {month} de {year}",
		Today:     []string{"hoy"},
		Yesterday: []string{"ayer"},
		TwoDays:   []string{"anteayer", "antier"},
		Day:       []string{"día", "días"},
		Week:      []string{"semana", "semanas"},
		Ago:       []string{"hace"},
		Since:     []string{"desde"},
		Numbers:   [][]string{{"un", "una", "uno"}, {"dos"}, {"tres"}},
		Layouts:   []string{"2/1/2006"},
		Future:    "Esa fecha todavía no ha llegado. Escriba el día de su tratamiento.",
		TooOld:    "Eso fue hace más de un año. Esta guía día a día ya no se aplica.",
		Empty:     "Escriba el día de su tratamiento, por ejemplo 20/11/2026, o cuántos días hace, por ejemplo 3.",
		NotADate:  "%q no es una fecha. Escríbala así: 20/11/2026, o cuántos días hace, por ejemplo 3.",
	}
)

func TestWordsCheck(t *testing.T) {
	for name, w := range map[string]Words{"en": en, "es": es} {
		if err := w.Check(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	broken := es
	broken.Months = broken.Months[:11]
	if err := broken.Check(); err == nil || !strings.Contains(err.Error(), "months") {
		t.Errorf("11 months: %v", err)
	}
	broken = es
	broken.NotADate = "no es una fecha"
	if err := broken.Check(); err == nil || !strings.Contains(err.Error(), "%q") {
		t.Errorf("no %%q: %v", err)
	}
}

func TestFormat(t *testing.T) {
	d := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		w    Words
		t    time.Time
		want string
	}{
		{en, d, "Monday 30 November 2026"},
		{es, d, "lunes 30 de noviembre de 2026"},
		{es, time.Date(2027, 1, 6, 0, 0, 0, 0, time.UTC), "miércoles 6 de enero de 2027"},
		{es, time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC), "sábado 28 de febrero de 2026"},
		{Words{}, d, "Monday 30 November 2026"}, // no words: Go's English names
	}
	for _, tt := range tests {
		if got := tt.w.Format(tt.t); got != tt.want {
			t.Errorf("Format(%v) = %q, want %q", tt.t, got, tt.want)
		}
	}
	// Short names for headings; without them, the first letters (whole ones).
	esShort := es
	esShort.WeekdaysShort = []string{"dom", "lun", "mar", "mié", "jue", "vie", "sáb"}
	esShort.MonthsShort = []string{"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"}
	wed := time.Date(2027, 1, 6, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		w    Words
		want string
	}{{esShort, "mié 6 ene"}, {es, "mié 6 ene"}, {en, "Wed 6 Jan"}, {Words{}, "Wed 6 Jan"}} {
		if got := c.w.FormatBrief(wed); got != c.want {
			t.Errorf("FormatBrief = %q, want %q", got, c.want)
		}
	}
}

// The treatment-date box in Spanish: the phrases people say, with or
// without accents, and the dates they write.
func TestParseTreatedSpanish(t *testing.T) {
	madrid := mustLoad(t, "Europe/Madrid")
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, madrid)
	date := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, madrid) }
	tests := []struct {
		input string
		want  time.Time
	}{
		{"hoy", date(11, 20)},
		{" HOY ", date(11, 20)},
		{"ayer", date(11, 19)},
		{"Ayer", date(11, 19)},
		{"anteayer", date(11, 18)},
		{"hace 3 días", date(11, 17)},
		{"hace 3 dias", date(11, 17)},
		{"Hace 3 Días", date(11, 17)},
		{"hace 3días", date(11, 17)},
		{"3 días", date(11, 17)},
		{"3", date(11, 17)},
		{"hace 1 día", date(11, 19)},
		{"hace un día", date(11, 19)},
		{"hace una semana", date(11, 13)},
		{"hace 2 semanas", date(11, 6)},
		{"hace dos semanas", date(11, 6)},
		{"hace tres días", date(11, 17)},
		{"2026-11-18", date(11, 18)},
		{"18/11/2026", date(11, 18)},
		{"5/11/2026", date(11, 5)},
		{"05/11/2026", date(11, 5)},
	}
	for _, tt := range tests {
		got, err := es.ParseTreated(tt.input, now, madrid)
		if err != nil {
			t.Errorf("ParseTreated(%q): %v", tt.input, err)
			continue
		}
		if !got.Equal(tt.want) {
			t.Errorf("ParseTreated(%q) = %v, want %v", tt.input, got, tt.want)
		}
	}
	errs := []struct{ input, want string }{
		{"", es.Empty},
		{"mañana", `"mañana" no es una fecha. Escríbala así: 20/11/2026, o cuántos días hace, por ejemplo 3.`},
		{"hace", `"hace" no es una fecha. Escríbala así: 20/11/2026, o cuántos días hace, por ejemplo 3.`},
		{"una", `"una" no es una fecha. Escríbala así: 20/11/2026, o cuántos días hace, por ejemplo 3.`},
		{"hace 3 meses", `"hace 3 meses" no es una fecha. Escríbala así: 20/11/2026, o cuántos días hace, por ejemplo 3.`},
		{"21/11/2026", es.Future},
		{"hace 400 días", es.TooOld},
		{"hace 60 semanas", es.TooOld},
		// English words are not Spanish ones, and the other way round.
		{"yesterday", `"yesterday" no es una fecha. Escríbala así: 20/11/2026, o cuántos días hace, por ejemplo 3.`},
	}
	for _, tt := range errs {
		_, err := es.ParseTreated(tt.input, now, madrid)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseTreated(%q) error %v, want %q", tt.input, err, tt.want)
		}
	}
	if _, err := en.ParseTreated("ayer", now, madrid); err == nil {
		t.Errorf(`English reads "ayer" as a date`)
	}
}

func TestDayNamed(t *testing.T) {
	tests := []struct {
		w        Words
		sentence string
		day      int
		ok       bool
	}{
		{en, "is it normal to still be red on day 2", 2, true},
		{en, "still red after 10 days", 10, true},
		{en, "still swollen after 2 weeks", 14, true},
		{en, "Day 3, or 5 days?", 5, true},       // the latest
		{en, "still red after a week", 0, false}, // "a" is an article too
		{en, "moisturise twice a day", 0, false},
		{en, "fever of 38 after treatment", 0, false},
		{en, "99999999999999999999 weeks", MaxDaysAgo + 1, true},
		{es, "sigue roja el día 2", 2, true},
		{es, "sigue hinchada después de dos semanas", 14, true},
		{es, "hace 3 dias", 3, true},
		{es, "una semana", 0, false},
		{en, "still red since day 1", 0, false}, // it may be day 10
		{en, "swollen from day 2 on", 0, false},
		{es, "sigue roja desde el día 1", 0, false},
		{Words{}, "day 2", 0, false},
	}
	for _, tt := range tests {
		if day, ok := tt.w.DayNamed(tt.sentence); day != tt.day || ok != tt.ok {
			t.Errorf("DayNamed(%q) = %d, %v; want %d, %v", tt.sentence, day, ok, tt.day, tt.ok)
		}
	}
}
