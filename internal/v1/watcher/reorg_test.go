package watcher

import (
	"context"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/v1/devnet"
)

// dump returns every round the store holds.
func dump(t *testing.T, s *index.Store) []index.Round {
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

// TestReorgs forks the chain at depths 1 to 10 below the latest batch, so
// that the batch (and, deeper, its commitment and earlier rounds) leaves the
// canonical chain, and checks that the watcher rolls back and ends with
// exactly the records of a watcher that indexed only the new canonical chain.
func TestReorgs(t *testing.T) {
	ctx := context.Background()
	for _, depth := range []uint64{1, 4, 10} {
		t.Run(fmt.Sprintf("depth %d", depth), func(t *testing.T) {
			d := runFaultyDevnet(t, 4, devnet.Schedule{2: {Kind: devnet.FaultAmount, Index: -1}, 4: {Kind: devnet.FaultPublication, Index: -1}})
			store, err := index.Open(index.Options{InMemory: true})
			if err != nil {
				t.Fatal(err)
			}
			defer store.Close()
			w := newWatcher(t, d, store, 0)
			catchUp(t, w)
			r, ok, err := store.Round(4)
			if err != nil || !ok || len(r.Batches) == 0 || r.Verdict != index.VerdictFraud {
				t.Fatalf("round 4 before the fork: %+v %v", r, err)
			}
			b := r.Batches[len(r.Batches)-1].Block
			parent, err := d.Client().HeaderByNumber(ctx, new(big.Int).SetUint64(b-depth))
			if err != nil {
				t.Fatal(err)
			}
			oldHead := w.Head()
			if err := d.Fork(parent.Hash()); err != nil {
				t.Fatal(err)
			}
			for { // let the new branch grow past the old head
				head, err := d.Client().BlockNumber(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if head > oldHead+2 {
					break
				}
				time.Sleep(5 * time.Millisecond)
			}
			catchUp(t, w)
			if w.Reorgs() == 0 {
				t.Fatal("no reorganisation followed")
			}
			fresh, err := index.Open(index.Options{InMemory: true})
			if err != nil {
				t.Fatal(err)
			}
			defer fresh.Close()
			fw := newWatcher(t, d, fresh, 0)
			catchUp(t, fw)
			catchUp(t, w)
			got, want := dump(t, store), dump(t, fresh)
			if len(got) != len(want) {
				t.Fatalf("%d rounds after the reorg, %d on the canonical chain", len(got), len(want))
			}
			for i := range want {
				if !sameRound(got[i], want[i]) {
					t.Fatalf("round %d:\n after reorg %+v\n canonical   %+v", want[i].Round, got[i], want[i])
				}
			}
			// The batch left the canonical chain: round 4's fraud verdict goes with it.
			if r4, ok, _ := store.Round(4); ok && len(r4.Batches) > 0 && r4.Batches[len(r4.Batches)-1].BlockHash == r.Batches[len(r.Batches)-1].BlockHash {
				t.Fatalf("round 4 still shows the orphaned batch: %+v", r4)
			}
			if err := store.Check(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// sameRound compares what a verdict depends on (a batch mined after the fork
// may be finalized in one store and not yet in the other).
func sameRound(a, b index.Round) bool {
	if a.Round != b.Round || a.Verdict != b.Verdict || a.CommitBlock != b.CommitBlock || a.CommitBlockHash != b.CommitBlockHash ||
		a.Kind != b.Kind || len(a.Batches) != len(b.Batches) {
		return false
	}
	if (a.Index == nil) != (b.Index == nil) || (a.Index != nil && *a.Index != *b.Index) {
		return false
	}
	for i := range a.Batches {
		if a.Batches[i].TxHash != b.Batches[i].TxHash || a.Batches[i].BlockHash != b.Batches[i].BlockHash {
			return false
		}
	}
	return true
}

// TestReorgReplacesBatch forks the chain 1, 4 and 10 blocks below a round's
// batch (deeper than its commitment, which moves to another block) and mines
// another batch for the round in the new branch: a fraudulent batch replaced
// by an honest one turns the verdict valid, an honest batch replaced by a
// fraudulent one turns it fraud, each as a fresh index of the new chain has it.
func TestReorgReplacesBatch(t *testing.T) {
	for _, depth := range []uint64{1, 4, 10} {
		t.Run(fmt.Sprintf("depth %d", depth), func(t *testing.T) { testReorgReplacesBatch(t, depth) })
	}
}

func testReorgReplacesBatch(t *testing.T, depth uint64) {
	ctx := context.Background()
	wrong := devnet.Fault{Kind: devnet.FaultAmount, Index: 5}
	for _, tc := range []struct {
		name        string
		faults      devnet.Schedule
		replacement *devnet.Fault
		before      index.Verdict
		after       index.Verdict
	}{
		{"fraud replaced by honest", devnet.Schedule{3: wrong}, nil, index.VerdictFraud, index.VerdictValid},
		{"honest replaced by fraud", devnet.Schedule{}, &wrong, index.VerdictValid, index.VerdictFraud},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := runFaultyDevnet(t, 3, tc.faults)
			store, err := index.Open(index.Options{InMemory: true})
			if err != nil {
				t.Fatal(err)
			}
			defer store.Close()
			w := newWatcher(t, d, store, 0)
			catchUp(t, w)
			r, _, _ := store.Round(3)
			if r.Verdict != tc.before || len(r.Batches) != 1 {
				t.Fatalf("round 3 before the fork: %+v", r)
			}
			before := r
			old := r.Batches[0]
			parent, err := d.Client().HeaderByNumber(ctx, new(big.Int).SetUint64(old.Block-depth))
			if err != nil {
				t.Fatal(err)
			}
			oldHead := w.Head()
			h, err := d.ReplaceBatch(ctx, parent.Hash(), 3, tc.replacement)
			if err != nil {
				t.Fatal(err)
			}
			for { // the replacement mined and the new branch past the old head
				head, err := d.Client().BlockNumber(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if rc, err := d.Client().TransactionReceipt(ctx, h); err == nil && head > oldHead+2 {
					if rc.Status != 1 {
						t.Fatalf("the replacement batch reverted in block %d", rc.BlockNumber)
					}
					break
				}
				time.Sleep(5 * time.Millisecond)
			}
			catchUp(t, w)
			if w.Reorgs() == 0 {
				t.Fatal("no reorganisation followed")
			}
			r, _, _ = store.Round(3)
			if r.Verdict != tc.after || len(r.Batches) != 1 || r.Batches[0].TxHash != h {
				t.Fatalf("round 3 after the fork: verdict %s (want %s), batches %+v, replacement %s", r.Verdict, tc.after, r.Batches, h)
			}
			if depth > old.Block-r.CommitBlock && r.CommitBlockHash == before.CommitBlockHash {
				t.Fatalf("round 3's commitment was orphaned but the index still has it in block %s", before.CommitBlockHash)
			}
			if tc.after == index.VerdictFraud && (r.Index == nil || *r.Index != uint64(wrong.Index)) {
				t.Fatalf("round 3: fraud at %v, want %d", r.Index, wrong.Index)
			}
			fresh, err := index.Open(index.Options{InMemory: true})
			if err != nil {
				t.Fatal(err)
			}
			defer fresh.Close()
			catchUp(t, newWatcher(t, d, fresh, 0))
			catchUp(t, w)
			got, want := dump(t, store), dump(t, fresh)
			for i := range want {
				if i >= len(got) || !sameRound(got[i], want[i]) {
					t.Fatalf("round %d differs from a fresh index of the new chain", want[i].Round)
				}
			}
			if err := store.Check(); err != nil {
				t.Fatal(err)
			}
		})
	}
}
