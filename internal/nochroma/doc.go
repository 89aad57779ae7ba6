// Package chroma stands in for github.com/alecthomas/chroma/v2, the syntax
// highlighter glamour imports for code blocks. skinguide's go.mod replaces
// chroma with this module.
//
// Why: skinguide never highlights code. Its page styles turn highlighting
// off (internal/render sets CodeBlock.Chroma to nil and no style sets a
// CodeBlock.Theme), so glamour draws every code block as plain text and
// never calls chroma. Yet every start paid for chroma's package
// initialisation, which reads its 250-odd embedded lexers and 70 styles:
// 22-28 ms of a 50 ms start budget, and 4 MB of the binary.
//
// This module holds only the names glamour v1.0.0's ansi package uses
// (ansi/codeblock.go), and quick.Highlight writes the code unchanged. If a
// glamour upgrade needs more of chroma, the build fails and says which
// name is missing; then either add it here or drop the replace directive.
// internal/render's TestNoStyleAsksForHighlighting, TestCodeBlocksArePlain
// and TestChromaIsTheStandIn hold the reasons above.
package chroma

// TokenType is a kind of token in highlighted source.
type TokenType int

// The token types glamour gives a style to, in its order. Their values
// are not chroma's: nothing here reads them.
const (
	Text TokenType = iota
	Error
	Comment
	CommentPreproc
	Keyword
	KeywordReserved
	KeywordNamespace
	KeywordType
	Operator
	Punctuation
	Name
	NameBuiltin
	NameTag
	NameAttribute
	NameClass
	NameConstant
	NameDecorator
	NameException
	NameFunction
	NameOther
	Literal
	LiteralNumber
	LiteralDate
	LiteralString
	LiteralStringEscape
	GenericDeleted
	GenericEmph
	GenericInserted
	GenericStrong
	GenericSubheading
	Background
)

// StyleEntries maps token types to style descriptions such as "bold #ff0000".
type StyleEntries map[TokenType]string

// Style is a named set of style entries.
type Style struct {
	Name    string
	entries StyleEntries
}

// MustNewStyle returns a style with the given name and entries.
func MustNewStyle(name string, entries StyleEntries) *Style {
	return &Style{Name: name, entries: entries}
}
