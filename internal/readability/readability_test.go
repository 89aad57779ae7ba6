package readability

import (
	"math"
	"testing"
)

func TestSyllables(t *testing.T) {
	for word, want := range map[string]int{
		"skin": 1, "the": 1, "gentle": 2, "simple": 2, "makes": 1, "looked": 1,
		"needed": 2, "collagen": 3, "microneedling": 4, "redness": 2, "yes": 1,
		"sunscreen": 2, "moisturiser": 4, "every": 3, "3": 1, "day": 1, "tiny": 2,
	} {
		if got := Syllables(word); got != want {
			t.Errorf("Syllables(%q) = %d, want %d", word, got, want)
		}
	}
}

func TestGrade(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		min, max float64
	}{
		{"easy", "Your skin may look red. This is normal. It fades in a day or two.", -3, 4},
		{"hard", "Microneedling stimulates fibroblasts, which synthesise collagen and elastin, improving dermal architecture considerably.", 14, 40},
		{"empty", "", 0, 0},
	}
	for _, tt := range tests {
		got := Grade(tt.text)
		if got < tt.min || got > tt.max || math.IsNaN(got) {
			t.Errorf("%s: Grade = %.1f, want between %.0f and %.0f", tt.name, got, tt.min, tt.max)
		}
	}
}

func TestBlocksEndSentences(t *testing.T) {
	var s Stats
	s.Add("Wear sunscreen")
	s.Add("Skip makeup for a day")
	if s.Sentences != 2 || s.Words != 7 {
		t.Fatalf("got %+v, want 2 sentences and 7 words", s)
	}
}
