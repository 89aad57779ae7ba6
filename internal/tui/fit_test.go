package tui

import (
	"math/rand"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/race"
)

// screenScripts reach every screen from Home.
var screenScripts = []struct{ name, script string }{
	{"home", ""},
	{"faq-list", "1"},
	{"faq-answer", "1 down enter"},
	{"faq-answer-scrolled", "1 down enter pgdown"},
	{"search-empty", "/"},
	{"search-results", "/ sun"},
	{"search-none", "/ zzzqqq"},
	{"timeline", "2"},
	{"timeline-later", "2 right right right right right right right"},
	{"timeline-input", "2 t 2027-01-01 enter"},
	{"call-us", "3"},
	{"about", "6"},
	{"normal", "4"},
	{"normal-list", "4 3 enter"},
	{"normal-answer", "4 3 enter 1 end enter 2"},
	{"help", "?"},
	{"help-faq", "1 enter ?"},
}

func fitSizes() [][2]int {
	var out [][2]int
	for _, w := range []int{40, 41, 52, 79, 80, 99, 100, 101, 120, 160, 250} {
		for _, h := range []int{12, 13, 16, 17, 18, 24, 40, 80} {
			out = append(out, [2]int{w, h})
		}
	}
	return out
}

// TestEveryScreenFits: at sizes from 40x12 to 250x80 every line of every
// screen fits the width and the frame fits the height.
func TestEveryScreenFits(t *testing.T) {
	race.SkipSerial(t)
	opts := testOptions()
	opts.Treated = treatedDaysAgo(2)
	base := newTestModel(t, opts)
	for _, sc := range screenScripts {
		t.Run(sc.name, func(t *testing.T) {
			m := drive(base, size(80, 24))
			m = drive(m, keys(sc.script)...)
			for _, sz := range fitSizes() {
				m = drive(m, size(sz[0], sz[1]))
				checkFits(t, m.View(), sz[0], sz[1], sc.name)
				if strings.Contains(m.View(), enTxt.TooSmall[0]) {
					t.Fatalf("%s at %dx%d asks for a bigger window", sc.name, sz[0], sz[1])
				}
			}
		})
	}
}

func TestTooSmall(t *testing.T) {
	m := newTestModel(t, testOptions())
	for _, sz := range [][2]int{{39, 12}, {40, 11}, {39, 40}, {200, 11}, {20, 5}, {10, 1}, {1, 1}, {0, 0}, {0, 10}, {10, 0}} {
		m = drive(m, size(sz[0], sz[1]))
		v := m.View()
		checkFits(t, v, sz[0], sz[1], "too small")
		if sz[0] > 0 && sz[1] > 0 {
			line := strings.TrimSpace(v)
			ok := line != "" && strings.HasPrefix(enTxt.TooSmall[0], strings.TrimSuffix(line, "…"))
			for _, short := range []string{enTxt.TooSmall[1], enTxt.TooSmall[2], enTxt.TooSmall[3]} {
				ok = ok || line != "" && strings.HasPrefix(short, strings.TrimSuffix(line, "…"))
			}
			if !ok || strings.Count(v, "\n") != (sz[1]-1)/2 {
				t.Errorf("%dx%d: want the bigger-window line, centred, got %q", sz[0], sz[1], v)
			}
		}
	}
	m = drive(m, size(51, 21))
	if got := m.View(); got != "" && strings.Contains(got, enTxt.TooSmall[0]) {
		t.Errorf("51x21 is big enough")
	}
	m = drive(m, size(52, 25))
	if !strings.Contains(plain(m.View()), enTxt.MenuFAQ) {
		t.Errorf("after growing again Home should be back:\n%s", m.View())
	}
}

// TestRandomInput throws thousands of random events of every kind (see
// randomMsg) at the app from Home: it must never panic, and every frame
// must fit. TestRandomInputTextBoxes keeps a text box open.
func TestRandomInput(t *testing.T) {
	n := 4000
	if testing.Short() {
		n = 500
	}
	rng := rand.New(rand.NewSource(20261122))
	opts := testOptions()
	opts.Treated = treatedDaysAgo(5)
	m := drive(newTestModel(t, opts), size(80, 24))
	w, h := 80, 24
	for i := range n {
		msg := randomMsg(rng, w, h)
		if sz, ok := msg.(tea.WindowSizeMsg); ok {
			w, h = sz.Width, sz.Height
		}
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("step %d (%s): panic: %v", i, describe(msg), p)
				}
			}()
			m = step(m, msg, rng.Intn(3) == 0)
			checkFits(t, m.View(), w, h, "random input")
		}()
		if rng.Intn(200) == 0 {
			m = m.Reset()
			if m.top() != screenHome || !m.timeline().treated.IsZero() {
				t.Fatalf("Reset should forget everything")
			}
		}
	}
}
