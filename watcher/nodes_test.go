package watcher

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/rpcpool"
)

// TestFollowsBySubscription: over WebSocket the watcher follows new heads by
// subscription. Its poll interval is an hour, so only the subscription can
// bring it up to the head while the devnet keeps posting rounds; the fraud
// of round 4 is seen.
func TestFollowsBySubscription(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.HTTPPort, cfg.WSPort, cfg.Rounds = 0, testutil.FreePort(t), 0
	cfg.Faults, _ = devnet.ParseFaults("4:amount")
	e := startDevnet(t, cfg)
	desc, err := devnet.ReadDescription(cfg.Describe)
	if err != nil {
		t.Fatal(err)
	}
	client, err := ethclient.DialContext(e.ctx, desc.WSURL)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	store := openStore(t, t.TempDir())
	w, err := New(e.ctx, Config{AVS: desc.AVS, StartBlock: desc.StartBlock, PollInterval: time.Hour}, client, store, Objects{DA: e.reader}, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.runWatcher(w)
	first, err := client.BlockNumber(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for head := first; head < first+20; {
		testutil.WaitFor(t, "the watcher at the head", 30*time.Second, 5*time.Millisecond, func() bool { return w.Processed() >= head })
		if head, err = client.BlockNumber(e.ctx); err != nil {
			t.Fatal(err)
		}
	}
	e.waitRound(store, 4, "fraud", func(r *index.Round) bool { s, _ := status(r); return s == judge.StatusFraud })
}

// TestFailoverAndFallback: through a pool whose first endpoint is down and
// whose second does not serve eth_getHeaderByNumber (not every client
// does), the watcher fails over, falls back to the standard method (asked
// for once), and reaches the records of a watcher reading the chain
// in-process.
func TestFailoverAndFallback(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.HTTPPort, cfg.Rounds, cfg.ChallengeWindow = testutil.FreePort(t), 5, 10
	cfg.Faults, _ = devnet.ParseFaults("2:amount,4:withheld-row")
	e := startDevnet(t, cfg)
	desc := e.wait()
	var refused atomic.Int64
	srv := refusingProxy(t, desc.RPCURL, "eth_getHeaderByNumber", &refused)
	pool, err := rpcpool.Dial(e.ctx, []string{"http://127.0.0.1:1", srv.URL}, rpcpool.Options{CallTimeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	store := openStore(t, t.TempDir())
	w, err := New(e.ctx, Config{AVS: desc.AVS, StartBlock: desc.StartBlock, MaxRange: 7}, pool, store, Objects{DA: e.reader}, nil)
	if err != nil {
		t.Fatal(err)
	}
	catchUp(t, w)
	want := openStore(t, t.TempDir())
	catchUp(t, e.newWatcher(want, Config{}, nil))
	catchUp(t, w)
	sameRecords(t, store, want)
	if n := refused.Load(); n < 1 || n > headerWorkers+1 {
		t.Fatalf("eth_getHeaderByNumber asked for %d times; want it refused once per concurrent reader at most", n)
	}
}

// refusingProxy is a JSON-RPC proxy to target that answers method with
// "method not found".
func refusingProxy(t *testing.T, target, method string, refused *atomic.Int64) *httptest.Server {
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(u)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var req struct {
			ID     json.RawMessage `json:"id"`
			Method string          `json:"method"`
		}
		if json.Unmarshal(body, &req) == nil && req.Method == method {
			refused.Add(1)
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"jsonrpc":"2.0","id":` + string(req.ID) + `,"error":{"code":-32601,"message":"the method ` + method + ` does not exist/is not available"}}`))
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		proxy.ServeHTTP(w, r.WithContext(context.WithoutCancel(r.Context())))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestBadLogSkipped (verification off): a node that serves round 2's AllocationBatchDetails
// with data the AVS cannot have emitted fails the block; tried again and
// again it is skipped (said at ERROR, noted on the round), round 2 is
// judged incomplete (its batch's details unknown), and the other rounds
// are judged as ever: the watcher does not stop for good.
func TestBadLogSkipped(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.HTTPPort, cfg.Rounds, cfg.ChallengeWindow = testutil.FreePort(t), 3, 5
	e := startDevnet(t, cfg)
	desc := e.wait()
	srv := corruptingProxy(t, desc.RPCURL, contracts.EventID(bindings.DenominatorAllocationAVSAllocationBatchDetailsEventName), common.BigToHash(big.NewInt(2)))
	client, err := ethclient.Dial(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	log, logs := testLogger()
	store := openStore(t, t.TempDir())
	// TrustRPC: verified, the doctored log is a lie (TestLyingSingleNode).
	w, err := New(e.ctx, Config{AVS: desc.AVS, StartBlock: desc.StartBlock, Log: log, TrustRPC: true}, client, store, Objects{DA: e.reader}, nil)
	if err != nil {
		t.Fatal(err)
	}
	failures := 0
	for caughtUp := false; !caughtUp; {
		if caughtUp, err = w.Step(e.ctx); errors.Is(err, ErrBadLog) {
			failures++
		} else if err != nil {
			t.Fatal(err)
		}
	}
	r2 := round(t, store, 2)
	if s, _ := status(&r2); failures != badLogAttempts-1 || s != judge.StatusIncomplete || r2.Judgement.MissingFact != judge.FactBatch || len(notesWith(&r2, "was skipped")) != 1 {
		t.Fatalf("%d failures; round 2: %s, notes %q", failures, describe(&r2), r2.Notes)
	}
	for _, n := range []uint64{1, 3} {
		if r := round(t, store, n); r.Verdict != index.VerdictValid {
			t.Fatalf("round %d: %s", n, describe(&r))
		}
	}
	if len(logLines(logs.String(), "level=ERROR", "is skipped")) != 1 {
		t.Fatalf("no single ERROR line:\n%s", logs)
	}
}

// corruptingProxy is a JSON-RPC proxy to target that replaces the data of
// the logs with topics topic0 and topic1 in eth_getLogs answers.
func corruptingProxy(t *testing.T, target string, topic0, topic1 common.Hash) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		resp, err := http.Post(target, "application/json", bytes.NewReader(body))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		out, _ := io.ReadAll(resp.Body)
		var answer struct {
			JSONRPC string          `json:"jsonrpc"`
			ID      json.RawMessage `json:"id"`
			Result  json.RawMessage `json:"result"`
		}
		var logs []map[string]any
		if bytes.Contains(body, []byte(`"eth_getLogs"`)) && json.Unmarshal(out, &answer) == nil && json.Unmarshal(answer.Result, &logs) == nil {
			for _, l := range logs {
				if ts, _ := l["topics"].([]any); len(ts) > 1 && ts[0] == topic0.Hex() && ts[1] == topic1.Hex() {
					l["data"] = "0x1234"
				}
			}
			answer.Result, _ = json.Marshal(logs)
			out, _ = json.Marshal(answer)
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(out)
	}))
	t.Cleanup(srv.Close)
	return srv
}
