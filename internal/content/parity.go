package content

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
)

// SourceLang is the language translations are compared with.
const SourceLang = "en"

// Parity checks that the languages of one content folder are the same guide:
// every page id of the source language exists in every other language and
// the other way round, in the same part of the guide and FAQ section, with
// the same timeline days; the FAQ sections are the same. A translation
// reviewed before its source page is a warning: the source may have changed
// since. guides holds one loaded guide per language (nil entries and a
// folder with a single language have nothing to compare).
func Parity(guides []*Guide) Problems {
	var src *Guide
	var others []*Guide
	for _, g := range guides {
		switch {
		case g == nil:
		case g.Lang == SourceLang:
			src = g
		default:
			others = append(others, g)
		}
	}
	if src == nil && len(others) > 1 {
		sort.Slice(others, func(i, j int) bool { return others[i].Lang < others[j].Lang })
		src, others = others[0], others[1:]
	}
	var ps Problems
	for _, g := range others {
		ps = append(ps, pairParity(src, g)...)
	}
	ps.Sort()
	return ps
}

// pairParity compares one translation t with the source guide s.
func pairParity(s, t *Guide) Problems {
	var ps Problems
	add := func(file string, line int, sev Severity, format string, args ...any) {
		ps = append(ps, Problem{File: file, Line: line, Severity: sev, Msg: fmt.Sprintf(format, args...)})
	}
	guideFile := path.Join(t.Lang, "guide.yaml")
	ps = append(ps, sameIDs(guideFile, "FAQ section", sectionIDs(s), sectionIDs(t), s.Lang)...)
	ps = append(ps, uiParity(s, t)...)
	ps = append(ps, signsParity(s, t)...)
	ps = append(ps, symptomsParity(s, t)...)

	for _, sp := range s.All() {
		tp, ok := t.byID[sp.ID]
		if !ok {
			add(translatedPath(sp, t.Lang), 0, Error, "missing: translate %s (every language has the same page ids)", sp.Path)
			continue
		}
		switch {
		case tp.Kind != sp.Kind:
			add(tp.Path, tp.Line("id"), Error, "is a %s page here but %s is a %s page", tp.Kind, sp.Path, sp.Kind)
		case tp.Kind == KindFAQ && tp.Section != sp.Section && slices.Contains(sectionIDs(s), sp.Section):
			// (A source page in a section that does not exist is its own error.)
			add(tp.Path, tp.Line("section"), Error, "section %q, but %s is in section %q: use the same section in every language", tp.Section, sp.Path, sp.Section)
		case tp.Kind == KindTimeline && (tp.From != sp.From || tp.To != sp.To):
			add(tp.Path, tp.Line("from"), Error, "covers days %d to %d, but %s covers days %d to %d: timeline steps cover the same days in every language",
				tp.From, tp.To, sp.Path, sp.From, sp.To)
		}
		if !tp.Reviewed.IsZero() && tp.Reviewed.Before(sp.Reviewed) {
			add(tp.Path, tp.Line("reviewed"), Warning, "%s is older than %s: review the translation", tp.Path, sp.Path)
		}
	}
	for _, tp := range t.All() {
		if _, ok := s.byID[tp.ID]; !ok {
			add(tp.Path, tp.Line("id"), Error, "id %q has no page in %s: every language has the same page ids", tp.ID, s.Lang)
		}
	}
	return ps
}

// WithTranslations loads the other languages of fsys beside g, for a
// language switch: every one that loads without errors is attached to g,
// in folder order. A language with errors is left out (check reports it).
func WithTranslations(fsys fs.FS, g *Guide) *Guide {
	if g == nil {
		return nil
	}
	g.Translations = append(g.Translations, translations(fsys, g.Lang, Numbers{})...)
	return g
}

// LoadWithTranslations is Load followed by WithTranslations and
// Expand(g, n), with the other languages read while lang is (they are only
// for the language switch, and loading them one after the other was a
// third of the start) and every page expanded once, with n (Load expands
// with no numbers, and expanding again rewrote every page). The guide and
// its problems are Load's; the translations are WithTranslations'.
func LoadWithTranslations(fsys fs.FS, lang string, n Numbers) (*Guide, Problems) {
	others := make(chan []*Guide, 1)
	go func() { others <- translations(fsys, lang, n) }()
	g, ps := loadExpanded(fsys, lang, n)
	tr := <-others // waited for even when g is refused: nothing outlives the call
	if g != nil {
		g.Translations = append(g.Translations, tr...)
	}
	return g, ps
}

// translations loads every language of fsys but lang that loads without
// errors, in folder order, expanded with n.
func translations(fsys fs.FS, lang string, n Numbers) []*Guide {
	var out []*Guide
	for _, l := range Languages(fsys) {
		if l == lang {
			continue
		}
		if t, ps := loadExpanded(fsys, l, n); t != nil && ps.Errors() == 0 {
			out = append(out, t)
		}
	}
	return out
}

// translatedPath is where the translation of page p belongs in lang.
func translatedPath(p *Page, lang string) string {
	_, rest, _ := strings.Cut(p.Path, "/")
	return path.Join(lang, rest)
}

func sectionIDs(g *Guide) []string {
	ids := make([]string, len(g.Sections))
	for i, s := range g.Sections {
		ids[i] = s.ID
	}
	return ids
}

// sameIDs compares the ids of one kind of data (sections, warning signs,
// symptoms) between a translation's file and the source language: each id
// missing on either side is one error on the translation's file.
func sameIDs(file, what string, src, tr []string, srcLang string) Problems {
	var ps Problems
	have := map[string]bool{}
	for _, id := range tr {
		have[id] = true
	}
	want := map[string]bool{}
	for _, id := range src {
		want[id] = true
		if !have[id] {
			ps = append(ps, Problem{File: file, Severity: Error, Msg: fmt.Sprintf("%s %q of %s is missing here: translate it", what, id, srcLang)})
		}
	}
	for _, id := range tr {
		if !want[id] {
			ps = append(ps, Problem{File: file, Severity: Error, Msg: fmt.Sprintf("%s %q is not in %s: every language has the same ids", what, id, srcLang)})
		}
	}
	return ps
}

// signsParity compares the warning signs: the same sign ids, each at the
// same level and on the same days, so that no language sends a patient to
// a different kind of help. The reviewed date is compared like a page's.
func signsParity(s, t *Guide) Problems {
	if s.Signs == nil || t.Signs == nil {
		return nil
	}
	var ps Problems
	file := t.Signs.Path
	ids := func(g *Guide) []string {
		out := make([]string, len(g.Signs.Signs))
		for i, sg := range g.Signs.Signs {
			out[i] = sg.ID
		}
		return out
	}
	ps = append(ps, sameIDs(file, "warning sign", ids(s), ids(t), s.Lang)...)
	for _, ts := range t.Signs.Signs {
		ss, ok := s.Signs.Sign(ts.ID)
		switch {
		case !ok:
		case ts.Level != ss.Level:
			ps = append(ps, Problem{File: file, Line: ts.Line, Severity: Error,
				Msg: fmt.Sprintf("warning sign %q is level %q here but %q in %s: use the same level in every language", ts.ID, ts.Level, ss.Level, s.Signs.Path)})
		case ts.From != ss.From || ts.To != ss.To || ts.UrgentCare != ss.UrgentCare:
			ps = append(ps, Problem{File: file, Line: ts.Line, Severity: Error,
				Msg: fmt.Sprintf("warning sign %q applies on days %d to %d here but %d to %d in %s: use the same days in every language", ts.ID, ts.From, ts.To, ss.From, ss.To, s.Signs.Path)})
		}
	}
	if !t.Signs.Reviewed.IsZero() && t.Signs.Reviewed.Before(s.Signs.Reviewed) {
		ps = append(ps, Problem{File: file, Severity: Warning,
			Msg: fmt.Sprintf("%s is older than %s: review the translation", file, s.Signs.Path)})
	}
	return ps
}

// symptomsParity compares "Is this normal?": the same symptoms and
// follow-up questions, each symptom with the same days, outcomes and
// questions, so that the answer to a patient is the same in every language.
func symptomsParity(s, t *Guide) Problems {
	if s.Symptoms == nil || t.Symptoms == nil {
		return nil
	}
	var ps Problems
	file := t.Symptoms.Path
	var sIDs, tIDs, sQ, tQ []string
	for _, x := range s.Symptoms.Symptoms {
		sIDs = append(sIDs, x.ID)
	}
	for _, x := range t.Symptoms.Symptoms {
		tIDs = append(tIDs, x.ID)
	}
	for _, x := range s.Symptoms.Follow {
		sQ = append(sQ, x.ID)
	}
	for _, x := range t.Symptoms.Follow {
		tQ = append(tQ, x.ID)
	}
	ps = append(ps, sameIDs(file, "symptom", sIDs, tIDs, s.Lang)...)
	ps = append(ps, sameIDs(file, "follow-up", sQ, tQ, s.Lang)...)
	days := func(x Symptom) string {
		var b strings.Builder
		for _, d := range x.Days {
			fmt.Fprintf(&b, "%d-%d sign=%s ask=%s normal=%v; ", d.From, d.To, d.Sign, d.Ask, d.Normal != "")
		}
		return b.String()
	}
	for _, tx := range t.Symptoms.Symptoms {
		for _, sx := range s.Symptoms.Symptoms {
			if sx.ID == tx.ID && days(sx) != days(tx) {
				ps = append(ps, Problem{File: file, Line: tx.Line, Severity: Error,
					Msg: fmt.Sprintf("symptom %q has other days, outcomes or questions than in %s: use the same in every language", tx.ID, s.Symptoms.Path)})
			}
		}
	}
	answers := func(f FollowUp) string {
		var b strings.Builder
		for _, a := range f.Answers {
			fmt.Fprintf(&b, "%s=%s; ", a.ID, a.Sign)
		}
		return b.String()
	}
	for _, tf := range t.Symptoms.Follow {
		for _, sf := range s.Symptoms.Follow {
			if sf.ID == tf.ID && answers(sf) != answers(tf) {
				ps = append(ps, Problem{File: file, Line: tf.Line, Severity: Error,
					Msg: fmt.Sprintf("follow-up %q has other answers than in %s: use the same in every language", tf.ID, s.Symptoms.Path)})
			}
		}
	}
	return ps
}
