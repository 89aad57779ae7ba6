package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/muesli/termenv"

	"github.com/skinguide/skinguide/internal/config"
	"github.com/skinguide/skinguide/internal/render"
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
		{map[string]string{"TERM": "xterm-256color"}, termenv.ANSI256},
		{map[string]string{"TERM": "linux"}, termenv.ANSI}, // the console of a kiosk box: 16 colours
		{map[string]string{"TERM": "xterm-256color", "COLORTERM": "truecolor"}, termenv.TrueColor},
		{map[string]string{"TERM": "xterm-256color", "COLORTERM": "24bit"}, termenv.TrueColor},
		{map[string]string{"TERM": "xterm-256color", "NO_COLOR": "1", "COLORTERM": "truecolor"}, termenv.Ascii},
		{map[string]string{"TERM": "xterm-256color", "NO_COLOR": "yes"}, termenv.Ascii}, // any value (no-color.org)
		{map[string]string{"TERM": "dumb"}, termenv.Ascii},
		{map[string]string{"TERM": "linux"}, termenv.ANSI},
		{map[string]string{"TERM": "xterm-16color"}, termenv.ANSI},
		{map[string]string{"TERM": "xterm-color"}, termenv.ANSI},
		{map[string]string{"TERM": "xterm-256color"}, termenv.ANSI256},
		{map[string]string{"TERM": "tmux-256color"}, termenv.ANSI256},
		{map[string]string{"TERM": "dumb", "CLICOLOR_FORCE": "1"}, termenv.ANSI},
		{nil, termenv.ANSI256}, // a terminal that does not say: the common 256 colours
	} {
		env := Env{Getenv: func(k string) string { return c.env[k] }}
		if got := colorProfile(env); got != c.want {
			t.Errorf("%v: got profile %v, want %v", c.env, got, c.want)
		}
	}
}

// NO_COLOR removes colour only: the guide keeps bold, underline and
// reverse (the Mono theme, drawn with the 16-colour profile's attributes).
func TestGuideLook(t *testing.T) {
	for _, c := range []struct {
		env     map[string]string
		theme   render.Theme
		profile termenv.Profile
	}{
		{map[string]string{"NO_COLOR": "1"}, render.Mono, termenv.ANSI},
		{map[string]string{"NO_COLOR": "1", "TERM": "dumb"}, render.HighContrast, termenv.Ascii},
		{map[string]string{"TERM": "linux"}, render.HighContrast, termenv.ANSI},
		{nil, render.HighContrast, termenv.ANSI256},
	} {
		env := Env{Getenv: func(k string) string { return c.env[k] }}
		if th, p := guideLook(env, render.HighContrast); th != c.theme || p != c.profile {
			t.Errorf("%v: got %s/%v, want %s/%v", c.env, th, p, c.theme, c.profile)
		}
	}
}

// --treated opens the guide on the timeline (issue 11 part 4).
func TestTreatedOpensTimeline(t *testing.T) {
	env := Env{Getenv: func(string) string { return "" }, Now: func() time.Time { return time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC) }}
	cfg := config.Default()
	for treated, want := range map[string]bool{"": false, "2026-11-20": true, "3": true} {
		opts, err := guideOptions(env, cfg, treated)
		if err != nil || opts.OpenTimeline != want {
			t.Errorf("--treated %q: OpenTimeline %v (%v), want %v", treated, opts.OpenTimeline, err, want)
		}
	}
}

// print's colours: CLICOLOR_FORCE colours a pipe (it was ignored before
// colorprofile), NO_COLOR and --color never/--plain take them away, and
// --color always wins over NO_COLOR as a flag should.
func TestPrintColours(t *testing.T) {
	for _, c := range []struct {
		env   map[string]string
		isTTY bool
		color string
		want  termenv.Profile
	}{
		{map[string]string{"TERM": "xterm-256color"}, false, "auto", termenv.Ascii},
		{map[string]string{"TERM": "xterm-256color", "CLICOLOR_FORCE": "1"}, false, "auto", termenv.ANSI256},
		{map[string]string{"TERM": "xterm-256color"}, true, "auto", termenv.ANSI256},
		{map[string]string{"TERM": "xterm-256color", "NO_COLOR": "1"}, true, "auto", termenv.Ascii},
		{map[string]string{"TERM": "xterm-256color", "NO_COLOR": "1"}, false, "always", termenv.ANSI256},
		{map[string]string{"TERM": "xterm-256color"}, true, "never", termenv.Ascii},
	} {
		env := Env{Getenv: func(k string) string { return c.env[k] }}
		st, err := printStyle(env, render.Dark, c.color, false, c.isTTY)
		if err != nil || st.Profile != c.want {
			t.Errorf("%v tty=%v --color %s: got %v (%v), want %v", c.env, c.isTTY, c.color, st.Profile, err, c.want)
		}
	}
}
