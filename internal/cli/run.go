package cli

import (
	"os"
	"runtime/debug"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"

	"github.com/skinguide/skinguide/internal/config"
	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/render"
	"github.com/skinguide/skinguide/internal/tui"
)

// guideOptions turns the settings and --treated into TUI options. It runs
// before the terminal is touched, so a mistake is one line on a normal
// screen.
func guideOptions(env Env, cfg config.Config, treated string) (tui.Options, error) {
	opts := tui.Options{
		Location: time.Local,
		Profile:  colorProfile(env),
		Clinic: tui.Clinic{
			Name:    cfg.Clinic.Name,
			Phone:   cfg.Clinic.Phone,
			Hours:   cfg.Clinic.Hours,
			Website: cfg.Clinic.Website,

			AfterHours:      cfg.Clinic.AfterHours,
			EmergencyNumber: cfg.Clinic.EmergencyNumber,
		},
	}
	opts.Theme, opts.Profile = guideLook(env, cfg.Theme) // checked by config
	if treated != "" {
		t, err := parseTreated(cfg.Lang, treated, env.Now(), opts.Location)
		if err != nil {
			return opts, fail(ExitUsage, "--treated: %v", err)
		}
		opts.Treated = t
		opts.OpenTimeline = true
	}
	return opts, nil
}

// parseTreated reads --treated in the guide's language, and in English
// too, so that a script written once works in every language.
func parseTreated(lang, treated string, now time.Time, loc *time.Location) (time.Time, error) {
	t, err := content.BuiltinUI(lang).Dates().ParseTreated(treated, now, loc)
	if err != nil && lang != content.SourceLang {
		if t, errEN := content.BuiltinUI(content.SourceLang).Dates().ParseTreated(treated, now, loc); errEN == nil {
			return t, nil
		}
	}
	return t, err
}

// guideLook is the theme and colour profile of the interactive guide.
// NO_COLOR takes the colour away and keeps bold, underline and reverse
// (the Mono theme), so headings and the selection still stand out; only a
// dumb terminal gets plain text.
func guideLook(env Env, theme render.Theme) (render.Theme, termenv.Profile) {
	p := detectColors(env, true, false)
	if p == colorprofile.ASCII { // colorprofile's "no colour, but text decoration" (NO_COLOR)
		return render.Mono, termenv.ANSI
	}
	return theme, toTermenv(p)
}

// runGuide opens the interactive guide and returns when the patient quits,
// or runs the kiosk when the settings ask for it.
func runGuide(cmd *cobra.Command, env Env, treated string) error {
	cfg, err := settings(cmd, env)
	if err != nil {
		return err
	}
	opts, err := guideOptions(env, cfg, treated)
	if err != nil {
		return err
	}
	opts.FirstFrame = firstFrame
	if cfg.Kiosk {
		if ok, _ := env.Terminal(); !ok {
			return fail(ExitUsage, "kiosk mode needs a terminal")
		}
		return runKiosk(env, cfg, opts)
	}
	g, err := loadContent(cfg)
	if err != nil {
		return err
	}
	if ok, _ := env.Terminal(); !ok {
		return fail(ExitUsage, "the interactive guide needs a terminal; use `skinguide print` to print pages instead")
	}
	if opts.Theme == render.Auto && env.Stdout == os.Stdout {
		// bubbletea's package init has asked this terminal for its
		// background already (lipgloss's default renderer keeps the
		// answer): asking again through lr would cost another round trip,
		// and 5 s more on a terminal that never answers.
		opts.Theme = opts.Theme.Resolve(lipgloss.HasDarkBackground)
	}
	collectSooner()
	lr := lipgloss.NewRenderer(env.Stdout)
	model := tui.New(g, render.New(g), lr, opts, envClock{env.Now})
	return runProgram(env, model,
		tea.WithAltScreen(),
		tea.WithMouseCellMotion(),
		tea.WithInput(env.Stdin),
		tea.WithOutput(env.Stdout),
		tea.WithFPS(maxFPS),
	)
}

// collectSooner has the collector run at 50% heap growth rather than
// 100%, once the guide is loaded (loading, the start-up's cost, keeps the
// default). The guide and a kiosk run for hours on small boxes with a live
// heap of a few MiB, and each page render makes a burst of garbage: at the
// default, the collector's headroom was most of the process's own memory,
// and peak memory went over its 30 MiB budget (docs/performance.md, "Peak
// memory"). The target still grows with a clinic's content, so a big
// folder never makes the collector run without end, as a fixed memory
// limit would.
func collectSooner() { debug.SetGCPercent(50) }

// envClock is the Env's clock as a tui.Clock.
type envClock struct{ now func() time.Time }

func (c envClock) Now() time.Time { return c.now() }

// firstFrame is how long the guide and the kiosk give their first complete
// frame to reach the terminal before the work for later starts (the search
// index, rendering the pages Home leads to): two frame ticks, so that one
// missed tick is not a wait behind that work.
const firstFrame = 2 * time.Second / maxFPS

// maxFPS is bubbletea's highest frame rate. Frames are drawn only when
// something changed, so it costs nothing at rest; the default 60 adds up to
// 16 ms before the first frame and after every key.
const maxFPS = 120
