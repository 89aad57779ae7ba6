package tui

import "testing"

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
