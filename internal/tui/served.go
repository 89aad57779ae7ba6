package tui

// Attract reports whether a kiosk session sits untouched on its attract
// screen, as it does from its start and after every idle reset until a key
// or a click. skinguide serve's idle disconnect counts only that time.
func (m Model) Attract() bool { return m.sh.opts.Kiosk && m.kiosk.attract }
