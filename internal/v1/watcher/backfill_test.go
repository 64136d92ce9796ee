package watcher

import (
	"context"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/v1/devnet"
)

// backfillFaults schedules a fault of each kind every 10 rounds.
func backfillFaults(rounds int) devnet.Schedule {
	s := devnet.Schedule{}
	kinds := []devnet.FaultKind{devnet.FaultAmount, devnet.FaultDenominator, devnet.FaultConservation,
		devnet.FaultPublication, devnet.FaultWithheld, devnet.FaultMalformedCommitments}
	for r := 3; r <= rounds; r += 10 {
		s[uint64(r)] = devnet.Fault{Kind: kinds[(r/10)%len(kinds)], Index: -1}
	}
	return s
}

// TestBackfill indexes a few hundred rounds in one backfill and checks
// every verdict.
func TestBackfill(t *testing.T) {
	t.Parallel()
	rounds := 200
	if testing.Short() {
		rounds = 60
	}
	d := runFaultyDevnet(t, rounds, backfillFaults(rounds))
	store, err := index.Open(index.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	w := newWatcher(t, d, store, 0)
	start := time.Now()
	catchUp(t, w)
	elapsed := time.Since(start)
	checkVerdicts(t, d, store)
	t.Logf("backfilled %d rounds (%d blocks) in %v: %.0f rounds/s", rounds, w.Processed(), elapsed.Round(time.Millisecond), float64(rounds)/elapsed.Seconds())
}

// BenchmarkBackfill measures the backfill rate, in rounds per second, of a
// devnet of 300 rounds (12 providers x 40 entries, the devnet's default
// size) into an on-disk index, reading the chain as `denomwatch run --rpc`
// does: by JSON-RPC over HTTP, through ethclient.
func BenchmarkBackfill(b *testing.B) {
	const rounds = 300
	cfg := devnet.DefaultConfig()
	cfg.HTTPPort, cfg.WSPort, cfg.Describe = testutil.FreePort(b), 0, ""
	cfg.BlockInterval, cfg.PollInterval = 5*time.Millisecond, 2*time.Millisecond
	cfg.ChallengeWindow, cfg.RoundEvery, cfg.Seed, cfg.Rounds = 4, 1, 5, rounds
	cfg.Faults = backfillFaults(rounds)
	d, err := devnet.New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	ctx := context.Background()
	if err := d.Start(ctx); err != nil {
		b.Fatal(err)
	}
	if err := d.Run(ctx); err != nil {
		b.Fatal(err)
	}
	desc := d.Description()
	client, err := ethclient.DialContext(ctx, desc.RPCURL)
	if err != nil {
		b.Fatal(err)
	}
	defer client.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		store, err := index.Open(index.Options{Dir: b.TempDir(), DeferSync: true})
		if err != nil {
			b.Fatal(err)
		}
		w, err := New(ctx, Config{AVS: desc.AVS, StartBlock: desc.StartBlock}, client, store, &CalldataSource{Chain: client, AVS: desc.AVS}, nil)
		if err != nil {
			b.Fatal(err)
		}
		for {
			caughtUp, err := w.Step(ctx)
			if err != nil {
				b.Fatal(err)
			}
			if caughtUp {
				break
			}
		}
		store.Close()
	}
	perOp := b.Elapsed() / time.Duration(b.N)
	b.ReportMetric(float64(rounds)/perOp.Seconds(), "rounds/s")
}
