package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/skinguide/skinguide/internal/content"
)

// normalSheet is `skinguide print normal`: the rules of "Is this normal?"
// as a take-home sheet. For each thing a patient may notice, what it
// means on which days (normal, and by when it fades, or the level of help
// it needs), what each follow-up answer changes, then the levels of help
// with the clinic's numbers.
func (s sheet) normalSheet() string {
	sy, signs := s.g.Symptoms, s.g.Signs
	if sy == nil || signs == nil {
		return ""
	}
	text := func(k string) string { return content.EscapeMarkdown(sy.Text[k]) }
	level := func(id string) string {
		sg, ok := signs.Sign(id)
		if !ok {
			return ""
		}
		l, _ := signs.Level(sg.Level)
		return fmt.Sprintf("**%s**: %s", content.EscapeMarkdown(signs.LevelTitle(l, s.numbers)), content.EscapeMarkdown(sg.Words))
	}
	days := func(d content.SymptomDays) string {
		k := "day_range"
		switch {
		case d.To == content.Forever:
			k = "day_from"
		case d.From == d.To:
			k = "day_one"
		}
		return strings.NewReplacer("{from}", strconv.Itoa(d.From), "{to}", strconv.Itoa(d.To)).Replace(text(k))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", text("print_title"))
	for _, sym := range sy.Symptoms {
		fmt.Fprintf(&b, "## %s\n\n", content.EscapeMarkdown(sym.Words))
		for _, d := range sym.Days {
			if d.Sign != "" {
				fmt.Fprintf(&b, "- **%s:** %s\n", days(d), level(d.Sign))
			} else {
				fmt.Fprintf(&b, "- **%s:** %s. %s\n", days(d), text("normal_word"), content.EscapeMarkdown(d.Normal))
			}
			if f, ok := sy.FollowUp(d.Ask); ok {
				for _, a := range f.Answers {
					if a.Sign != "" {
						fmt.Fprintf(&b, "  - *%s %s:* %s\n", content.EscapeMarkdown(f.Text), content.EscapeMarkdown(a.Words), level(a.Sign))
					}
				}
			}
		}
		b.WriteString("\n")
	}
	b.WriteString(signs.Markdown(0, content.Forever, s.numbers))
	fmt.Fprintf(&b, "\n\n**%s**\n\n", content.EscapeMarkdown(signs.Worried))
	return b.String()
}
