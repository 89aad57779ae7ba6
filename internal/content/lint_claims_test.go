package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// The fact sheet forbids some claims outright; check warns about each, in
// English and Spanish, wherever a page says it (title, fact, body).
func TestLintOverclaims(t *testing.T) {
	on := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	fsys := validFS()
	fsys["en/faq/care.md"].Data = []byte(strings.Replace(carePage, "care for my skin?", "care for my skin with no downtime?", 1) +
		"See full results in 3 months.\nIt is done under sterile conditions.\nIt is cheaper than a laser.\nRedness is normal.\n")
	g, ps := Load(fsys, "en")
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	got := fmt.Sprint(Lint(g, on))
	for _, want := range []string{
		`en/faq/care.md:3: warning: never say "no downtime"`,
		`en/faq/care.md:10: warning: never promise "full results"`,
		`en/faq/care.md:11: warning: do not call the room sterile`,
		`en/faq/care.md:12: warning: do not say it costs less than other treatments`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lint lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "care.md:13") {
		t.Errorf("an ordinary line was flagged:\n%s", got)
	}

	es := fstest.MapFS{}
	for name, f := range validFS() {
		es["es"+strings.TrimPrefix(name, "en")] = f
	}
	es["es/faq/care.md"] = &fstest.MapFile{Data: []byte(carePage +
		"Es un tratamiento sin tiempo de recuperación.\nVerá los resultados completos en 3 meses.\nSe hace en una sala estéril.\nEs más barato que un láser.\n")}
	g, ps = Load(es, "es")
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	got = fmt.Sprint(Lint(g, on))
	for _, want := range []string{
		`es/faq/care.md:10: warning: no diga "sin tiempo de recuperación"`,
		`es/faq/care.md:11: warning: no prometa "resultados completos"`,
		`es/faq/care.md:12: warning: no diga que la sala es estéril`,
		`es/faq/care.md:13: warning: no diga que cuesta menos`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lint lacks %q:\n%s", want, got)
		}
	}
}
