package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"
)

// Flag categories of `denomwatch run` (--help lists them in name order).
const (
	catChain      = "CHAIN"
	catIndex      = "INDEX"
	catAPI        = "API"
	catChallenger = "CHALLENGER"
	catAlerts     = "ALERTS AND JOBS"
	catLogging    = "LOGGING"
	catConfig     = "CONFIGURATION FILE"
	catDevnet     = "EMBEDDED DEVNET (without --rpc; refused with it)"
	catDeploy     = "DEPLOYMENT ON AN EXISTING NODE (--rpc)"
)

// envPrefix starts every environment variable of a flag.
const envPrefix = "DENOMWATCH_"

// envFor is the environment variable of flag name: DENOMWATCH_ and the name
// in capitals, '-' and '.' as '_' (--start-block: DENOMWATCH_START_BLOCK).
func envFor(name string) string {
	return envPrefix + strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(name))
}

// env is the EnvVars of flag name: envFor(name), then any older names still
// read.
func env(name string, older ...string) []string {
	return append([]string{envFor(name)}, older...)
}

func init() {
	// go-ethereum's internal/flags replaces urfave/cli's flag stringer with
	// one that prints "value" for every placeholder and leaves the backticks
	// in the usage: put a faithful one back.
	cli.FlagStringer = flagString
	cli.VersionPrinter = func(c *cli.Context) { fmt.Fprintln(c.App.Writer, "denomwatch "+c.App.Version) }
}

// flagString is how --help prints a flag: its names with the placeholder
// taken from the backticked word of its usage (VALUE without one), the
// usage without backticks, the default, and its environment variables.
func flagString(f cli.Flag) string {
	df, ok := f.(cli.DocGenerationFlag)
	if !ok {
		return ""
	}
	placeholder, usage := splitPlaceholder(df.GetUsage())
	if df.TakesValue() && placeholder == "" {
		placeholder = "VALUE"
	}
	var names []string
	for _, n := range df.Names() {
		dash := "--"
		if len(n) == 1 {
			dash = "-"
		}
		if placeholder != "" && df.TakesValue() {
			names = append(names, dash+n+" "+placeholder)
		} else {
			names = append(names, dash+n)
		}
	}
	if _, isBool := f.(*cli.BoolFlag); !isBool {
		if d := df.GetDefaultText(); d != "" && d != `""` && d != "0" {
			usage += " (default: " + d + ")"
		}
	}
	s := strings.Join(names, ", ") + "\t" + usage
	if envs := df.GetEnvVars(); len(envs) > 0 {
		s += " [$" + strings.Join(envs, ", $") + "]"
	}
	return s
}

// splitPlaceholder returns the first backticked word of usage and usage
// without the backticks.
func splitPlaceholder(usage string) (string, string) {
	i := strings.IndexByte(usage, '`')
	if i < 0 {
		return "", usage
	}
	j := strings.IndexByte(usage[i+1:], '`')
	if j < 0 {
		return "", usage
	}
	name := usage[i+1 : i+1+j]
	return name, usage[:i] + name + usage[i+2+j:]
}

// inCategory sets the category of flags and returns them.
func inCategory(cat string, flags ...cli.Flag) []cli.Flag {
	for _, f := range flags {
		switch f := f.(type) {
		case *cli.StringFlag:
			f.Category = cat
		case *cli.IntFlag:
			f.Category = cat
		case *cli.Int64Flag:
			f.Category = cat
		case *cli.Uint64Flag:
			f.Category = cat
		case *cli.DurationFlag:
			f.Category = cat
		case *cli.BoolFlag:
			f.Category = cat
		default:
			panic(fmt.Sprintf("inCategory: flag type %T not handled", f)) // a programming error, found by the tests
		}
	}
	return flags
}
