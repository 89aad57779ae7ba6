package content

import (
	"os"
	"testing"
)

// Any symptoms file is reported line by line, never a panic.
func FuzzSymptoms(f *testing.F) {
	if src, err := os.ReadFile("../../content/en/symptoms.yaml"); err == nil {
		f.Add(string(src))
	}
	f.Add("symptoms:\n  - id: a\n    words: A\n    days:\n      - from: 0\n        sign: x\n        ask: y\n")
	f.Add("text: [a]\nfollow_ups: {a: b}\nsymptoms: 3\n")
	f.Fuzz(func(t *testing.T, src string) {
		sy := parseSymptoms([]byte(src), func(line int, format string, args ...any) {})
		if sy != nil {
			checkSymptoms(sy, nil, func(line int, format string, args ...any) {})
			for _, s := range sy.Symptoms {
				for day := 0; day < 3; day++ {
					s.On(day)
				}
			}
			sy.Check(nil, 2, []string{"a"}, map[string]string{"y": "z"})
			sy.Question(nil, 2, []string{"a"})
		}
	})
}
