package devnet

import (
	"bytes"
	"context"
	"testing"
	"time"
)

// testConfig is a small, fast devnet: blocks every 20ms, no RPC server.
func testConfig(t *testing.T) Config {
	cfg := DefaultConfig()
	cfg.HTTPPort, cfg.WSPort = 0, 0
	cfg.BlockInterval, cfg.PollInterval = 20*time.Millisecond, 5*time.Millisecond
	cfg.ChallengeWindow, cfg.RoundEvery = 3, 1
	cfg.Providers, cfg.Recipients, cfg.EntriesPerRow = 4, 12, 6
	cfg.Operators = 5
	cfg.Seed = 42
	cfg.Describe = t.TempDir() + "/devnet.json"
	return cfg
}

// startDevnet starts a devnet that the test closes; ctx bounds the test.
func startDevnet(t *testing.T, cfg Config) (d *Devnet, ctx context.Context, out *bytes.Buffer) {
	t.Helper()
	out = &bytes.Buffer{}
	cfg.Out = out
	d, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	return d, ctx, out
}

func runDevnet(t *testing.T, cfg Config) (*Devnet, string) {
	t.Helper()
	d, ctx, out := startDevnet(t, cfg)
	if err := d.Run(ctx); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	return d, out.String()
}

func TestHonestRoundsFinalize(t *testing.T) {
	cfg := testConfig(t)
	cfg.Rounds = 4
	d, out := runDevnet(t, cfg)
	t.Log(out)
	desc := d.Description()
	if len(desc.Rounds) != 4 {
		t.Fatalf("%d rounds described", len(desc.Rounds))
	}
	for _, r := range desc.Rounds {
		if !r.Finalized || len(r.Batches) != 1 || !r.Batches[0].Honest || r.Batches[0].AllocationRoot != r.CorrectAllocationRoot {
			t.Fatalf("round %+v", r)
		}
	}
}
