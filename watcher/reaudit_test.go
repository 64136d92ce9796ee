package watcher

import (
	"context"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// judgedRecord returns b's record as the watcher stores it once judged:
// its objects in store (fetched from a DA server, which is then stopped),
// the verdict in Judgement with its facts' digest.
func judgedRecord(t *testing.T, b *badRound, store *index.Store) index.Round {
	t.Helper()
	good, stop := serveDA(t, b.objects)
	client, hangUp := newDAClient(t, good)
	defer stop()
	defer hangUp()
	r := b.rec
	f := factsOf(&r)
	v, res, err := rejudge(context.Background(), &r, Objects{DA: client, Cache: NewIndexCache(store, 0)}, nil, common.Address{1}, recompute.Options{}, true)
	if err != nil {
		t.Fatal(err)
	}
	recordVerdict(&r, v, res, factsDigest(&r, &f))
	return r
}

// TestReaudit: Reaudit judges every round of the lookback again from the
// index alone (no DA client) and reports exactly the stored verdicts it
// does not reproduce; rounds not judged, finalized, due again or waiting on
// missing objects are passed over.
func TestReaudit(t *testing.T) {
	store := openStore(t, t.TempDir())
	judged := judgedRecord(t, newBadRound(t), store)
	provider := 3
	tests := []struct {
		name     string
		change   func(r *index.Round)
		checked  int
		mismatch bool
	}{
		{"as judged", func(*index.Round) {}, 1, false},
		{"another provider stored", func(r *index.Round) { r.Judgement.Provider = &provider }, 1, true},
		{"valid stored", func(r *index.Round) { r.Judgement.Status, r.Judgement.BadAllocation = judge.StatusValid, nil }, 1, true},
		{"no judgement", func(r *index.Round) { r.Judgement = nil }, 0, false},
		{"finalized", func(r *index.Round) { r.Finalized, r.Judgement.Status = true, judge.StatusValid }, 0, false},
		{"facts changed since", func(r *index.Round) { r.JudgedFacts, r.Judgement.Status = common.Hash{1}, judge.StatusValid }, 0, false},
		{"waiting on missing objects", func(r *index.Round) {
			r.Judgement.Status, r.Judgement.Missing = judge.StatusUnavailable, []judge.Object{{Kind: judge.ObjectRow, Key: common.Hash{9}}}
		}, 0, false},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := judged
			v := *judged.Judgement
			r.Judgement = &v
			tc.change(&r)
			if err := store.Apply(&index.BlockUpdate{Number: uint64(100 + i), Hash: common.Hash{byte(i + 1)}, Rounds: []index.Round{r}}); err != nil {
				t.Fatal(err)
			}
			rep, err := Reaudit(context.Background(), store, ReauditOptions{Objects: Objects{Cache: NewIndexCache(store, 0)}, Head: 200, Lookback: 1000})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Checked != tc.checked || rep.Skipped != 1-tc.checked || (len(rep.Mismatches) == 1) != tc.mismatch || len(rep.Mismatches) > 1 {
				t.Fatalf("report %+v", rep)
			}
			if tc.mismatch {
				m := rep.Mismatches[0]
				if same, _ := SameVerdict(&m.Rejudged, judged.Judgement); m.Round != badRoundN || !same || m.Stored.Status != r.Judgement.Status {
					t.Fatalf("mismatch %+v", m)
				}
			}
		})
	}
	// Outside the lookback: nothing judged again.
	rep, err := Reaudit(context.Background(), store, ReauditOptions{Objects: Objects{Cache: NewIndexCache(store, 0)}, Head: 5000, Lookback: 1000})
	if err != nil || rep.Checked+rep.Skipped != 0 {
		t.Fatalf("outside the lookback: %+v %v", rep, err)
	}
}

// TestReauditLostObjects: a round whose objects the index lost, with every
// source gone, is judged unavailable again: a mismatch.
func TestReauditLostObjects(t *testing.T) {
	store := openStore(t, t.TempDir())
	r := judgedRecord(t, newBadRound(t), store)
	if _, err := store.PruneObjects(func(uint64) bool { return true }, 0); err != nil {
		t.Fatal(err)
	}
	if err := store.Apply(&index.BlockUpdate{Number: 100, Hash: common.Hash{1}, Rounds: []index.Round{r}}); err != nil {
		t.Fatal(err)
	}
	rep, err := Reaudit(context.Background(), store, ReauditOptions{Objects: Objects{Cache: NewIndexCache(store, 0)}, Head: 100, Lookback: 1000})
	if err != nil || rep.Checked != 1 || len(rep.Mismatches) != 1 || rep.Mismatches[0].Rejudged.Status != judge.StatusUnavailable {
		t.Fatalf("report %+v %v", rep, err)
	}
}
