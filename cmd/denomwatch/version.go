package main

import (
	"fmt"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

// version and commit are stamped at build time (make build, the
// Dockerfile): -ldflags "-X main.version=... -X main.commit=...". Without
// them, the module's version and the VCS revision Go recorded are used.
var (
	version = ""
	commit  = ""
)

// buildInfo is what the binary knows of its build.
type buildInfo struct {
	Version, Commit, GoVersion string
	Deps                       []*debug.Module
}

// readBuildInfo returns the stamped version and commit, else what the Go
// toolchain recorded ("(devel)", the vcs.revision setting), else "unknown".
func readBuildInfo() buildInfo {
	bi := buildInfo{Version: version, Commit: commit, GoVersion: "unknown"}
	if info, ok := debug.ReadBuildInfo(); ok {
		bi.GoVersion, bi.Deps = info.GoVersion, info.Deps
		if bi.Version == "" {
			bi.Version = info.Main.Version
		}
		dirty := false
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if bi.Commit == "" {
					bi.Commit = s.Value
				}
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
		if dirty && commit == "" && bi.Commit != "" {
			bi.Commit += "-dirty"
		}
	}
	if bi.Version == "" {
		bi.Version = "unknown"
	}
	if bi.Commit == "" {
		bi.Commit = "unknown"
	}
	return bi
}

// String is the one line of --version.
func (b buildInfo) String() string {
	return fmt.Sprintf("%s (commit %s, %s)", b.Version, b.Commit, b.GoVersion)
}

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print the version of denomwatch, its commit, and the modules it is built with",
		Action: func(c *cli.Context) error {
			bi := readBuildInfo()
			fmt.Fprintln(c.App.Writer, "denomwatch "+bi.String())
			for _, d := range bi.Deps {
				fmt.Fprintf(c.App.Writer, "  %s %s\n", d.Path, d.Version)
			}
			return nil
		},
	}
}
