package devnet

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/denomwatch/denomwatch/internal/testutil"
)

// testConfig is a small, fast devnet: an embedded chain served nowhere,
// blocks every 100 ms, windows of 40/20/20 blocks (wide enough for a test
// challenger on a loaded machine under the race detector), its DA store in
// a test directory, served on a free port.
func testConfig(t *testing.T) Config {
	t.Helper()
	cfg := DefaultConfig()
	dir := t.TempDir()
	cfg.HTTPPort, cfg.WSPort = 0, 0
	cfg.BlockInterval, cfg.PollInterval = 100*time.Millisecond, 10*time.Millisecond
	cfg.DADir, cfg.DAPort = filepath.Join(dir, "da"), testutil.FreePort(t)
	cfg.Operators, cfg.Providers, cfg.Recipients, cfg.EntriesPerRow = 4, 5, 12, 8
	cfg.ChallengeWindow, cfg.ResolveWindow, cfg.RevealWindow, cfg.RoundEvery = 40, 20, 20, 2
	cfg.Describe = filepath.Join(dir, "devnet.json")
	cfg.Seed = 42
	return cfg
}

// runDevnet runs cfg to the end (Rounds must be set) and returns the devnet
// (closed at the test's end) and its summary.
func runDevnet(t *testing.T, cfg Config) (*Devnet, string) {
	t.Helper()
	var out bytes.Buffer
	cfg.Out = &out
	d, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if err := d.Run(ctx); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	return d, out.String()
}
