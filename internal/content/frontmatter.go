package content

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/skinguide/skinguide/internal/termsafe"
)

// splitFrontMatter separates "---\nYAML\n---\nbody". It returns the YAML, the
// body, and the file line on which the body starts.
func splitFrontMatter(src string) (fm, body string, bodyLine int, err error) {
	first, rest, _ := strings.Cut(src, "\n")
	if !isDashes(first) {
		return "", "", 0, fmt.Errorf("no front matter: the file must start with a line of three dashes (---)")
	}
	line := 2
	start := rest
	for len(rest) > 0 {
		l, next, _ := strings.Cut(rest, "\n")
		if isDashes(l) {
			fm = start[:len(start)-len(rest)]
			return fm, next, line + 1, nil
		}
		rest = next
		line++
	}
	return "", "", 0, fmt.Errorf("front matter is not closed: add a line of three dashes (---) after it")
}

// isDashes: a line of three dashes, perhaps with spaces or a carriage
// return after them.
func isDashes(line string) bool { return strings.TrimRight(line, " \r") == "---" }

// MaxNumber bounds every whole number in front matter: orders and days.
const MaxNumber = 1_000_000

var wholeNumber = regexp.MustCompile(`^[-+]?[0-9][0-9_]*$`)

var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlError turns a yaml error into a line (offset into the file) and a message.
func yamlError(err error, offset int) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := offset + 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		line = offset + n
		msg = strings.TrimSpace(yamlLine.ReplaceAllString(msg, ""))
		msg = strings.TrimPrefix(msg, ": ")
	}
	return line, "malformed YAML: " + msg
}

// parseYAMLFile parses a whole YAML data file (guide.yaml and the files
// beside it), reporting a malformed or empty file; nil then.
func parseYAMLFile(src []byte, report func(line int, format string, args ...any)) *yaml.Node {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, msg := yamlError(err, 0)
		report(line, "%s", msg)
		return nil
	}
	if doc.Kind == 0 {
		report(1, "the file is empty")
		return nil
	}
	return &doc
}

// fieldType is the type a front-matter key must have.
type fieldType int

const (
	tString fieldType = iota
	tInt
	tDate
	tStrings
	tSections
	tBool
	tNodes // a list, decoded by the caller
)

func (t fieldType) String() string {
	return [...]string{"text", "a whole number", "a date (YYYY-MM-DD)", "a list of text", "a list of sections (id and title)", "true or false", "a list"}[t]
}

type field struct {
	name     string
	typ      fieldType
	required bool
}

var commonFields = []field{
	{"id", tString, true}, {"title", tString, true}, {"reviewed", tDate, true},
	{"sources", tStrings, true}, {"keywords", tStrings, false}, {"related", tStrings, false},
}

// The schema of each kind of page, made once: a page's values are decoded
// in the order of its schema's fields (see decodeFields).
var (
	faqFields = append(slices.Clip(commonFields),
		field{"section", tString, true}, field{"order", tInt, true}, field{"fact", tString, false})
	timelineFields = append(slices.Clip(commonFields),
		field{"label", tString, true}, field{"from", tInt, true}, field{"to", tInt, true}, field{"summary", tString, true})
)

// maxPageKeys bounds the fields of a page's schema (see Page.keyLines).
const maxPageKeys = 10

func schema(k Kind) []field {
	switch k {
	case KindFAQ:
		return faqFields
	case KindTimeline:
		return timelineFields
	default:
		return commonFields
	}
}

// value is one decoded front-matter value.
type value struct {
	s    string
	n    int
	t    time.Time
	list []string
	line int
	// itemLines holds the line of each list item.
	itemLines []int
	sections  []Section
	b         bool
	nodes     []*yaml.Node
	given     bool // the key was there, and its value decoded
}

// decodeMapping checks a YAML mapping against a schema and decodes it. The
// offset is added to YAML line numbers to give file lines.
func decodeMapping(root *yaml.Node, fields []field, offset int, report func(line int, format string, args ...any)) map[string]value {
	vals := decodeFields(nil, root, fields, offset, report)
	out := make(map[string]value, len(fields))
	for i, v := range vals {
		if v.given {
			out[fields[i].name] = v
		}
	}
	return out
}

// decodeFields is decodeMapping with the values in the order of fields
// (given says which keys there were), in dst's room when it has enough:
// a loader decodes page after page into one slice.
func decodeFields(dst []value, root *yaml.Node, fields []field, offset int, report func(line int, format string, args ...any)) []value {
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	var out []value
	if cap(dst) >= len(fields) {
		out = dst[:len(fields)]
		clear(out)
	} else {
		out = make([]value, len(fields))
	}
	if root.Kind != yaml.MappingNode {
		report(offset+root.Line, "front matter must be a list of \"key: value\" lines")
		return out
	}
	// Every list of text the mapping may hold, in one block (a page has
	// three: sources, keywords, related).
	items := 0
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i+1].Kind == yaml.SequenceNode {
			items += len(root.Content[i+1].Content)
		}
	}
	lists := listBlock{strs: make([]string, 0, items), lines: make([]int, 0, items)}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		line := offset + k.Line
		at := slices.IndexFunc(fields, func(f field) bool { return f.name == k.Value })
		if at < 0 {
			names := make([]string, len(fields))
			for j, f := range fields {
				names[j] = f.name
			}
			report(line, "unknown key %q (known keys: %s)", k.Value, strings.Join(names, ", "))
			continue
		}
		f := fields[at]
		if out[at].given {
			report(line, "key %q is given twice", k.Value)
			continue
		}
		val, err := decodeValue(v, f.typ, offset, &lists)
		if err != "" {
			report(line, "%s: %s", k.Value, err)
			continue
		}
		val.line = line
		val.given = true
		out[at] = val
	}
	for i, f := range fields {
		if !out[i].given && f.required {
			report(offset, "missing key %q", f.name)
		}
	}
	return out
}

// decodeValue checks a front-matter value against its field's type and
// decodes it; the string is the problem, "" when there is none.
func decodeValue(v *yaml.Node, typ fieldType, offset int, lists *listBlock) (value, string) {
	switch typ {
	case tString:
		return decodeString(v)
	case tInt:
		return decodeInt(v)
	case tDate:
		return decodeDate(v)
	case tStrings:
		return decodeStrings(v, offset, lists)
	case tBool:
		if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
			return wrongType(v, typ)
		}
		return value{b: strings.EqualFold(v.Value, "true")}, ""
	case tNodes:
		if v.Kind != yaml.SequenceNode {
			return wrongType(v, typ)
		}
		return value{nodes: v.Content}, ""
	case tSections:
		return decodeSections(v, offset)
	}
	return wrongType(v, typ)
}

func wrongType(v *yaml.Node, typ fieldType) (value, string) {
	return value{}, fmt.Sprintf("must be %s, not %s", typ, describe(v))
}

func decodeString(v *yaml.Node) (value, string) {
	if v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
		return wrongType(v, tString)
	}
	if strings.TrimSpace(v.Value) == "" {
		return value{}, "must not be empty"
	}
	if why := termsafe.Check(v.Value); why != "" {
		return value{}, why
	}
	return value{s: strings.TrimSpace(v.Value)}, ""
}

func decodeInt(v *yaml.Node) (value, string) {
	if v.Kind == yaml.ScalarNode && wholeNumber.MatchString(v.Value) && (v.Tag == "!!int" || v.Tag == "!!float") {
		// YAML calls a whole number too big for 64 bits a float.
		n, err := strconv.ParseInt(strings.ReplaceAll(v.Value, "_", ""), 10, 64)
		if err != nil || n > MaxNumber || n < -MaxNumber {
			return value{}, fmt.Sprintf("%s is too large (use a number from %d to %d)", v.Value, -MaxNumber, MaxNumber)
		}
		return value{n: int(n)}, ""
	}
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" {
		return wrongType(v, tInt)
	}
	n, err := strconv.Atoi(v.Value)
	if err != nil {
		return wrongType(v, tInt)
	}
	if n > MaxNumber || n < -MaxNumber {
		return value{}, fmt.Sprintf("%s is too large (use a number from %d to %d)", v.Value, -MaxNumber, MaxNumber)
	}
	return value{n: n}, ""
}

func decodeDate(v *yaml.Node) (value, string) {
	if v.Kind != yaml.ScalarNode || (v.Tag != "!!timestamp" && v.Tag != "!!str") {
		return wrongType(v, tDate)
	}
	t, err := time.Parse("2006-01-02", v.Value)
	if err != nil {
		return value{}, fmt.Sprintf("%q is not a real date in the form YYYY-MM-DD", v.Value)
	}
	return value{t: t}, ""
}

// listBlock hands out the lists of text of one mapping from one block,
// and their lines from another.
type listBlock struct {
	strs  []string
	lines []int
}

// take hands out empty lists with room for n items. Appending more than
// n still works: it allocates.
func (b *listBlock) take(n int) ([]string, []int) {
	if len(b.strs)+n > cap(b.strs) || len(b.lines)+n > cap(b.lines) {
		return make([]string, 0, n), make([]int, 0, n)
	}
	s, l := b.strs[len(b.strs):len(b.strs):len(b.strs)+n], b.lines[len(b.lines):len(b.lines):len(b.lines)+n]
	b.strs, b.lines = b.strs[:len(b.strs)+n], b.lines[:len(b.lines)+n]
	return s, l
}

func decodeStrings(v *yaml.Node, offset int, lists *listBlock) (value, string) {
	if v.Kind != yaml.SequenceNode {
		return wrongType(v, tStrings)
	}
	val := value{}
	if n := len(v.Content); n > 0 {
		val.list, val.itemLines = lists.take(n)
	}
	for _, item := range v.Content {
		isText := item.Tag == "!!str" || item.Tag == "!!int" || item.Tag == "!!float"
		if item.Kind != yaml.ScalarNode || !isText || strings.TrimSpace(item.Value) == "" {
			return value{}, fmt.Sprintf("item on line %d must be non-empty text, not %s", offset+item.Line, describe(item))
		}
		if why := termsafe.Check(item.Value); why != "" {
			return value{}, fmt.Sprintf("item on line %d %s", offset+item.Line, why)
		}
		val.list = append(val.list, strings.TrimSpace(item.Value))
		val.itemLines = append(val.itemLines, offset+item.Line)
	}
	return val, ""
}

// decodeSections reads the guide's list of sections: each an id and a
// title, ids unique.
func decodeSections(v *yaml.Node, offset int) (value, string) {
	if v.Kind != yaml.SequenceNode {
		return wrongType(v, tSections)
	}
	val := value{}
	seen := map[string]bool{}
	for _, item := range v.Content {
		sec := map[string]string{}
		if item.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(item.Content); i += 2 {
				if item.Content[i+1].Kind == yaml.ScalarNode && item.Content[i+1].Tag == "!!str" {
					sec[item.Content[i].Value] = strings.TrimSpace(item.Content[i+1].Value)
				}
			}
		}
		if why := termsafe.Check(sec["title"]); why != "" {
			return value{}, fmt.Sprintf("the title of the section on line %d %s", offset+item.Line, why)
		}
		if len(sec) != 2 || sec["id"] == "" || sec["title"] == "" {
			return value{}, fmt.Sprintf("the section on line %d must have exactly an id and a title", offset+item.Line)
		}
		if !idPattern.MatchString(sec["id"]) {
			return value{}, fmt.Sprintf("section id %q on line %d must use only lower-case letters, digits and dashes", sec["id"], offset+item.Line)
		}
		if seen[sec["id"]] {
			return value{}, fmt.Sprintf("section id %q on line %d is listed twice", sec["id"], offset+item.Line)
		}
		seen[sec["id"]] = true
		val.sections = append(val.sections, Section{ID: sec["id"], Title: sec["title"]})
	}
	return val, ""
}

func describe(v *yaml.Node) string {
	switch v.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a set of keys"
	case yaml.AliasNode:
		return "an alias"
	}
	switch v.Tag {
	case "!!str":
		if v.Value == "" {
			return "empty text"
		}
		return "text"
	case "!!int":
		return "a whole number"
	case "!!float":
		return "a decimal number"
	case "!!bool":
		return "true/false"
	case "!!null":
		return "empty"
	case "!!timestamp":
		return "a date"
	}
	return "a " + strings.TrimPrefix(v.Tag, "!!")
}
