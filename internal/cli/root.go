package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newRoot(env Env) *cobra.Command {
	var cf contentFlags
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
			g, err := cf.load()
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: %d questions, %d recovery steps. The interactive guide is not built yet; try `skinguide print faq`.\n",
				g.Title, len(g.FAQ), len(g.Timeline))
			return nil
		},
	}
	root.SetVersionTemplate("skinguide {{.Version}}\n")
	cf.register(root)
	root.AddCommand(newCheck(env, &cf), newList(env, &cf), newPrint(env, &cf))
	return root
}
