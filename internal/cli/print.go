package cli

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/render"
	"github.com/skinguide/skinguide/internal/suggest"
	"github.com/skinguide/skinguide/internal/termsafe"
)

// printSets are the names print accepts besides page ids.
var printSets = []string{"faq", "timeline", "aftercare", "normal"}

func newPrint(env Env) *cobra.Command {
	var (
		width   int
		plain   bool
		format  string
		color   string
		treated string
	)
	cmd := &cobra.Command{
		Use:   "print [ID|faq|timeline|aftercare|normal]",
		Short: "Print pages to stdout, for screen readers, printers and take-home sheets",
		Long: `Print one page (by id, see "skinguide list"), all questions (faq), the
recovery timeline (timeline), an aftercare sheet (aftercare: the
aftercare answers and when to call), or the "Is this normal?" rules as a
take-home sheet (normal: what is normal when, and when to call). With no
argument, prints everything.

Every sheet starts with the clinic's name, phone, opening hours, after-hours
line and emergency number (from the config), and ends once with the line
that the clinic's own instructions come first. With --treated, the timeline
is dated: each step is headed with its calendar days.

When stdout is not a terminal the output is plain text unless you ask for
colour with --color always. Text is wrapped at 80 columns, or --width.`,
		Example: "  skinguide print aftercare --plain > aftercare.txt\n  skinguide print timeline --treated 2026-11-28\n  skinguide print day-2 --width 60\n  skinguide print faq --format markdown",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := settings(cmd, env)
			if err != nil {
				return err
			}
			g, err := loadContent(cfg)
			if err != nil {
				return err
			}
			what := ""
			if len(args) == 1 {
				what = args[0]
			}
			pages, err := selectPages(g, what)
			if err != nil {
				return err
			}
			if format != "text" && format != "markdown" {
				return fail(ExitUsage, "unknown --format %q (choose text or markdown)", format)
			}
			sh := sheet{g: g, pages: pages, numbers: numbers(cfg), clinic: cfg.Clinic.Name, normal: what == "normal"}
			if treated != "" {
				t, err := parseTreated(cfg.Lang, treated, env.Now(), time.Local)
				if err != nil {
					return fail(ExitUsage, "--treated: %v", err)
				}
				sh.treated = t
			}
			isTTY, termWidth := env.Terminal()
			if !cmd.Flags().Changed("width") {
				width = defaultPrintWidth
				if isTTY && termWidth > 0 {
					width = min(termWidth, defaultPrintWidth)
				}
			}
			if width < render.MinWidth || width > render.MaxWidth {
				return fail(ExitUsage, "--width %d is out of range (%d to %d)", width, render.MinWidth, render.MaxWidth)
			}
			style, err := printStyle(env, cfg.Theme, color, plain, isTTY)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			md := sh.markdown()
			if format == "markdown" {
				// Markdown source has no business with escape codes at all.
				fmt.Fprint(out, ansi.Strip(termsafe.Filter(md)))
				return nil
			}
			fmt.Fprintln(out, fitWidth(render.New(g).Markdown(md, width, style), width))
			return nil
		},
	}
	cmd.Flags().IntVar(&width, "width", defaultPrintWidth, "wrap text at this many columns (default: 80, or the terminal's width when narrower)")
	cmd.Flags().BoolVar(&plain, "plain", false, "no escape codes at all (for screen readers and printers)")
	cmd.Flags().StringVar(&format, "format", "text", "text, or markdown for the source without front matter")
	cmd.Flags().StringVar(&color, "color", "auto", "auto (colour only on a terminal), always or never")
	cmd.Flags().StringVar(&treated, "treated", "", "your treatment date (like 2026-11-20, or a number of days ago): dates each timeline step")
	return cmd
}

// defaultPrintWidth is the widest a sheet is unless --width says more: a
// sheet is for reading and printing, and long lines are hard to read.
const defaultPrintWidth = 80

var trailingSGR = regexp.MustCompile(`(\x1b\[[0-9;]*m)+$`)

// fitWidth trims glamour's padding (styled spaces to the wrap width, most
// of the bytes of a coloured sheet) and guarantees that no line is wider
// than width.
func fitWidth(s string, width int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		visible := strings.TrimRight(ansi.Strip(l), " ")
		w := min(ansi.StringWidth(visible), width)
		if ansi.StringWidth(l) == w && !strings.Contains(l, "\x1b") {
			continue
		}
		// Truncate keeps the styles of what it cuts; drop them too.
		t := trailingSGR.ReplaceAllString(ansi.Truncate(l, w, ""), "")
		if strings.Contains(t, "\x1b") {
			t += "\x1b[0m"
		}
		lines[i] = t
	}
	return strings.Join(lines, "\n")
}

// printStyle picks colours: none with --plain or --color never; with
// --color always, colour; otherwise as colorprofile reads the environment
// (NO_COLOR, CLICOLOR_FORCE, TERM), and none when stdout is not a terminal.
func printStyle(env Env, t render.Theme, color string, plain, isTTY bool) (render.Style, error) {
	switch color {
	case "auto", "always", "never":
	default:
		return render.Style{}, fail(ExitUsage, "unknown --color %q (choose auto, always or never)", color)
	}
	if plain || color == "never" {
		return render.Style{Theme: t, Profile: termenv.Ascii}, nil
	}
	return render.Style{Theme: t, Profile: colorProfileFor(env, isTTY, color == "always")}, nil
}

// selectPages resolves the print argument to pages.
func selectPages(g *content.Guide, what string) ([]*content.Page, error) {
	switch what {
	case "":
		return g.All(), nil
	case "faq":
		return g.FAQ, nil
	case "timeline":
		return g.Timeline, nil
	case "normal":
		if g.Symptoms == nil {
			return nil, fail(ExitProblem, "this content has no %s, so there is no \"Is this normal?\" sheet", content.SymptomsFile)
		}
		return nil, nil
	case "aftercare":
		pages := g.InSection("aftercare")
		if p, ok := g.Page(content.PageCallUs); ok {
			pages = append(pages, p)
		}
		return pages, nil
	}
	if p, ok := g.Page(what); ok {
		return []*content.Page{p}, nil
	}
	ids := append([]string{}, printSets...)
	for _, p := range g.All() {
		ids = append(ids, p.ID)
	}
	msg := fmt.Sprintf("no page %q", what)
	if near := suggest.Closest(what, ids, 3); len(near) > 0 {
		msg += fmt.Sprintf("; did you mean %s?", strings.Join(near, ", "))
	}
	return nil, fail(ExitProblem, "%s (see `skinguide list`)", msg)
}

// newSection returns the title of the FAQ section that starts at pages[i]
// when several pages are printed, so a take-home sheet is grouped as the
// guide is; "" when the section does not change.
func newSection(g *content.Guide, pages []*content.Page, i int) string {
	p := pages[i]
	if len(pages) < 2 || p.Kind != content.KindFAQ || (i > 0 && pages[i-1].Section == p.Section) {
		return ""
	}
	return termsafe.Clean(g.SectionTitle(p.Section))
}
