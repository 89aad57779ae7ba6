package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"

	"github.com/skinguide/skinguide/internal/suggest"
	"github.com/skinguide/skinguide/internal/termsafe"
)

// MaxFileSize is the largest content file accepted. Bigger files are almost
// certainly a mistake, and would make rendering slow.
const MaxFileSize = 256 << 10

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// folders maps each page folder of a language to the kind of its pages.
var folders = []struct {
	dir  string
	kind Kind
}{{"faq", KindFAQ}, {"timeline", KindTimeline}, {"pages", KindPage}}

// loader collects the problems of one Load.
type loader struct {
	fsys    fs.FS
	lang    string
	numbers Numbers // put into the pages by Expand

	mu       sync.Mutex // pages load in parallel
	problems Problems
}

func (l *loader) errorf(file string, line int, format string, args ...any) {
	l.add(Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// followOnf records a problem found by a check across pages.
func (l *loader) followOnf(file string, line int, format string, args ...any) {
	l.add(Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...), FollowOn: true})
}

func (l *loader) add(p Problem) {
	l.mu.Lock()
	l.problems = append(l.problems, p)
	l.mu.Unlock()
}

// Load reads one language of a content root. It reports every problem it
// finds, not only the first; the guide is nil only when nothing usable was
// found. A guide that comes with errors must not be shown to patients.
func Load(fsys fs.FS, lang string) (*Guide, Problems) {
	return loadExpanded(fsys, lang, Numbers{})
}

// loadExpanded is Load with the pages expanded with n (see Expand).
func loadExpanded(fsys fs.FS, lang string, n Numbers) (*Guide, Problems) {
	l := &loader{fsys: fsys, lang: lang, numbers: n}
	g := l.load()
	l.problems.Sort()
	return g, l.problems
}

func (l *loader) load() *Guide {
	if !idPattern.MatchString(l.lang) {
		l.errorf(l.lang, 0, "%q is not a language code such as \"en\"", l.lang)
		return nil
	}
	if _, err := fs.Stat(l.fsys, l.lang); err != nil {
		have := "none"
		if langs := Languages(l.fsys); len(langs) > 0 {
			have = strings.Join(langs, ", ")
		}
		l.errorf(l.lang, 0, "no content: there is no %q folder for this language (languages here: %s)", l.lang, have)
		return nil
	}
	g := &Guide{Lang: l.lang, byID: map[string]*Page{}}

	type job struct {
		file   string
		kind   Kind
		listed bool // a regular file in the listing, not a link
	}
	var jobs []job
	pageDirs := map[string][]string{} // each page folder's subfolders, for checkStray
	for _, f := range folders {
		dir := path.Join(l.lang, f.dir)
		entries, err := fs.ReadDir(l.fsys, dir)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			l.errorf(dir, 0, "cannot read folder: %v", err)
		}
		pageDirs[dir] = nil
		for _, e := range entries {
			switch {
			case e.IsDir():
				pageDirs[dir] = append(pageDirs[dir], path.Join(dir, e.Name()))
			case strings.HasSuffix(e.Name(), ".md"):
				jobs = append(jobs, job{path.Join(dir, e.Name()), f.kind, e.Type().IsRegular()})
			}
		}
	}
	// Parsing YAML and Markdown is most of the start-up time with a large
	// content folder, and pages are independent: load them on every core.
	// Each goroutine takes the next page itself: handing pages out on a
	// channel woke a parked goroutine for each one (a thousand futex
	// calls, and idle threads spinning in between).
	pages := make([]*Page, len(jobs))
	var next atomic.Int64
	work := func() {
		var scratch pageScratch // this goroutine's, page after page
		for {
			i := int(next.Add(1)) - 1
			if i >= len(jobs) {
				return
			}
			pages[i] = l.loadPage(jobs[i].file, jobs[i].kind, jobs[i].listed, &scratch)
		}
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) - 1 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
	}
	// This goroutine reads the language's own files (guide.yaml, the
	// warning signs, ...) meanwhile, then helps with the pages: no page
	// needs those files until the pages are checked together below.
	l.loadGuideFile(g)
	l.loadSigns(g)
	l.loadSynonyms(g)
	l.loadUIFile(g)
	l.loadSymptoms(g)
	work()
	wg.Wait()

	for _, p := range pages {
		if p == nil {
			continue
		}
		if other, dup := g.byID[p.ID]; dup {
			l.errorf(p.Path, p.Line("id"), "id %q is already used by %s", p.ID, other.Path)
			continue
		}
		g.byID[p.ID] = p
		switch p.Kind {
		case KindFAQ:
			g.FAQ = append(g.FAQ, p)
		case KindTimeline:
			g.Timeline = append(g.Timeline, p)
		default:
			g.Pages = append(g.Pages, p)
		}
	}
	l.checkStray(pageDirs)
	if len(g.byID) == 0 {
		l.errorf(l.lang, 0, "no content: no pages found in %s/faq, %s/timeline or %s/pages", l.lang, l.lang, l.lang)
		return nil
	}
	l.checkGuide(g)
	l.checkDirectives(g)
	Expand(g, l.numbers)
	return g
}

// checkStray reports Markdown files outside the three page folders, which
// an editor most likely meant to be pages. pageDirs are the page folders'
// subfolders, as load listed them: a page folder is not listed again (the
// FAQ folder may hold a thousand files), only its subfolders are walked.
func (l *loader) checkStray(pageDirs map[string][]string) {
	var walk fs.WalkDirFunc
	walk = func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			subs, ok := pageDirs[p]
			if !ok {
				return nil
			}
			for _, sub := range subs {
				_ = fs.WalkDir(l.fsys, sub, walk)
			}
			return fs.SkipDir
		}
		if !strings.HasSuffix(p, ".md") {
			return nil
		}
		if _, ok := pageDirs[path.Dir(p)]; ok {
			return nil
		}
		l.errorf(p, 0, "not a page: Markdown pages belong in %s/faq, %s/timeline or %s/pages", l.lang, l.lang, l.lang)
		return nil
	}
	_ = fs.WalkDir(l.fsys, l.lang, walk)
}

// readChecked reads a file and checks its size and characters. Only
// regular files are opened (a FIFO would block the open, a device such as
// /dev/zero behind a symlink would never end), and the read itself is
// bounded: a file can grow between Stat and Read, and not every fs.FS
// reports sizes truthfully.
//
// listed says that a folder listing has just shown file as a regular file
// (not a link): Dir then skips looking at it before opening it (a fifth of
// the system calls of loading 1,000 pages). The file is read into buf when
// it has room (see readRegular).
func (l *loader) readChecked(file string, listed bool, buf []byte) ([]byte, bool) {
	src, err := readRegular(l.fsys, file, MaxFileSize, listed, buf)
	if err != nil {
		l.errorf(file, 0, "%v", err)
		return nil, false
	}
	// A byte order mark is invisible in editors; a UTF-8 one says nothing
	// a UTF-8 file needs, so it is accepted and dropped.
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	findings := termsafe.Scan(src)
	for _, f := range findings {
		l.errorf(file, f.Line, "%s", f.Msg)
	}
	for _, f := range longRuns(src) {
		l.errorf(file, f.Line, "%s", f.Msg)
	}
	return src, len(findings) == 0
}

// readRegular reads a regular file of at most limit bytes; listed as
// readChecked's. The bytes are read into buf[:0] when it has room, else
// into a new slice: a loading goroutine reads page after page into one.
func readRegular(fsys fs.FS, file string, limit int64, listed bool, buf []byte) ([]byte, error) {
	if d, ok := fsys.(regularReader); ok {
		return d.readRegular(file, limit, listed, buf)
	}
	return readRegularFS(fsys, file, limit, buf)
}

// regularReader is a file system that reads regular files itself (Dir).
type regularReader interface {
	readRegular(file string, limit int64, listed bool, buf []byte) ([]byte, error)
}

// readRegularFS is readRegular through fs.FS's Stat and Open.
func readRegularFS(fsys fs.FS, file string, limit int64, buf []byte) ([]byte, error) {
	info, err := fs.Stat(fsys, file) // follows symlinks, like Open
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	if err := regular(info); err != nil {
		return nil, err
	}
	if info.Size() > limit {
		return nil, fmt.Errorf("file is %d KiB; the limit is %d KiB", info.Size()>>10, limit>>10)
	}
	f, err := fsys.Open(file)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	defer f.Close()
	// Looked at again on the open file: the name may now be something else.
	if info, err := f.Stat(); err == nil {
		if err := regular(info); err != nil {
			return nil, err
		}
	}
	// Sized from Stat, the read takes two calls (the bytes, then the end)
	// rather than ReadAll's several from 512 bytes up; a file that grew
	// since still reads, up to the limit.
	src, err := readAllSized(buf, io.LimitReader(f, limit+1), min(info.Size(), limit)+1)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	if int64(len(src)) > limit {
		return nil, fmt.Errorf("file is over %d KiB; the limit is %d KiB", limit>>10, limit>>10)
	}
	return src, nil
}

// readAllSized is io.ReadAll starting with a buffer of size bytes: buf's
// when it has room.
func readAllSized(buf []byte, r io.Reader, size int64) ([]byte, error) {
	b := buf[:0]
	if int64(cap(b)) < size {
		b = make([]byte, 0, max(size, 512))
	}
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // grow
		}
	}
}

// regular refuses anything but a regular file, saying what it is instead.
func regular(info fs.FileInfo) error {
	m := info.Mode()
	what := ""
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		what = "a folder"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeCharDevice != 0:
		what = "a character device"
	case m&fs.ModeDevice != 0:
		what = "a device"
	default:
		what = "a special file"
	}
	return fmt.Errorf("is %s, not a regular file: content files must be ordinary files", what)
}

// unwrapPath drops the *fs.PathError wrapper, whose text repeats the path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// pageScratch is what loading a page needs only until the next page: one
// loading goroutine reuses it page after page.
type pageScratch struct {
	file  []byte     // the file as read (its text is copied once, to a string)
	nodes nodeBlocks // the front matter's nodes (see fastFrontMatter)
	vals  []value    // its decoded values (see decodeFields)
}

// loadPage reads one page (listed: see readChecked).
func (l *loader) loadPage(file string, kind Kind, listed bool, scratch *pageScratch) *Page {
	src, _ := l.readChecked(file, listed, scratch.file)
	if src == nil {
		return nil
	}
	scratch.file = src
	// Everything the page keeps (its body, its front matter's text) is a
	// part of this one copy: one allocation a page, not one a value.
	text := string(src)
	report := func(line int, format string, args ...any) { l.errorf(file, line, format, args...) }
	fm, body, bodyLine, err := splitFrontMatter(text)
	if err != nil {
		report(1, "%v", err)
		return nil
	}
	node := fastFrontMatter(&scratch.nodes, fm) // nil: not one of the common shapes
	if node == nil {
		node = new(yaml.Node)
		if err := yaml.Unmarshal([]byte(fm), node); err != nil {
			line, msg := yamlError(err, 1)
			report(line, "%s", msg)
			return nil
		}
		if node.Kind == 0 {
			report(1, "front matter is empty")
			return nil
		}
	}
	fields := schema(kind)
	vals := decodeFields(scratch.vals, node, fields, 1, report)
	scratch.vals = vals
	get := func(name string) value {
		for i, f := range fields {
			if f.name == name {
				return vals[i]
			}
		}
		return value{}
	}
	p := &Page{
		Kind: kind, Path: file, Body: body, BodyLine: bodyLine,
		keyFields: fields,
	}
	for i, v := range vals {
		if v.given {
			p.keyLines[i] = v.line
		}
	}
	p.ID = get("id").s
	p.Title = get("title").s
	p.Reviewed = get("reviewed").t
	p.Sources = get("sources").list
	p.Keywords = get("keywords").list
	related := get("related")
	p.Related, p.relatedLines = related.list, related.itemLines
	p.Section = get("section").s
	p.Order = get("order").n
	p.Fact = get("fact").s
	p.Label = get("label").s
	p.From, p.To = get("from").n, get("to").n
	p.Summary = get("summary").s

	want := strings.TrimSuffix(path.Base(file), ".md")
	if !idPattern.MatchString(want) {
		report(1, "file name %q must use only lower-case letters, digits and dashes", path.Base(file))
	}
	if get("id").given && p.ID != want {
		report(p.Line("id"), "id %q must match the file name %q", p.ID, want)
	}
	if p.ID == "" {
		p.ID = want
	}
	if get("sources").given && len(p.Sources) == 0 {
		report(p.Line("sources"), "sources: list at least one source")
	}
	if len(p.Fact) > 120 {
		report(p.Line("fact"), "fact is %d characters; keep it to 120 so it fits on one line", len(p.Fact))
	}
	if len(p.Label) > 12 {
		report(p.Line("label"), "label is %d characters; keep it to 12 so the timeline rail fits", len(p.Label))
	}
	if strings.TrimSpace(p.Body) == "" {
		report(bodyLine, "the page has no text after the front matter")
		return p
	}
	checkBody(p, report)
	return p
}

// checkGuide checks what spans pages: sections, related ids, required
// pages, FAQ order and the timeline's coverage.
func (l *loader) checkGuide(g *Guide) {
	sectionPos := map[string]int{}
	for i, s := range g.Sections {
		sectionPos[s.ID] = i
	}
	for _, p := range g.FAQ {
		if _, ok := sectionPos[p.Section]; !ok && p.Section != "" && len(g.Sections) > 0 {
			ids := make([]string, len(g.Sections))
			for i, s := range g.Sections {
				ids[i] = s.ID
			}
			l.followOnf(p.Path, p.Line("section"), "section %q does not exist (sections: %s)", p.Section, joinIDs(ids))
		}
	}
	for _, p := range g.All() {
		for i, id := range p.Related {
			line := 0
			if i < len(p.relatedLines) {
				line = p.relatedLines[i]
			}
			switch other, ok := g.byID[id]; {
			case !ok:
				l.followOnf(p.Path, line, "related id %q does not exist%s", id, didYouMean(id, g))
			case other == p:
				l.followOnf(p.Path, line, "a page cannot be related to itself")
			}
		}
	}
	for _, id := range []string{PageCallUs, PageGlossary, PageAbout} {
		if p, ok := g.byID[id]; !ok || p.Kind != KindPage {
			l.followOnf(path.Join(g.Lang, "pages", id+".md"), 0, "missing: every language needs this page")
		}
	}
	if len(g.FAQ) == 0 {
		l.followOnf(path.Join(g.Lang, "faq"), 0, "no FAQ answers found")
	}
	if len(g.Timeline) == 0 {
		l.followOnf(path.Join(g.Lang, "timeline"), 0, "no timeline steps found")
	}

	sort.SliceStable(g.FAQ, func(i, j int) bool {
		a, b := g.FAQ[i], g.FAQ[j]
		if sectionPos[a.Section] != sectionPos[b.Section] {
			return sectionPos[a.Section] < sectionPos[b.Section]
		}
		if a.Order != b.Order {
			return a.Order < b.Order
		}
		return a.ID < b.ID
	})
	for i := 1; i < len(g.FAQ); i++ {
		a, b := g.FAQ[i-1], g.FAQ[i]
		if a.Section == b.Section && a.Order == b.Order {
			l.followOnf(b.Path, b.Line("order"), "order %d is also used by %s in section %q", b.Order, a.Path, b.Section)
		}
	}
	sort.SliceStable(g.Pages, func(i, j int) bool { return g.Pages[i].ID < g.Pages[j].ID })

	for _, p := range g.Timeline {
		checkHeadings(p, g.TimelineHeadings, func(line int, format string, args ...any) {
			l.followOnf(p.Path, line, format, args...)
		})
	}
	sort.SliceStable(g.Timeline, func(i, j int) bool { return g.Timeline[i].From < g.Timeline[j].From })
	next := 0
	for _, p := range g.Timeline {
		switch {
		case p.To < p.From:
			l.followOnf(p.Path, p.Line("to"), "to (%d) is before from (%d)", p.To, p.From)
		case p.From > next:
			l.followOnf(p.Path, p.Line("from"), "gap in the timeline: no step covers day %d to day %d", next, p.From-1)
		case p.From < next:
			l.followOnf(p.Path, p.Line("from"), "overlap in the timeline: day %d is already covered by an earlier step", p.From)
		}
		if p.To+1 > next {
			next = p.To + 1
		}
	}
}

// didYouMean names the closest existing id, for a friendlier message.
func didYouMean(id string, g *Guide) string {
	ids := make([]string, 0, len(g.byID))
	for k := range g.byID {
		ids = append(ids, k)
	}
	if best := suggest.Closest(id, ids, 1); len(best) > 0 {
		return fmt.Sprintf(" (did you mean %q?)", best[0])
	}
	return ""
}

// Languages lists the language folders of a content root: the folders
// that hold a guide.yaml.
func Languages(fsys fs.FS) []string {
	entries, _ := fs.ReadDir(fsys, ".")
	var langs []string
	for _, e := range entries {
		if _, err := fs.Stat(fsys, path.Join(e.Name(), "guide.yaml")); e.IsDir() && err == nil {
			langs = append(langs, e.Name())
		}
	}
	return langs
}
