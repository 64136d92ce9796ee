package main

import (
	"io"
	"log/slog"

	"github.com/urfave/cli/v2"
)

// logConfig is the logging flags' value.
type logConfig struct {
	Level  slog.Level
	Format string // "text" or "json"
}

// logConfigFrom reads --log-level and --log-format.
func logConfigFrom(c *cli.Context) (logConfig, error) {
	var lc logConfig
	if err := lc.Level.UnmarshalText([]byte(c.String("log-level"))); err != nil {
		return lc, usageError("--log-level %q: one of debug, info, warn, error", c.String("log-level"))
	}
	switch lc.Format = c.String("log-format"); lc.Format {
	case "text", "json":
	default:
		return lc, usageError("--log-format %q: text or json", lc.Format)
	}
	return lc, nil
}

// logger returns a logger writing to w. Keys are camelCase everywhere
// (logkeys_test.go checks the source); "err" carries errors.
func (lc logConfig) logger(w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: lc.Level}
	if lc.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
