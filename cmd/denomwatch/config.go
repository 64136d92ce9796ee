package main

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"
	"github.com/urfave/cli/v2/altsrc"
	"gopkg.in/yaml.v3"
)

// configFlag names an optional YAML file whose keys are flag names. A value
// given on the command line or in an environment variable wins over the
// file; the file wins over the default.
var configFlag = &cli.StringFlag{Name: "config", Category: catConfig, Usage: "read flag values from a YAML `FILE` (keys are flag names; see configs/)", EnvVars: env("config")}

// maxConfigFile bounds a --config file.
const maxConfigFile = 1 << 20

// withConfigFile returns flags that also read from the --config file, plus
// the --config flag itself, and the Before hook that loads the file. A key
// of the file that names no flag is refused, with the nearest flag name.
func withConfigFile(flags []cli.Flag) ([]cli.Flag, cli.BeforeFunc) {
	out := make([]cli.Flag, 0, len(flags)+1)
	var names []string
	for _, f := range flags {
		names = append(names, f.Names()...)
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
		path := c.String(configFlag.Name)
		if path == "" {
			return nil
		}
		if err := checkConfigKeys(path, names); err != nil {
			return usageError("--config %s: %v", path, err)
		}
		if err := load(c); err != nil {
			return usageError("--config %s: %v", path, err)
		}
		return nil
	}
}

// checkConfigKeys refuses a config file that is not a YAML mapping of flag
// names, naming every unknown key (with the flag it probably meant).
func checkConfigKeys(path string, names []string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.Size() > maxConfigFile {
		return fmt.Errorf("%d bytes, more than a config file needs (%d at most)", fi.Size(), maxConfigFile)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var m map[string]any
	if err := yaml.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("not a YAML mapping of flag names to values: %v", err)
	}
	var unknown []string
	for k := range m {
		if !slices.Contains(names, k) || k == configFlag.Name {
			msg := fmt.Sprintf("unknown key %q", k)
			if near := nearest(k, names); near != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", near)
			}
			unknown = append(unknown, msg)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	return fmt.Errorf("%s; the keys are flag names (see --help)", strings.Join(unknown, ", "))
}

// nearest returns the name closest to s by edit distance, if close enough
// to be a typo (at most a third of its length, and 3, edits away).
func nearest(s string, names []string) string {
	best, bestD := "", min(3, max(1, len(s)/3))+1
	for _, n := range names {
		if d := editDistance(s, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of a and b (bytes).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
