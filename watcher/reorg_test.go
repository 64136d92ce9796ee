package watcher

import (
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"github.com/denomwatch/denomwatch/judge"
)

// dump returns every round the store holds.
func dump(t *testing.T, s Store) []index.Round {
	t.Helper()
	latest, ok, err := s.LatestRound()
	if err != nil || !ok {
		t.Fatalf("no rounds: %v", err)
	}
	rs, err := s.Rounds(1, latest)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// sameRound compares what a watcher records of a round from the chain: the
// verdict, the batches (by transaction and block) and the events' facts.
func sameRound(a, b *index.Round) error {
	switch {
	case a.Round != b.Round || a.Verdict != b.Verdict || a.CommitBlockHash != b.CommitBlockHash || a.Finalized != b.Finalized:
		return fmt.Errorf("verdict %s/%s, commitment block %s/%s, finalized %v/%v", a.Verdict, b.Verdict, a.CommitBlockHash, b.CommitBlockHash, a.Finalized, b.Finalized)
	case fmt.Sprint(verdictAttrs(a)) != fmt.Sprint(verdictAttrs(b)):
		return fmt.Errorf("judgement\n %s\n %s", describe(a), describe(b))
	case len(a.Batches) != len(b.Batches) || len(a.FraudsProven) != len(b.FraudsProven) || len(a.Reveals) != len(b.Reveals):
		return fmt.Errorf("%d/%d batches, %d/%d frauds, %d/%d reveals", len(a.Batches), len(b.Batches), len(a.FraudsProven), len(b.FraudsProven), len(a.Reveals), len(b.Reveals))
	}
	for i := range a.Batches {
		x, y := a.Batches[i], b.Batches[i]
		if x.TxHash != y.TxHash || x.BlockHash != y.BlockHash || x.Status != y.Status || fmt.Sprint(x.Signers) != fmt.Sprint(y.Signers) {
			return fmt.Errorf("batch %d: %+v\n%+v", i, x, y)
		}
	}
	return nil
}

// sameRecords compares two stores round by round.
func sameRecords(t *testing.T, got, want Store) {
	t.Helper()
	g, w := dump(t, got), dump(t, want)
	if len(g) != len(w) {
		t.Fatalf("%d rounds, want %d", len(g), len(w))
	}
	for i := range w {
		if err := sameRound(&g[i], &w[i]); err != nil {
			t.Fatalf("round %d: %v", w[i].Round, err)
		}
	}
}

// TestReorg forks the chain below a round's batch (1, 4 and 10 blocks):
// the batch, a fraud, leaves the canonical chain and is mined again in the
// new branch (the node puts the orphaned transactions back in its pool).
// The watcher rolls the index back, judges the round again, and ends with
// the records of a watcher that read only the new chain.
func TestReorg(t *testing.T) {
	t.Parallel()
	for _, depth := range []uint64{1, 4, 10} {
		t.Run(fmt.Sprintf("depth %d", depth), func(t *testing.T) {
			cfg := testConfig(t)
			cfg.Rounds, cfg.ChallengeWindow = 4, 10
			cfg.Faults, _ = devnet.ParseFaults("3:amount@1.2")
			e := startDevnet(t, cfg)
			e.wait()
			store := openStore(t, t.TempDir())
			w := e.newWatcher(store, Config{}, nil)
			catchUp(t, w)
			before := round(t, store, 3)
			if s, _ := status(&before); s != judge.StatusFraud || len(before.Batches) != 1 {
				t.Fatalf("round 3 before the fork: %s", describe(&before))
			}
			b := before.Batches[0]
			parent, err := e.d.Client().HeaderByNumber(e.ctx, new(big.Int).SetUint64(b.Block-depth))
			if err != nil {
				t.Fatal(err)
			}
			oldHead := w.Head()
			if err := e.d.Fork(parent.Hash()); err != nil {
				t.Fatal(err)
			}
			testutil.WaitFor(t, "the batch mined again past the old head", time.Minute, 10*time.Millisecond, func() bool {
				head, err := e.d.Client().BlockNumber(e.ctx)
				rc, rerr := e.d.Client().TransactionReceipt(e.ctx, b.TxHash)
				return err == nil && rerr == nil && head > oldHead+2 && rc.BlockHash != b.BlockHash
			})
			catchUp(t, w)
			if w.Reorgs() == 0 {
				t.Fatal("no reorganisation followed")
			}
			after := round(t, store, 3)
			if s, _ := status(&after); s != judge.StatusFraud || len(after.Batches) != 1 || after.Batches[0].BlockHash == b.BlockHash {
				t.Fatalf("round 3 after the fork: %s, batches %+v", describe(&after), after.Batches)
			}
			fresh := openStore(t, t.TempDir())
			catchUp(t, e.newWatcher(fresh, Config{}, nil))
			catchUp(t, w)
			sameRecords(t, store, fresh)
			if err := store.Check(); err != nil {
				t.Fatal(err)
			}
		})
	}
}
