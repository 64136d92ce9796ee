package watcher

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// TestRetrySchedule: a round is judged again while it is open and its
// verdict misses objects, the wait doubling from RetryMin to RetryMax while
// its facts stay the same and starting over when they change; a finalized
// round, or one missing nothing, is not; at most maxDuePerBlock are due
// with one block, the longest due first.
func TestRetrySchedule(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	w := &Watcher{cfg: Config{RetryMin: time.Second, RetryMax: 4 * time.Second, Now: func() time.Time { return now }}, retries: map[uint64]*retry{}}
	missing := &judge.Verdict{Status: judge.StatusUnavailable, Missing: []judge.Object{{Kind: judge.ObjectRow}}}
	r := &index.Round{Round: 5}
	var waits []time.Duration
	for range 4 {
		w.schedule(r, missing, common.Hash{1})
		waits = append(waits, w.retries[5].due.Sub(now))
	}
	w.schedule(r, missing, common.Hash{2})
	waits = append(waits, w.retries[5].due.Sub(now))
	if want := []time.Duration{1, 2, 4, 4, 1}; len(waits) != len(want) || waits[0] != want[0]*time.Second || waits[2] != want[2]*time.Second || waits[3] != 4*time.Second || waits[4] != time.Second {
		t.Fatalf("waits %v", waits)
	}
	if due := w.dueRounds(); len(due) != 0 {
		t.Fatalf("due now: %v", due)
	}
	now = now.Add(time.Second)
	if due := w.dueRounds(); len(due) != 1 || due[0] != 5 {
		t.Fatalf("due: %v", due)
	}
	w.schedule(r, &judge.Verdict{Status: judge.StatusValid}, common.Hash{2})
	if _, ok := w.retries[5]; ok {
		t.Fatal("a round missing nothing is still retried")
	}
	w.schedule(r, nil, common.Hash{3}) // impossible facts
	r.Finalized = true
	w.schedule(r, missing, common.Hash{3})
	if _, ok := w.retries[5]; ok {
		t.Fatal("a finalized round is still retried")
	}
	for n := range uint64(2 * maxDuePerBlock) {
		w.schedule(&index.Round{Round: 100 - n}, missing, common.Hash{})
		now = now.Add(time.Millisecond)
	}
	now = now.Add(time.Hour)
	if due := w.dueRounds(); len(due) != maxDuePerBlock || due[0] != 100 {
		t.Fatalf("%d due, first %v", len(due), due[0])
	}
}

// TestMemoryCache: objects by kind and key, the least recently used going
// first once the bytes pass the bound, an object larger than the whole
// cache not kept.
func TestMemoryCache(t *testing.T) {
	c := NewMemoryCache(100)
	put := func(kind recompute.ObjectKind, k byte, n int) {
		if err := c.Put(1, CachedObject{Kind: kind, Key: common.Hash{k}, Data: make([]byte, n)}); err != nil {
			t.Fatal(err)
		}
	}
	has := func(kind recompute.ObjectKind, k byte) bool {
		_, ok, err := c.Get(kind, common.Hash{k})
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	put(recompute.KindRow, 1, 40)
	put(recompute.KindAllocations, 1, 40) // another namespace
	if !has(recompute.KindRow, 1) || !has(recompute.KindAllocations, 1) || has(recompute.KindManifest, 1) {
		t.Fatal("kinds are not namespaces")
	}
	has(recompute.KindRow, 1)
	put(recompute.KindRow, 2, 40) // evicts the allocations object, used least recently
	if has(recompute.KindAllocations, 1) || !has(recompute.KindRow, 1) || !has(recompute.KindRow, 2) {
		t.Fatal("not the least recently used evicted")
	}
	put(recompute.KindRow, 3, 101)
	if b, n := c.Size(); has(recompute.KindRow, 3) || b != 80 || n != 2 {
		t.Fatalf("size %d bytes, %d objects", b, n)
	}
}
