package cli

import (
	"fmt"
	"path"
	"strings"

	"github.com/spf13/cobra"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/search"
	"github.com/skinguide/skinguide/internal/termsafe"
)

func newCheck(env Env) *cobra.Command {
	var strict bool
	cmd := &cobra.Command{
		Use:   "check [DIR]",
		Short: "Check a content folder and list every problem as file:line: message",
		Long: `Check a content folder (the built-in content when no DIR is given).

Every language in the folder is checked (en/, es/, ...), and the languages
are compared: every page id, in the same FAQ section and with the same
timeline days, exists in every language.

Every problem is printed as file:line: message, then a one-line summary.
Errors are things that stop the guide from showing the content. Warnings
are readability (English: reading grade above 8; Spanish: INFLESZ score
below 55), review dates more than 24 months old, translations reviewed
before their English page, and a warning sign's except that holds none of
its keywords (it can never matter).

Exit status: 0 when there are no errors, 1 when there are, 2 when DIR
cannot be read.`,
		Example: "  skinguide check\n  skinguide check /srv/clinic-content --strict",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := settings(cmd, env)
			if err != nil {
				return err
			}
			dir := cfg.Content
			if len(args) == 1 {
				dir = args[0]
			}
			fsys, name, err := contentRoot(dir)
			if err != nil {
				return err
			}
			langs := content.Languages(fsys)
			if len(langs) == 0 {
				langs = []string{cfg.Lang} // Load says what is missing
			}
			var problems content.Problems
			var guides []*content.Guide
			pages := 0
			for _, lang := range langs {
				g, ps := content.Load(fsys, lang)
				problems = append(problems, ps...)
				if g != nil {
					problems = append(problems, content.Lint(g, env.Now())...)
					problems = append(problems, search.CheckSigns(g)...)
					guides = append(guides, g)
					pages += len(g.All())
				}
			}
			problems = append(problems, content.Parity(guides)...)
			if strict {
				for i := range problems {
					problems[i].Severity = content.Error
				}
			}
			problems.Sort()
			out := cmd.OutOrStdout()
			for _, p := range problems {
				if dir != "" {
					p.File = path.Join(dir, p.File)
				}
				fmt.Fprintln(out, p)
			}
			fmt.Fprintf(out, "%s: %d %s in %s, %d %s, %d %s\n", termsafe.Quote(name),
				pages, plural(pages, "page"), termsafe.Clean(strings.Join(langs, ", ")), problems.Errors(), plural(problems.Errors(), "error"),
				problems.Warnings(), plural(problems.Warnings(), "warning"))
			if problems.Errors() > 0 {
				return &exitError{ExitProblem, fmt.Errorf("%s has %d %s", termsafe.Quote(name), problems.Errors(), plural(problems.Errors(), "error"))}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&strict, "strict", false, "treat warnings as errors")
	return cmd
}

func plural(n int, w string) string {
	if n == 1 {
		return w
	}
	return w + "s"
}
