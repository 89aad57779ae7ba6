package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

var clinicFlags = []string{
	"--clinic-name", "Riverside Skin Clinic", "--clinic-phone", "555-0100", "--clinic-hours", "Mon-Fri 9am-5pm",
	"--clinic-after-hours", "Call 555-0199 after 5pm, or NHS 111", "--clinic-emergency-number", "999",
}

// Every take-home sheet, plain or coloured, carries the clinic's name,
// phone, hours, after-hours line and the emergency number, before any page.
func TestPrintSheetCarriesClinic(t *testing.T) {
	for _, what := range []string{"aftercare", "day-2", "timeline", "faq", "makeup", "normal"} {
		for _, mode := range [][]string{{"--plain"}, {"--color", "always"}, {"--format", "markdown"}} {
			args := append(append([]string{"print", what}, mode...), clinicFlags...)
			out, errOut, code := run(t, args...)
			if code != 0 {
				t.Fatalf("%v: exit %d: %s", args, code, errOut)
			}
			text := strings.ReplaceAll(ansi.Strip(out), "\\", "")
			head := text[:min(len(text), 400)]
			for _, want := range []string{"Riverside Skin Clinic", "Your clinic:", "555-0100", "Mon-Fri 9am-5pm",
				"When your clinic is closed:", "555-0199", "Emergency: call 999 now"} {
				if !strings.Contains(strings.Join(strings.Fields(head), " "), want) {
					t.Errorf("%v: the sheet's head lacks %q:\n%s", args, want, head)
				}
			}
		}
	}
	// Without a configured number, the sheet still says whom to call.
	out, _, _ := run(t, "print", "aftercare", "--plain")
	if !strings.Contains(strings.Join(strings.Fields(out[:400]), " "), "Emergency: call 911 (US), 999 (UK) or 112 (EU) now") {
		t.Errorf("no emergency line without config:\n%.400s", out)
	}
}

// With a treatment date, each timeline step is headed with its days.
func TestPrintTimelineDated(t *testing.T) {
	out, _, code := run(t, "print", "timeline", "--plain", "--treated", "2026-11-20")
	if code != 0 {
		t.Fatal(code)
	}
	for _, want := range []string{"Fri 20 Nov (day 0)", "Sun 22 Nov (day 2)", "Tue 24 Nov - Wed 25 Nov (days 4-5)"} {
		if !strings.Contains(out, want) {
			t.Errorf("dated timeline lacks %q", want)
		}
	}
	_, errOut, code := run(t, "print", "timeline", "--treated", "someday")
	if code != 2 || !strings.Contains(errOut, "--treated") {
		t.Errorf("a bad date: exit %d, %q", code, errOut)
	}
	if out, _, _ := run(t, "print", "timeline", "--plain"); strings.Contains(out, "(day 2)") {
		t.Errorf("no date given, yet the steps are dated")
	}
}

// --width is honoured exactly, in every mode, on every page.
func TestPrintWidthExact(t *testing.T) {
	for _, w := range []string{"40", "57", "80", "120"} {
		for _, mode := range [][]string{{"--plain"}, {"--color", "always"}} {
			args := append([]string{"print", "--width", w}, append(mode, clinicFlags...)...)
			out, _, code := run(t, args...)
			if code != 0 {
				t.Fatal(code)
			}
			max := 0
			for _, l := range strings.Split(out, "\n") {
				max = maxInt(max, ansi.StringWidth(l))
			}
			if want := atoi(w); max > want {
				t.Errorf("%v: a line is %d wide", args, max)
			}
		}
	}
	// On a wide terminal the sheet still stops at 80 columns.
	out, _, _ := runTTY(t, 200, "print", "faq", "--plain")
	for _, l := range strings.Split(out, "\n") {
		if ansi.StringWidth(l) > 80 {
			t.Fatalf("a 200-column terminal gave a %d-wide line", ansi.StringWidth(l))
		}
	}
}

// A screen reader hears the words, not rules of = and -, and the line
// that the clinic comes first once, at the end.
func TestPrintPlainIsQuiet(t *testing.T) {
	out, _, _ := run(t, "print", "aftercare", "--plain")
	for _, noise := range []string{"====", "----", "────"} {
		if strings.Contains(out, noise) {
			t.Errorf("--plain has a rule %q", noise)
		}
	}
	first := "Your clinic's own instructions always come first"
	if n := strings.Count(out, first); n != 1 {
		t.Errorf("the clinic-first line appears %d times", n)
	}
	if !strings.HasSuffix(strings.Join(strings.Fields(out), " "), first+". This guide is general education.") {
		t.Errorf("the clinic-first line should end the sheet:\n%s", out[max(0, len(out)-300):])
	}
}

// Markdown: "#" for the clinic and the sections, "##" for each page.
func TestPrintMarkdownHeadings(t *testing.T) {
	md, _, _ := run(t, "print", "faq", "--format", "markdown")
	if !strings.Contains(md, "\n# About\n\n## What is microneedling?\n") {
		t.Errorf("sections and questions:\n%.600s", md)
	}
	if strings.Contains(md, "\n## What to do\n") {
		t.Errorf("a page's own parts must sit under its title (###)")
	}
}

// --color always: glamour's padding is trimmed, so colour costs little.
func TestPrintColourIsCompact(t *testing.T) {
	plainOut, _, _ := run(t, "print", "--plain")
	colour, _, _ := run(t, "print", "--color", "always")
	if len(colour) > 4*len(plainOut) {
		t.Errorf("coloured sheet is %d bytes for %d of text", len(colour), len(plainOut))
	}
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// runTTY runs a command as if stdout were a terminal this many columns wide.
func runTTY(t *testing.T, cols int, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Execute(args, Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Now:      func() time.Time { return time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC) },
		Getenv:   func(string) string { return "" },
		Terminal: func() (bool, int) { return true, cols },
	})
	return out.String(), errb.String(), code
}

// About carries the clinic's sign-off when the config has one, and says
// plainly that there is none otherwise; nobody's name is ever invented.
func TestAboutSignOff(t *testing.T) {
	out, _, _ := run(t, "print", "about", "--plain", "--clinic-name", "Riverside Skin Clinic",
		"--clinic-approved-by", "Dr Ada Lee, lead nurse", "--clinic-approved-on", "2026-11-01")
	if !strings.Contains(strings.Join(strings.Fields(out), " "), "Approved for use at Riverside Skin Clinic by Dr Ada Lee, lead nurse, on 1 November 2026.") {
		t.Errorf("no sign-off:\n%s", out)
	}
	out, _, _ = run(t, "print", "about", "--plain")
	if !strings.Contains(strings.Join(strings.Fields(out), " "), "Your clinic has not added its own sign-off to this guide yet.") || strings.Contains(out, "Approved for use") {
		t.Errorf("without a sign-off About must say so:\n%s", out)
	}
	_, errOut, code := run(t, "print", "about", "--clinic-approved-on", "1 Nov")
	if code != 2 || !strings.Contains(errOut, "YYYY-MM-DD") {
		t.Errorf("a bad date: exit %d, %q", code, errOut)
	}
}
