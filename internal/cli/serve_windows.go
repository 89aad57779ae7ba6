package cli

import "github.com/spf13/cobra"

// newServe on Windows only says why there is no serve: Charm's SSH stack
// (wish v1.4.7) does not build there with the terminal libraries the rest
// of skinguide needs (charmbracelet/x/input against x/windows v0.2.2).
func newServe(Env) *cobra.Command {
	return &cobra.Command{
		Use:   "serve",
		Short: "Serve the guide over SSH (not available on Windows)",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return fail(ExitUsage, "serve is not available on Windows; run it on Linux or macOS")
		},
	}
}
