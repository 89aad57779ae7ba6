package tui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// textBox is a one-line text input. Its cursor does not blink: a blinking
// cursor distracts, and it would keep a waiting-room screen busy. Without
// colour (NO_COLOR) a reversed cell is invisible, so the cursor is drawn as
// an underscore instead.
type textBox struct {
	ti     textinput.Model
	styles *Styles
	ascii  bool
	mask   bool // a PIN: draw every character as "•" (or "*" without colour)
}

func newTextBox(styles *Styles, ascii bool, prompt, placeholder string, limit int) textBox {
	ti := textinput.New()
	ti.Prompt = prompt
	ti.Placeholder = placeholder
	ti.CharLimit = limit
	// textinput's default styles come from the global lipgloss renderer;
	// replace them all with ours.
	ti.PromptStyle = styles.Heading
	ti.TextStyle = styles.Input
	ti.PlaceholderStyle = styles.Dim
	ti.CompletionStyle = styles.Dim
	ti.Cursor.Style = styles.Cursor
	ti.Cursor.TextStyle = styles.Input
	ti.Cursor.SetMode(cursor.CursorStatic)
	ti.Focus()
	return textBox{ti: ti, styles: styles, ascii: ascii}
}

func (b textBox) value() string { return b.ti.Value() }

func (b *textBox) reset() { b.ti.Reset() }

func (b textBox) update(msg tea.Msg) (textBox, tea.Cmd) {
	var cmd tea.Cmd
	b.ti, cmd = b.ti.Update(msg)
	return b, cmd
}

// view draws the box in w cells.
func (b textBox) view(w int) string {
	if !b.ascii {
		if b.mask {
			b.ti.EchoMode = textinput.EchoPassword
			b.ti.EchoCharacter = '•'
		}
		b.ti.Width = max(1, w-ansiWidth(b.ti.Prompt)-1)
		return truncate(b.ti.View(), w)
	}
	runes := []rune(b.ti.Value())
	if b.mask {
		runes = []rune(strings.Repeat("*", len(runes)))
	}
	pos := min(b.ti.Position(), len(runes))
	line := string(runes[:pos]) + "_" + string(runes[pos:])
	if len(runes) == 0 && b.ti.Placeholder != "" {
		line += " " + b.ti.Placeholder
	}
	// Keep the end of a long entry in view, as the typing happens there.
	room := max(1, w-ansiWidth(b.ti.Prompt))
	for ansiWidth(line) > room {
		_, size := utf8.DecodeRuneInString(line)
		line = line[size:]
	}
	return b.ti.Prompt + line
}
