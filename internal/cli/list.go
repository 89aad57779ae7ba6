package cli

import (
	"bufio"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/skinguide/skinguide/internal/termsafe"
)

func newList(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List every page: id, kind (faq, timeline, page) and title",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := settings(cmd, env)
			if err != nil {
				return err
			}
			g, err := loadContent(cfg)
			if err != nil {
				return err
			}
			// tabwriter writes each cell and its padding on its own: on a
			// terminal or pipe that was seven system calls a line.
			out := bufio.NewWriter(cmd.OutOrStdout())
			w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			for _, p := range g.All() {
				fmt.Fprintf(w, "%s\t%s\t%s\n", termsafe.Clean(p.ID), p.Kind, termsafe.Clean(p.Title))
			}
			if err := w.Flush(); err != nil {
				return err
			}
			return out.Flush()
		},
	}
}
