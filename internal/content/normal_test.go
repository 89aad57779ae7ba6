package content_test

import (
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/race"
)

func shippedSymptoms(t *testing.T) (*content.Symptoms, *content.Signs) {
	t.Helper()
	g, ps := content.Load(embedded.FS(), "en")
	if ps.Errors() > 0 || g == nil || g.Symptoms == nil || g.Signs == nil {
		t.Fatalf("shipped content: %v", ps.Err())
	}
	return g.Symptoms, g.Signs
}

// answersFor lists every way a follow-up can be answered: not asked, or
// each of its answers.
func answersFor(sy *content.Symptoms, signs *content.Signs, day int, chosen []string) []map[string]string {
	out := []map[string]string{nil}
	if f, ok := sy.Question(signs, day, chosen); ok {
		for _, a := range f.Answers {
			out = append(out, map[string]string{f.ID: a.ID})
		}
	}
	return out
}

// Every symptom, and every pair, on every day from 0 to 200, with every
// answer to the follow-up asked: exactly one outcome (normal, or one of
// the three levels); an emergency sign always gives Emergency; a warning
// sign of any level is never called normal.
func TestSymptomRulesExhaustive(t *testing.T) {
	race.SkipSerial(t)
	sy, signs := shippedSymptoms(t)
	var combos [][]string
	for i, a := range sy.Symptoms {
		combos = append(combos, []string{a.ID})
		for _, b := range sy.Symptoms[i+1:] {
			combos = append(combos, []string{a.ID, b.ID})
		}
	}
	levels := []string{"", content.LevelEmergency, content.LevelToday, content.LevelHours}
	checked := 0
	for day := 0; day <= 200; day++ {
		for _, chosen := range combos {
			for _, ans := range answersFor(sy, signs, day, chosen) {
				o := sy.Check(signs, day, chosen, ans)
				checked++
				where := fmt.Sprintf("day %d, %v, answers %v", day, chosen, ans)
				if !slices.Contains(levels, o.Level) {
					t.Fatalf("%s: outcome level %q is none of the four", where, o.Level)
				}
				if o.Normal() && (len(o.Notes) == 0 || len(o.Signs) > 0) {
					t.Fatalf("%s: normal needs a note for each symptom and no sign: %+v", where, o)
				}
				if !o.Normal() && (len(o.Signs) == 0 || len(o.Notes) > 0) {
					t.Fatalf("%s: a level needs the signs that made it, and no 'normal' note: %+v", where, o)
				}
				for _, s := range o.Signs {
					if s.Level != o.Level {
						t.Fatalf("%s: sign %s is %s, outcome %s", where, s.ID, s.Level, o.Level)
					}
				}
				// Any symptom that is a sign on this day, or made one by
				// the answer, rules out "normal"; an emergency one makes
				// it Emergency.
				for _, id := range chosen {
					for _, s := range symptomSigns(sy, signs, id, day, ans) {
						if o.Normal() {
							t.Fatalf("%s: %s is sign %s, yet the outcome is normal", where, id, s.ID)
						}
						if content.Rank(s.Level) < content.Rank(o.Level) {
							t.Fatalf("%s: sign %s (%s) is more urgent than the outcome %s", where, s.ID, s.Level, o.Level)
						}
					}
				}
			}
		}
	}
	if checked < 201*len(combos) {
		t.Fatalf("only %d outcomes checked", checked)
	}
}

// symptomSigns are the signs one symptom is on a day with the answers.
func symptomSigns(sy *content.Symptoms, signs *content.Signs, id string, day int, ans map[string]string) []content.Sign {
	var out []content.Sign
	for _, s := range sy.Symptoms {
		if s.ID != id {
			continue
		}
		d, _ := s.On(day)
		if sg, ok := signs.Sign(d.Sign); ok {
			out = append(out, sg)
		}
		if f, ok := sy.FollowUp(d.Ask); ok {
			for _, a := range f.Answers {
				if a.ID == ans[f.ID] {
					if sg, ok := signs.Sign(a.Sign); ok {
						out = append(out, sg)
					}
				}
			}
		}
	}
	return out
}

// A symptom that is an emergency sign is Emergency on every day, with
// anything beside it and whatever is answered.
func TestEmergencySymptomsAlwaysEmergency(t *testing.T) {
	sy, signs := shippedSymptoms(t)
	n := 0
	for _, s := range sy.Symptoms {
		emergency := true
		for _, d := range s.Days {
			sg, ok := signs.Sign(d.Sign)
			emergency = emergency && ok && sg.Level == content.LevelEmergency
		}
		if !emergency {
			continue
		}
		n++
		for day := 0; day <= 200; day++ {
			for _, other := range sy.Symptoms {
				chosen := []string{s.ID, other.ID}
				for _, ans := range answersFor(sy, signs, day, chosen) {
					if o := sy.Check(signs, day, chosen, ans); o.Level != content.LevelEmergency {
						t.Fatalf("day %d, %v, %v: %q, want emergency", day, chosen, ans, o.Level)
					}
				}
			}
		}
	}
	if n < 4 {
		t.Errorf("only %d emergency symptoms: breathing, tongue, eyes and numbing should be", n)
	}
}

// The walks the issue names, as rules.
func TestSymptomExamples(t *testing.T) {
	sy, signs := shippedSymptoms(t)
	tests := []struct {
		day    int
		chosen []string
		ans    map[string]string
		level  string
	}{
		{2, []string{"redness"}, map[string]string{"better-or-worse": "better"}, ""},
		{5, []string{"redness"}, map[string]string{"better-or-worse": "worse"}, content.LevelToday},
		{0, []string{"tongue"}, nil, content.LevelEmergency},
		{150, []string{"tongue"}, nil, content.LevelEmergency},
		{10, []string{"redness"}, map[string]string{"better-or-worse": "better"}, content.LevelHours},
		{3, []string{"flaking", "tightness"}, nil, ""},
		{3, []string{"cold-sore"}, map[string]string{"near-eye": "yes"}, content.LevelEmergency},
		{3, []string{"glands"}, map[string]string{"with-fever": "yes"}, content.LevelToday},
		// facts.md: redness that spreads, at any time, is "get medical
		// advice today"; spreading fast is an emergency.
		{0, []string{"redness"}, map[string]string{"spreading": "spreading-slowly"}, content.LevelToday},
		{0, []string{"redness"}, map[string]string{"spreading": "spreading-fast"}, content.LevelEmergency},
		{0, []string{"redness"}, map[string]string{"spreading": "stays"}, ""},
	}
	for _, tt := range tests {
		if o := sy.Check(signs, tt.day, tt.chosen, tt.ans); o.Level != tt.level {
			t.Errorf("day %d %v %v: %q, want %q", tt.day, tt.chosen, tt.ans, o.Level, tt.level)
		}
	}
	if f, ok := sy.Question(signs, 2, []string{"redness"}); !ok || f.ID != "better-or-worse" {
		t.Errorf("day 2 redness asks %v", f.ID)
	}
	if _, ok := sy.Question(signs, 2, []string{"redness", "breathing"}); ok {
		t.Errorf("an emergency needs no follow-up question")
	}
}

// Removing a rule makes check fail: a gap in the days, a symptom with no
// outcome, an unknown sign or question.
func TestSymptomRulesChecked(t *testing.T) {
	src, err := os.ReadFile("../../content/en/symptoms.yaml")
	if err != nil {
		t.Fatal(err)
	}
	orig := string(src)
	tests := []struct {
		name, old, new, want string
	}{
		{"gap", "      - from: 1\n        to: 6\n        normal: Most people's redness", "      - from: 2\n        to: 6\n        normal: Most people's redness",
			"gap in days: nothing says what day 1 to day 1 means"},
		{"no outcome", "  - id: lumps\n    words: Lumps under your skin\n    days:\n      - from: 0\n        sign: lumps\n", "  - id: lumps\n    words: Lumps under your skin\n",
			"symptom lumps has no outcome"},
		{"range without outcome", "        sign: lumps\n", "\n", "have no outcome"},
		{"unknown sign", "sign: throat-swelling", "sign: throat-swellin", `warning sign "throat-swellin" does not exist in warning-signs.yaml (did you mean "throat-swelling"?)`},
		{"unknown question", "ask: pain\n", "ask: pains\n", `follow-up "pains" does not exist`},
		{"last range closed", "      - from: 14\n        sign: patches\n", "      - from: 14\n        to: 30\n        sign: patches\n", "nothing says what day 31 on means"},
		{"missing text", "  start_again: Start again\n", "", `text: missing key "start_again"`},
		{"both", "        sign: lumps\n", "        sign: lumps\n        normal: Fine.\n", "either normal or a warning sign, not both"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(orig, tt.old) {
				t.Fatalf("the shipped file no longer has %q", tt.old)
			}
			fsys := copyFS(t)
			fsys["en/symptoms.yaml"].Data = []byte(strings.Replace(orig, tt.old, tt.new, 1))
			_, ps := content.Load(fsys, "en")
			found := false
			for _, p := range ps {
				found = found || strings.HasPrefix(p.String(), "en/symptoms.yaml:") && strings.Contains(p.String(), tt.want)
			}
			if !found {
				t.Errorf("want %q among %v", tt.want, ps)
			}
		})
	}
}

// copyFS is the shipped content as a map that a test may change.
func copyFS(t *testing.T) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(embedded.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(embedded.FS(), p)
		out[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
