// Package styles stands in for chroma's style registry: see the chroma
// package's doc.go.
package styles

import "github.com/alecthomas/chroma/v2"

// Registry holds the registered styles. glamour registers its own there
// before it highlights a code block, which skinguide never asks it to do.
// It is empty at start: chroma's fills it with 70 built-in styles, read
// from embedded XML at every start.
var Registry = map[string]*chroma.Style{}

// Register adds a style to the registry and returns it.
func Register(style *chroma.Style) *chroma.Style {
	Registry[style.Name] = style
	return style
}
