package cli

import (
	"github.com/spf13/cobra"
)

func newRoot(env Env) *cobra.Command {
	var (
		cf contentFlags
		gf guideFlags
	)
	root := &cobra.Command{
		Use:   "skinguide",
		Short: "A calm, plain-language guide to microneedling, for the terminal",
		Long: `skinguide answers common questions about microneedling in plain words,
and walks you through recovery day by day.

Run it with no command to open the guide. Use "skinguide print" for a
take-home copy, and "skinguide check" to check a clinic's content folder.`,
		Version:       Version,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runGuide(env, &cf, gf)
		},
	}
	root.SetVersionTemplate("skinguide {{.Version}}\n")
	cf.register(root)
	root.Flags().StringVar(&gf.treated, "treated", "", "your treatment date (like 2026-11-20, or a number of days ago): the timeline opens at today")
	root.Flags().StringVar(&gf.theme, "theme", "dark", "colours: dark, light or high-contrast")
	root.AddCommand(newCheck(env, &cf), newList(env, &cf), newPrint(env, &cf))
	return root
}
