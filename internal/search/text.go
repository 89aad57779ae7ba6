package search

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newParser parses the same Markdown dialect glamour renders (GFM), so that
// tables and strikethrough do not leave their syntax in the plain text.
func newParser() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()
}

// plainMarkdown appends the readable text of a Markdown body to buf, on one
// line. Blocks are joined with a space after punctuation, and with " · "
// otherwise, so a heading does not run into the paragraph under it.
func plainMarkdown(p parser.Parser, src []byte, buf *bytes.Buffer) {
	doc := p.Parse(gtext.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Text:
			if entering {
				v := n.Segment.Value(src)
				if !n.IsRaw() {
					v = unescape(v)
				}
				buf.Write(v)
				if n.SoftLineBreak() || n.HardLineBreak() {
					buf.WriteByte(' ')
				}
			}
		case *ast.String:
			if entering {
				buf.Write(n.Value)
			}
		case *ast.AutoLink:
			if entering {
				buf.Write(n.Label(src))
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML, *ast.HTMLBlock, *extast.TaskCheckBox:
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			if entering {
				lines := n.Lines()
				for i := 0; i < lines.Len(); i++ {
					seg := lines.At(i)
					buf.Write(seg.Value(src))
					buf.WriteByte(' ')
				}
			}
		}
		if !entering && n.Type() == ast.TypeBlock {
			endBlock(buf)
		}
		return ast.WalkContinue, nil
	})
}

// unescape resolves backslash escapes and character references, which
// goldmark leaves in text segments for its renderer to handle.
func unescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') >= 0 {
		v = util.UnescapePunctuations(v)
	}
	if bytes.IndexByte(v, '&') >= 0 {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(v))
	}
	return v
}

// endBlock separates the block just written from the next one. It is
// idempotent, because nested blocks (a list item in a list) end together.
func endBlock(buf *bytes.Buffer) {
	b := buf.Bytes()
	// Look past trailing spaces and anything clean will drop, so that
	// "lines.\x7f" still counts as ending with a full stop.
	end := len(b)
	for end > 0 {
		r, size := utf8.DecodeLastRune(b[:end])
		if r != ' ' && unicode.IsPrint(r) && r != utf8.RuneError {
			break
		}
		end -= size
	}
	buf.Truncate(end)
	if end == 0 {
		return
	}
	last, _ := utf8.DecodeLastRune(b[:end])
	switch last {
	case '.', '!', '?', ':', ';', ',', '·': // '·' is blockSep
		buf.WriteByte(' ')
	default:
		buf.WriteString(" " + blockSep + " ")
	}
}

const blockSep = "·"

// clean turns raw text into what a snippet may show: valid UTF-8 with only
// printable runes, every run of white space one space, no space at either
// end. It also returns the folded (lower-cased) form used for matching,
// which has exactly the same byte offsets, so a match found in lower is a
// range of text.
func clean(raw string) (text, lower string) {
	var t, l strings.Builder
	t.Grow(len(raw))
	l.Grow(len(raw))
	space := false
	for _, r := range raw {
		switch {
		case r == utf8.RuneError: // invalid bytes, or U+FFFD standing for them
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		case !unicode.IsPrint(r): // controls, escapes, bidi overrides, format runes
			continue
		}
		if space && t.Len() > 0 {
			t.WriteByte(' ')
			l.WriteByte(' ')
		}
		space = false
		t.WriteRune(r)
		l.WriteRune(fold(r))
	}
	text, lower = t.String(), l.String()
	if lower == text {
		lower = text // share the memory when nothing was upper case
	}
	return text, lower
}

// foldText is the folded form of a text made by clean, exactly the lower
// that clean returns with it: fold rune by rune, keeping byte offsets.
func foldText(text string) string {
	if folded(text) {
		return text // nothing to fold: share it
	}
	return string(appendFold(make([]byte, 0, len(text)), text))
}

// folded reports whether text is plain ASCII without capitals, which
// folding leaves as it is.
func folded(text string) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// appendFold appends text folded, as foldText folds it, to dst.
func appendFold(dst []byte, text string) []byte {
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		dst = utf8.AppendRune(dst, fold(r))
		i += size
	}
	return dst
}

// fold lower-cases a rune only when that keeps its UTF-8 length. The few
// runes whose lower case is longer or shorter (the Kelvin sign, 'Ⱥ') stay
// as they are: equal offsets in the text and its folded form are worth more
// than matching them.
func fold(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if l := unicode.ToLower(r); utf8.RuneLen(l) == utf8.RuneLen(r) {
		return l
	}
	return r
}

// isWordRune says what a word is made of. Words are what the query's
// words must be prefixes of; everything else (spaces, punctuation, "·")
// separates them.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// words calls f with each word of a folded string, as a substring of it.
func words(s string, f func(w string)) {
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			f(s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		f(s[start:])
	}
}
