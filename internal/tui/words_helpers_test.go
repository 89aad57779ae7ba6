package tui

import "github.com/skinguide/skinguide/internal/content"

// enTxt are the built-in English words of the interface, for tests that
// look for them on screen.
var enTxt = newTexts(content.BuiltinUI("en"))
