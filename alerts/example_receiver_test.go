package alerts_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/index"
)

// receiver is a minimal webhook receiver: it reads the raw body (bounded),
// verifies the signature and the timestamp, drops an event id it has
// already processed, and answers 2xx only once the event is safely handled.
func receiver(secret string, handle func(alerts.Event)) http.Handler {
	var (
		mu   sync.Mutex
		seen = map[string]bool{} // a real receiver keeps this in its database
	)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			http.Error(w, "cannot read the body", http.StatusBadRequest)
			return
		}
		// Verify the raw bytes, before any JSON decoding.
		if err := alerts.Verify(secret, r.Header, body, time.Now(), 5*time.Minute); err != nil {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		ev, err := alerts.ParseEvent(body)
		if err != nil {
			http.Error(w, "not an event", http.StatusBadRequest)
			return
		}
		mu.Lock()
		dup := seen[ev.ID]
		seen[ev.ID] = true
		mu.Unlock()
		if !dup {
			handle(ev)
		}
		w.WriteHeader(http.StatusNoContent) // a duplicate is acknowledged too
	})
}

// A receiver verifying deliveries: a signed event is handled once however
// often it is delivered; a forged one is refused.
func Example_receiver() {
	const secret = "the-webhook-secret-from-the-config"
	srv := httptest.NewServer(receiver(secret, func(ev alerts.Event) {
		fmt.Println("handled", ev.Type, ev.Severity, ev.Message)
	}))
	defer srv.Close()

	// What the dispatcher sends (here by hand, to show the protocol).
	meta := alerts.Meta{ChainID: 1337, AVS: common.HexToAddress("0xa0a0"), Now: func() time.Time { return time.Unix(1_800_000_000, 0) }}
	body, err := alerts.WatcherLaggingEvent(meta, 1200, 1000, 200).Marshal()
	if err != nil {
		panic(err)
	}
	send := func(secret string) int {
		ts := time.Now().Unix()
		req, err := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(body))
		if err != nil {
			panic(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(alerts.HeaderTimestamp, strconv.FormatInt(ts, 10))
		req.Header.Set(alerts.HeaderSignature, alerts.Sign(secret, ts, body))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			panic(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	fmt.Println(send(secret))                        // delivered
	fmt.Println(send(secret))                        // a retry: same id, acknowledged, not handled again
	fmt.Println(send("a-guessed-secret-0123456789")) // forged
	// Output:
	// handled watcher_lagging warning The watcher is 200 block(s) behind the chain head: processed up to block 1000, head 1200.
	// 204
	// 204
	// 401
}

// Wiring the dispatcher: the watcher's alerts enter the outbox with their
// block (Store.Apply), and the dispatcher delivers them.
func ExampleDispatcher() {
	const secret = "the-webhook-secret-from-the-config"
	handled := make(chan alerts.Event, 1)
	srv := httptest.NewServer(receiver(secret, func(ev alerts.Event) { handled <- ev }))
	defer srv.Close()

	store, err := index.Open(index.Options{InMemory: true})
	if err != nil {
		panic(err)
	}
	defer store.Close()
	cfg := alerts.Config{Webhooks: []alerts.Webhook{{Name: "ops", URL: srv.URL + "/denomwatch", Secret: secret}}}
	d, err := alerts.NewDispatcher(cfg, store, nil, nil, nil)
	if err != nil {
		panic(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()

	// The watcher, having judged round 7 fraudulent.
	meta := alerts.Meta{ChainID: 1337, AVS: common.HexToAddress("0xa0a0")}
	idx := uint64(3)
	round := index.Round{Round: 7, Verdict: index.VerdictFraud, Kind: index.KindBadAllocation, Index: &idx, Claimed: "90", Correct: "100",
		Batches: []index.Batch{{TxHash: common.HexToHash("0xb7"), Block: 120, DeadlineBlock: 170, Status: index.BatchLive}}}
	bodies, err := alerts.MarshalAll(alerts.ForRound(meta, nil, round, []common.Address{common.HexToAddress("0xa11ce")}))
	if err != nil {
		panic(err)
	}
	if err := store.Apply(&index.BlockUpdate{Number: 121, Hash: common.HexToHash("0x121"), Rounds: []index.Round{round}, Alerts: bodies}); err != nil {
		panic(err)
	}
	d.Notify()

	ev := <-handled
	fmt.Println(ev.Type, *ev.Round, ev.Recipients[0].Hex())
	fmt.Println(ev.Message)
	cancel()
	if err := <-done; err != nil {
		panic(err)
	}
	// Output:
	// fraud_detected 7 0x00000000000000000000000000000000000A11cE
	// Fraud in round 7: batch 0x00000000000000000000000000000000000000000000000000000000000000b7 (block 120) allocates 90 at index 3 where the correct amount is 100 (bad allocation). Challenge deadline: block 170. 1 recipient(s) affected.
}
