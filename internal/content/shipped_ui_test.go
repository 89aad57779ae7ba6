package content_test

import (
	"testing"
	"time"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
)

// The shipped date words are complete and read the phrases people type, in
// every language the pack has.
func TestShippedDateWords(t *testing.T) {
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	phrases := map[string]map[string]int{
		"en": {"today": 0, "yesterday": 1, "3 days ago": 3, "a week ago": 7, "2026-11-18": 2, "3": 3},
		"es": {"hoy": 0, "ayer": 1, "anteayer": 2, "hace 3 días": 3, "hace 3 dias": 3, "hace una semana": 7, "18/11/2026": 2, "2026-11-18": 2, "3": 3},
	}
	dates := map[string]string{"en": "Monday 30 November 2026", "es": "lunes 30 de noviembre de 2026"}
	for _, lang := range content.Languages(embedded.FS()) {
		w := content.BuiltinUI(lang).Dates()
		if err := w.Check(); err != nil {
			t.Errorf("%s/ui.yaml: %v", lang, err)
		}
		for in, ago := range phrases[lang] {
			got, err := w.ParseTreated(in, now, time.UTC)
			if err != nil {
				t.Errorf("%s: %q: %v", lang, in, err)
			} else if d := int(now.Sub(got).Hours() / 24); d != ago {
				t.Errorf("%s: %q is %d days ago, want %d", lang, in, d, ago)
			}
		}
		if want, ok := dates[lang]; ok {
			if got := w.Format(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)); got != want {
				t.Errorf("%s: date %q, want %q", lang, got, want)
			}
		}
	}
}

// Every built-in language has every key of the built-in English, so
// filling a language's words from English after its own built-in pack
// would add nothing (loadUIFile relies on it and reads English only for a
// language the pack lacks).
func TestBuiltinUIHasEveryEnglishKey(t *testing.T) {
	en := content.BuiltinUI(content.SourceLang)
	for _, lang := range content.Languages(embedded.FS()) {
		u := content.BuiltinUI(lang)
		for _, k := range en.Keys() {
			if u.Text(k) == "" && u.List(k) == nil {
				t.Errorf("%s/ui.yaml has no %s", lang, k)
			}
		}
	}
}
