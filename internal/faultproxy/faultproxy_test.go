package faultproxy

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/rpc"
)

// echoServer is a small JSON-RPC server: each call's result is its method
// and params; eth_blockNumber answers 0x64. It counts the calls it saw.
func echoServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var seen atomic.Int64
	answer := func(c call) map[string]any {
		seen.Add(1)
		if c.Method == "eth_blockNumber" {
			return map[string]any{"jsonrpc": "2.0", "id": c.ID, "result": "0x64"}
		}
		return map[string]any{"jsonrpc": "2.0", "id": c.ID, "result": map[string]any{"method": c.Method, "params": c.Params}}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		calls, batch, ok := parse(body)
		if !ok {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if !batch {
			_ = json.NewEncoder(w).Encode(answer(calls[0]))
			return
		}
		var out []map[string]any
		for _, c := range calls {
			out = append(out, answer(c))
		}
		_ = json.NewEncoder(w).Encode(out)
	}))
	t.Cleanup(srv.Close)
	return srv, &seen
}

func newProxy(t *testing.T) (*Proxy, *atomic.Int64) {
	t.Helper()
	srv, seen := echoServer(t)
	p, err := New(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p, seen
}

// post sends body to the proxy and returns the status, Retry-After and body.
func post(t *testing.T, url, body string) (int, string, []byte, error) {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		return 0, "", nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Retry-After"), b, err
}

const blockNumber = `{"jsonrpc":"2.0","id":7,"method":"eth_blockNumber","params":[]}`

func getLogs(id int, from, to string) string {
	return fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"eth_getLogs","params":[{"fromBlock":%q,"toBlock":%q}]}`, id, from, to)
}

func TestNewRefusesBadTargets(t *testing.T) {
	for _, target := range []string{"", "ftp://x", "http://", "::", "ws://127.0.0.1:1"} {
		if _, err := New(target); !errors.Is(err, ErrInvalidTarget) {
			t.Errorf("New(%q): %v, want ErrInvalidTarget", target, err)
		}
	}
}

func TestSetFaultsValidates(t *testing.T) {
	p, _ := newProxy(t)
	for _, f := range []Fault{
		{Kind: "explode"},
		{Kind: Drop, Probability: 1.5},
		{Kind: Drop, Probability: -0.1},
		{Kind: ServerError, Status: 404},
		{Kind: RangeLimit},
		{Kind: Delay, Delay: time.Second, MaxDelay: time.Millisecond},
		{Kind: Truncate, Keep: 1},
		{Kind: TooManyRequests, RetryAfter: -time.Second},
	} {
		if err := p.SetFaults(f); !errors.Is(err, ErrInvalidFault) {
			t.Errorf("SetFaults(%+v): %v, want ErrInvalidFault", f, err)
		}
	}
}

// TestFaults: each fault kind, as a plain HTTP client and as go-ethereum's
// JSON-RPC client see it.
func TestFaults(t *testing.T) {
	tests := []struct {
		name  string
		fault Fault
		body  string
		check func(t *testing.T, status int, retryAfter string, body []byte, err error)
		// rpcErr checks what go-ethereum's client returns for eth_blockNumber.
		rpcErr func(err error) bool
	}{
		{
			name: "pass", body: blockNumber,
			check: func(t *testing.T, status int, _ string, body []byte, err error) {
				if err != nil || status != 200 || !bytes.Contains(body, []byte(`"0x64"`)) {
					t.Fatalf("%d %s %v", status, body, err)
				}
			},
			rpcErr: func(err error) bool { return err == nil },
		},
		{
			name: "drop", fault: Fault{Kind: Drop}, body: blockNumber,
			check: func(t *testing.T, _ int, _ string, _ []byte, err error) {
				if !errors.Is(err, io.EOF) {
					t.Fatalf("got %v, want EOF", err)
				}
			},
			rpcErr: func(err error) bool { return errors.Is(err, io.EOF) },
		},
		{
			name: "reset", fault: Fault{Kind: Drop, Reset: true}, body: blockNumber,
			check: func(t *testing.T, _ int, _ string, _ []byte, err error) {
				if err == nil {
					t.Fatal("no error")
				}
			},
			rpcErr: func(err error) bool { return err != nil },
		},
		{
			name: "429", fault: Fault{Kind: TooManyRequests, RetryAfter: 2500 * time.Millisecond}, body: blockNumber,
			check: func(t *testing.T, status int, retryAfter string, _ []byte, err error) {
				if err != nil || status != 429 || retryAfter != "3" {
					t.Fatalf("%d retry-after %q %v", status, retryAfter, err)
				}
			},
			rpcErr: func(err error) bool {
				var he rpc.HTTPError
				return errors.As(err, &he) && he.StatusCode == 429
			},
		},
		{
			name: "502", fault: Fault{Kind: ServerError, Status: 502}, body: blockNumber,
			check: func(t *testing.T, status int, _ string, _ []byte, err error) {
				if err != nil || status != 502 {
					t.Fatalf("%d %v", status, err)
				}
			},
			rpcErr: func(err error) bool {
				var he rpc.HTTPError
				return errors.As(err, &he) && he.StatusCode == 502
			},
		},
		{
			name: "503 by default", fault: Fault{Kind: ServerError}, body: blockNumber,
			check: func(t *testing.T, status int, _ string, _ []byte, err error) {
				if err != nil || status != 503 {
					t.Fatalf("%d %v", status, err)
				}
			},
			rpcErr: func(err error) bool {
				var he rpc.HTTPError
				return errors.As(err, &he) && he.StatusCode == 503
			},
		},
		{
			name: "truncate", fault: Fault{Kind: Truncate, Keep: 0.4}, body: blockNumber,
			check: func(t *testing.T, status int, _ string, body []byte, err error) {
				if status != 200 || !errors.Is(err, io.ErrUnexpectedEOF) || json.Valid(body) {
					t.Fatalf("%d %q %v", status, body, err)
				}
			},
			rpcErr: func(err error) bool { return errors.Is(err, io.ErrUnexpectedEOF) },
		},
		{
			name: "delay", fault: Fault{Kind: Delay, Delay: 30 * time.Millisecond}, body: blockNumber,
			check: func(t *testing.T, status int, _ string, _ []byte, err error) {
				if err != nil || status != 200 {
					t.Fatalf("%d %v", status, err)
				}
			},
			rpcErr: func(err error) bool { return err == nil },
		},
		{
			name: "methods filter spares others", fault: Fault{Kind: Drop, Methods: []string{"eth_getLogs"}}, body: blockNumber,
			check: func(t *testing.T, status int, _ string, _ []byte, err error) {
				if err != nil || status != 200 {
					t.Fatalf("%d %v", status, err)
				}
			},
			rpcErr: func(err error) bool { return err == nil },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _ := newProxy(t)
			if tt.fault.Kind != "" {
				if err := p.SetFaults(tt.fault); err != nil {
					t.Fatal(err)
				}
			}
			start := time.Now()
			status, retryAfter, body, err := post(t, p.URL(), tt.body)
			tt.check(t, status, retryAfter, body, err)
			if tt.fault.Kind == Delay && time.Since(start) < tt.fault.Delay {
				t.Fatalf("answered after %v, want at least %v", time.Since(start), tt.fault.Delay)
			}

			c, err := rpc.DialContext(t.Context(), p.URL())
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			var n string
			err = c.CallContext(t.Context(), &n, "eth_blockNumber")
			if !tt.rpcErr(err) {
				t.Fatalf("JSON-RPC client: unexpected %T %v", err, err)
			}
			st := p.Stats()
			want := uint64(0)
			if tt.fault.Kind != "" && !strings.Contains(tt.name, "spares") {
				want = 2
			}
			if st.Faults[tt.fault.Kind] != want || st.Requests != 2 || st.Calls["eth_blockNumber"] != 2 {
				t.Fatalf("stats %+v, want %d faults", st, want)
			}
		})
	}
}

func TestRangeLimit(t *testing.T) {
	p, seen := newProxy(t)
	if err := p.SetFaults(Fault{Kind: RangeLimit, MaxBlocks: 10}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		body    string
		refused bool
	}{
		{"narrow", getLogs(1, "0x1", "0xa"), false},
		{"wide", getLogs(2, "0x1", "0xb"), true},
		{"latest is the head", getLogs(3, "0x50", "latest"), true}, // 0x50..0x64
		{"earliest to narrow", getLogs(4, "earliest", "0x9"), false},
		{"block hash", `{"jsonrpc":"2.0","id":5,"method":"eth_getLogs","params":[{"blockHash":"0x01"}]}`, false},
		{"unreadable params pass", `{"jsonrpc":"2.0","id":6,"method":"eth_getLogs","params":[{"fromBlock":"x"}]}`, false},
		{"other methods pass", blockNumber, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := seen.Load()
			status, _, body, err := post(t, p.URL(), tt.body)
			if err != nil || status != 200 {
				t.Fatalf("%d %v", status, err)
			}
			var resp struct {
				ID    int `json:"id"`
				Error *struct {
					Code    int    `json:"code"`
					Message string `json:"message"`
				} `json:"error"`
			}
			if err := json.Unmarshal(body, &resp); err != nil {
				t.Fatal(err)
			}
			if (resp.Error != nil) != tt.refused {
				t.Fatalf("refused %v, want %v: %s", resp.Error != nil, tt.refused, body)
			}
			if tt.refused {
				if resp.Error.Code != DefaultRangeCode || resp.Error.Message != DefaultRangeMessage || resp.ID == 0 {
					t.Fatalf("refusal %s", body)
				}
				// Only the tag lookup (if any) reached the node.
				if got := seen.Load() - before; got > 1 {
					t.Fatalf("a refused call reached the node (%d calls)", got)
				}
			}
		})
	}
	// go-ethereum's client sees a JSON-RPC error with the code.
	c, err := rpc.DialContext(t.Context(), p.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	err = c.CallContext(t.Context(), nil, "eth_getLogs", map[string]string{"fromBlock": "0x0", "toBlock": "0x100"})
	var re rpc.Error
	if !errors.As(err, &re) || re.ErrorCode() != DefaultRangeCode {
		t.Fatalf("got %T %v", err, err)
	}
	if n := p.Stats().Faults[RangeLimit]; n != 3 {
		t.Fatalf("%d range refusals counted, want 3", n)
	}
}

// TestBatch: batches pass through; a range limit refuses only the calls
// over it; other faults take the batch as a whole.
func TestBatch(t *testing.T) {
	p, _ := newProxy(t)
	c, err := rpc.DialContext(t.Context(), p.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	batch := func() []rpc.BatchElem {
		return []rpc.BatchElem{
			{Method: "eth_blockNumber", Result: new(string)},
			{Method: "eth_getLogs", Args: []any{map[string]string{"fromBlock": "0x0", "toBlock": "0x100"}}, Result: new(json.RawMessage)},
			{Method: "eth_chainId", Result: new(json.RawMessage)},
		}
	}

	b := batch()
	if err := c.BatchCallContext(t.Context(), b); err != nil {
		t.Fatal(err)
	}
	for i, e := range b {
		if e.Error != nil {
			t.Fatalf("call %d: %v", i, e.Error)
		}
	}
	if *b[0].Result.(*string) != "0x64" {
		t.Fatalf("batch answer %v", *b[0].Result.(*string))
	}

	if err := p.SetFaults(Fault{Kind: RangeLimit, MaxBlocks: 100}); err != nil {
		t.Fatal(err)
	}
	b = batch()
	if err := c.BatchCallContext(t.Context(), b); err != nil {
		t.Fatal(err)
	}
	var re rpc.Error
	if b[0].Error != nil || b[2].Error != nil || !errors.As(b[1].Error, &re) || re.ErrorCode() != DefaultRangeCode {
		t.Fatalf("errors %v / %v / %v", b[0].Error, b[1].Error, b[2].Error)
	}

	if err := p.SetFaults(Fault{Kind: ServerError, Methods: []string{"eth_chainId"}}); err != nil {
		t.Fatal(err)
	}
	var he rpc.HTTPError
	if err := c.BatchCallContext(t.Context(), batch()); !errors.As(err, &he) || he.StatusCode != 503 {
		t.Fatalf("got %v, want a 503 for the whole batch", err)
	}
	st := p.Stats()
	if st.Batches != 3 || st.Calls["eth_getLogs"] != 3 || st.FaultsByMethod["eth_blockNumber"][ServerError] != 1 {
		t.Fatalf("stats %+v", st)
	}
}

// sequence returns which of n sequential requests met a fault.
func sequence(t *testing.T, p *Proxy, n int) []bool {
	t.Helper()
	out := make([]bool, n)
	for i := range out {
		status, _, _, err := post(t, p.URL(), blockNumber)
		out[i] = err != nil || status != 200
	}
	return out
}

func TestWhenFaultsFire(t *testing.T) {
	t.Run("every", func(t *testing.T) {
		p, _ := newProxy(t)
		if err := p.SetFaults(Fault{Kind: ServerError, Every: 3}); err != nil {
			t.Fatal(err)
		}
		got := fmt.Sprint(sequence(t, p, 7))
		if want := "[false false true false false true false]"; got != want {
			t.Fatalf("got %s, want %s", got, want)
		}
	})
	t.Run("after", func(t *testing.T) {
		p, _ := newProxy(t)
		if err := p.SetFaults(Fault{Kind: Drop, After: 4}); err != nil {
			t.Fatal(err)
		}
		got := fmt.Sprint(sequence(t, p, 6))
		if want := "[false false false false true true]"; got != want {
			t.Fatalf("got %s, want %s", got, want)
		}
		p.Clear()
		if got := fmt.Sprint(sequence(t, p, 2)); got != "[false false]" {
			t.Fatalf("after Clear: %s", got)
		}
	})
	t.Run("seeded probability", func(t *testing.T) {
		run := func(seed uint64) []bool {
			p, _ := newProxy(t)
			p.SetSeed(seed)
			if err := p.SetFaults(Fault{Kind: TooManyRequests, Probability: 0.3}); err != nil {
				t.Fatal(err)
			}
			return sequence(t, p, 200)
		}
		a, b, c := run(5), run(5), run(6)
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Fatal("the same seed drew different faults")
		}
		if fmt.Sprint(a) == fmt.Sprint(c) {
			t.Fatal("different seeds drew the same faults")
		}
		n := 0
		for _, f := range a {
			if f {
				n++
			}
		}
		if n < 35 || n > 85 {
			t.Fatalf("%d faults in 200 requests at p=0.3", n)
		}
	})
	t.Run("delay range and stacking", func(t *testing.T) {
		p, _ := newProxy(t)
		if err := p.SetFaults(
			Fault{Kind: Delay, Delay: 10 * time.Millisecond, MaxDelay: 20 * time.Millisecond},
			Fault{Kind: Delay, Delay: 10 * time.Millisecond},
			Fault{Kind: ServerError, Status: 500},
			Fault{Kind: Drop}, // never reached: the 500 fired first
		); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		status, _, _, err := post(t, p.URL(), blockNumber)
		if err != nil || status != 500 || time.Since(start) < 20*time.Millisecond {
			t.Fatalf("%d %v after %v", status, err, time.Since(start))
		}
		st := p.Stats()
		if st.Faults[Delay] != 2 || st.Faults[ServerError] != 1 || st.Faults[Drop] != 0 || st.Injected() != 3 {
			t.Fatalf("stats %+v", st.Faults)
		}
	})
}

// TestDropForward: the node acts on a dropped request when Forward is set.
func TestDropForward(t *testing.T) {
	p, seen := newProxy(t)
	if err := p.SetFaults(Fault{Kind: Drop, Forward: true}); err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := post(t, p.URL(), blockNumber); err == nil {
		t.Fatal("no error")
	}
	if seen.Load() != 1 {
		t.Fatalf("the node saw %d calls, want 1", seen.Load())
	}
}

// TestConcurrent switches faults while clients hammer the proxy (run with -race).
func TestConcurrent(t *testing.T) {
	p, _ := newProxy(t)
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	var ok, failed atomic.Int64
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := rpc.DialContext(ctx, p.URL())
			if err != nil {
				t.Error(err)
				return
			}
			defer c.Close()
			for j := 0; j < 25; j++ {
				var n string
				if err := c.CallContext(ctx, &n, "eth_blockNumber"); err != nil {
					failed.Add(1)
				} else {
					ok.Add(1)
				}
			}
		}()
	}
	kinds := []Fault{
		{Kind: Drop, Probability: 0.3},
		{Kind: Truncate, Every: 2},
		{Kind: Delay, Delay: time.Millisecond, Probability: 0.5},
		{Kind: TooManyRequests, Probability: 0.2},
		{Kind: ServerError, Status: 500, Probability: 0.2},
	}
	for i := 0; ctx.Err() == nil && ok.Load()+failed.Load() < 200; i++ {
		if err := p.SetFaults(kinds[i%len(kinds)]); err != nil {
			t.Fatal(err)
		}
		_ = p.Stats()
		time.Sleep(time.Millisecond)
	}
	wg.Wait()
	st := p.Stats()
	if st.Calls["eth_blockNumber"] != 200 || ok.Load() == 0 || failed.Load() == 0 || st.Injected() == 0 {
		t.Fatalf("ok %d failed %d stats %+v", ok.Load(), failed.Load(), st)
	}
}

// TestCloseCutsDelays: Close does not wait out a long delay.
func TestCloseCutsDelays(t *testing.T) {
	srv, _ := echoServer(t)
	p, err := New(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.SetFaults(Fault{Kind: Delay, Delay: time.Hour}); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, _, _, err := post(t, p.URL(), blockNumber)
		done <- err
	}()
	for p.Stats().Requests == 0 {
		time.Sleep(time.Millisecond)
	}
	start := time.Now()
	p.Close()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("a request cut short succeeded")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Close left the request hanging")
	}
	if time.Since(start) > 2*time.Second {
		t.Fatalf("Close took %v", time.Since(start))
	}
	if _, _, _, err := post(t, p.URL(), blockNumber); err == nil {
		t.Fatal("a closed proxy answered")
	}
}

func TestUpstreamDown(t *testing.T) {
	srv, _ := echoServer(t)
	p, err := New(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	srv.Close()
	status, _, _, err := post(t, p.URL(), blockNumber)
	if err != nil || status != http.StatusBadGateway || p.Stats().UpstreamErrors != 1 {
		t.Fatalf("%d %v %+v", status, err, p.Stats())
	}
}
