package readability

import (
	"strings"
	"testing"
)

func TestSyllablesES(t *testing.T) {
	for word, want := range map[string]int{
		"piel": 1, "sol": 1, "y": 1, "hoy": 1, "muy": 1, "ayer": 2, "agua": 2,
		"día": 2, "días": 2, "leer": 2, "crema": 2, "cuidado": 3, "enrojecimiento": 6,
		"microagujas": 5, "tratamiento": 4, "que": 1, "guía": 2, "colágeno": 4,
		"proteína": 4, "prohibido": 4, "aún": 2, "ahora": 3, "cicatriz": 3,
		"exposición": 4, "38": 1, "Usted": 2, "clínica": 3, "pingüino": 3,
	} {
		if got := SyllablesES(word); got != want {
			t.Errorf("SyllablesES(%q) = %d, want %d", word, got, want)
		}
	}
}

func TestINFLESZ(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		min, max float64
	}{
		{"easy", "Su piel puede estar roja. Es normal. Se va en uno o dos días.", 80, 120},
		{"hard", "La inducción percutánea de colágeno estimula la proliferación de fibroblastos dérmicos, que sintetizan colágeno y elastina, mejorando considerablemente la arquitectura tisular.", -100, 40},
	}
	r := RuleFor("es")
	for _, tt := range tests {
		s := r.Stats()
		s.Add(tt.text)
		if got := r.Score(s); got < tt.min || got > tt.max {
			t.Errorf("%s: INFLESZ = %.1f, want between %.0f and %.0f", tt.name, got, tt.min, tt.max)
		}
	}
}

func TestRuleByLanguage(t *testing.T) {
	hardES := "La inducción percutánea de colágeno estimula la proliferación de fibroblastos dérmicos, que sintetizan colágeno y elastina, mejorando considerablemente la arquitectura tisular."
	hardEN := "Microneedling stimulates fibroblasts, which synthesise collagen and elastin, improving dermal architecture considerably."
	tests := []struct {
		lang, text string
		ok         bool
		why        string
	}{
		{"en", "Wear sunscreen every day.", true, ""},
		{"en", hardEN, false, "reading grade"},
		{"es", "Use crema solar todos los días.", true, ""},
		{"es", hardES, false, "INFLESZ"},
		{"es-MX", hardES, false, "INFLESZ"},
		{"fr", hardEN, false, "reading grade"}, // no formula of its own: the English rule
		{"es", "", true, ""},
	}
	for _, tt := range tests {
		r := RuleFor(tt.lang)
		s := r.Stats()
		s.Add(tt.text)
		ok, why := r.Check(s)
		if ok != tt.ok || !strings.Contains(why, tt.why) {
			t.Errorf("%s %.20q: Check = %v %q, want %v containing %q", tt.lang, tt.text, ok, why, tt.ok, tt.why)
		}
	}
}

func FuzzSyllablesES(f *testing.F) {
	for _, w := range []string{"día", "hoy", "y", "güe", "ÁÉÍÓÚ", "x", ""} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		n := SyllablesES(w)
		if n < 0 || n > len(w)+1 {
			t.Fatalf("SyllablesES(%q) = %d", w, n)
		}
	})
}
