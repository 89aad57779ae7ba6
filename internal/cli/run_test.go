package cli

import (
	"strings"
	"testing"

	"github.com/muesli/termenv"
)

func TestGuideFlagErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--treated", "soon"}, `--treated: "soon" is not a date`},
		{[]string{"--treated", "2027-01-01"}, "--treated: That date is in the future"},
		{[]string{"--treated", "400"}, "more than a year ago"},
		{[]string{"--theme", "purple"}, `--theme: "purple" is not a theme`},
	} {
		out, errOut, code := run(t, c.args...)
		if code != ExitUsage || out != "" {
			t.Errorf("%v: exit %d, stdout %q; want exit %d and nothing on stdout", c.args, code, out, ExitUsage)
		}
		if !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: stderr %q, want one line with %q", c.args, errOut, c.want)
		}
	}
}

func TestGuideNeedsATerminal(t *testing.T) {
	_, errOut, code := run(t, "--treated", "2026-11-20", "--theme", "high-contrast")
	if code != ExitUsage || !strings.Contains(errOut, "needs a terminal") || !strings.Contains(errOut, "skinguide print") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

func TestColorProfile(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want termenv.Profile
	}{
		{nil, termenv.ANSI256},
		{map[string]string{"COLORTERM": "truecolor"}, termenv.TrueColor},
		{map[string]string{"COLORTERM": "24bit"}, termenv.TrueColor},
		{map[string]string{"NO_COLOR": "1", "COLORTERM": "truecolor"}, termenv.Ascii},
		{map[string]string{"TERM": "dumb"}, termenv.Ascii},
	} {
		env := Env{Getenv: func(k string) string { return c.env[k] }}
		if got := colorProfile(env); got != c.want {
			t.Errorf("%v: got profile %v, want %v", c.env, got, c.want)
		}
	}
}
