package cli

import (
	"strings"
	"testing"
)

// print normal is the "Is this normal?" rules as a take-home sheet: every
// symptom, normal days with by when it fades, signs with their level in
// the clinic's words, and the line every answer ends with.
func TestPrintNormal(t *testing.T) {
	out, errOut, code := run(t, append([]string{"print", "normal", "--plain", "--width", "100"}, clinicFlags...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	text := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{
		"What is normal when, and when to call",
		"Redness", "Day 0: Normal.", "Days 1-6: Normal. Most people's redness fades by day 3",
		"Day 7 on: Call in opening hours",
		"Getting worse, or spreading: Get medical advice today",
		"Swelling of your tongue, lips or throat", "Day 0 on: Emergency: call 999 now",
		"If you are worried, call us. You never need a reason.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("print normal lacks %q:\n%s", want, out)
		}
	}
}
