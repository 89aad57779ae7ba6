// Command emptytea is the smallest bubbletea program that draws a new
// frame on every key: the reference for BenchmarkKeypressRoundTrip. It
// starts bubbletea as skinguide does (alternate screen, mouse, 120 frames
// a second unless -fps says otherwise), so the difference between the two
// round trips is what skinguide adds.
package main

import (
	"flag"
	"fmt"
	"os"

	tea "github.com/charmbracelet/bubbletea"
)

type model struct{ presses int }

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		if k.String() == "q" || k.String() == "ctrl+c" {
			return m, tea.Quit
		}
		m.presses++
	}
	return m, nil
}

func (m model) View() string {
	return fmt.Sprintf("an empty bubbletea program\n\npresses [%d]\n", m.presses)
}

func main() {
	fps := flag.Int("fps", 120, "frames a second")
	flag.Parse()
	p := tea.NewProgram(model{}, tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithFPS(*fps))
	if _, err := p.Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
