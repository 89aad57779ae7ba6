package tui

import "github.com/charmbracelet/bubbles/key"

// KeyMap holds every key binding of the app, one part per screen, so that
// each screen's help lists exactly the keys that work there. Kiosk mode
// disables bindings instead of special-casing keys, so help stays truthful.
type KeyMap struct {
	Global   GlobalKeys
	Home     HomeKeys
	List     ListKeys
	Pager    PagerKeys
	Search   SearchKeys
	Timeline TimelineKeys
	Input    InputKeys
}

// GlobalKeys work on every screen (unless a text box has the focus).
type GlobalKeys struct {
	Help      key.Binding
	CallUs    key.Binding
	Back      key.Binding
	Quit      key.Binding
	ForceQuit key.Binding
	Suspend   key.Binding
	// StaffExit opens the staff PIN box. It exists only in kiosk mode
	// with a configured key and PIN, and no help ever lists it.
	StaffExit key.Binding
}

// HomeKeys drive the menu.
type HomeKeys struct {
	Up, Down key.Binding
	Choose   key.Binding
	Number   key.Binding
	Search   key.Binding
	Fact     key.Binding // kiosk: open the answer of the fact on the attract screen
}

// ListKeys drive the list of questions.
type ListKeys struct {
	Up, Down     key.Binding
	PrevSection  key.Binding
	NextSection  key.Binding
	Top, Bottom  key.Binding
	Open         key.Binding
	Focus        key.Binding
	Search       key.Binding
	NextQuestion key.Binding
	PrevQuestion key.Binding
}

// PagerKeys scroll a page and move between answers.
type PagerKeys struct {
	Up, Down         key.Binding
	PageUp, PageDown key.Binding
	Top, Bottom      key.Binding
	NextQuestion     key.Binding
	PrevQuestion     key.Binding
	Related          key.Binding
	Focus            key.Binding
	Search           key.Binding
}

// SearchKeys work while the search box is open.
type SearchKeys struct {
	Up, Down key.Binding
	Open     key.Binding
	Cancel   key.Binding
}

// TimelineKeys step through recovery.
type TimelineKeys struct {
	Prev, Next key.Binding
	First      key.Binding
	Last       key.Binding
	Today      key.Binding
	SetDate    key.Binding
	Open       key.Binding // the step's page full screen, without the rail
}

// InputKeys work in the treatment-date box.
type InputKeys struct {
	Apply  key.Binding
	Cancel key.Binding
}

func bind(keys []string, helpKey, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
}

// NewKeyMap builds the key map. In kiosk mode the keys that would leave the
// app (quit, ctrl+c, suspend) are disabled.
func NewKeyMap(kiosk bool) KeyMap {
	up := func(desc string) key.Binding { return bind([]string{"up", "k"}, "↑/k", desc) }
	down := func(desc string) key.Binding { return bind([]string{"down", "j"}, "↓/j", desc) }
	search := bind([]string{"/"}, "/", "search")
	next := bind([]string{"n"}, "n", "next question")
	prev := bind([]string{"p"}, "p", "previous question")

	km := KeyMap{
		Global: GlobalKeys{
			Help:      bind([]string{"?"}, "?", "all keys"),
			CallUs:    bind([]string{"!"}, "!", "when to call us"),
			Back:      bind([]string{"esc", "backspace"}, "esc", "back"),
			Quit:      bind([]string{"q"}, "q", "quit"),
			ForceQuit: bind([]string{"ctrl+c"}, "ctrl+c", "quit"),
			Suspend:   bind([]string{"ctrl+z"}, "ctrl+z", "pause"),
			StaffExit: key.NewBinding(key.WithDisabled()),
		},
		Home: HomeKeys{
			Up:     up("up"),
			Down:   down("down"),
			Choose: bind([]string{"enter", "right", "l"}, "enter", "open"),
			Number: bind([]string{"1", "2", "3", "4", "5"}, "1-5", "choose"),
			Search: search,
			Fact:   bind([]string{"f"}, "f", "read about this fact"),
		},
		List: ListKeys{
			Up:           up("up"),
			Down:         down("down"),
			PrevSection:  bind([]string{"left", "h", "shift+tab"}, "←/h", "previous section"),
			NextSection:  bind([]string{"right", "l"}, "→/l", "next section"),
			Top:          bind([]string{"home", "g"}, "home", "first question"),
			Bottom:       bind([]string{"end", "G"}, "end", "last question"),
			Open:         bind([]string{"enter"}, "enter", "read"),
			Focus:        bind([]string{"tab"}, "tab", "go to answer"),
			Search:       search,
			NextQuestion: next,
			PrevQuestion: prev,
		},
		Pager: PagerKeys{
			Up:           up("scroll up"),
			Down:         down("scroll down"),
			PageUp:       bind([]string{"pgup", "b"}, "pgup", "page up"),
			PageDown:     bind([]string{"pgdown", " ", "f"}, "pgdn", "page down"),
			Top:          bind([]string{"home", "g"}, "home", "top"),
			Bottom:       bind([]string{"end", "G"}, "end", "bottom"),
			NextQuestion: next,
			PrevQuestion: prev,
			Related:      bind([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1-9", "related question"),
			Focus:        bind([]string{"tab"}, "tab", "go to list"),
			Search:       search,
		},
		Search: SearchKeys{
			Up:     bind([]string{"up", "ctrl+p"}, "↑", "up"),
			Down:   bind([]string{"down", "ctrl+n"}, "↓", "down"),
			Open:   bind([]string{"enter"}, "enter", "open"),
			Cancel: bind([]string{"esc"}, "esc", "cancel"),
		},
		Timeline: TimelineKeys{
			Prev:    bind([]string{"left", "h"}, "←", "earlier"),
			Next:    bind([]string{"right", "l"}, "→", "later"),
			First:   bind([]string{"["}, "[", "first step"),
			Last:    bind([]string{"]"}, "]", "last step"),
			Today:   bind([]string{"."}, ".", "today"),
			SetDate: bind([]string{"t"}, "t", "treatment date"),
			Open:    bind([]string{"enter"}, "enter", "read full screen"),
		},
		Input: InputKeys{
			Apply:  bind([]string{"enter"}, "enter", "apply"),
			Cancel: bind([]string{"esc"}, "esc", "cancel"),
		},
	}
	if kiosk {
		km.Global.Quit.SetEnabled(false)
		km.Global.ForceQuit.SetEnabled(false)
		km.Global.Suspend.SetEnabled(false)
	} else {
		km.Home.Fact.SetEnabled(false) // facts rotate on the kiosk's attract screen only
	}
	return km
}

// helpKeys is what one screen shows in the hint bar and in full help.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }

// brief is a binding with a shorter description for the hint bar. It keeps
// the keys and the enabled state, so a disabled key stays hidden.
func brief(b key.Binding, desc string) key.Binding {
	c := key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
	c.SetEnabled(b.Enabled())
	return c
}

// hint is a display-only binding for the hint bar, standing for several
// keys at once ("↑/↓ scroll").
func hint(keys, desc string, of ...key.Binding) key.Binding {
	var all []string
	for _, b := range of {
		all = append(all, b.Keys()...)
	}
	return key.NewBinding(key.WithKeys(all...), key.WithHelp(keys, desc))
}

// globalHints are the hints every screen ends with.
func globalHints(g GlobalKeys) []key.Binding {
	return []key.Binding{brief(g.CallUs, "call us"), brief(g.Help, "help"), brief(g.Back, "back"), g.Quit}
}
