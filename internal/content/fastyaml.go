package content

import (
	"strings"
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
func fastFrontMatter(a *nodeBlocks, src string) *yaml.Node {
	if !fastSafe(src) {
		return nil
	}
	// Room for every node: at most a key and a value a line, a list item
	// a comma, the document and the mapping. In lists: the mapping's keys
	// and values, every flow list's items (at most one more than its
	// commas, on a line of its own), every block list's (a line each) and
	// the document's mapping.
	lines, commas := strings.Count(src, "\n")+1, strings.Count(src, ",")
	a.reset(2*lines+commas+4, 4*lines+commas+4)
	m := a.new(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: a.list(2 * lines)})
	// The lines are read in place, line is the number of rest's first.
	for rest, line := src, 1; rest != ""; {
		l, next, _ := strings.Cut(rest, "\n")
		if len(l) == 0 {
			rest, line = next, line+1
			continue
		}
		k := 0
		for k < len(l) && (l[k] >= 'a' && l[k] <= 'z' || k > 0 && (l[k] >= '0' && l[k] <= '9' || l[k] == '_')) {
			k++
		}
		if k == 0 || k == len(l) || l[k] != ':' {
			return nil
		}
		key := fastPlain(a, l[:k], line, 1)
		if key == nil || key.Tag != "!!str" {
			return nil
		}
		if len(m.Content) == 0 {
			m.Line, m.Column = line, 1
		}
		var val *yaml.Node
		after := l[k+1:]
		switch {
		case len(after) == 0:
			val, rest, line = fastBlockList(a, next, line+1)
		case len(after) > 1 && after[0] == ' ' && after[1] != ' ':
			col := k + 3
			if after[1] == '[' {
				val = fastFlowList(a, after[1:], line, col)
			} else if n, end := fastScalar(a, after[1:], line, col, false); end == len(after)-1 {
				val = n
			}
			rest, line = next, line+1
		}
		if val == nil {
			return nil
		}
		m.Content = append(m.Content, key, val)
	}
	if len(m.Content) == 0 {
		return nil
	}
	return a.new(yaml.Node{Kind: yaml.DocumentNode, Line: m.Line, Column: 1, Content: append(a.list(1), m)})
}

// nodeBlocks hands out nodes from blocks of many, one allocation for a
// page's front matter rather than one a node, and the nodes' Content
// slices likewise. A block is never grown, so the pointers handed out
// stay valid until reset.
type nodeBlocks struct {
	block []yaml.Node
	lists []*yaml.Node
}

// reset takes back every node and list handed out and makes room for
// nodes more nodes and lists more list items, in a block each.
func (a *nodeBlocks) reset(nodes, lists int) {
	if cap(a.block) < nodes {
		a.block = make([]yaml.Node, 0, nodes)
	} else {
		a.block = a.block[:0]
	}
	if cap(a.lists) < lists {
		a.lists = make([]*yaml.Node, 0, lists)
	} else {
		a.lists = a.lists[:0]
	}
}

// list hands out an empty list with room for n nodes, from a block when
// it has room. Appending more than n still works: it allocates.
func (a *nodeBlocks) list(n int) []*yaml.Node {
	if len(a.lists)+n > cap(a.lists) {
		return make([]*yaml.Node, 0, n)
	}
	l := a.lists[len(a.lists) : len(a.lists) : len(a.lists)+n]
	a.lists = a.lists[:len(a.lists)+n]
	return l
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
func fastSafe(src string) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
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

// fastBlockList reads "  - item" lines from the start of src, all with
// the same indent; line is the number of src's first. It returns the
// list, the lines after it and the number of the first of them, or nil.
func fastBlockList(a *nodeBlocks, src string, line int) (*yaml.Node, string, int) {
	first, _, _ := strings.Cut(src, "\n")
	if src == "" {
		return nil, src, line
	}
	indent := len(first) - len(strings.TrimLeft(first, " "))
	inList := func(l string) bool { return len(l) > 0 && (l[0] == ' ' || indent == 0) && (l[0] == '-' || indent > 0) }
	n := 0
	for rest, more := src, true; more; n++ {
		var l string
		if l, rest, more = strings.Cut(rest, "\n"); !inList(l) {
			break
		}
	}
	seq := a.new(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line, Column: indent + 1, Content: a.list(n)})
	for ; src != ""; line++ {
		l, next, _ := strings.Cut(src, "\n")
		if !inList(l) {
			break // the next key, or a blank line before it
		}
		if len(l) < indent+3 || strings.TrimLeft(l[:indent], " ") != "" ||
			l[indent] != '-' || l[indent+1] != ' ' || l[indent+2] == ' ' {
			return nil, src, line
		}
		item, end := fastScalar(a, l[indent+2:], line, indent+3, false)
		if item == nil || end != len(l)-indent-2 {
			return nil, src, line
		}
		seq.Content = append(seq.Content, item)
		src = next
	}
	if len(seq.Content) == 0 {
		return nil, src, line
	}
	return seq, src, line
}

// fastFlowList reads "[a, b, c]" filling the rest of a line.
func fastFlowList(a *nodeBlocks, s string, line, col int) *yaml.Node {
	seq := a.new(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: line, Column: col})
	i := 1
	if len(s) == 2 && s[1] == ']' {
		return seq
	}
	seq.Content = a.list(strings.Count(s, ",") + 1)
	for {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		item, n := fastScalar(a, s[i:], line, col+utf8.RuneCountInString(s[:i]), true) // columns count characters
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
// It returns the node and the bytes read, or nil. Its value is a part of
// s unless the quoted text has escapes.
func fastScalar(a *nodeBlocks, s string, line, col int, flow bool) (*yaml.Node, int) {
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
					v = s[1:i]
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
		var out []byte // nil until the first '': then Value is s[1:i]
		for i := 1; i < len(s); i++ {
			if s[i] == '\'' {
				if i+1 < len(s) && s[i+1] == '\'' {
					if out == nil {
						out = append([]byte{}, s[1:i]...)
					}
					out = append(out, '\'')
					i++
					continue
				}
				v := string(out)
				if out == nil {
					v = s[1:i]
				}
				return a.new(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.SingleQuotedStyle, Value: v, Line: line, Column: col}), i + 1
			}
			if out != nil {
				out = append(out, s[i])
			}
		}
		return nil, 0
	}
	end := len(s)
	if flow {
		// Up to the next comma or bracket, in one pass that also looks
		// for what a flow list gives another meaning.
		special := false
		for end = 0; end < len(s) && s[end] != ',' && s[end] != ']'; end++ {
			switch s[end] {
			case ':', '#', '[', '{', '}', '?', '!', '&', '*', '|', '>', '%', '@', '`':
				special = true
			}
		}
		if end == len(s) || special {
			return nil, 0
		}
		for end > 0 && s[end-1] == ' ' {
			end--
		}
	}
	n := fastPlain(a, s[:end], line, col)
	if n == nil {
		return nil, 0
	}
	return n, end
}

// fastPlain reads a whole plain (unquoted) scalar, resolving its tag as
// the library does for the cases it takes: text, whole numbers and dates.
func fastPlain(a *nodeBlocks, s string, line, col int) *yaml.Node {
	if len(s) == 0 || strings.IndexByte("-?:,[]{}#&*!|>'\"%@` ", s[0]) >= 0 ||
		s[len(s)-1] == ' ' || s[len(s)-1] == ':' || strings.Contains(s, ": ") || strings.Contains(s, " #") {
		return nil
	}
	tag := "!!str"
	switch c := s[0]; {
	case c >= '0' && c <= '9':
		switch {
		case fastWhole(s):
			tag = "!!int"
		case fastDate(s):
			if _, err := time.Parse("2006-1-2", s); err == nil {
				tag = "!!timestamp"
			}
		default:
			return nil
		}
	case c == '+' || c == '.' || c == '~' || c == '<':
		return nil
	case strings.IndexByte("yYnNtTfFoO", c) >= 0:
		switch s {
		case "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL":
			return nil
		}
	}
	return a.new(yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: s, Line: line, Column: col})
}

// fastWhole: "0", or up to 18 digits without a leading zero (the library
// reads a leading zero as octal, and longer numbers may not fit).
func fastWhole(s string) bool {
	if len(s) > 18 || len(s) > 1 && s[0] == '0' {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// fastDate: exactly "dddd-dd-dd".
func fastDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range []byte(s) {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}
