package content

import (
	"bytes"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Front matter is nearly always the same few shapes: "key: value" lines,
// "[a, b]" lists and "  - item" lists of one-line text. The YAML library
// takes about 70 µs a page to parse them (most of loading 1,000 pages), so
// fastFrontMatter reads exactly those shapes itself and builds the node
// tree yaml.Unmarshal builds for them. For anything else (comments,
// anchors, tags, escapes, text on several lines, numbers other than plain
// whole ones, odd spacing) it returns nil and the caller uses the library,
// so every error message stays the library's. FuzzFastFrontMatter holds it
// to the library's result on everything it accepts.
//
// The nodes come from a, and are valid until a's next use: a loader reads
// every value out of a page's tree before the next page, so one a per
// goroutine serves every page it loads (the nodes were a third of what
// loading 1,000 pages allocated).
func fastFrontMatter(a *nodeBlocks, src []byte) *yaml.Node {
	if !fastSafe(src) {
		return nil
	}
	// Room for every node: at most a key and a value a line, a list item
	// a comma, the document and the mapping.
	a.reset(2*bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte(",")) + 4)
	lines := bytes.Split(src, []byte("\n"))
	if n := len(lines); n > 0 && len(lines[n-1]) == 0 {
		lines = lines[:n-1]
	}
	m := a.new(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"})
	for i := 0; i < len(lines); {
		l := lines[i]
		if len(l) == 0 {
			i++
			continue
		}
		k := 0
		for k < len(l) && (l[k] >= 'a' && l[k] <= 'z' || k > 0 && (l[k] >= '0' && l[k] <= '9' || l[k] == '_')) {
			k++
		}
		if k == 0 || k == len(l) || l[k] != ':' {
			return nil
		}
		key := fastPlain(a, l[:k], i+1, 1)
		if key == nil || key.Tag != "!!str" {
			return nil
		}
		if len(m.Content) == 0 {
			m.Line, m.Column = i+1, 1
		}
		var val *yaml.Node
		rest := l[k+1:]
		switch {
		case len(rest) == 0:
			val, i = fastBlockList(a, lines, i+1)
		case len(rest) > 1 && rest[0] == ' ' && rest[1] != ' ':
			col := k + 3
			if rest[1] == '[' {
				val = fastFlowList(a, rest[1:], i+1, col)
			} else if n, end := fastScalar(a, rest[1:], i+1, col, false); end == len(rest)-1 {
				val = n
			}
			i++
		}
		if val == nil {
			return nil
		}
		m.Content = append(m.Content, key, val)
	}
	if len(m.Content) == 0 {
		return nil
	}
	return a.new(yaml.Node{Kind: yaml.DocumentNode, Line: m.Line, Column: 1, Content: []*yaml.Node{m}})
}

// nodeBlocks hands out nodes from blocks of many, one allocation for a
// page's front matter rather than one a node. A block is never grown, so
// the pointers handed out stay valid until reset.
type nodeBlocks struct{ block []yaml.Node }

// reset takes back every node handed out and makes room for n more in
// one block.
func (a *nodeBlocks) reset(n int) {
	if cap(a.block) < n {
		a.block = make([]yaml.Node, 0, n)
		return
	}
	a.block = a.block[:0]
}

func (a *nodeBlocks) new(n yaml.Node) *yaml.Node {
	if len(a.block) == cap(a.block) {
		a.block = make([]yaml.Node, 0, 16)
	}
	a.block = append(a.block, n)
	return &a.block[len(a.block)-1]
}

// fastSafe reports whether src holds only characters the fast path knows
// the library reads as plain text: printable ASCII, line feeds, and the
// non-ASCII characters YAML calls printable that are not line breaks.
func fastSafe(src []byte) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return false
		case r < 0xA0, r == 0x2028, r == 0x2029, r == 0xFEFF, r >= 0xD800 && r < 0xE000, r == 0xFFFE, r == 0xFFFF:
			return false
		}
		i += size
	}
	return true
}

// fastBlockList reads "  - item" lines from lines[i], all with the same
// indent: the list and the index of the line after it, or nil.
func fastBlockList(a *nodeBlocks, lines [][]byte, i int) (*yaml.Node, int) {
	if i >= len(lines) {
		return nil, i
	}
	indent := 0
	for indent < len(lines[i]) && lines[i][indent] == ' ' {
		indent++
	}
	seq := a.new(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: i + 1, Column: indent + 1})
	for ; i < len(lines); i++ {
		l := lines[i]
		if len(l) == 0 || l[0] != ' ' && indent > 0 || l[0] != '-' && indent == 0 {
			break // the next key, or a blank line before it
		}
		if len(l) < indent+3 || string(l[:indent]) != string(bytes.Repeat([]byte(" "), indent)) ||
			l[indent] != '-' || l[indent+1] != ' ' || l[indent+2] == ' ' {
			return nil, i
		}
		item, end := fastScalar(a, l[indent+2:], i+1, indent+3, false)
		if item == nil || end != len(l)-indent-2 {
			return nil, i
		}
		seq.Content = append(seq.Content, item)
	}
	if len(seq.Content) == 0 {
		return nil, i
	}
	return seq, i
}

// fastFlowList reads "[a, b, c]" filling the rest of a line.
func fastFlowList(a *nodeBlocks, s []byte, line, col int) *yaml.Node {
	seq := a.new(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: line, Column: col})
	i := 1
	if len(s) == 2 && s[1] == ']' {
		return seq
	}
	for {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		item, n := fastScalar(a, s[i:], line, col+utf8.RuneCount(s[:i]), true) // columns count characters
		if item == nil {
			return nil
		}
		seq.Content = append(seq.Content, item)
		i += n
		for i < len(s) && s[i] == ' ' {
			i++
		}
		switch {
		case i == len(s)-1 && s[i] == ']':
			return seq
		case i < len(s) && s[i] == ',':
			i++
		default:
			return nil
		}
	}
}

// fastScalar reads one scalar at the start of s: quoted, or plain up to
// the end of s (or, inside a flow list, up to the next comma or bracket).
// It returns the node and the bytes read, or nil.
func fastScalar(a *nodeBlocks, s []byte, line, col int, flow bool) (*yaml.Node, int) {
	if len(s) == 0 {
		return nil, 0
	}
	switch s[0] {
	case '"':
		var out []byte // nil until the first escape: then Value is s[1:i]
		for i := 1; i < len(s); i++ {
			switch c := s[i]; c {
			case '"':
				v := string(out)
				if out == nil {
					v = string(s[1:i])
				}
				return a.new(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: v, Line: line, Column: col}), i + 1
			case '\\':
				if i+1 >= len(s) || s[i+1] != '"' && s[i+1] != '\\' {
					return nil, 0
				}
				if out == nil {
					out = append([]byte{}, s[1:i]...)
				}
				i++
				out = append(out, s[i])
			default:
				if out != nil {
					out = append(out, c)
				}
			}
		}
		return nil, 0
	case '\'':
		var out []byte
		for i := 1; i < len(s); i++ {
			if s[i] == '\'' {
				if i+1 < len(s) && s[i+1] == '\'' {
					out = append(out, '\'')
					i++
					continue
				}
				return a.new(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.SingleQuotedStyle, Value: string(out), Line: line, Column: col}), i + 1
			}
			out = append(out, s[i])
		}
		return nil, 0
	}
	end := len(s)
	if flow {
		end = bytes.IndexAny(s, ",]")
		if end < 0 {
			return nil, 0
		}
		for end > 0 && s[end-1] == ' ' {
			end--
		}
	}
	n := fastPlain(a, s[:end], line, col)
	if n == nil || flow && bytes.ContainsAny(s[:end], ":#[]{}?!&*|>%@`") {
		return nil, 0
	}
	return n, end
}

// fastPlain reads a whole plain (unquoted) scalar, resolving its tag as
// the library does for the cases it takes: text, whole numbers and dates.
func fastPlain(a *nodeBlocks, s []byte, line, col int) *yaml.Node {
	if len(s) == 0 || bytes.IndexByte([]byte("-?:,[]{}#&*!|>'\"%@` "), s[0]) >= 0 ||
		s[len(s)-1] == ' ' || s[len(s)-1] == ':' || bytes.Contains(s, []byte(": ")) || bytes.Contains(s, []byte(" #")) {
		return nil
	}
	v := string(s)
	tag := "!!str"
	switch c := s[0]; {
	case c >= '0' && c <= '9':
		switch {
		case fastWhole(s):
			tag = "!!int"
		case fastDate(s):
			if _, err := time.Parse("2006-1-2", v); err == nil {
				tag = "!!timestamp"
			}
		default:
			return nil
		}
	case c == '+' || c == '.' || c == '~' || c == '<':
		return nil
	case bytes.IndexByte([]byte("yYnNtTfFoO"), c) >= 0:
		switch v {
		case "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL":
			return nil
		}
	}
	return a.new(yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v, Line: line, Column: col})
}

// fastWhole: "0", or up to 18 digits without a leading zero (the library
// reads a leading zero as octal, and longer numbers may not fit).
func fastWhole(s []byte) bool {
	if len(s) > 18 || len(s) > 1 && s[0] == '0' {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// fastDate: exactly "dddd-dd-dd".
func fastDate(s []byte) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}
