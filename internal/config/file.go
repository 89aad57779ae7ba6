package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/skinguide/skinguide/internal/suggest"
	"github.com/skinguide/skinguide/internal/termsafe"
)

// SystemFile is where a machine-wide config lives, used when no other file
// is found.
const SystemFile = "/etc/skinguide/config.toml"

// maxFileSize bounds what is read, so a wrong path (a device, a log) fails
// quickly instead of filling memory.
const maxFileSize = 1 << 20

// fileConfig mirrors the TOML layout. Pointers tell "absent" from "empty".
type fileConfig struct {
	Clinic struct {
		Name    *string `toml:"name"`
		Phone   *string `toml:"phone"`
		Hours   *string `toml:"hours"`
		Website *string `toml:"website"`

		AfterHours      *string `toml:"after_hours"`
		EmergencyNumber *string `toml:"emergency_number"`
		ApprovedBy      *string `toml:"approved_by"`
		ApprovedOn      *string `toml:"approved_on"`
	} `toml:"clinic"`
	Kiosk struct {
		Enabled      *bool   `toml:"enabled"`
		Idle         *string `toml:"idle"`
		Warning      *string `toml:"warning"`
		StaffExitKey *string `toml:"staff_exit_key"`
		StaffPIN     *string `toml:"staff_pin"`
	} `toml:"kiosk"`
	Display struct {
		Theme   *string `toml:"theme"`
		Lang    *string `toml:"lang"`
		Content *string `toml:"content"`
		Log     *string `toml:"log"`
	} `toml:"display"`
	Serve fileServe `toml:"serve"`
}

// values returns the keys the file sets, in their text form.
func (f *fileConfig) values() map[string]string {
	m := map[string]string{}
	put := func(key string, v *string) {
		if v != nil {
			m[key] = *v
		}
	}
	put("clinic.name", f.Clinic.Name)
	put("clinic.phone", f.Clinic.Phone)
	put("clinic.hours", f.Clinic.Hours)
	put("clinic.website", f.Clinic.Website)
	put("clinic.after_hours", f.Clinic.AfterHours)
	put("clinic.emergency_number", f.Clinic.EmergencyNumber)
	put("clinic.approved_by", f.Clinic.ApprovedBy)
	put("clinic.approved_on", f.Clinic.ApprovedOn)
	if f.Kiosk.Enabled != nil {
		m["kiosk.enabled"] = strconv.FormatBool(*f.Kiosk.Enabled)
	}
	put("kiosk.idle", f.Kiosk.Idle)
	put("kiosk.warning", f.Kiosk.Warning)
	put("kiosk.staff_exit_key", f.Kiosk.StaffExitKey)
	put("kiosk.staff_pin", f.Kiosk.StaffPIN)
	put("display.theme", f.Display.Theme)
	put("display.lang", f.Display.Lang)
	put("display.content", f.Display.Content)
	put("display.log", f.Display.Log)
	f.Serve.values(m)
	return m
}

// findFile picks the config file: an explicit one (which must exist), else
// the first default location that exists. It returns "" when there is none.
// A default location that exists but cannot be read (a home folder the
// service user may not enter, a file only root may read) is skipped, and
// why is returned in skipped: it was not asked for, so it must not stop
// every command.
func findFile(explicit, explicitFrom string, getenv func(string) string, systemFile string) (path, skipped string, err error) {
	if explicitFrom != "" {
		if explicit == "" {
			return "", "", fmt.Errorf("%s: give the path of a config file", explicitFrom)
		}
		return explicit, "", nil
	}
	var candidates []string
	if xdg := getenv("XDG_CONFIG_HOME"); filepath.IsAbs(xdg) {
		candidates = append(candidates, filepath.Join(xdg, "skinguide", "config.toml"))
	} else if home := getenv("HOME"); filepath.IsAbs(home) {
		candidates = append(candidates, filepath.Join(home, ".config", "skinguide", "config.toml"))
	}
	candidates = append(candidates, systemFile)
	var notes []string
	for _, c := range candidates {
		info, err := os.Stat(c)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			notes = append(notes, fmt.Sprintf("%s: %v", termsafe.Quote(c), unwrapPath(err)))
			continue
		case !info.Mode().IsRegular():
			notes = append(notes, fmt.Sprintf("%s: %v", termsafe.Quote(c), notRegular(info.Mode())))
			continue
		}
		f, err := os.Open(c)
		if err != nil {
			notes = append(notes, fmt.Sprintf("%s: %v", termsafe.Quote(c), unwrapPath(err)))
			continue
		}
		f.Close()
		return c, strings.Join(notes, "; "), nil
	}
	return "", strings.Join(notes, "; "), nil
}

// notRegular says what a file that is not a regular file is instead.
func notRegular(m fs.FileMode) error {
	what := "a special file"
	switch {
	case m.IsDir():
		what = "a folder"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeDevice != 0:
		what = "a device"
	}
	return fmt.Errorf("is %s, not a config file", what)
}

// unwrapPath drops the *fs.PathError wrapper, whose text repeats the path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// setting is one value from one source, with where it came from.
type setting struct {
	field field
	value string
	where string // "FILE:LINE: KEY", "SKINGUIDE_X" or "--flag"
}

// readFile reads and decodes path, returning its settings in file order.
// from names the flag or variable that chose the file ("" for a default
// location), and prefixes errors about reading it.
func readFile(path, from string) ([]setting, error) {
	prefix := ""
	if from != "" {
		prefix = from + ": "
	}
	name := termsafe.Quote(path)
	// A FIFO would block the open itself, a device never end: only
	// regular files are opened, and looked at again once open.
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s%s: %w", prefix, name, notRegular(info.Mode()))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s%s: cannot read the config file: %w", prefix, name, unwrapPath(err))
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s%s: %w", prefix, name, notRegular(info.Mode()))
	}
	doc, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s%s: cannot read the config file: %w", prefix, name, unwrapPath(err))
	}
	if len(doc) > maxFileSize {
		return nil, fmt.Errorf("%s%s: is larger than %d bytes; is it really a config file?", prefix, name, maxFileSize)
	}
	// A byte order mark (some Windows editors add one) is not TOML.
	doc = bytes.TrimPrefix(doc, []byte("\uFEFF"))
	return parseFile(name, doc)
}

// parseFile decodes doc, read from path, into settings in file order.
func parseFile(path string, doc []byte) ([]setting, error) {
	idx := indexKeys(doc)
	var fc fileConfig
	dec := toml.NewDecoder(bytes.NewReader(doc))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&fc); err != nil {
		return nil, decodeError(path, doc, idx, err)
	}

	byKey := map[string]field{}
	for _, f := range fields() {
		byKey[f.key] = f
	}
	var out []setting
	for key, v := range fc.values() {
		out = append(out, setting{byKey[key], v, fmt.Sprintf("%s:%d: %s", path, idx.line(key), key)})
	}
	sort.Slice(out, func(i, j int) bool { return idx.line(out[i].field.key) < idx.line(out[j].field.key) })
	return out, nil
}

// decodeError turns go-toml's errors into one line naming file, line and key.
func decodeError(path string, doc []byte, idx keyIndex, err error) error {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) && len(strict.Errors) > 0 {
		// Report the first problem in the file; go-toml's order is not
		// the document's.
		first := &strict.Errors[0]
		for i := range strict.Errors {
			if before(&strict.Errors[i], first) {
				first = &strict.Errors[i]
			}
		}
		line, col := first.Position()
		key := termsafe.Quote(idx.at(line, col, first.Key()))
		if first.Error() == "toml: missing table" {
			return fmt.Errorf("%s:%d: [%s]: unknown section (use [clinic], [kiosk], [display] or [serve])", path, line, key)
		}
		msg := "unknown key"
		if s := suggestKey(idx.at(line, col, first.Key())); s != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", s)
		}
		return fmt.Errorf("%s:%d: %s: %s", path, line, key, msg)
	}

	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, col := de.Position()
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		key := idx.at(line, col, de.Key())
		if strings.HasPrefix(msg, "cannot decode TOML") {
			for _, f := range fields() {
				if f.key == key {
					return fmt.Errorf("%s:%d: %s: %s", path, line, key, f.expected())
				}
			}
			if !strings.Contains(key, ".") {
				key = termsafe.Quote(key)
				return fmt.Errorf("%s:%d: %s: must be a section, written [%s]", path, line, key, key)
			}
		}
		if key == "" {
			key = keyOnLine(doc, line, idx)
		}
		key = termsafe.Quote(key)
		if key == "" {
			return fmt.Errorf("%s:%d: malformed TOML: %s", path, line, msg)
		}
		return fmt.Errorf("%s:%d: %s: malformed TOML: %s", path, line, key, msg)
	}
	return fmt.Errorf("%s: %w", path, err)
}

func before(a, b *toml.DecodeError) bool {
	al, ac := a.Position()
	bl, bc := b.Position()
	return al < bl || (al == bl && ac < bc)
}

// suggestKey returns the known key nearest to an unknown one, or "" when none
// is close enough to be a likely typo.
func suggestKey(key string) string {
	last := key[strings.LastIndexByte(key, '.')+1:]
	best, bestDist := "", max(1, len(last)/2)+1
	for _, f := range fields() {
		if d := suggest.Distance(key, f.key); d < bestDist {
			best, bestDist = f.key, d
		}
	}
	return best
}

// keyIndex records where each key and table header of a document starts,
// so that errors found after decoding can name a line.
type keyIndex struct {
	lines map[string]int    // full dotted key -> line
	byPos map[[2]int]string // (line, column) of a key -> full dotted key
	heads map[int]string    // line of a [table] header -> table name
}

func (k keyIndex) line(key string) int { return k.lines[key] }

// at returns the full key starting at (line, col), falling back to the key
// go-toml reported (which lacks the table inside inline tables).
func (k keyIndex) at(line, col int, fallback toml.Key) string {
	if key, ok := k.byPos[[2]int{line, col}]; ok {
		return key
	}
	return strings.Join(fallback, ".")
}

// indexKeys walks the document with go-toml's parser. It stops quietly at
// the first syntax error: the decoder reports that one.
func indexKeys(doc []byte) keyIndex {
	idx := keyIndex{lines: map[string]int{}, byPos: map[[2]int]string{}, heads: map[int]string{}}
	var p unstable.Parser
	p.Reset(doc)
	table := ""
	var walk func(prefix string, n *unstable.Node)
	walk = func(prefix string, n *unstable.Node) {
		key, first := joinKey(n.Key())
		full := strings.TrimPrefix(prefix+"."+key, ".")
		pos := p.Shape(first.Raw).Start
		idx.lines[full] = pos.Line
		idx.byPos[[2]int{pos.Line, pos.Column}] = full
		if v := n.Value(); v.Kind == unstable.InlineTable {
			for it := v.Children(); it.Next(); {
				if c := it.Node(); c.Kind == unstable.KeyValue {
					walk(full, c)
				}
			}
		}
	}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			key, first := joinKey(e.Key())
			table = key
			pos := p.Shape(first.Raw).Start
			idx.lines[table] = pos.Line
			idx.byPos[[2]int{pos.Line, pos.Column}] = table
			idx.heads[pos.Line] = table
		case unstable.KeyValue:
			walk(table, e)
		}
	}
	return idx
}

func joinKey(it unstable.Iterator) (string, *unstable.Node) {
	var parts []string
	var first *unstable.Node
	for it.Next() {
		n := it.Node()
		if first == nil {
			first = n
		}
		parts = append(parts, string(n.Data))
	}
	return strings.Join(parts, "."), first
}

var keyAssign = regexp.MustCompile(`^\s*([A-Za-z0-9_.-]+)\s*=`)

// keyOnLine guesses the key of a line the parser could not read: the name
// before "=", inside the last table header above it.
func keyOnLine(doc []byte, line int, idx keyIndex) string {
	lines := strings.Split(string(doc), "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	m := keyAssign.FindStringSubmatch(lines[line-1])
	if m == nil {
		return ""
	}
	table, tableLine := "", 0
	for l, t := range idx.heads {
		if l < line && l > tableLine {
			table, tableLine = t, l
		}
	}
	return strings.TrimPrefix(table+"."+m[1], ".")
}
