package content

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

const synonymsYAML = `# a comment
same:
  - [makeup, make-up, cosmetics]
  - [scab, crust]
also:
  tomorrow: [day 1, next day]
ignore: [a, the, my]
healing: [red, swollen]
negation_skips: [have, a]
may_cause: [affect, cause]
worry: [normal, bad]
`

func TestSynonymsLoad(t *testing.T) {
	fsys := validFS()
	fsys["en/synonyms.yaml"] = &fstest.MapFile{Data: []byte(synonymsYAML)}
	g, ps := Load(fsys, "en")
	if len(ps) != 0 {
		t.Fatalf("problems: %v", ps)
	}
	s := g.Synonyms
	if s == nil || len(s.Same) != 2 || len(s.Also) != 1 || len(s.Ignore) != 3 {
		t.Fatalf("synonyms = %+v", s)
	}
	if !slices.Equal(s.Healing, []string{"red", "swollen"}) {
		t.Errorf("healing = %v", s.Healing)
	}
	if !slices.Equal(s.NegationSkips, []string{"have", "a"}) || !slices.Equal(s.MayCause, []string{"affect", "cause"}) || !slices.Equal(s.Worry, []string{"normal", "bad"}) {
		t.Errorf("negation_skips = %v, may_cause = %v, worry = %v", s.NegationSkips, s.MayCause, s.Worry)
	}
	if !slices.Equal(s.Same[0].Words, []string{"makeup", "make-up", "cosmetics"}) || s.Same[0].Line != 3 || s.Same[1].Line != 4 {
		t.Errorf("same = %+v", s.Same)
	}
	if l := s.Also[0]; l.From != "tomorrow" || !slices.Equal(l.To, []string{"day 1", "next day"}) || l.Line != 6 {
		t.Errorf("also = %+v", l)
	}
	// Without the file, search has no synonyms and nothing is wrong.
	g, ps = Load(validFS(), "en")
	if len(ps) != 0 || g.Synonyms != nil {
		t.Errorf("no file: synonyms %v, problems %v", g.Synonyms, ps)
	}
}

func TestSynonymsFaults(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"malformed", "same: [a, b\n", "en/synonyms.yaml:1: malformed YAML"},
		{"empty", "", "en/synonyms.yaml:1: the file is empty"},
		{"not keys", "- a\n- b\n", "en/synonyms.yaml:1: the file must be keys"},
		{"unknown key", "same:\n  - [a, b]\nsynonyms: []\n", `en/synonyms.yaml:3: unknown key "synonyms" (known keys: same, also, ignore, healing, asking, negation_skips, may_cause, worry)`},
		{"same not a list", "same: makeup\n", "en/synonyms.yaml:1: same: must be a list of groups"},
		{"group of one", "same:\n  - [makeup]\n", "en/synonyms.yaml:2: a group of the same words needs at least two"},
		{"group not a list", "same:\n  - makeup\n", "en/synonyms.yaml:2: must be a list like [makeup, make-up], not text"},
		{"empty word", "same:\n  - [makeup, \"\"]\n", "en/synonyms.yaml:2: must be a word or phrase, not empty text"},
		{"punctuation only", "same:\n  - [makeup, \"--\"]\n", "en/synonyms.yaml:2: must be a word or phrase"},
		{"nested list", "same:\n  - [makeup, [a]]\n", "en/synonyms.yaml:2: must be a word or phrase, not a list"},
		{"in two groups", "same:\n  - [makeup, make-up]\n  - [cosmetics, Make Up]\n", `en/synonyms.yaml:3: "Make Up" is already in the group on line 2`},
		{"also not a map", "also: [a, b]\n", "en/synonyms.yaml:1: also: must be lines like"},
		{"also empty", "also:\n  tomorrow: []\n", `en/synonyms.yaml:2: also: "tomorrow" must list at least one word`},
		{"also twice", "also:\n  tomorrow: [day 1]\n  Tomorrow: [next day]\n", `en/synonyms.yaml:3: also: "Tomorrow" is already given on line 2`},
		{"also not a list", "also:\n  tomorrow: day 1\n", "en/synonyms.yaml:2: must be a list like"},
		{"ignore a phrase", "ignore: [a, of the]\n", `en/synonyms.yaml:1: ignore: "of the" must be one word`},
		{"healing a phrase", "healing: [red, red skin]\n", `en/synonyms.yaml:1: healing: "red skin" must be one word`},
		{"ignore and same", "same:\n  - [the, a]\nignore: [the]\n", `en/synonyms.yaml:2: "the" is in a group of the same words and also in ignore`},
		{"control characters", "same:\n  - [a\x1b[31m, b]\n", "en/synonyms.yaml:2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			fsys["en/synonyms.yaml"] = &fstest.MapFile{Data: []byte(tt.data)}
			_, ps := Load(fsys, "en")
			found := false
			for _, p := range ps {
				found = found || strings.HasPrefix(p.String(), tt.want)
			}
			if !found {
				t.Errorf("want %q among %v", tt.want, ps)
			}
		})
	}
}

func FuzzSynonyms(f *testing.F) {
	f.Add(synonymsYAML)
	f.Add("same:\n  - [a, [b]]\nalso:\n  x: {y: z}\n")
	f.Fuzz(func(t *testing.T, src string) {
		parseSynonyms([]byte(src), func(line int, format string, args ...any) {
			if line < 1 {
				t.Errorf("line %d for %q", line, format)
			}
		})
	})
}
