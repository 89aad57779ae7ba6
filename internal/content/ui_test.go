package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// A folder without ui.yaml gets the built-in words of its language.
func TestUIFallsBackToTheBuiltInPack(t *testing.T) {
	g, ps := Load(validFS(), "en")
	if len(ps) != 0 {
		t.Fatal(ps)
	}
	if got := g.UI.Dates().Format(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)); got != "Monday 30 November 2026" {
		t.Errorf("date = %q", got)
	}
	// A file that sets one key keeps the rest from the built-in pack.
	fsys := validFS()
	fsys["en/ui.yaml"] = &fstest.MapFile{Data: []byte("date_long: \"{day}/{month}\"\n")}
	g, ps = Load(fsys, "en")
	if len(ps) != 0 {
		t.Fatal(ps)
	}
	d := g.UI.Dates()
	if got := d.Format(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)); got != "30/November" {
		t.Errorf("date = %q", got)
	}
	if len(d.Today) == 0 || d.Empty == "" {
		t.Errorf("the other words were not filled in: %+v", d)
	}
}

func TestUIFileProblems(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"bad yaml", "a: [\n", "en/ui.yaml:1: malformed YAML"},
		{"not a mapping", "- a\n- b\n", "en/ui.yaml:1: the file must be a list of key: text lines"},
		{"bad key", "Menu-FAQ: x\n", `en/ui.yaml:1: key "Menu-FAQ"`},
		{"twice", "a: x\nb: y\na: z\n", `en/ui.yaml:3: key "a" is already defined on line 1`},
		{"nested", "a:\n  b: c\n", "en/ui.yaml:2: a: must be text or a list of text"},
		{"eleven months", "date_months: [a, b, c, d, e, f, g, h, i, j, k]\ndate_weekdays: [a, b, c, d, e, f, g]\n", "en/ui.yaml:2: months: list 12 month names"},
		{"escape", "a: \"\x1b[2J\"\n", "en/ui.yaml:1:"},
	}
	for _, tt := range tests {
		fsys := validFS()
		fsys["en/ui.yaml"] = &fstest.MapFile{Data: []byte(tt.src)}
		_, ps := Load(fsys, "en")
		if len(ps) == 0 || !strings.HasPrefix(ps[0].String(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.name, ps, tt.want)
		}
	}
}

func TestUIParity(t *testing.T) {
	tests := []struct {
		name, en, es string
		want         []string
	}{
		{"same", "a: Hello %s\nb: [x]\n", "a: Hola %s\nb: [y]\n", nil},
		{"no file in the translation", "a: Hello %s\n", "", nil},
		{"key missing", "a: Hello %s\nb: Bye\n", "a: Hola %s\n", []string{"es/ui.yaml: b: missing: translate it from en/ui.yaml"}},
		{"extra key", "a: Hello\n", "a: Hola\nz: Extra\n", []string{"es/ui.yaml:2: z: not a key of en/ui.yaml"}},
		{"verb lost", "a: Day %d of %s\n", "a: Día\n", []string{`es/ui.yaml:1: a: has "" where en/ui.yaml has "%d %s"`}},
		{"verbs swapped", "a: Day %d of %s\n", "a: De %s el día %d\n", []string{`es/ui.yaml:1: a: has "%s %d"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := spanishFS()
			fsys["en/ui.yaml"] = &fstest.MapFile{Data: []byte(tt.en)}
			if tt.es != "" {
				fsys["es/ui.yaml"] = &fstest.MapFile{Data: []byte(tt.es)}
			}
			ps := Parity(loadAll(t, fsys))
			if len(ps) != len(tt.want) {
				t.Fatalf("got %v, want %q", ps, tt.want)
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(ps[i].String(), w) {
					t.Errorf("problem %d = %q, want prefix %q", i, ps[i], w)
				}
			}
		})
	}
}
