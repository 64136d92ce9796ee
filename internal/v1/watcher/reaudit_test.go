package watcher

import (
	"context"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/index"
)

// TestReaudit: re-auditing what the watcher indexed finds nothing; a stored
// verdict that the data does not support is found, and only rounds still in
// their window are looked at.
func TestReaudit(t *testing.T) {
	d := runFaultyDevnet(t, 12, allFaults())
	store, err := index.Open(index.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	w := newWatcher(t, d, store, 0)
	catchUp(t, w)
	ctx := context.Background()
	rep, err := Reaudit(ctx, store, 0, 1<<40) // head 0: every window open
	if err != nil {
		t.Fatal(err)
	}
	if rep.Checked != 12 || len(rep.Mismatches) != 0 {
		t.Fatalf("re-audit of a faithful index: %+v", rep)
	}
	// At the head, every window has closed: only round 7, whose malformed
	// commitments got no batch (one may still come), is checked.
	if rep, err := Reaudit(ctx, store, w.Processed(), 1<<40); err != nil || rep.Checked != 1 {
		t.Fatalf("re-audit at the head: %+v %v", rep, err)
	}
	// Tamper with round 9's stored verdict (as a disk fault or a bug would).
	r, _, _ := store.Round(9)
	wrongIndex := *r.Index + 1
	r.Index = &wrongIndex
	hash := common.Hash{0xee}
	if err := store.Apply(&index.BlockUpdate{Number: w.Processed() + 1, Hash: hash, Rounds: []index.Round{r}}); err != nil {
		t.Fatal(err)
	}
	rep, err = Reaudit(ctx, store, 0, 1<<40)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Mismatches) != 1 || rep.Mismatches[0].Round != 9 || *rep.Mismatches[0].Stored.Index != wrongIndex || *rep.Mismatches[0].Recomputed.Index != wrongIndex-1 {
		t.Fatalf("tampered round 9 not found: %+v", rep)
	}
}
