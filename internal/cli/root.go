package cli

import (
	"github.com/spf13/cobra"

	"github.com/skinguide/skinguide/internal/config"
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
		Version:       Version,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runGuide(cmd, env, treated)
		},
	}
	root.SetVersionTemplate("skinguide {{.Version}}\n")
	// Every setting is a flag of every command, so that
	// "skinguide --config FILE list" checks a kiosk's configuration.
	config.RegisterFlags(root.PersistentFlags())
	root.Flags().StringVar(&treated, "treated", "", "your treatment date (like 2026-11-20, or a number of days ago): the timeline opens at today")
	root.AddCommand(newCheck(env), newList(env), newPrint(env), newServe(env))
	return root
}
