// Command denomwatch is the fraud-proof watcher and challenger of the
// Denominator Allocation AVS. See README.md.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/urfave/cli/v2"
)

// Exit codes. Malformed commitment data is a result, not an error: the
// recompute command reports it in its JSON and exits 0.
const (
	exitIO    = 1 // the input could not be read or the output written
	exitUsage = 2 // bad flags or arguments
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		// After the first signal, a second one ends the process at once.
		<-ctx.Done()
		stop()
	}()
	os.Exit(run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// run executes the CLI and returns the process exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	err := app.RunContext(ctx, args)
	if err == nil {
		return 0
	}
	fmt.Fprintf(stderr, "denomwatch: %v\n", err)
	var ec cli.ExitCoder
	if errors.As(err, &ec) {
		return ec.ExitCode()
	}
	// Errors from flag parsing (unknown flag, missing required flag).
	return exitUsage
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:      "denomwatch",
		Version:   readBuildInfo().String(),
		Usage:     "independent fraud-proof watcher and challenger for the Denominator Allocation AVS",
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		// Errors are printed once, by run.
		ExitErrHandler:  func(*cli.Context, error) {},
		OnUsageError:    onUsageError,
		HideHelpCommand: true,
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageError("unknown command %q (see --help)", c.Args().First())
			}
			return cli.ShowAppHelp(c)
		},
		Commands: []*cli.Command{
			runCommand(),
			devnetCommand(),
			auditCommand(),
			checkCommand(),
			daCommand(),
			deadLettersCommand(),
			healthcheckCommand(),
			recomputeCommand(),
			versionCommand(),
		},
	}
}

// usageError marks a bad flag value: exit code 2.
func usageError(format string, args ...any) error {
	return cli.Exit(fmt.Sprintf(format, args...), exitUsage)
}

// ioError marks a failure to read input or write output: exit code 1.
func ioError(err error) error {
	return cli.Exit(err.Error(), exitIO)
}

// onUsageError turns a flag parsing error into a one-line usage error on
// stderr, instead of the help text on stdout that urfave/cli prints by default
// (stdout carries the commands' JSON).
func onUsageError(_ *cli.Context, err error, _ bool) error {
	return usageError("%v (see --help)", err)
}

// requireFlags fails with a usage error unless every named flag is set.
// (cli's own Required prints the help text to stdout.)
func requireFlags(c *cli.Context, names ...string) error {
	for _, n := range names {
		if !c.IsSet(n) {
			return usageError("flag --%s is required (see --help)", n)
		}
	}
	return nil
}
