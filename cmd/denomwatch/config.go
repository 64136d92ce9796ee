package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
	"github.com/urfave/cli/v2/altsrc"
)

// configFlag names an optional YAML file whose keys are flag names. A value
// given on the command line or in an environment variable wins over the
// file; the file wins over the default.
var configFlag = &cli.StringFlag{Name: "config", Usage: "read flag values from a YAML `FILE` (keys are flag names; see configs/)", EnvVars: []string{"DENOMWATCH_CONFIG"}}

// withConfigFile returns flags that also read from the --config file, plus
// the --config flag itself, and the Before hook that loads the file.
func withConfigFile(flags []cli.Flag) ([]cli.Flag, cli.BeforeFunc) {
	out := make([]cli.Flag, 0, len(flags)+1)
	for _, f := range flags {
		switch f := f.(type) {
		case *cli.StringFlag:
			out = append(out, altsrc.NewStringFlag(f))
		case *cli.IntFlag:
			out = append(out, altsrc.NewIntFlag(f))
		case *cli.Int64Flag:
			out = append(out, altsrc.NewInt64Flag(f))
		case *cli.Uint64Flag:
			out = append(out, altsrc.NewUint64Flag(f))
		case *cli.DurationFlag:
			out = append(out, altsrc.NewDurationFlag(f))
		case *cli.BoolFlag:
			out = append(out, altsrc.NewBoolFlag(f))
		default:
			panic(fmt.Sprintf("withConfigFile: flag type %T not handled", f)) // a programming error, found by the tests
		}
	}
	out = append(out, configFlag)
	load := altsrc.InitInputSourceWithContext(out, altsrc.NewYamlSourceFromFlagFunc(configFlag.Name))
	return out, func(c *cli.Context) error {
		if err := load(c); err != nil {
			return usageError("--config %s: %v", c.String(configFlag.Name), err)
		}
		return nil
	}
}
