package watcher

import (
	"context"
	"testing"
	"time"

	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
)

// seedScale sets a devnet to the design's size: 100 providers x 1000
// recipients (10^5 entries, 9.6 MB of objects a round).
func seedScale(cfg *devnet.Config) {
	cfg.Providers, cfg.Recipients, cfg.EntriesPerRow = 100, 1000, 0
}

// seedRound runs a devnet of one seed-scale round whose batch is wrong at
// its last entry (so the verdict is a bad allocation whose first wrong
// entry needs the allocations object: the longest way to a verdict).
func seedRound(b *testing.B) (*env, devnet.DescribedRound) {
	b.Helper()
	cfg := testConfig(b)
	seedScale(&cfg)
	cfg.Rounds, cfg.ChallengeWindow, cfg.RoundEvery = 1, 5, 2
	cfg.Faults, _ = devnet.ParseFaults("1:amount@99.999")
	e := startDevnet(b, cfg)
	desc := e.wait()
	dr := desc.Rounds[0]
	if dr.Batches[0].Block <= dr.CommitBlock {
		b.Fatalf("batch in block %d, commitment in %d", dr.Batches[0].Block, dr.CommitBlock)
	}
	return e, dr
}

// BenchmarkSeedRound measures a seed-scale round from its batch log to its
// verdict, with the DA store served over HTTP on the loopback: "cold", the
// round's commitment read in the same range as its batch (the verdict
// deferred to the batch: every object fetched, verified and judged then);
// "warm", the commitment judged in an earlier step (the objects held, as a
// watcher following the chain has them when the batch comes). Each with
// the watcher's default cache over an index ("index": every object stored
// in the index too) and with a MemoryCache alone ("memory": nothing
// stored), to measure what storing the objects costs.
func BenchmarkSeedRound(b *testing.B) {
	e, dr := seedRound(b)
	batch := dr.Batches[0].Block
	check := func(s Store) {
		r := round(b, s, 1)
		if st, _ := status(&r); st != judge.StatusFraud || r.Judgement.BadAllocation.FirstWrongEntry == nil {
			b.Fatalf("round 1: %s", describe(&r))
		}
	}
	for _, cache := range []string{"index", "memory"} {
		newCache := func() ObjectCache {
			if cache == "memory" {
				return NewMemoryCache(DefaultCacheBytes)
			}
			return nil
		}
		b.Run("cold/"+cache, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				store := openBenchStore(b)
				w := e.newWatcherWith(store, Config{StartBlock: dr.CommitBlock, MaxRange: batch - dr.CommitBlock + 1}, newCache(), nil)
				b.StartTimer()
				if _, err := w.Step(context.Background()); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				check(store)
				store.Close()
				b.StartTimer()
			}
		})
		b.Run("warm/"+cache, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				store := openBenchStore(b)
				w := e.newWatcherWith(store, Config{StartBlock: dr.CommitBlock, MaxRange: batch - dr.CommitBlock}, newCache(), nil)
				if _, err := w.Step(context.Background()); err != nil {
					b.Fatal(err)
				}
				w.rangeSize = 1
				b.StartTimer()
				if _, err := w.Step(context.Background()); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if w.Processed() != batch {
					b.Fatalf("processed %d, batch in %d", w.Processed(), batch)
				}
				check(store)
				store.Close()
				b.StartTimer()
			}
		})
	}
}

func openBenchStore(b *testing.B) *index.Store {
	s, err := index.Open(index.Options{Dir: b.TempDir(), DeferSync: true})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkBackfillSeedScale measures a backfill of seed-scale rounds (one
// in five wrong at one entry) into an on-disk index, the DA store served
// over HTTP on the loopback, in rounds per second; every round's objects
// are stored in the index too.
func BenchmarkBackfillSeedScale(b *testing.B) {
	const rounds = 10
	cfg := testConfig(b)
	seedScale(&cfg)
	cfg.Rounds, cfg.ChallengeWindow, cfg.RoundEvery = rounds, 5, 1
	cfg.Faults, _ = devnet.ParseFaults("3:amount@10.10,8:amount@50.500")
	e := startDevnet(b, cfg)
	e.wait()
	var took time.Duration
	n := 0
	for b.Loop() {
		b.StopTimer()
		store := openBenchStore(b)
		w := e.newWatcher(store, Config{}, nil)
		b.StartTimer()
		start := time.Now()
		catchUp(b, w)
		took += time.Since(start)
		n++
		b.StopTimer()
		for n := uint64(1); n <= rounds; n++ {
			if r := round(b, store, n); r.Judgement == nil || r.Judgement.Status == judge.StatusUnavailable {
				b.Fatalf("round %d: %s", n, describe(&r))
			}
			// The watcher keeps every round's objects in the index
			// (IndexCache): the manifest and the 100 rows at least.
			if refs, err := store.ObjectsOfRound(n); err != nil || len(refs) < 101 {
				b.Fatalf("round %d: %d objects in the index (%v)", n, len(refs), err)
			}
		}
		store.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(rounds*n)/took.Seconds(), "rounds/s")
}
