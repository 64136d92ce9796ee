package main

import (
	"fmt"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print the version of denomwatch and of the modules it is built with",
		Action: func(c *cli.Context) error {
			bi, ok := debug.ReadBuildInfo()
			if !ok {
				fmt.Fprintln(c.App.Writer, "denomwatch (no build information)")
				return nil
			}
			fmt.Fprintf(c.App.Writer, "denomwatch %s (%s)\n", bi.Main.Version, bi.GoVersion)
			for _, d := range bi.Deps {
				fmt.Fprintf(c.App.Writer, "  %s %s\n", d.Path, d.Version)
			}
			return nil
		},
	}
}
