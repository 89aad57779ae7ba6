// Package quick stands in for chroma's one-call highlighter: see the
// chroma package's doc.go.
package quick

import "io"

// Highlight writes source as it is, without colour: there are no lexers
// here, and skinguide's styles never ask for highlighting.
func Highlight(w io.Writer, source, lexer, formatter, style string) error {
	_, err := io.WriteString(w, source)
	return err
}
