package rpcpool

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/denomwatch/denomwatch/internal/faultproxy"
)

// fakeEth is a hand-written eth namespace: a chain id, a head, a contract
// that always reverts, a log range limit of 100 blocks and no receipts.
type fakeEth struct {
	chainID uint64
	head    uint64
}

func (f *fakeEth) ChainId() hexutil.Uint64     { return hexutil.Uint64(f.chainID) }
func (f *fakeEth) BlockNumber() hexutil.Uint64 { return hexutil.Uint64(f.head) }

func (f *fakeEth) Call(args map[string]any, block string) (hexutil.Bytes, error) {
	return nil, revertError{}
}

func (f *fakeEth) GetLogs(q map[string]any) ([]types.Log, error) {
	from, _ := hexutil.DecodeUint64(fmt.Sprint(q["fromBlock"]))
	to, _ := hexutil.DecodeUint64(fmt.Sprint(q["toBlock"]))
	if to-from+1 > 100 {
		return nil, rangeError{}
	}
	return []types.Log{}, nil
}

func (f *fakeEth) GetTransactionReceipt(h common.Hash) (map[string]any, error) { return nil, nil }

type revertError struct{}

func (revertError) Error() string  { return "execution reverted" }
func (revertError) ErrorCode() int { return 3 }
func (revertError) ErrorData() any { return "0x" }

type rangeError struct{}

func (rangeError) Error() string  { return "query returned more than 10000 results" }
func (rangeError) ErrorCode() int { return -32005 }

// node is a fake node behind a fault proxy.
type node struct {
	*faultproxy.Proxy
	eth *fakeEth
}

func newNode(t *testing.T, chainID, head uint64) *node {
	t.Helper()
	eth := &fakeEth{chainID: chainID, head: head}
	srv := rpc.NewServer()
	if err := srv.RegisterName("eth", eth); err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	t.Cleanup(srv.Stop)
	p, err := faultproxy.New(hs.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return &node{Proxy: p, eth: eth}
}

func (n *node) fail(t *testing.T, faults ...faultproxy.Fault) {
	t.Helper()
	if err := n.SetFaults(faults...); err != nil {
		t.Fatal(err)
	}
}

func (n *node) requests() uint64 { return n.Stats().Requests }

// clock is a manual clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// switchLog records OnSwitch calls.
type switchLog struct {
	mu  sync.Mutex
	got []switchEvent
}

type switchEvent struct {
	from, to string
	reason   error
}

func (s *switchLog) record(from, to string, reason error) {
	s.mu.Lock()
	s.got = append(s.got, switchEvent{from, to, reason})
	s.mu.Unlock()
}

func (s *switchLog) events() []switchEvent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]switchEvent(nil), s.got...)
}

func dial(t *testing.T, urls []string, opts Options) *Pool {
	t.Helper()
	p, err := Dial(t.Context(), urls, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"https://mainnet.infura.io/v3/0123456789abcdef":   "https://mainnet.infura.io",
		"https://user:secret@node.example:8545/?key=abc":  "https://node.example:8545",
		"wss://eth-mainnet.g.alchemy.com/v2/KEY#fragment": "wss://eth-mainnet.g.alchemy.com",
		"http://127.0.0.1:8545":                           "http://127.0.0.1:8545",
		"not a url":                                       "(invalid url)",
		"http://%zz/secret":                               "(invalid url)",
		"":                                                "(invalid url)",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDial(t *testing.T) {
	a, b, other := newNode(t, 1, 100), newNode(t, 1, 200), newNode(t, 2, 300)
	down := closedPort(t)
	tests := []struct {
		name    string
		urls    []string
		opts    Options
		want    error
		current string
	}{
		{name: "none", urls: nil, want: ErrInvalidURL},
		{name: "bad scheme", urls: []string{"ftp://user:secret@x/KEY"}, want: ErrInvalidURL},
		{name: "not a url", urls: []string{"::secret"}, want: ErrInvalidURL},
		{name: "one", urls: []string{a.URL()}, current: a.URL()},
		{name: "two", urls: []string{a.URL(), b.URL()}, current: a.URL()},
		{name: "chains differ", urls: []string{a.URL(), other.URL()}, want: ErrChainMismatch},
		{name: "not the chain asked for", urls: []string{a.URL()}, opts: Options{ChainID: 5}, want: ErrChainMismatch},
		{name: "the chain asked for", urls: []string{other.URL()}, opts: Options{ChainID: 2}, current: other.URL()},
		{name: "all down", urls: []string{down, down + "/x"}, want: ErrAllEndpointsFailed},
		{name: "primary down", urls: []string{down, b.URL()}, current: b.URL()},
		{name: "websocket down", urls: []string{"ws" + strings.TrimPrefix(down, "http"), b.URL()}, current: b.URL()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Dial(t.Context(), tt.urls, tt.opts)
			if tt.want != nil {
				if !errors.Is(err, tt.want) {
					t.Fatalf("got %v, want %v", err, tt.want)
				}
				if strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "KEY") {
					t.Fatalf("the error shows the URL's secret: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			if p.Current() != tt.current {
				t.Fatalf("current %s, want %s", p.Current(), tt.current)
			}
			want := tt.opts.ChainID
			if want == 0 {
				want = 1
			}
			if id, err := p.ChainID(t.Context()); err != nil || id.Uint64() != want {
				t.Fatalf("chain %v %v", id, err)
			}
		})
	}
}

// TestFailover: a transport failure of the primary moves the call to the
// backup; a JSON-RPC error answer does not, and is returned as is.
func TestFailover(t *testing.T) {
	is := func(code int) func(error) bool {
		return func(err error) bool {
			var he rpc.HTTPError
			return errors.As(err, &he) && he.StatusCode == code
		}
	}
	tests := []struct {
		name   string
		fault  faultproxy.Fault
		reason func(error) bool
	}{
		{"drop", faultproxy.Fault{Kind: faultproxy.Drop}, func(err error) bool { return errors.Is(err, io.EOF) }},
		{"reset", faultproxy.Fault{Kind: faultproxy.Drop, Reset: true}, func(err error) bool { return err != nil }},
		{"429", faultproxy.Fault{Kind: faultproxy.TooManyRequests}, is(429)},
		{"500", faultproxy.Fault{Kind: faultproxy.ServerError, Status: 500}, is(500)},
		{"502", faultproxy.Fault{Kind: faultproxy.ServerError, Status: 502}, is(502)},
		{"503", faultproxy.Fault{Kind: faultproxy.ServerError, Status: 503}, is(503)},
		{"truncate", faultproxy.Fault{Kind: faultproxy.Truncate}, func(err error) bool { return errors.Is(err, io.ErrUnexpectedEOF) }},
		{"timeout", faultproxy.Fault{Kind: faultproxy.Delay, Delay: 5 * time.Second}, func(err error) bool { return errors.Is(err, context.DeadlineExceeded) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := newNode(t, 1, 100), newNode(t, 1, 200)
			var sw switchLog
			p := dial(t, []string{a.URL(), b.URL()}, Options{OnSwitch: sw.record, CallTimeout: 300 * time.Millisecond})
			a.fail(t, tt.fault)
			n, err := p.BlockNumber(t.Context())
			if err != nil || n != 200 {
				t.Fatalf("got %d %v, want the backup's head", n, err)
			}
			ev := sw.events()
			if len(ev) != 1 || ev[0].from != a.URL() || ev[0].to != b.URL() || !tt.reason(ev[0].reason) {
				t.Fatalf("switches %+v", ev)
			}
			st := p.Stats()
			if p.Current() != b.URL() || st.Current != b.URL() || st.Switches != 1 || st.Endpoints[0].Healthy || st.Endpoints[0].Failures != 1 || !st.Endpoints[1].Healthy {
				t.Fatalf("stats %+v", st)
			}
			// The primary cools down: the next call goes straight to the backup.
			before := a.requests()
			if n, err := p.BlockNumber(t.Context()); err != nil || n != 200 || a.requests() != before {
				t.Fatalf("second call: %d %v; primary asked %d times", n, err, a.requests()-before)
			}
		})
	}
}

func TestAnswersAreNotFailures(t *testing.T) {
	tests := []struct {
		name  string
		call  func(ctx context.Context, p *Pool) error
		check func(error) bool
	}{
		{"revert", func(ctx context.Context, p *Pool) error {
			to := common.Address{1}
			_, err := p.CallContract(ctx, ethereum.CallMsg{To: &to}, nil)
			return err
		}, func(err error) bool {
			var re rpc.Error
			var de rpc.DataError
			return errors.As(err, &re) && re.ErrorCode() == 3 && errors.As(err, &de)
		}},
		{"range too large", func(ctx context.Context, p *Pool) error {
			_, err := p.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: common.Big1, ToBlock: common.Big3.Lsh(common.Big3, 10)})
			return err
		}, func(err error) bool {
			var re rpc.Error
			return errors.As(err, &re) && re.ErrorCode() == -32005
		}},
		{"range limited by the proxy", func(ctx context.Context, p *Pool) error {
			_, err := p.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: common.Big1, ToBlock: common.Big32})
			return err
		}, func(err error) bool {
			var re rpc.Error
			return errors.As(err, &re) && re.ErrorCode() == faultproxy.DefaultRangeCode
		}},
		{"not found", func(ctx context.Context, p *Pool) error {
			_, err := p.TransactionReceipt(ctx, common.Hash{1})
			return err
		}, func(err error) bool { return errors.Is(err, ethereum.NotFound) }},
		{"method not found", func(ctx context.Context, p *Pool) error {
			return p.CallContext(ctx, nil, "eth_noSuchMethod")
		}, func(err error) bool {
			var re rpc.Error
			return errors.As(err, &re) && re.ErrorCode() == -32601
		}},
		{"bad request", func(ctx context.Context, p *Pool) error {
			return p.CallContext(ctx, nil, "eth_blockNumber", func() {})
		}, func(err error) bool { return err != nil && !IsTransport(err) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := newNode(t, 1, 100), newNode(t, 1, 200)
			a.fail(t, faultproxy.Fault{Kind: faultproxy.RangeLimit, MaxBlocks: 10})
			var sw switchLog
			p := dial(t, []string{a.URL(), b.URL()}, Options{OnSwitch: sw.record})
			b.ResetStats()
			err := tt.call(t.Context(), p)
			if !tt.check(err) {
				t.Fatalf("got %T %v", err, err)
			}
			if errors.Is(err, ErrAllEndpointsFailed) || b.requests() != 0 || len(sw.events()) != 0 || !p.Stats().Endpoints[0].Healthy {
				t.Fatalf("an answer failed over: %v; backup asked %d times; stats %+v", err, b.requests(), p.Stats())
			}
		})
	}
}

// TestCoolDown: a failed endpoint is passed over until its cool-down ends,
// which doubles with each failure up to the cap; the primary is preferred
// again once it answers.
func TestCoolDown(t *testing.T) {
	a, b := newNode(t, 1, 100), newNode(t, 1, 200)
	clk := newClock()
	var sw switchLog
	p := dial(t, []string{a.URL(), b.URL()}, Options{Now: clk.Now, OnSwitch: sw.record, CoolDown: time.Second, MaxCoolDown: 5 * time.Second})
	a.fail(t, faultproxy.Fault{Kind: faultproxy.ServerError})

	head := func() uint64 {
		t.Helper()
		n, err := p.BlockNumber(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	coolingFor := func() time.Duration { return p.Stats().Endpoints[0].CoolingUntil.Sub(clk.Now()) }

	if head() != 200 || coolingFor() != time.Second {
		t.Fatalf("cooling for %v", coolingFor())
	}
	for _, want := range []time.Duration{2 * time.Second, 4 * time.Second, 5 * time.Second, 5 * time.Second} {
		before := a.requests()
		clk.Advance(coolingFor() - time.Millisecond)
		if head() != 200 || a.requests() != before {
			t.Fatal("the primary was asked while cooling down")
		}
		clk.Advance(time.Millisecond)
		if head() != 200 || a.requests() != before+1 {
			t.Fatal("the primary was not tried again after its cool-down")
		}
		if got := coolingFor(); got != want {
			t.Fatalf("cooling for %v, want %v", got, want)
		}
	}
	a.Clear()
	clk.Advance(coolingFor())
	if head() != 100 || p.Current() != a.URL() {
		t.Fatalf("the primary was not preferred again: current %s", p.Current())
	}
	ev := sw.events()
	if len(ev) != 2 || ev[1].from != b.URL() || ev[1].to != a.URL() || ev[1].reason != nil {
		t.Fatalf("switches %+v", ev)
	}
	if st := p.Stats(); !st.Endpoints[0].Healthy || st.Endpoints[0].ConsecutiveFailures != 0 || st.Switches != 2 {
		t.Fatalf("stats %+v", st)
	}
	// A new failure starts the cool-down from the beginning.
	a.fail(t, faultproxy.Fault{Kind: faultproxy.Drop})
	if head() != 200 || coolingFor() != time.Second {
		t.Fatalf("cooling for %v after recovering", coolingFor())
	}
}

func TestRetryAfter(t *testing.T) {
	a, b := newNode(t, 1, 100), newNode(t, 1, 200)
	clk := newClock()
	p := dial(t, []string{a.URL(), b.URL()}, Options{Now: clk.Now, CoolDown: time.Second, MaxCoolDown: 20 * time.Second})
	for _, tt := range []struct {
		retryAfter, want time.Duration
	}{{7 * time.Second, 7 * time.Second}, {time.Hour, 20 * time.Second}} {
		a.fail(t, faultproxy.Fault{Kind: faultproxy.TooManyRequests, RetryAfter: tt.retryAfter})
		clk.Advance(time.Hour)
		if n, err := p.BlockNumber(t.Context()); err != nil || n != 200 {
			t.Fatal(n, err)
		}
		if got := p.Stats().Endpoints[0].CoolingUntil.Sub(clk.Now()); got != tt.want {
			t.Fatalf("Retry-After %v: cooling for %v, want %v", tt.retryAfter, got, tt.want)
		}
	}
	if d, ok := parseRetryAfter(clk.Now().Add(90*time.Second).Format(http.TimeFormat), clk.Now()); !ok || d != 90*time.Second {
		t.Fatalf("HTTP date: %v %v", d, ok)
	}
	for _, bad := range []string{"", "soon", "-1", "99999999999999"} {
		if _, ok := parseRetryAfter(bad, clk.Now()); ok {
			t.Fatalf("Retry-After %q accepted", bad)
		}
	}
}

// TestAllFail: the error names each endpoint's failure, redacted.
func TestAllFail(t *testing.T) {
	a, b := newNode(t, 1, 100), newNode(t, 1, 200)
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	secret := func(n *node) string {
		u, _ := url.Parse(n.URL())
		u.User = url.UserPassword("user", "hunter2")
		u.Path, u.RawQuery = "/v3/KEY0123", "apikey=KEY4567"
		return u.String()
	}
	var sw switchLog
	p := dial(t, []string{secret(a), secret(b)}, Options{Log: log, OnSwitch: sw.record})
	a.fail(t, faultproxy.Fault{Kind: faultproxy.Drop})
	b.fail(t, faultproxy.Fault{Kind: faultproxy.ServerError, Status: 502})
	_, err := p.BlockNumber(t.Context())
	var he rpc.HTTPError
	if !errors.Is(err, ErrAllEndpointsFailed) || !errors.Is(err, io.EOF) || !errors.As(err, &he) || he.StatusCode != 502 {
		t.Fatalf("got %v", err)
	}
	// Both cool down; the next call still tries both, soonest back first.
	if _, err := p.BlockNumber(t.Context()); !errors.Is(err, ErrAllEndpointsFailed) || a.requests() != 3 || b.requests() != 3 {
		t.Fatalf("got %v; asked %d and %d times", err, a.requests(), b.requests())
	}
	a.Clear()
	if n, err := p.BlockNumber(t.Context()); err != nil || n != 100 {
		t.Fatal(n, err)
	}
	st := p.Stats()
	for _, s := range []string{err.Error(), logs.String(), fmt.Sprintf("%+v", st), fmt.Sprint(sw.events()), p.Current()} {
		for _, secret := range []string{"hunter2", "KEY0123", "KEY4567", "user"} {
			if strings.Contains(s, secret) {
				t.Fatalf("%q shows up in %s", secret, s)
			}
		}
	}
	if !strings.Contains(logs.String(), "rpc endpoint failed") {
		t.Fatalf("failures not logged:\n%s", logs.String())
	}
}

// TestCallerContext: the caller's deadline or cancellation is returned as
// such and does not count against the endpoint.
func TestCallerContext(t *testing.T) {
	a, b := newNode(t, 1, 100), newNode(t, 1, 200)
	p := dial(t, []string{a.URL(), b.URL()}, Options{})
	b.ResetStats()
	a.fail(t, faultproxy.Fault{Kind: faultproxy.Delay, Delay: 10 * time.Second})
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	_, err := p.BlockNumber(ctx)
	if !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ErrAllEndpointsFailed) {
		t.Fatalf("got %v", err)
	}
	if st := p.Stats(); !st.Endpoints[0].Healthy || st.Endpoints[0].Failures != 0 || b.requests() != 0 {
		t.Fatalf("the caller's deadline counted against the endpoint: %+v", st)
	}
	cancelled, cancel2 := context.WithCancel(t.Context())
	cancel2()
	if _, err := p.BlockNumber(cancelled); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v", err)
	}
}

// TestLateEndpoint: an endpoint unreachable at Dial has its chain checked
// at its first use; one serving another chain is never used.
func TestLateEndpoint(t *testing.T) {
	for _, tt := range []struct {
		name    string
		chainID uint64
		used    bool
	}{{"same chain", 1, true}, {"other chain", 2, false}} {
		t.Run(tt.name, func(t *testing.T) {
			a, b := newNode(t, tt.chainID, 100), newNode(t, 1, 200)
			a.fail(t, faultproxy.Fault{Kind: faultproxy.Drop})
			clk := newClock()
			p := dial(t, []string{a.URL(), b.URL()}, Options{Now: clk.Now})
			if p.Current() != b.URL() || p.Stats().Endpoints[0].Healthy {
				t.Fatalf("stats %+v", p.Stats())
			}
			a.Clear()
			clk.Advance(time.Minute)
			n, err := p.BlockNumber(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			st := p.Stats()
			if tt.used {
				if n != 100 || p.Current() != a.URL() {
					t.Fatalf("got %d from %s", n, p.Current())
				}
				return
			}
			if n != 200 || !strings.Contains(st.Endpoints[0].Disabled, "chain 2") {
				t.Fatalf("got %d; stats %+v", n, st)
			}
			clk.Advance(time.Hour)
			before := a.requests()
			if _, err := p.BlockNumber(t.Context()); err != nil || a.requests() != before {
				t.Fatal("an endpoint of another chain was used")
			}
		})
	}
}

func TestBatchFailover(t *testing.T) {
	a, b := newNode(t, 1, 100), newNode(t, 1, 200)
	p := dial(t, []string{a.URL(), b.URL()}, Options{})
	a.fail(t, faultproxy.Fault{Kind: faultproxy.Truncate})
	var n1, n2 hexutil.Uint64
	batch := []rpc.BatchElem{{Method: "eth_blockNumber", Result: &n1}, {Method: "eth_chainId", Result: &n2}, {Method: "eth_nope"}}
	if err := p.BatchCallContext(t.Context(), batch); err != nil {
		t.Fatal(err)
	}
	var re rpc.Error
	if n1 != 200 || n2 != 1 || batch[0].Error != nil || !errors.As(batch[2].Error, &re) {
		t.Fatalf("%d %d %v", n1, n2, batch)
	}
}

func TestBadInput(t *testing.T) {
	a := newNode(t, 1, 100)
	p := dial(t, []string{a.URL()}, Options{})
	//nolint:staticcheck // a nil context on purpose
	if _, err := p.BlockNumber(nil); !errors.Is(err, ErrInvalidArgument) {
		t.Fatalf("nil context: %v", err)
	}
	if err := p.SendTransaction(t.Context(), nil); !errors.Is(err, ErrInvalidArgument) {
		t.Fatalf("nil transaction: %v", err)
	}
	if _, err := p.SubscribeNewHead(t.Context(), nil); !errors.Is(err, ErrInvalidArgument) {
		t.Fatalf("nil channel: %v", err)
	}
	if _, err := p.SubscribeNewHead(t.Context(), make(chan *types.Header)); !errors.Is(err, rpc.ErrNotificationsUnsupported) {
		t.Fatalf("over HTTP: %v", err)
	}
	//nolint:staticcheck // a nil context on purpose
	if _, err := Dial(nil, []string{a.URL()}, Options{}); !errors.Is(err, ErrInvalidArgument) {
		t.Fatalf("Dial with a nil context: %v", err)
	}
	p.Close()
	p.Close()
	if _, err := p.BlockNumber(t.Context()); !errors.Is(err, ErrClosed) {
		t.Fatalf("after Close: %v", err)
	}
}

func TestIsTransport(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want bool
	}{
		{nil, false},
		{io.EOF, true},
		{io.ErrUnexpectedEOF, true},
		{&url.Error{Op: "Post", URL: "x", Err: io.EOF}, true},
		{&net.OpError{Op: "dial", Err: errors.New("connection refused")}, true},
		{context.DeadlineExceeded, true},
		{rpc.HTTPError{StatusCode: 429}, true},
		{rpc.HTTPError{StatusCode: 503}, true},
		{rpc.HTTPError{StatusCode: 401}, true},
		{rpc.HTTPError{StatusCode: 400}, false},
		{rpc.HTTPError{StatusCode: 413}, false},
		{fmt.Errorf("wrapped: %w", rpc.HTTPError{StatusCode: 502}), true},
		{revertError{}, false},
		{rangeError{}, false},
		{fmt.Errorf("x: %w", rangeError{}), false},
		{ethereum.NotFound, false},
		{rpc.ErrNotificationsUnsupported, false},
		{context.Canceled, false},
		{ErrClosed, false},
		{fmt.Errorf("%w: x", ErrAllEndpointsFailed), false},
		{unusable{rangeError{}}, true},
		{rpc.ErrNoResult, true},
		{errors.New("websocket: close 1006 (abnormal closure): unexpected EOF"), true},
	} {
		if got := IsTransport(tt.err); got != tt.want {
			t.Errorf("IsTransport(%T %v) = %v, want %v", tt.err, tt.err, got, tt.want)
		}
	}
}

// TestConcurrentCalls: with a flaky primary every call still succeeds (run
// with -race).
func TestConcurrentCalls(t *testing.T) {
	a, b := newNode(t, 1, 100), newNode(t, 1, 200)
	a.SetSeed(3)
	a.fail(t, faultproxy.Fault{Kind: faultproxy.Drop, Probability: 0.3}, faultproxy.Fault{Kind: faultproxy.ServerError, Probability: 0.2})
	var switches atomic.Int64
	p := dial(t, []string{a.URL(), b.URL()}, Options{CoolDown: time.Millisecond, MaxCoolDown: 5 * time.Millisecond,
		OnSwitch: func(string, string, error) { switches.Add(1) }})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 30; j++ {
				if _, err := p.BlockNumber(t.Context()); err != nil {
					t.Error(err)
					return
				}
				_ = p.Current()
				_ = p.Stats()
			}
		}()
	}
	wg.Wait()
	if a.Stats().Injected() == 0 || switches.Load() == 0 {
		t.Fatalf("%d faults, %d switches", a.Stats().Injected(), switches.Load())
	}
}

// TestLastAnswerAndOnSwitch: each endpoint's last answer is in the stats
// (the metrics' last successful call); OnSwitch set after Dial is called.
func TestLastAnswerAndOnSwitch(t *testing.T) {
	clk := newClock()
	a, b := newNode(t, 1, 100), newNode(t, 1, 200)
	p := dial(t, []string{a.URL(), b.URL()}, Options{Now: clk.Now, CallTimeout: 300 * time.Millisecond})
	var sw switchLog
	p.OnSwitch(sw.record)
	clk.Advance(time.Minute)
	if _, err := p.BlockNumber(t.Context()); err != nil {
		t.Fatal(err)
	}
	st := p.Stats()
	if !st.Endpoints[0].LastAnswer.Equal(clk.Now()) || !st.Endpoints[1].LastAnswer.IsZero() {
		t.Fatalf("last answers %v %v", st.Endpoints[0].LastAnswer, st.Endpoints[1].LastAnswer)
	}
	a.fail(t, faultproxy.Fault{Kind: faultproxy.Drop})
	clk.Advance(time.Minute)
	if _, err := p.BlockNumber(t.Context()); err != nil {
		t.Fatal(err)
	}
	st = p.Stats()
	if !st.Endpoints[1].LastAnswer.Equal(clk.Now()) || !st.Endpoints[0].LastAnswer.Equal(clk.Now().Add(-time.Minute)) {
		t.Fatalf("after failover %v %v", st.Endpoints[0].LastAnswer, st.Endpoints[1].LastAnswer)
	}
	if ev := sw.events(); len(ev) != 1 || ev[0].to != b.URL() {
		t.Fatalf("switches %+v", ev)
	}
}
