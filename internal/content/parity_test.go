package content

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

func loadAll(t *testing.T, fsys fstest.MapFS) []*Guide {
	t.Helper()
	var gs []*Guide
	for _, lang := range Languages(fsys) {
		g, ps := Load(fsys, lang)
		if ps.Errors() > 0 {
			t.Fatalf("load %s: %v", lang, ps)
		}
		gs = append(gs, g)
	}
	return gs
}

func TestParity(t *testing.T) {
	tests := []struct {
		name   string
		change func(fstest.MapFS)
		want   []string
	}{
		{"same guide", func(fstest.MapFS) {}, nil},
		{"page missing in the translation", func(f fstest.MapFS) {
			delete(f, "es/faq/care.md")
			f["es/faq/what-is-it.md"] = &fstest.MapFile{Data: []byte(strings.Replace(faqPage, "related: [care]\n", "", 1))}
		}, []string{"es/faq/care.md: missing: translate en/faq/care.md"}},
		{"page only in the translation", func(f fstest.MapFS) {
			f["es/faq/extra.md"] = &fstest.MapFile{Data: []byte(strings.Replace(strings.Replace(carePage, "id: care", "id: extra", 1), "order: 1", "order: 2", 1))}
		}, []string{`es/faq/extra.md:2: id "extra" has no page in en`}},
		{"page only in the source", func(f fstest.MapFS) {
			f["en/faq/extra.md"] = &fstest.MapFile{Data: []byte(strings.Replace(strings.Replace(carePage, "id: care", "id: extra", 1), "order: 1", "order: 2", 1))}
		}, []string{"es/faq/extra.md: missing: translate en/faq/extra.md"}},
		{"timeline ranges differ", func(f fstest.MapFS) {
			f["es/timeline/day-0.md"] = &fstest.MapFile{Data: []byte(step("day-0", 0, 1))}
			f["es/timeline/day-1.md"] = &fstest.MapFile{Data: []byte(step("day-1", 2, 3))}
		}, []string{
			"es/timeline/day-0.md:5: covers days 0 to 1, but en/timeline/day-0.md covers days 0 to 0",
			"es/timeline/day-1.md:5: covers days 2 to 3, but en/timeline/day-1.md covers days 1 to 3",
		}},
		{"section differs", func(f fstest.MapFS) {
			f["es/faq/care.md"] = &fstest.MapFile{Data: []byte(strings.Replace(strings.Replace(carePage, "section: aftercare", "section: about", 1), "order: 1", "order: 2", 1))}
		}, []string{`es/faq/care.md:4: section "about", but en/faq/care.md is in section "aftercare"`}},
		{"sections differ", func(f fstest.MapFS) {
			f["es/guide.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(guideYAML, "  - id: about\n    title: About\n", "  - id: about\n    title: About\n  - id: more\n    title: More\n", 1))}
		}, []string{`es/guide.yaml: FAQ section "more" is not in en`}},
		{"translation older than its source", func(f fstest.MapFS) {
			f["en/faq/care.md"] = &fstest.MapFile{Data: []byte(strings.Replace(carePage, "2026-11-01", "2026-11-20", 1))}
		}, []string{"es/faq/care.md:6: warning: es/faq/care.md is older than en/faq/care.md: review the translation"}},
		{"translation newer than its source is fine", func(f fstest.MapFS) {
			f["es/faq/care.md"] = &fstest.MapFile{Data: []byte(strings.Replace(carePage, "2026-11-01", "2026-11-20", 1))}
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := spanishFS()
			tt.change(fsys)
			ps := Parity(loadAll(t, fsys))
			if len(ps) != len(tt.want) {
				t.Fatalf("got %d problems %v, want %q", len(ps), ps, tt.want)
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(ps[i].String(), w) {
					t.Errorf("problem %d = %q, want prefix %q", i, ps[i], w)
				}
			}
		})
	}
}

// One language alone, or a translation without the source, has nothing to
// compare with.
func TestParityOneLanguage(t *testing.T) {
	if ps := Parity(loadAll(t, validFS())); len(ps) != 0 {
		t.Errorf("one language: %v", ps)
	}
	if ps := Parity(nil); len(ps) != 0 {
		t.Errorf("no languages: %v", ps)
	}
}

// The warning signs are the same in every language: ids, levels and days.
func TestSignsParity(t *testing.T) {
	src, err := os.ReadFile("../../content/en/warning-signs.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		change func(string) string
		want   []string
	}{
		{"same", func(s string) string { return s }, nil},
		{"level differs", func(s string) string {
			return strings.Replace(s, "level: emergency", "level: today", 1)
		}, []string{`es/warning-signs.yaml:`, `is level "today" here but "emergency"`}},
		{"sign missing", func(s string) string {
			return regexp.MustCompile(`(?s)  - id: breathing\n.*?\n  - id:`).ReplaceAllString(s, "  - id:")
		}, []string{`es/warning-signs.yaml: warning sign "breathing" of en is missing here`}},
		{"older", func(s string) string {
			return regexp.MustCompile(`(?m)^reviewed: .*$`).ReplaceAllString(s, "reviewed: 2025-01-01")
		}, []string{"es/warning-signs.yaml: warning: es/warning-signs.yaml is older than en/warning-signs.yaml: review the translation"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := spanishFS()
			fsys["en/warning-signs.yaml"] = &fstest.MapFile{Data: src}
			fsys["es/warning-signs.yaml"] = &fstest.MapFile{Data: []byte(tt.change(string(src)))}
			var gs []*Guide
			for _, lang := range []string{"en", "es"} {
				g, _ := Load(fsys, lang)
				gs = append(gs, g)
			}
			ps := Parity(gs)
			got := fmt.Sprint(ps)
			if len(tt.want) == 0 && len(ps) != 0 {
				t.Fatalf("got %v", ps)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("got %v, want %q", ps, w)
				}
			}
		})
	}
}

// The shipped pack: every language matches English, and "Is this normal?"
// answers the same in each (a changed day or sign in one file is an error).
func TestShippedParity(t *testing.T) {
	fsys := os.DirFS("../../content")
	var gs []*Guide
	for _, lang := range Languages(fsys) {
		g, ps := Load(fsys, lang)
		if ps.Errors() > 0 {
			t.Fatal(ps.Err())
		}
		gs = append(gs, g)
	}
	if len(gs) < 2 {
		t.Fatalf("the pack has %d languages, want English and Spanish", len(gs))
	}
	for _, p := range Parity(gs) {
		t.Errorf("%s", p)
	}
	// Break one symptom's days in Spanish: parity sees it.
	es := gs[1]
	x := es.Symptoms.Symptoms[0]
	x.Days = append([]SymptomDays{}, x.Days...)
	x.Days[0].Sign = "fever"
	es.Symptoms.Symptoms = append([]Symptom{x}, es.Symptoms.Symptoms[1:]...)
	if ps := Parity(gs); len(ps) != 1 || !strings.Contains(ps[0].Msg, "other days, outcomes or questions") {
		t.Errorf("a changed symptom: %v", ps)
	}
}

// LoadWithTranslations gives what Load, WithTranslations and Expand give:
// the guide and its problems, every other language that loads without
// errors, in folder order (a language with errors is left out), and every
// page expanded with the clinic's numbers. Run under -race, it also shows
// the two loads share nothing.
func TestLoadWithTranslations(t *testing.T) {
	fr := spanishFS()
	for name, f := range validFS() {
		fr["fr"+strings.TrimPrefix(name, "en")] = &fstest.MapFile{Data: f.Data}
	}
	broken := spanishFS()
	broken["es/faq/care.md"] = &fstest.MapFile{Data: []byte("---\nid: [\n---\nText.\n")}
	badEN := spanishFS()
	badEN["en/faq/care.md"] = broken["es/faq/care.md"]
	for _, tt := range []struct {
		name  string
		fsys  fstest.MapFS
		lang  string
		langs []string
	}{
		{"one translation", spanishFS(), "en", []string{"es"}},
		{"from Spanish", spanishFS(), "es", []string{"en"}},
		{"two, in folder order", fr, "fr", []string{"en", "es"}},
		{"translation with errors", broken, "en", nil},
		{"guide with errors", badEN, "en", []string{"es"}},
		{"no such language", spanishFS(), "de", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n := Numbers{Phone: "555-0142", Emergency: "112", ApprovedBy: "Dr A"}
			want, wantPs := Load(tt.fsys, tt.lang)
			WithTranslations(tt.fsys, want)
			Expand(want, n)
			got, ps := LoadWithTranslations(tt.fsys, tt.lang, n)
			if fmt.Sprint(ps) != fmt.Sprint(wantPs) {
				t.Errorf("problems %v, want %v", ps, wantPs)
			}
			if (got == nil) != (want == nil) {
				t.Fatalf("guide %v, want %v", got, want)
			}
			if got == nil {
				return
			}
			bodies := func(g *Guide) (out []string) {
				for _, l := range append([]*Guide{g}, g.Translations...) {
					for _, p := range l.All() {
						out = append(out, p.Path+"\n"+p.Body)
					}
				}
				return out
			}
			if a, b := bodies(got), bodies(want); fmt.Sprint(a) != fmt.Sprint(b) {
				t.Errorf("pages:\n%q\nwant\n%q", a, b)
			}
			if !strings.Contains(fmt.Sprint(bodies(got)), "555-0142") {
				t.Errorf("no page has the clinic's phone")
			}
			var langs []string
			for _, tr := range got.Translations {
				langs = append(langs, tr.Lang)
				if len(tr.All()) != len(validFS())-2 { // less guide.yaml and warning-signs.yaml
					t.Errorf("%s: %d pages", tr.Lang, len(tr.All()))
				}
			}
			if fmt.Sprint(langs) != fmt.Sprint(tt.langs) {
				t.Errorf("translations %v, want %v", langs, tt.langs)
			}
		})
	}
}
