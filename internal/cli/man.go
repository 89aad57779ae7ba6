package cli

import (
	"fmt"

	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
)

// newMan prints the man page, generated from the command tree (as glow
// does), so it never disagrees with --help.
func newMan() *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "Print the man page (troff), generated from the commands and flags",
		Long: `Print skinguide's man page in troff, made from the same commands and
flags as --help. Install it with:

  skinguide man | gzip > /usr/local/share/man/man1/skinguide.1.gz`,
		Example: "  skinguide man | man -l -",
		Args:    cobra.NoArgs,
		Hidden:  false,
		RunE: func(cmd *cobra.Command, args []string) error {
			page, err := mcobra.NewManPage(1, cmd.Root())
			if err != nil {
				return fail(ExitProblem, "man page: %v", err)
			}
			page = page.WithSection("Files",
				"/etc/skinguide/config.toml and $XDG_CONFIG_HOME/skinguide/config.toml: the settings (see the README).").
				WithSection("Environment",
					"SKINGUIDE_* variables set what the flags set. NO_COLOR turns colours off; CLICOLOR_FORCE turns them on when the output is not a terminal.").
				WithSection("Exit status",
					"0 success; 1 content errors or unknown ids; 2 bad flags, settings or unreadable folders.").
				WithSection("Copyright",
					"The code is under the Apache License 2.0. See the README for the terms of the content.")
			_, err = fmt.Fprint(cmd.OutOrStdout(), page.Build(roff.NewDocument()))
			return err
		},
	}
}
