package content

import "path"

var guideFields = []field{
	{"title", tString, true}, {"welcome", tString, true}, {"sections", tSections, true},
	{"timeline_headings", tStrings, true}, {"clinic_first", tString, true},
	{"reviewed_label", tString, true}, {"sources_label", tString, true},
	{"approved", tString, false}, {"not_approved", tString, false},
}

// loadGuideFile reads <lang>/guide.yaml: the language's titles, FAQ
// sections and timeline headings.
func (l *loader) loadGuideFile(g *Guide) {
	file := path.Join(l.lang, "guide.yaml")
	src, _ := l.readChecked(file, false, nil)
	if src == nil {
		return
	}
	report := func(line int, format string, args ...any) { l.errorf(file, line, format, args...) }
	node := parseYAMLFile(src, report)
	if node == nil {
		return
	}
	vals := decodeMapping(node, guideFields, 0, func(line int, format string, args ...any) {
		if line == 0 {
			line = 1
		}
		report(line, format, args...)
	})
	g.Title = vals["title"].s
	g.Welcome = vals["welcome"].s
	g.Sections = vals["sections"].sections
	g.TimelineHeadings = vals["timeline_headings"].list
	g.ClinicFirst = vals["clinic_first"].s
	g.ReviewedLabel = vals["reviewed_label"].s
	g.SourcesLabel = vals["sources_label"].s
	g.Approved = vals["approved"].s
	g.NotApproved = vals["not_approved"].s
	g.approvedLine = vals["approved"].line
	if g.approvedLine == 0 {
		g.approvedLine = 1
	}
	if v, ok := vals["sections"]; ok && len(v.sections) == 0 {
		report(v.line, "sections: list at least one section")
	}
	if v, ok := vals["timeline_headings"]; ok && len(v.list) != 4 {
		report(v.line, "timeline_headings: list exactly 4 headings (what you may notice, what to do, what to avoid, when to call), not %d", len(v.list))
	}
}
