package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// spanishFS is validFS with the same guide in Spanish beside the English.
func spanishFS() fstest.MapFS {
	fsys := validFS()
	for name, f := range validFS() {
		fsys["es"+strings.TrimPrefix(name, "en")] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// Each language is held to its own formula: a Spanish page is scored with
// INFLESZ, never with the English grade, and English keeps its grade rule.
func TestLintUsesTheLanguagesFormula(t *testing.T) {
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	hard := "La inducción percutánea de colágeno estimula la proliferación de fibroblastos dérmicos, que sintetizan colágeno y elastina, mejorando considerablemente la arquitectura tisular."
	// Easy Spanish, which the English syllable count would still pass or
	// fail on other grounds: it must pass the Spanish rule.
	easy := "Su piel puede estar roja. Es normal. Se va en uno o dos días."
	tests := []struct {
		lang, body, want string
	}{
		{"es", hard, "es/faq/care.md:9: warning: INFLESZ (Szigriszt-Pazos) readability"},
		{"es", easy, ""},
		{"en", "Notwithstanding considerable physiological variability, dermatological practitioners recommend meticulous postprocedural sanitation methodologies.", "en/faq/care.md:9: warning: reading grade"},
		{"en", "Keep it clean. Wash it twice a day.", ""},
	}
	for _, tt := range tests {
		fsys := spanishFS()
		name := tt.lang + "/faq/care.md"
		fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(carePage, "Keep it clean.", tt.body, 1))}
		g, ps := Load(fsys, tt.lang)
		if len(ps) != 0 {
			t.Fatalf("load: %v", ps)
		}
		lint := Lint(g, now)
		switch {
		case tt.want == "" && len(lint) != 0:
			t.Errorf("%s %.30q: got %v, want no warning", tt.lang, tt.body, lint)
		case tt.want != "" && (len(lint) != 1 || !strings.HasPrefix(lint[0].String(), tt.want)):
			t.Errorf("%s %.30q: got %v, want %q", tt.lang, tt.body, lint, tt.want)
		}
	}
}
