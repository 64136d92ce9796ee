package watcher

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
)

// resumeFaults is a schedule of every kind of verdict a backfill meets
// without a challenger.
const resumeFaults = "2:amount@1.2,4:withheld-row@1,5:withheld-manifest,6:malformed:mr-range,7:malformed:entry-order:signed,9:forwarded,10:churn,11:unopenable"

// TestResumeMidBackfill stops the watcher again and again in the middle of
// a backfill (its context cancelled wherever it is: between blocks, inside
// a fetch or a judgement) and reopens the same on-disk index with a new
// watcher, which resumes from the checkpoint; once caught up, its records
// are exactly those of an uninterrupted backfill, and the index is
// consistent.
func TestResumeMidBackfill(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.Rounds = 12
	cfg.ChallengeWindow = 10
	cfg.Faults, _ = devnet.ParseFaults(resumeFaults)
	e := startDevnet(t, cfg)
	e.wait()
	want := openStore(t, t.TempDir())
	catchUp(t, e.newWatcher(want, Config{}, nil))

	dir := t.TempDir()
	stops := 0
	for ; ; stops++ {
		store, err := index.Open(index.Options{Dir: dir, DeferSync: true})
		if err != nil {
			t.Fatal(err)
		}
		w := e.newWatcher(store, Config{MaxRange: 3}, nil)
		head, _ := e.d.Client().BlockNumber(e.ctx)
		ctx, cancel := context.WithTimeout(e.ctx, time.Duration(20+stops*7%60)*time.Millisecond)
		err = w.Run(ctx)
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("stop %d: %v", stops, err)
		}
		done := w.Processed() >= head
		if err := store.Check(); err != nil {
			t.Fatalf("stop %d: %v", stops, err)
		}
		if err := store.Close(); err != nil {
			t.Fatal(err)
		}
		if done {
			break
		}
	}
	if stops < 5 {
		t.Fatalf("only %d stops: the backfill was too short to test resuming", stops)
	}
	store := openStore(t, dir)
	w := e.newWatcher(store, Config{}, nil)
	catchUp(t, w)
	time.Sleep(300 * time.Millisecond) // a block or two: the rounds due are judged with the next one
	catchUp(t, w)
	catchUp(t, e.newWatcher(want, Config{}, nil))
	sameRecords(t, store, want)
	if err := store.Check(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d stops", stops)
}
