package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"math"
	"math/big"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/metrics"
)

func testConfig() api.Config {
	cfg := api.DefaultConfig()
	cfg.MaxRange = 10
	return cfg
}

func newTestServer(t testing.TB, cfg api.Config, store api.Reader, st api.Status) (*api.Server, *metrics.Metrics) {
	t.Helper()
	m := metrics.New()
	s, err := api.New(cfg, api.Deps{Store: store, Status: st, Metrics: m.Registry()})
	if err != nil {
		t.Fatal(err)
	}
	return s, m
}

type response struct {
	code   int
	header http.Header
	body   []byte
}

func do(t testing.TB, h http.Handler, method, target string) response {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return response{rec.Code, rec.Header(), rec.Body.Bytes()}
}

// decode checks the JSON content type and decodes the body into v.
func (r response) decode(t testing.TB, v any) {
	t.Helper()
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q, want application/json", ct)
	}
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("body %q is not JSON: %v", r.body, err)
	}
}

// errorText checks that the body is {"error": "<sentence>"} and returns it.
func (r response) errorText(t testing.TB) string {
	t.Helper()
	var m map[string]any
	r.decode(t, &m)
	msg, ok := m["error"].(string)
	if len(m) != 1 || !ok || msg == "" {
		t.Fatalf("error body %s is not {\"error\": sentence}", r.body)
	}
	return msg
}

// plainRounds stores valid rounds 1..n.
func plainRounds(n uint64) *fakeStore {
	s := newFakeStore()
	for i := uint64(1); i <= n; i++ {
		root := common.BigToHash(new(big.Int).SetUint64(i))
		s.rounds[i] = index.Round{Round: i, Verdict: index.VerdictValid, CommitmentRoot: root, AllocationRoot: &root}
	}
	return s
}

func TestHealthz(t *testing.T) {
	s, _ := newTestServer(t, testConfig(), newFakeStore(), newFakeStatus(0, 0))
	r := do(t, s.Handler(), "GET", "/healthz")
	if r.code != http.StatusOK || strings.TrimSpace(string(r.body)) != `{"status":"ok"}` {
		t.Fatalf("got %d %s", r.code, r.body)
	}
	r.decode(t, new(map[string]any))
}

func TestReadyz(t *testing.T) {
	tests := []struct {
		head, processed uint64
		code            int
		want            api.Readiness
	}{
		{100, 100, 200, api.Readiness{Ready: true, Head: 100, Processed: 100, Lag: 0}},
		{100, 95, 200, api.Readiness{Ready: true, Head: 100, Processed: 95, Lag: 5}},
		{100, 94, 503, api.Readiness{Ready: false, Head: 100, Processed: 94, Lag: 6, Reason: "6 blocks behind the head, more than the 5 allowed"}},
		{100, 0, 503, api.Readiness{Ready: false, Head: 100, Processed: 0, Lag: 100, Reason: "100 blocks behind the head, more than the 5 allowed"}},
		{90, 100, 200, api.Readiness{Ready: true, Head: 90, Processed: 100, Lag: 0}}, // head read before processed
		{0, 0, 200, api.Readiness{Ready: true}},
	}
	st := newFakeStatus(0, 0)
	s, _ := newTestServer(t, testConfig(), newFakeStore(), st) // ReadyLag 5
	for _, tt := range tests {
		t.Run(strconv.FormatUint(tt.head, 10)+"-"+strconv.FormatUint(tt.processed, 10), func(t *testing.T) {
			st.head.Store(tt.head)
			st.processed.Store(tt.processed)
			r := do(t, s.Handler(), "GET", "/readyz")
			var got api.Readiness
			r.decode(t, &got)
			if r.code != tt.code || got != tt.want {
				t.Fatalf("got %d %+v, want %d %+v", r.code, got, tt.code, tt.want)
			}
			var keys map[string]any
			r.decode(t, &keys)
			for _, k := range []string{"ready", "head", "processed", "lag"} {
				if _, ok := keys[k]; !ok {
					t.Errorf("no key %q in %s", k, r.body)
				}
			}
		})
	}
}

func TestReadyzStoreFailure(t *testing.T) {
	s, _ := newTestServer(t, testConfig(), failing(newFakeStore(), "Checkpoint"), newFakeStatus(10, 10))
	r := do(t, s.Handler(), "GET", "/readyz")
	var got api.Readiness
	r.decode(t, &got)
	want := api.Readiness{Head: 10, Processed: 10, Reason: "the store cannot be read"}
	if r.code != 503 || got != want {
		t.Fatalf("got %d %+v, want 503 %+v", r.code, got, want)
	}
}

func TestReadyzFlipsWithLag(t *testing.T) {
	st := newFakeStatus(10, 10)
	s, _ := newTestServer(t, testConfig(), newFakeStore(), st)
	steps := []struct {
		head, processed uint64
		ready           bool
	}{{10, 10, true}, {20, 10, false}, {20, 15, true}, {30, 15, false}, {30, 30, true}}
	for i, step := range steps {
		st.head.Store(step.head)
		st.processed.Store(step.processed)
		r := do(t, s.Handler(), "GET", "/readyz")
		if (r.code == http.StatusOK) != step.ready {
			t.Fatalf("step %d: head %d processed %d: status %d, want ready %t", i, step.head, step.processed, r.code, step.ready)
		}
	}
}

func TestMetricsEndpoint(t *testing.T) {
	s, m := newTestServer(t, testConfig(), newFakeStore(), newFakeStatus(0, 0))
	m.SetHead(120)
	m.SetProcessed(117)
	m.SetRoundsByVerdict(map[index.Verdict]int{index.VerdictValid: 4, index.VerdictFraud: 2})
	m.ObserveRecompute(250 * time.Millisecond)
	m.RPCError("eth_getLogs")
	m.RPCError("eth_getLogs")

	r := do(t, s.Handler(), "GET", "/metrics")
	if r.code != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "text/plain") {
		t.Fatalf("got %d %q", r.code, r.header.Get("Content-Type"))
	}
	body := string(r.body)
	for _, want := range []string{
		"denomwatch_head_block 120",
		"denomwatch_processed_block 117",
		"denomwatch_lag_blocks 3",
		`denomwatch_rounds{verdict="valid"} 4`,
		`denomwatch_rounds{verdict="fraud"} 2`,
		`denomwatch_rounds{verdict="malformed-commitments"} 0`,
		`denomwatch_rounds{verdict="unavailable"} 0`,
		`denomwatch_rounds{verdict="pending"} 0`,
		"denomwatch_recompute_seconds_count 1",
		"denomwatch_recompute_seconds_sum 0.25",
		`denomwatch_rpc_errors_total{method="eth_getLogs"} 2`,
		"go_goroutines ",
	} {
		if !strings.Contains(body, want+"\n") && !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	for _, name := range []string{
		metrics.MetricHeadBlock, metrics.MetricProcessedBlock, metrics.MetricLagBlocks,
		metrics.MetricRounds, metrics.MetricRecomputeSeconds, metrics.MetricRPCErrors,
	} {
		if !strings.Contains(body, "# TYPE "+name+" ") {
			t.Errorf("/metrics lacks the metric %s", name)
		}
	}
}

func TestRounds(t *testing.T) {
	store := plainRounds(30)
	s, _ := newTestServer(t, testConfig(), store, newFakeStatus(0, 0)) // MaxRange 10
	seq := func(from, to uint64) []uint64 {
		var out []uint64
		for i := from; i <= to; i++ {
			out = append(out, i)
		}
		return out
	}
	tests := []struct {
		query    string
		code     int
		from, to uint64
		rounds   []uint64
		errWords string // a word of the error sentence
	}{
		{"", 200, 21, 30, seq(21, 30), ""},
		{"?from=5", 200, 5, 14, seq(5, 14), ""},
		{"?from=25", 200, 25, 34, seq(25, 30), ""},
		{"?to=7", 200, 0, 7, seq(1, 7), ""},
		{"?to=15", 200, 6, 15, seq(6, 15), ""},
		{"?from=3&to=5", 200, 3, 5, seq(3, 5), ""},
		{"?from=4&to=4", 200, 4, 4, seq(4, 4), ""},
		{"?from=1&to=10", 200, 1, 10, seq(1, 10), ""},
		{"?from=0&to=0", 200, 0, 0, nil, ""},
		{"?from=40&to=45", 200, 40, 45, nil, ""},
		{"?from=18446744073709551615", 200, math.MaxUint64, math.MaxUint64, nil, ""},
		{"?from=18446744073709551610", 200, math.MaxUint64 - 5, math.MaxUint64, nil, ""},
		{"?to=18446744073709551615", 200, math.MaxUint64 - 9, math.MaxUint64, nil, ""},
		{"?from=3&other=x", 200, 3, 12, seq(3, 12), ""},
		{"?from=5&to=4", 400, 0, 0, nil, "after"},
		{"?from=1&to=11", 400, 0, 0, nil, "more than"},
		{"?from=0&to=18446744073709551615", 400, 0, 0, nil, "more than"},
		{"?from=abc", 400, 0, 0, nil, "decimal"},
		{"?to=abc", 400, 0, 0, nil, "decimal"},
		{"?from=-1", 400, 0, 0, nil, "non-negative"},
		{"?to=-5", 400, 0, 0, nil, "non-negative"},
		{"?from=", 400, 0, 0, nil, "decimal"},
		{"?from=+1", 400, 0, 0, nil, "decimal"},
		{"?from=1.5", 400, 0, 0, nil, "decimal"},
		{"?from=0x10", 400, 0, 0, nil, "decimal"},
		{"?from=1_000", 400, 0, 0, nil, "decimal"},
		{"?from=%201", 400, 0, 0, nil, "decimal"},
		{"?from=18446744073709551616", 400, 0, 0, nil, "too large"},
		{"?from=1&from=2", 400, 0, 0, nil, "2 times"},
		{"?from=%zz", 400, 0, 0, nil, "malformed"},
		{"?from=1;to=2", 400, 0, 0, nil, "malformed"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r := do(t, s.Handler(), "GET", "/v1/rounds"+tt.query)
			if r.code != tt.code {
				t.Fatalf("status %d, want %d: %s", r.code, tt.code, r.body)
			}
			if tt.code != 200 {
				if msg := r.errorText(t); !strings.Contains(msg, tt.errWords) {
					t.Errorf("error %q does not say %q", msg, tt.errWords)
				}
				return
			}
			var got api.RoundsResponse
			r.decode(t, &got)
			var nums []uint64
			for _, rd := range got.Rounds {
				nums = append(nums, rd.Round)
			}
			if got.From != tt.from || got.To != tt.to || !slices.Equal(nums, tt.rounds) || got.Rounds == nil {
				t.Errorf("got %d..%d %v, want %d..%d %v", got.From, got.To, nums, tt.from, tt.to, tt.rounds)
			}
		})
	}
}

func TestRoundsEmptyAndFailing(t *testing.T) {
	tests := []struct {
		name  string
		store *fakeStore
		query string
		code  int
		body  string
	}{
		{"empty store", newFakeStore(), "", 200, `{"from":0,"to":0,"rounds":[]}`},
		{"empty store, range", newFakeStore(), "?from=1&to=3", 200, `{"from":1,"to":3,"rounds":[]}`},
		{"latest fails", failing(plainRounds(3), "LatestRound"), "", 503, ""},
		{"rounds fail", failing(plainRounds(3), "Rounds"), "?from=1", 503, ""},
		{"rounds fail after latest", failing(plainRounds(3), "Rounds"), "", 503, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestServer(t, testConfig(), tt.store, newFakeStatus(0, 0))
			r := do(t, s.Handler(), "GET", "/v1/rounds"+tt.query)
			if r.code != tt.code {
				t.Fatalf("status %d, want %d: %s", r.code, tt.code, r.body)
			}
			if tt.code == 503 {
				if msg := r.errorText(t); strings.Contains(msg, errDisk.Error()) {
					t.Errorf("error %q leaks the store's error", msg)
				}
				return
			}
			if got := strings.TrimSpace(string(r.body)); got != tt.body {
				t.Errorf("body %s, want %s", got, tt.body)
			}
		})
	}
}

func failing(s *fakeStore, methods ...string) *fakeStore {
	for _, m := range methods {
		s.fail[m] = true
	}
	return s
}

func TestRound(t *testing.T) {
	tests := []struct {
		name  string
		store *fakeStore
		path  string
		code  int
	}{
		{"known", plainRounds(3), "/v1/rounds/2", 200},
		{"unknown", plainRounds(3), "/v1/rounds/99", 404},
		{"zero", plainRounds(3), "/v1/rounds/0", 404},
		{"largest", plainRounds(3), "/v1/rounds/18446744073709551615", 404},
		{"too large", plainRounds(3), "/v1/rounds/18446744073709551616", 400},
		{"non-numeric", plainRounds(3), "/v1/rounds/abc", 400},
		{"negative", plainRounds(3), "/v1/rounds/-1", 400},
		{"exponent", plainRounds(3), "/v1/rounds/1e3", 400},
		{"hex", plainRounds(3), "/v1/rounds/0x2", 400},
		{"escaped space", plainRounds(3), "/v1/rounds/%202", 400},
		{"empty", plainRounds(3), "/v1/rounds/", 404},
		{"deeper", plainRounds(3), "/v1/rounds/2/x", 404},
		{"store fails", failing(plainRounds(3), "Round"), "/v1/rounds/2", 503},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestServer(t, testConfig(), tt.store, newFakeStatus(0, 0))
			r := do(t, s.Handler(), "GET", tt.path)
			if r.code != tt.code {
				t.Fatalf("status %d, want %d: %s", r.code, tt.code, r.body)
			}
			if tt.code != 200 {
				r.errorText(t)
				return
			}
			var got index.Round
			r.decode(t, &got)
			if got.Round != 2 {
				t.Errorf("got round %d, want 2", got.Round)
			}
		})
	}
}

// TestRoundFieldNames pins the JSON field names of round objects: they are
// a stable interface.
func TestRoundFieldNames(t *testing.T) {
	idx := uint64(4)
	root := common.HexToHash("0xaa")
	correct := common.HexToHash("0xbb")
	always := []string{
		"round", "verdict", "commitmentRoot", "commitTx", "commitBlock", "commitBlockHash",
		"allocationRoot", "signers", "deadlineBlock", "finalized", "batches",
	}
	tests := []struct {
		name    string
		round   index.Round
		present []string
		absent  []string
	}{
		{
			"fraud",
			index.Round{
				Round: 1, Verdict: index.VerdictFraud, AllocationRoot: &root, CorrectAllocationRoot: &correct,
				ProviderCount: 3, EntryCount: 12,
				Signers: []index.Signer{{Index: 0, Address: common.HexToAddress("0x01"), Stake: "5"}},
				Kind:    index.KindBadAllocation, Index: &idx, Claimed: "10", Correct: "9",
				Batches: []index.Batch{{TxHash: root, Status: index.BatchVoided, DataAvailable: true}},
			},
			[]string{"kind", "index", "claimed", "correct", "correctAllocationRoot", "providerCount", "entryCount"},
			[]string{"rule", "reason"},
		},
		{
			"malformed",
			index.Round{Round: 2, Verdict: index.VerdictMalformed, Rule: "entry-order"},
			[]string{"rule"},
			[]string{"kind", "index", "claimed", "correct", "reason", "correctAllocationRoot"},
		},
		{
			"unavailable",
			index.Round{Round: 3, Verdict: index.VerdictUnavailable, Reason: "batch data does not match its dataHash", AllocationRoot: &root, Batches: []index.Batch{{TxHash: root}}},
			[]string{"reason"},
			[]string{"kind", "index", "claimed", "correct", "rule"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := newFakeStore()
			store.rounds[tt.round.Round] = tt.round
			s, _ := newTestServer(t, testConfig(), store, newFakeStatus(0, 0))
			for _, path := range []string{"/v1/rounds/" + strconv.FormatUint(tt.round.Round, 10), "/v1/rounds"} {
				r := do(t, s.Handler(), "GET", path)
				if r.code != 200 {
					t.Fatalf("%s: status %d", path, r.code)
				}
				var obj map[string]any
				if path == "/v1/rounds" {
					var list struct{ Rounds []map[string]any }
					r.decode(t, &list)
					if len(list.Rounds) != 1 {
						t.Fatalf("%s: %d rounds", path, len(list.Rounds))
					}
					obj = list.Rounds[0]
				} else {
					r.decode(t, &obj)
				}
				for _, k := range append(slices.Clone(always), tt.present...) {
					if _, ok := obj[k]; !ok {
						t.Errorf("%s: no key %q in %v", path, k, obj)
					}
				}
				for _, k := range tt.absent {
					if _, ok := obj[k]; ok {
						t.Errorf("%s: unexpected key %q", path, k)
					}
				}
				if obj["verdict"] != string(tt.round.Verdict) {
					t.Errorf("%s: verdict %v, want %s", path, obj["verdict"], tt.round.Verdict)
				}
			}
		})
	}
}

func TestMethodsAndUnknownPaths(t *testing.T) {
	s, _ := newTestServer(t, testConfig(), plainRounds(3), newFakeStatus(1, 1))
	tests := []struct {
		method, path string
		code         int
	}{
		{"HEAD", "/healthz", 200},
		{"HEAD", "/v1/rounds/1", 200},
		{"POST", "/healthz", 405},
		{"PUT", "/readyz", 405},
		{"POST", "/metrics", 405},
		{"DELETE", "/v1/rounds", 405},
		{"PATCH", "/v1/rounds/1", 405},
		{"POST", "/v1/recipients/0xabcdef0000000000000000000000000000000001/allocations?round=1", 405},
		{"GET", "/", 200}, // the recipient page
		{"GET", "/index.html", 404},
		{"GET", "/v2/rounds", 404},
		{"POST", "/nowhere", 404},
		{"GET", "/v1/rounds/../healthz", 404}, // no redirect to cleaned paths
		{"GET", "/v1/rounds/./1", 404},
		{"GET", "//healthz", 404},
		{"GET", "/healthz/", 404},
		{"GET", "/v1/recipients/0xabcdef0000000000000000000000000000000001", 404},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			r := do(t, s.Handler(), tt.method, tt.path)
			if r.code != tt.code {
				t.Fatalf("status %d, want %d: %s", r.code, tt.code, r.body)
			}
			if tt.code == 405 {
				if allow := r.header.Get("Allow"); allow != "GET, HEAD" {
					t.Errorf("Allow %q", allow)
				}
			}
			if tt.code >= 400 {
				r.errorText(t)
			}
		})
	}
}

func TestHandlerPanicIs500(t *testing.T) {
	store := plainRounds(3)
	store.panics["Round"] = true
	var logs bytes.Buffer
	s, err := api.New(testConfig(), api.Deps{Store: store, Status: newFakeStatus(0, 0), Log: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	r := do(t, s.Handler(), "GET", "/v1/rounds/1")
	if r.code != 500 {
		t.Fatalf("status %d, want 500", r.code)
	}
	r.errorText(t)
	if !strings.Contains(logs.String(), "panicked") {
		t.Errorf("panic not logged: %s", logs.String())
	}
}

func TestRequestLog(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	s, err := api.New(testConfig(), api.Deps{Store: failing(plainRounds(3), "Rounds"), Status: newFakeStatus(0, 0), Log: log})
	if err != nil {
		t.Fatal(err)
	}
	do(t, s.Handler(), "GET", "/v1/rounds/2?secret=hunter2")
	do(t, s.Handler(), "GET", "/v1/rounds?from=1&token=hunter2")
	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, m)
	}
	var requests []map[string]any
	for _, l := range lines {
		if l["msg"] == "API request" {
			requests = append(requests, l)
		}
	}
	if len(requests) != 2 {
		t.Fatalf("%d request lines in %s", len(requests), logs.String())
	}
	want := []struct {
		path   string
		status float64
	}{{"/v1/rounds/2", 200}, {"/v1/rounds", 503}}
	for i, l := range requests {
		if l["level"] != "DEBUG" || l["method"] != "GET" || l["path"] != want[i].path || l["status"] != want[i].status || l["duration"] == nil {
			t.Errorf("request line %v, want DEBUG GET %s %v with a duration", l, want[i].path, want[i].status)
		}
	}
	if strings.Contains(logs.String(), "hunter2") {
		t.Error("the query string is logged")
	}
	if !strings.Contains(logs.String(), errDisk.Error()) {
		t.Error("the store error is not logged")
	}
}

func TestConfig(t *testing.T) {
	if got := api.DefaultConfig(); got.Addr != "127.0.0.1:8080" || got.ReadyLag != 5 || got.MaxRange != 1000 {
		t.Fatalf("defaults %+v", got)
	}
	tests := []struct {
		name string
		edit func(*api.Config)
		ok   bool
	}{
		{"default", func(*api.Config) {}, true},
		{"port 0", func(c *api.Config) { c.Addr = "127.0.0.1:0" }, true},
		{"all interfaces", func(c *api.Config) { c.Addr = ":9090" }, true},
		{"ipv6", func(c *api.Config) { c.Addr = "[::1]:8080" }, true},
		{"ready lag 0", func(c *api.Config) { c.ReadyLag = 0 }, true},
		{"no port", func(c *api.Config) { c.Addr = "127.0.0.1" }, false},
		{"empty", func(c *api.Config) { c.Addr = "" }, false},
		{"named port", func(c *api.Config) { c.Addr = "localhost:http" }, false},
		{"port too large", func(c *api.Config) { c.Addr = "127.0.0.1:65536" }, false},
		{"max range 0", func(c *api.Config) { c.MaxRange = 0 }, false},
		{"max range too large", func(c *api.Config) { c.MaxRange = api.MaxMaxRange + 1 }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := api.DefaultConfig()
			tt.edit(&cfg)
			err := cfg.Check()
			if (err == nil) != tt.ok || (err != nil && !errors.Is(err, api.ErrConfig)) {
				t.Fatalf("Check() = %v, want ok %t", err, tt.ok)
			}
			_, err = api.New(cfg, api.Deps{Store: newFakeStore(), Status: newFakeStatus(0, 0)})
			if (err == nil) != tt.ok {
				t.Fatalf("New() = %v, want ok %t", err, tt.ok)
			}
		})
	}
	if _, err := api.New(api.DefaultConfig(), api.Deps{Status: newFakeStatus(0, 0)}); !errors.Is(err, api.ErrConfig) {
		t.Errorf("New without a reader: %v", err)
	}
	if _, err := api.New(api.DefaultConfig(), api.Deps{Store: newFakeStore()}); !errors.Is(err, api.ErrConfig) {
		t.Errorf("New without a status: %v", err)
	}
}

func TestStartStop(t *testing.T) {
	cfg := testConfig()
	cfg.Addr = "127.0.0.1:0"
	s, _ := newTestServer(t, cfg, plainRounds(3), newFakeStatus(5, 5))
	ctx := context.Background()
	if err := s.Stop(ctx); err != nil {
		t.Fatalf("Stop before Start: %v", err)
	}
	if s.Addr() != "" {
		t.Fatalf("Addr before Start: %q", s.Addr())
	}
	if err := s.Start(ctx); err != nil {
		t.Fatal(err)
	}
	addr := s.Addr()
	if !strings.HasPrefix(addr, "127.0.0.1:") || strings.HasSuffix(addr, ":0") {
		t.Fatalf("Addr %q is not the bound address", addr)
	}
	if err := s.Start(ctx); !errors.Is(err, api.ErrStarted) {
		t.Errorf("second Start: %v", err)
	}
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get("http://" + addr + "/v1/rounds/2")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" || !strings.Contains(string(body), `"round":2`) {
		t.Fatalf("got %d %s", resp.StatusCode, body)
	}
	client.CloseIdleConnections()

	stopCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := s.Stop(stopCtx); err != nil {
		t.Fatal(err)
	}
	if _, err := client.Get("http://" + addr + "/healthz"); err == nil {
		t.Fatal("server still answers after Stop")
	}
	if err := s.Stop(stopCtx); err != nil {
		t.Fatalf("second Stop: %v", err)
	}
}

func TestStartStopsOnCancel(t *testing.T) {
	cfg := testConfig()
	cfg.Addr = "127.0.0.1:0"
	s, _ := newTestServer(t, cfg, plainRounds(3), newFakeStatus(5, 5))
	ctx, cancel := context.WithCancel(context.Background())
	if err := s.Start(ctx); err != nil {
		t.Fatal(err)
	}
	addr := s.Addr()
	cancel()
	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(5 * time.Second)
	for {
		resp, err := client.Get("http://" + addr + "/healthz")
		if err != nil {
			break
		}
		resp.Body.Close()
		client.CloseIdleConnections()
		if time.Now().After(deadline) {
			t.Fatal("server still answers after its context was cancelled")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := s.Stop(context.Background()); err != nil {
		t.Fatalf("Stop after cancel: %v", err)
	}
}

func TestStartFailsOnBusyPort(t *testing.T) {
	cfg := testConfig()
	cfg.Addr = "127.0.0.1:0"
	a, _ := newTestServer(t, cfg, newFakeStore(), newFakeStatus(0, 0))
	if err := a.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer a.Stop(context.Background())
	cfg.Addr = a.Addr()
	b, _ := newTestServer(t, cfg, newFakeStore(), newFakeStatus(0, 0))
	if err := b.Start(context.Background()); err == nil {
		b.Stop(context.Background())
		t.Fatal("Start on a busy port succeeded")
	}
	if err := b.Stop(context.Background()); err != nil {
		t.Fatalf("Stop of a server that failed to start: %v", err)
	}
}
