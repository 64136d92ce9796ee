package index

import (
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

// TestPrune: only settled rounds committed before the cut, last changed
// below the undo depth, and not kept lose their data; records stay, and the
// store stays consistent.
func TestPrune(t *testing.T) {
	s, err := Open(Options{InMemory: true, UndoDepth: 10})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	batch := func(n uint64, deadline uint64) Batch {
		return Batch{TxHash: common.Hash{0xb, byte(n)}, DataAvailable: true, DeadlineBlock: deadline, Status: BatchFinalized}
	}
	type spec struct {
		round, time, updated, deadline uint64
		verdict                        Verdict
		batch                          bool
		want                           bool
	}
	specs := []spec{
		{1, 100, 5, 8, VerdictValid, true, true},
		{2, 110, 6, 9, VerdictFraud, true, false}, // kept (a challenge in flight)
		{3, 120, 7, 0, VerdictMalformed, false, true},
		{4, 130, 8, 60, VerdictValid, true, false},  // window open at head 50
		{5, 140, 55, 20, VerdictValid, true, false}, // changed within the undo depth
		{6, 900, 9, 10, VerdictValid, true, false},  // committed after the cut
	}
	// Apply one block per round, then empty blocks up to 60.
	for i, sp := range specs {
		r := Round{Round: sp.round, Verdict: sp.verdict, CommitTime: sp.time, UpdatedBlock: sp.updated, Signers: []Signer{}, Batches: []Batch{}}
		u := &BlockUpdate{Number: uint64(i + 1), Hash: common.Hash{byte(i + 1)}, CommitmentData: map[uint64][]byte{sp.round: {1, 2, 3}}, BatchData: map[common.Hash][]byte{}}
		if sp.batch {
			b := batch(sp.round, sp.deadline)
			r.Batches, r.DeadlineBlock = []Batch{b}, sp.deadline
			u.BatchData[b.TxHash] = []byte{4, 5}
		}
		u.Rounds = []Round{r}
		if err := s.Apply(u); err != nil {
			t.Fatal(err)
		}
	}
	for n := uint64(len(specs) + 1); n <= 60; n++ {
		if err := s.Apply(&BlockUpdate{Number: n, Hash: common.Hash{byte(n)}}); err != nil {
			t.Fatal(err)
		}
	}
	// Objects: one of each round's own, a row rounds 1 and 2 share, and one
	// rounds 1 and 3 share.
	keptRow, goneRow := hashOf("kept", 0, 0), hashOf("gone", 0, 0)
	for _, sp := range specs {
		mustPut(t, s, manifest, hashOf("m", sp.round, 0), []byte{byte(sp.round)}, served("https://da.example"), sp.round)
	}
	for _, r := range []uint64{1, 2} {
		mustPut(t, s, row, keptRow, []byte{1}, served("https://da.example"), r)
	}
	for _, r := range []uint64{1, 3} {
		mustPut(t, s, row, goneRow, []byte{2}, served("https://da.example"), r)
	}
	pruned, err := s.Prune(PruneOptions{Before: 500, Head: 50, Keep: func(r uint64) bool { return r == 2 }})
	if err != nil {
		t.Fatal(err)
	}
	if len(pruned) != 2 || pruned[0] != 1 || pruned[1] != 3 {
		t.Fatalf("pruned %v, want [1 3]", pruned)
	}
	for _, sp := range specs {
		if _, _, err := s.Object(manifest, hashOf("m", sp.round, 0)); errors.Is(err, ErrObjectNotFound) != sp.want {
			t.Fatalf("round %d's own object: %v; want it pruned: %v", sp.round, err, sp.want)
		}
	}
	if _, _, err := s.Object(row, keptRow); err != nil {
		t.Fatalf("the row round 2 still references: %v", err)
	}
	if _, _, err := s.Object(row, goneRow); !errors.Is(err, ErrObjectNotFound) {
		t.Fatalf("the row of pruned rounds 1 and 3 only: %v", err)
	}
	for _, sp := range specs {
		r, ok, err := s.Round(sp.round)
		if err != nil || !ok {
			t.Fatal(err)
		}
		_, hasData, _ := s.CommitmentData(sp.round)
		if r.DataPruned != sp.want || hasData == sp.want {
			t.Fatalf("round %d: pruned %v, data stored %v; want pruned %v", sp.round, r.DataPruned, hasData, sp.want)
		}
		if sp.batch {
			_, hasBatch, _ := s.BatchData(batch(sp.round, 0).TxHash)
			if hasBatch == sp.want {
				t.Fatalf("round %d: batch data stored %v", sp.round, hasBatch)
			}
		}
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	// A second pass has nothing left to do.
	if again, err := s.Prune(PruneOptions{Before: 500, Head: 50, Keep: func(r uint64) bool { return r == 2 }}); err != nil || len(again) != 0 {
		t.Fatalf("second prune: %v %v", again, err)
	}
}
