package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// The first frame does not wait for the search index: sizing the window
// (which sizes every screen, the search screen with its empty box too)
// and drawing Home leave it to Init's background command. At 1,000 pages
// building it on the UI goroutine put most of a second's CPU, under
// load, in front of the first frame.
func TestFirstFrameLeavesTheIndexToTheBackground(t *testing.T) {
	m := newTestModel(t, testOptions())
	next, _ := m.update(size(80, 24)) // without running commands: Init's is the background one
	_ = next.View()
	next, _ = next.update(size(100, 30))
	_ = next.View()
	if next.sh.guide.index.Prepared() {
		t.Fatal("sizing the window and drawing Home built the search index")
	}
	next = drive(next, keys("/ r e t")...)
	if !next.sh.guide.index.Prepared() {
		t.Fatal("searching did not build the index")
	}
}

// With Options.FirstFrame, the first complete frame goes out before any
// work for later: sizing the window and drawing Home neither build the
// search index nor render the pages Home leads to, which on two cores kept
// bubbletea's frame tick waiting for a core. The first layout asks for
// firstFrameMsg after FirstFrame; it starts both. A later resize does not
// hold anything back again.
func TestFirstFrameComesBeforeBackgroundWork(t *testing.T) {
	opts := testOptions()
	opts.FirstFrame = 25 * time.Millisecond
	m := newTestModel(t, opts)
	var asked []time.Duration
	var later []tea.Msg
	m.sh.after = func(d time.Duration, msg tea.Msg) tea.Cmd {
		return func() tea.Msg {
			asked, later = append(asked, d), append(later, msg)
			return nil
		}
	}
	if cmd := m.Init(); cmd != nil {
		drive(m, runCmd(cmd)...)
	}
	m = drive(m, size(80, 24))
	if !strings.Contains(plain(m.View()), "About this guide") {
		t.Fatalf("no Home:\n%s", plain(m.View()))
	}
	pages := func() int { return m.sh.guide.pages.lines.Stats().Entries }
	if m.sh.guide.index.Prepared() || pages() > 0 {
		t.Fatalf("before the first frame was out: index built %v, %d pages rendered", m.sh.guide.index.Prepared(), pages())
	}
	if len(later) != 1 || asked[0] != opts.FirstFrame {
		t.Fatalf("the first layout asked for %v after %v, want one firstFrameMsg after %v", later, asked, opts.FirstFrame)
	}
	m = drive(m, later...)
	if !m.sh.guide.index.Prepared() || pages() == 0 {
		t.Fatalf("after the first frame: index built %v, %d pages rendered", m.sh.guide.index.Prepared(), pages())
	}
	m = drive(m, size(100, 30))
	if len(later) != 1 {
		t.Errorf("a resize after the first frame held the work back again: %v", later)
	}
}
