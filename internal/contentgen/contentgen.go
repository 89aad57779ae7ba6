// Package contentgen makes large content roots from the shipped pack, for
// scale tests and benchmarks (1,000 FAQ answers) without committing them.
package contentgen

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing/fstest"
)

var (
	idLine    = regexp.MustCompile(`(?m)^id: .*$`)
	orderLine = regexp.MustCompile(`(?m)^order: .*$`)
	titleLine = regexp.MustCompile(`(?m)^title: (.*)$`)
)

// FAQ returns a copy of the content root src in which language lang has
// exactly n FAQ answers: the originals, then numbered copies of them with
// their own ids, titles and orders. Everything else is copied as it is.
func FAQ(src fs.FS, lang string, n int) (fstest.MapFS, error) {
	out := fstest.MapFS{}
	var faqs []string
	err := fs.WalkDir(src, lang, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		out[p] = &fstest.MapFile{Data: data}
		if path.Dir(p) == path.Join(lang, "faq") {
			faqs = append(faqs, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("copy %s: %w", lang, err)
	}
	if len(faqs) == 0 {
		return nil, fmt.Errorf("no FAQ answers in %s to copy", lang)
	}
	for i := len(faqs); i < n; i++ {
		orig := faqs[i%len(faqs)]
		id := fmt.Sprintf("%s-%04d", strings.TrimSuffix(path.Base(orig), ".md"), i)
		s := string(out[orig].Data)
		s = idLine.ReplaceAllString(s, "id: "+id)
		s = orderLine.ReplaceAllString(s, fmt.Sprintf("order: %d", 1000+i))
		s = titleLine.ReplaceAllString(s, fmt.Sprintf("title: $1 (copy %d)", i))
		s = dropKey(s, "fact") // one "Did you know?" per original is enough
		out[path.Join(lang, "faq", id+".md")] = &fstest.MapFile{Data: []byte(s)}
	}
	return out, nil
}

// dropKey removes a one-line front-matter key.
func dropKey(s, key string) string {
	lines := strings.Split(s, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if !strings.HasPrefix(l, key+":") {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}
