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
	Language key.Binding // the next language of the guide, when it has more than one
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

// NewKeyMap builds the key map, without the words that say what each key
// does (those belong to a language: see newKeyMap). In kiosk mode the keys
// that would leave the app (quit, ctrl+c, suspend) are disabled.
func NewKeyMap(kiosk bool) KeyMap { return newKeyMap(kiosk, keyWords{}) }

// newKeyMap builds the key map with help in the words of one language.
func newKeyMap(kiosk bool, w keyWords) KeyMap {
	up := func(desc string) key.Binding { return bind([]string{"up", "k"}, "↑/k", desc) }
	down := func(desc string) key.Binding { return bind([]string{"down", "j"}, "↓/j", desc) }
	search := bind([]string{"/"}, "/", w.Search)
	next := bind([]string{"n"}, "n", w.NextQuestion)
	prev := bind([]string{"p"}, "p", w.PreviousQuestion)

	km := KeyMap{
		Global: GlobalKeys{
			Help:      bind([]string{"?"}, "?", w.AllKeys),
			CallUs:    bind([]string{"!"}, "!", w.WhenToCall),
			Back:      bind([]string{"esc", "backspace"}, "esc", w.Back),
			Quit:      bind([]string{"q"}, "q", w.Quit),
			ForceQuit: bind([]string{"ctrl+c"}, "ctrl+c", w.Quit),
			Suspend:   bind([]string{"ctrl+z"}, "ctrl+z", w.Pause),
			StaffExit: key.NewBinding(key.WithDisabled()),
		},
		Home: HomeKeys{
			Up:     up(w.Up),
			Down:   down(w.Down),
			Choose: bind([]string{"enter", "right", "l"}, "enter", w.Open),
			Number: bind([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1-6", w.Choose),
			Search: search,
			Fact:   bind([]string{"f"}, "f", w.Fact),
			// L for language in English and Spanish (lengua, idioma),
			// and free on Home; it stays hidden with one language.
			Language: bind([]string{"L"}, "L", w.Language),
		},
		List: ListKeys{
			Up:           up(w.Up),
			Down:         down(w.Down),
			PrevSection:  bind([]string{"left", "h", "shift+tab"}, "←/h", w.PreviousSection),
			NextSection:  bind([]string{"right", "l"}, "→/l", w.NextSection),
			Top:          bind([]string{"home", "g"}, "home", w.FirstQuestion),
			Bottom:       bind([]string{"end", "G"}, "end", w.LastQuestion),
			Open:         bind([]string{"enter"}, "enter", w.Read),
			Focus:        bind([]string{"tab"}, "tab", w.GoToAnswer),
			Search:       search,
			NextQuestion: next,
			PrevQuestion: prev,
		},
		Pager: PagerKeys{
			Up:           up(w.ScrollUp),
			Down:         down(w.ScrollDown),
			PageUp:       bind([]string{"pgup", "b"}, "pgup/b", w.PageUp),
			PageDown:     bind([]string{"pgdown", " ", "f"}, "pgdn/f/space", w.PageDown),
			Top:          bind([]string{"home", "g"}, "home", w.Top),
			Bottom:       bind([]string{"end", "G"}, "end", w.Bottom),
			NextQuestion: next,
			PrevQuestion: prev,
			Related:      bind([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1-9", w.RelatedQuestion),
			Focus:        bind([]string{"tab"}, "tab", w.GoToList),
			Search:       search,
		},
		Search: SearchKeys{
			Up:     bind([]string{"up", "ctrl+p"}, "↑", w.Up),
			Down:   bind([]string{"down", "ctrl+n"}, "↓", w.Down),
			Open:   bind([]string{"enter"}, "enter", w.Open),
			Cancel: bind([]string{"esc"}, "esc", w.Cancel),
		},
		Timeline: TimelineKeys{
			Prev:    bind([]string{"left", "h"}, "←", w.Earlier),
			Next:    bind([]string{"right", "l"}, "→", w.Later),
			First:   bind([]string{"["}, "[", w.FirstStep),
			Last:    bind([]string{"]"}, "]", w.LastStep),
			Today:   bind([]string{"."}, ".", w.Today),
			SetDate: bind([]string{"t"}, "t", w.TreatmentDate),
			Open:    bind([]string{"enter"}, "enter", w.ReadFullScreen),
		},
		Input: InputKeys{
			Apply:  bind([]string{"enter"}, "enter", w.Apply),
			Cancel: bind([]string{"esc"}, "esc", w.Cancel),
		},
	}
	// ctrl+z is off in every mode: bubbletea stops the program with no word
	// on the screen, and the patient is left at a shell with "[1]+ Stopped"
	// not knowing how to come back (issue 11).
	km.Global.Suspend.SetEnabled(false)
	if kiosk {
		km.Global.Quit.SetEnabled(false)
		km.Global.ForceQuit.SetEnabled(false)
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

// relabel is a binding shown with another key label ("1-5" for the
// number keys of a five-item menu), keeping its keys and enabled state.
func relabel(b key.Binding, label string) key.Binding {
	c := key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(label, b.Help().Desc))
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
func globalHints(g GlobalKeys, w keyWords) []key.Binding {
	return []key.Binding{brief(g.CallUs, w.CallUs), brief(g.Help, w.Help), brief(g.Back, w.Back), g.Quit}
}
