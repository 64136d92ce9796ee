// Package devnettest runs the v2 devnet for the tests of other packages:
// one way to start it, so that every package's tests drive it alike.
package devnettest

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/internal/testutil"
)

// Config is devnet.TestingConfig in a test directory, its DA store on a
// free port, logging nowhere.
func Config(t testing.TB) devnet.Config {
	t.Helper()
	cfg := devnet.TestingConfig(t.TempDir(), testutil.FreePort(t))
	cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	return cfg
}

// RunToEnd runs cfg's devnet until every round is settled (cfg.Rounds must
// be set) within timeout, failing t otherwise; the devnet (its chain, its
// DA host) is closed when the test ends, and a settled devnet's
// Description is safe to read.
func RunToEnd(t testing.TB, cfg devnet.Config, timeout time.Duration) *devnet.Devnet {
	t.Helper()
	if cfg.Rounds <= 0 {
		t.Fatal("devnettest.RunToEnd: the devnet would run for ever (Rounds is 0)")
	}
	d, err := devnet.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if err := d.Run(ctx); err != nil {
		t.Fatal(err)
	}
	return d
}

// Faults parses a fault schedule, failing t on a mistake.
func Faults(t testing.TB, s string) devnet.Schedule {
	t.Helper()
	f, err := devnet.ParseFaults(s)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
