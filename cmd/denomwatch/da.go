package main

import (
	"fmt"
	"net"

	"github.com/urfave/cli/v2"

	"github.com/denomwatch/denomwatch/da"
)

// catDA is the category of `denomwatch da serve`'s own flags.
const catDA = "DA HOST"

func daCommand() *cli.Command {
	return &cli.Command{
		Name:         "da",
		Usage:        "data availability: serve a directory of content-addressed objects (PROTOCOL.md section 9)",
		OnUsageError: onUsageError,
		Subcommands:  []*cli.Command{daServeCommand()},
	}
}

func daServeCommand() *cli.Command {
	flags := append(inCategory(catDA,
		&cli.StringFlag{Name: "dir", Usage: "`DIR` of objects, DIR/<kind>/<0x key> (as recompute --objects reads it)", EnvVars: env("dir", "DENOMWATCH_DA_DIR")},
		&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8090", Usage: "listen on `HOST:PORT`", EnvVars: env("addr", "DENOMWATCH_DA_ADDR")},
	), logFlags("info")...)
	return &cli.Command{
		Name:  "serve",
		Usage: "serve DIR as a data-availability host: GET and HEAD /{kind}/{key}",
		Description: `Serves the objects of DIR (DIR/manifest/<key>, DIR/row/<key>,
DIR/allocations/<key>, each key 0x and 64 lowercase hex digits) at
GET /{kind}/{key}: 200 with the raw bytes, ranges and conditional requests as
a static server, ETag the key, immutable caching; 404 when absent, 400 for a
malformed kind or key, 405 for another method. Serves DIR as it is, without
verifying it; a reader verifies every object against its key. Stops on a signal.`,
		Flags:        flags,
		OnUsageError: onUsageError,
		Action:       runDAServe,
	}
}

func runDAServe(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageError("da serve takes no arguments, got %q", c.Args().Slice())
	}
	if err := requireFlags(c, "dir"); err != nil {
		return err
	}
	if _, _, err := net.SplitHostPort(c.String("addr")); err != nil {
		return usageError("--addr %q is not HOST:PORT", c.String("addr"))
	}
	lc, err := logConfigFrom(c)
	if err != nil {
		return err
	}
	store, err := da.OpenStore(c.String("dir"))
	if err != nil {
		return usageError("--dir: %v", err)
	}
	srv, err := da.Listen(da.ServerConfig{Addr: c.String("addr"), Store: store, Logger: lc.logger(c.App.ErrWriter)})
	if err != nil {
		return ioError(err)
	}
	if err := srv.Run(c.Context); err != nil {
		return cli.Exit(fmt.Sprintf("da serve: %v", err), exitIO)
	}
	return nil
}
