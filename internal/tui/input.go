package tui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// textBox is a one-line text input. Its cursor does not blink: a blinking
// cursor distracts, and it would keep a waiting-room screen busy. Without
// colour (NO_COLOR) a reversed cell is invisible, so the cursor is drawn as
// an underscore instead.
type textBox struct {
	// ti is shared by the copies of the box, and never changed in place
	// (see edit): a screen is a value, copied at every key, and a
	// textinput.Model is 5 KB.
	ti     *textinput.Model
	styles *Styles
	ascii  bool
	mask   bool // a PIN: draw every character as "•" (or "*" without colour)
	// selected: the whole text is selected, as when search opens again
	// with the last query. Typing replaces it, deleting clears it, any
	// other key keeps it and ends the selection.
	selected bool
}

func newTextBox(styles *Styles, ascii bool, prompt, placeholder string, limit int) textBox {
	ti := textinput.New()
	ti.Prompt = prompt
	ti.Placeholder = placeholder
	ti.CharLimit = limit
	// textinput's default styles come from the global lipgloss renderer;
	// replace them all with ours.
	ti.PromptStyle = styles.Heading.Style
	ti.TextStyle = styles.Input.Style
	ti.PlaceholderStyle = styles.Dim.Style
	ti.CompletionStyle = styles.Dim.Style
	ti.Cursor.Style = styles.Cursor.Style
	ti.Cursor.TextStyle = styles.Input.Style
	ti.Cursor.SetMode(cursor.CursorStatic)
	// ctrl+v would read the clipboard of the machine the app runs on: over
	// SSH (serve) or on a kiosk that is somebody else's. Terminals paste
	// by themselves (a paste arrives as text), so nothing is lost.
	ti.KeyMap.Paste.SetEnabled(false)
	ti.Focus()
	return textBox{ti: &ti, styles: styles, ascii: ascii}
}

// edit gives the box an input of its own to change, a copy of the shared
// one with runes of its own: textinput changes its runes in place when
// text is typed or deleted before the end, and a copy of the struct
// shares them.
func (b *textBox) edit() *textinput.Model {
	ti := *b.ti
	ti.SetValue(b.ti.Value()) // new runes; the cursor stays where it is
	b.ti = &ti
	return b.ti
}

func (b textBox) value() string { return b.ti.Value() }

func (b *textBox) reset() {
	b.edit().Reset()
	b.selected = false
}

// setValue puts text in the box, the cursor at its end.
func (b *textBox) setValue(s string) {
	ti := b.edit()
	ti.SetValue(s)
	ti.CursorEnd()
	b.selected = false
}

// selectAll selects the whole text, the cursor at its end.
func (b *textBox) selectAll() {
	b.edit().CursorEnd()
	b.selected = b.ti.Value() != ""
}

func (b textBox) update(msg tea.Msg) (textBox, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && b.selected {
		b.selected = false
		switch {
		case k.Type == tea.KeyRunes || k.Type == tea.KeySpace:
			b.edit().SetValue("") // typing replaces the selection
		case key.Matches(k, b.ti.KeyMap.DeleteCharacterBackward, b.ti.KeyMap.DeleteCharacterForward,
			b.ti.KeyMap.DeleteWordBackward, b.ti.KeyMap.DeleteWordForward,
			b.ti.KeyMap.DeleteBeforeCursor, b.ti.KeyMap.DeleteAfterCursor):
			b.edit().SetValue("")
			return b, nil
		}
	}
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, b.ti.KeyMap.DeleteWordForward) {
		// bubbles v1.0.0 (and v2.2.1) index past the end of the text in
		// deleteWordForward when the cursor is on the last character, and
		// panic: the box does it itself instead of passing the key on.
		b.deleteWordForward()
		return b, nil
	}
	ti := b.edit()
	var cmd tea.Cmd
	*ti, cmd = ti.Update(msg)
	return b, cmd
}

// deleteWordForward deletes from the cursor to the end of the next word
// (the spaces before it included), as alt+d does in a shell. A masked box
// (a PIN) deletes to the end instead, so as not to reveal word breaks.
func (b *textBox) deleteWordForward() {
	text := []rune(b.ti.Value())
	pos := min(max(b.ti.Position(), 0), len(text))
	end := len(text)
	if !b.mask {
		end = pos
		for end < len(text) && unicode.IsSpace(text[end]) {
			end++
		}
		for end < len(text) && !unicode.IsSpace(text[end]) {
			end++
		}
	}
	if end == pos {
		return
	}
	ti := b.edit()
	ti.SetValue(string(text[:pos]) + string(text[end:]))
	ti.SetCursor(pos)
}

// view draws the box in w cells.
func (b textBox) view(w int) string {
	if b.selected {
		// The selection in reverse, the cursor after it.
		room := max(1, w-ansiWidth(b.ti.Prompt)-1)
		if b.ascii {
			// Without colour, reverse may not show: brackets do.
			return b.ti.Prompt + truncate("["+b.ti.Value()+"]", room) + "_"
		}
		return b.styles.Heading.Render(b.ti.Prompt) + b.styles.Selected.Render(truncate(b.ti.Value(), room)) + b.cursorMark()
	}
	if !b.ascii {
		ti := *b.ti // drawn with this width, on a copy
		if b.mask {
			ti.EchoMode = textinput.EchoPassword
			ti.EchoCharacter = '•'
		}
		ti.Width = max(1, w-ansiWidth(ti.Prompt)-1)
		return truncate(ti.View(), w)
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

// cursorMark is the cursor drawn after the text.
func (b textBox) cursorMark() string { return b.styles.Cursor.Render(" ") }
