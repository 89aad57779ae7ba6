package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/skinguide/skinguide/internal/config"
	"github.com/skinguide/skinguide/internal/render"
)

func newRoot(env Env) *cobra.Command {
	var treated string
	root := &cobra.Command{
		Use:   "skinguide",
		Short: "A calm, plain-language guide to microneedling, for the terminal",
		Long: `skinguide answers common questions about microneedling in plain words,
and walks you through recovery day by day.

Run it with no command to open the guide. Use "skinguide print" for a
take-home copy, and "skinguide check" to check a clinic's content folder.
With --kiosk it runs as a locked waiting-room kiosk (see docs/kiosk.md).

Settings come from flags, then SKINGUIDE_* environment variables, then a
config file (--config FILE, else $XDG_CONFIG_HOME/skinguide/config.toml,
else /etc/skinguide/config.toml), then defaults.`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
		// Not cobra.NoArgs: with it, a mistyped command ("skinguide lst")
		// got no suggestion.
		Args: unknownCommand,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runGuide(cmd, env, treated)
		},
	}
	root.SetVersionTemplate("skinguide {{.Version}}\n")
	root.SuggestionsMinimumDistance = 2
	// Every setting is a flag of every command, so that
	// "skinguide --config FILE list" checks a kiosk's configuration.
	config.RegisterFlags(root.PersistentFlags())
	root.Flags().StringVar(&treated, "treated", "", "your treatment date (like 2026-11-20, or a number of days ago): the timeline opens at today")
	_ = root.RegisterFlagCompletionFunc("theme", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var names []string
		for _, t := range render.Themes() {
			names = append(names, string(t))
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	root.AddCommand(newCheck(env), newList(env), newPrint(env), newServe(env), newMan())
	return root
}

// unknownCommand refuses arguments to the root command, naming the
// commands closest to the one that was mistyped.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if near := cmd.SuggestionsFor(args[0]); len(near) > 0 {
		msg += fmt.Sprintf("; did you mean %s?", strings.Join(near, " or "))
	}
	return fmt.Errorf("%s (see `%s --help`)", msg, cmd.CommandPath())
}
