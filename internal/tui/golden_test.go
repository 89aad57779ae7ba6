package tui

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
)

// TestGolden runs the app as a program (teatest) to each screen, at 80x24
// and 120x40, and compares the final frame with testdata/TestGolden/*.
// Refresh with: go test ./internal/tui -update
func TestGolden(t *testing.T) {
	cases := []struct {
		name, script string
		treated      bool
		wait         string // text of the final frame, to know it is drawn
	}{
		{"home", "", false, "Learn about microneedling"},
		{"faq", "1", false, "How does it work?"},
		{"faq-answer", "1 down enter", false, "Step by step"},
		{"faq-aftercare", "1 right right right", false, "Which skin products"},
		{"search", "1 / retinol", false, "answers match"},
		{"search-none", "/ zzzqqq", false, "Nothing matches"},
		{"search-breathe", "/ breathe", false, "When to call us"},
		{"search-retnol", "/ retnol", false, "Showing results for retinol"},
		{"search-didyoumean", "/ snscrxxn", false, "Did you mean"},
		{"timeline", "2", false, "Press t to enter"},
		{"timeline-today", "2", true, "Day 2 after treatment"},
		{"timeline-date-error", "2 t 2027-01-01 enter", false, "future"},
		{"call-us", "3", false, "Emergency: call"},
		{"about", "6", false, "This guide helps you"},
		{"normal", "4", false, "How many days ago"},
		{"normal-answer", "4 2 enter 1 end enter 1", false, "Normal for day 2"},
		{"help", "1 ?", false, "Keys you can use here"},
	}
	sizes := [][2]int{{80, 24}, {120, 40}}
	for _, c := range cases {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, sz[0], sz[1]), func(t *testing.T) {
				t.Parallel()
				opts := testOptions()
				if c.treated {
					opts.Treated = treatedDaysAgo(2)
				}
				goldenRun(t, opts, sz[0], sz[1], c.script, c.wait)
			})
		}
	}
	t.Run("too-small_30x10", func(t *testing.T) {
		t.Parallel()
		goldenRun(t, testOptions(), 30, 10, "", "40 x 12")
	})
}

func goldenRun(t *testing.T, opts Options, w, h int, script, wait string) {
	tm := teatest.NewTestModel(t, newTestModel(t, opts), teatest.WithInitialTermSize(w, h))
	goldenFinish(t, tm, w, h, script, wait)
}

// goldenFinish plays script, waits for wait, and compares the final frame.
func goldenFinish(t *testing.T, tm *teatest.TestModel, w, h int, script, wait string) {
	for _, msg := range keys(script) {
		tm.Send(msg)
	}
	teatest.WaitFor(t, tm.Output(), func(out []byte) bool {
		return bytes.Contains([]byte(ansi.Strip(string(out))), []byte(wait))
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final, ok := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(Model)
	if !ok {
		t.Fatalf("final model is not a tui.Model")
	}
	view := final.View()
	checkFits(t, view, w, h, "golden")
	golden.RequireEqual(t, []byte(view+"\n"))
}
