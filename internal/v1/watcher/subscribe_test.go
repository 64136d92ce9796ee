package watcher

import (
	"bytes"
	"context"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/v1/devnet"
)

// TestFollowsBySubscription: over WebSocket the watcher follows new heads by
// subscription. Its poll interval is an hour, so only the subscription can
// bring it up to the head as the devnet keeps posting rounds.
func TestFollowsBySubscription(t *testing.T) {
	cfg := devnet.DefaultConfig()
	cfg.HTTPPort, cfg.WSPort, cfg.Describe = testutil.FreePort(t), testutil.FreePort(t), ""
	cfg.BlockInterval, cfg.PollInterval = 50*time.Millisecond, 5*time.Millisecond
	cfg.ChallengeWindow, cfg.RoundEvery = 4, 2
	cfg.Providers, cfg.Recipients, cfg.EntriesPerRow = 3, 8, 4
	cfg.Operators, cfg.Seed, cfg.Rounds = 4, 7, 0
	cfg.Faults = devnet.Schedule{4: {Kind: devnet.FaultAmount, Index: 2}}
	var out bytes.Buffer
	cfg.Out = &out
	d, err := devnet.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	devnetDone := make(chan error, 1)
	go func() { devnetDone <- d.Run(ctx) }()

	desc := d.Description()
	client, err := ethclient.DialContext(ctx, desc.WSURL)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	store, err := index.Open(index.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	w, err := New(ctx, Config{AVS: desc.AVS, StartBlock: desc.StartBlock, PollInterval: time.Hour},
		client, store, &CalldataSource{Chain: client, AVS: desc.AVS}, nil)
	if err != nil {
		t.Fatal(err)
	}
	wctx, stop := context.WithCancel(ctx)
	watcherDone := make(chan error, 1)
	go func() { watcherDone <- w.Run(wctx) }()

	// Each time the head moves, the watcher must reach it well within the
	// hour it would otherwise sleep; round 4's fraud must be seen.
	deadline := time.Now().Add(45 * time.Second)
	followed := 0
	for followed < 20 || !fraudSeen(t, store, 4) {
		if time.Now().After(deadline) {
			t.Fatalf("the watcher did not keep up by subscription: head %d, processed %d, %d heads followed\n%s", w.Head(), w.Processed(), followed, out.String())
		}
		head, err := client.BlockNumber(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for w.Processed() < head && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		followed++
	}
	stop()
	if err := <-watcherDone; err != context.Canceled {
		t.Fatalf("watcher: %v", err)
	}
	cancel()
	<-devnetDone
}

func fraudSeen(t *testing.T, s *index.Store, n uint64) bool {
	t.Helper()
	r, ok, err := s.Round(n)
	if err != nil {
		t.Fatal(err)
	}
	return ok && r.Verdict == index.VerdictFraud
}
