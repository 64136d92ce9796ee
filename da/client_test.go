package da_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/da"
	itest "github.com/denomwatch/denomwatch/internal/testutil"
	"github.com/denomwatch/denomwatch/metrics"
	"github.com/denomwatch/denomwatch/recompute"
)

// clock is a settable clock.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock { return &clock{now: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// newClient returns a client over sources with a short timeout, metrics and
// a debug log captured in a buffer.
func newClient(t *testing.T, opts da.Options) (*da.Client, *metrics.Metrics, *itest.Buffer) {
	t.Helper()
	m := metrics.New()
	logs := &itest.Buffer{}
	opts.Observer = m
	opts.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	if opts.Timeout == 0 {
		opts.Timeout = 300 * time.Millisecond
	}
	c, err := da.NewClient(opts)
	if err != nil {
		t.Fatal(err)
	}
	return c, m, logs
}

// counter returns the value of a da counter (a histogram's sample count)
// of source, and of reason when given.
func counter(t *testing.T, m *metrics.Metrics, metric, source string, reason ...string) float64 {
	t.Helper()
	want := map[string]string{"source": source}
	if len(reason) > 0 {
		want["reason"] = reason[0]
	}
	fams, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fams {
		if f.GetName() != metric {
			continue
		}
		for _, mt := range f.GetMetric() {
			got := map[string]string{}
			for _, lp := range mt.GetLabel() {
				got[lp.GetName()] = lp.GetValue()
			}
			if !maps.Equal(got, want) {
				continue
			}
			if mt.GetCounter() != nil {
				return mt.GetCounter().GetValue()
			}
			return float64(mt.GetHistogram().GetSampleCount())
		}
	}
	return 0
}

// TestClientFailover: each failure of the first source sends the client to
// the next, the object verifies, and the failure is counted by reason.
func TestClientFailover(t *testing.T) {
	f := newFixture(t, 3, 4)
	good := host(t, f.store(t))
	refused := httptest.NewServer(http.NotFoundHandler())
	refused.Close()
	tests := []struct {
		fault  string
		reason da.Reason
	}{
		{fault500, da.ReasonHTTPStatus},
		{faultHang, da.ReasonTimeout},
		{faultDrop, da.ReasonTransport},
		{faultWrong, da.ReasonInvalid},
		{faultOversize, da.ReasonTooLarge},
		{fault404, da.ReasonNotFound},
		{"refused", da.ReasonTransport},
	}
	for _, tc := range tests {
		t.Run(tc.fault, func(t *testing.T) {
			bad := refused.URL
			if tc.fault != "refused" {
				bad = newFaulty(t, tc.fault).URL
			}
			c, m, _ := newClient(t, da.Options{Sources: []string{bad, good.URL}})
			start := time.Now()
			man, data, source, err := c.Manifest(context.Background(), f.commitment)
			if err != nil || !bytes.Equal(data, f.objects[0].Data) || len(man.Headers) != 3 {
				t.Fatalf("Manifest: %v", err)
			}
			if want := c.SourceNames()[1]; source != want {
				t.Fatalf("served by %q, want the second source %q", source, want)
			}
			if tc.fault == faultHang && time.Since(start) > 5*time.Second {
				t.Fatalf("the timeout did not cut the hang: %v", time.Since(start))
			}
			if got := counter(t, m, metrics.MetricDAFailures, bad, string(tc.reason)); got != 1 {
				t.Fatalf("failures{%s} = %v, want 1", tc.reason, got)
			}
			if counter(t, m, metrics.MetricDAFetches, bad) != 1 || counter(t, m, metrics.MetricDAFetches, good.URL) != 1 {
				t.Fatal("fetches not counted per source")
			}
			if got := counter(t, m, metrics.MetricDABytes, good.URL); got != float64(len(data)) {
				t.Fatalf("bytes %v", got)
			}
			if counter(t, m, metrics.MetricDAFetchSeconds, good.URL) != 1 {
				t.Fatal("latency not observed")
			}
		})
	}
}

// TestClientAllFail: when no source serves a copy that verifies, the error
// says why (errors.Is) and names every source's reason.
func TestClientAllFail(t *testing.T) {
	f := newFixture(t, 2, 2)
	tests := []struct {
		faults []string
		want   error
	}{
		{[]string{fault404, fault404}, da.ErrNotFound},
		{[]string{faultWrong, fault404}, da.ErrInvalid},
		{[]string{faultOversize, fault500}, da.ErrInvalid},
		{[]string{fault500, fault404}, da.ErrUnavailable},
		{[]string{faultHang, faultDrop}, da.ErrUnavailable},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.faults, ","), func(t *testing.T) {
			var srcs []string
			for _, fl := range tc.faults {
				srcs = append(srcs, newFaulty(t, fl).URL)
			}
			c, _, _ := newClient(t, da.Options{Sources: srcs})
			_, _, _, err := c.Manifest(context.Background(), f.commitment)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err %v, want %v", err, tc.want)
			}
			for _, s := range srcs {
				if !strings.Contains(err.Error(), s) {
					t.Fatalf("err %q does not name %s", err, s)
				}
			}
		})
	}
}

// TestClientDirSource: a directory laid out as the store is a source; an
// object missing there is read from the next source.
func TestClientDirSource(t *testing.T) {
	f := newFixture(t, 3, 4)
	full := f.store(t)
	partial, err := da.NewStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := partial.Put(recompute.KindManifest, f.commitment, f.objects[0].Data); err != nil {
		t.Fatal(err)
	}
	c, m, _ := newClient(t, da.Options{Sources: []string{partial.Dir(), "file://" + full.Dir()}})
	names := c.SourceNames()
	man, _, source, err := c.Manifest(context.Background(), f.commitment)
	if err != nil || source != names[0] {
		t.Fatalf("manifest served by %q (want %q): %v", source, names[0], err)
	}
	for p, r := range c.Rows(context.Background(), man) {
		if r.Err != nil || r.Row.Len() != f.round.Rows[p].Len() {
			t.Fatalf("row %d: %v", p, r.Err)
		}
		if r.Source != names[1] {
			t.Fatalf("row %d served by %q, want %q (the first source lacks it)", p, r.Source, names[1])
		}
	}
	if got := counter(t, m, metrics.MetricDAFailures, names[0], "not_found"); got != 3 {
		t.Fatalf("not_found at the partial dir: %v", got)
	}
	row, _, _, err := c.Row(context.Background(), &man.Headers[0])
	if err != nil {
		t.Fatal(err)
	}
	amounts, _, source, err := c.Allocations(context.Background(), f.allocKey, man.Headers[0].Provider, row)
	if err != nil || len(amounts) != row.Len() || source != names[1] {
		t.Fatalf("Allocations: %v", err)
	}
	// Allocations that do not rebuild their key, with the wrong provider.
	if _, _, _, err := c.Allocations(context.Background(), f.allocKey, common.Address{1}, row); !errors.Is(err, da.ErrInvalid) {
		t.Fatalf("Allocations for another provider: %v", err)
	}
}

// TestClientCoolDown: a failing source cools down (tried after the others),
// is tried again, last, when the others lack the object, and first again
// once its cool-down has passed.
func TestClientCoolDown(t *testing.T) {
	f := newFixture(t, 2, 3)
	store := f.store(t)
	var fail atomic.Bool
	fail.Store(true)
	var hits atomic.Int64
	flaky := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if fail.Load() {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		da.Handler{Store: store}.ServeHTTP(w, r)
	}))
	defer flaky.Close()
	partial, _ := da.NewStore(t.TempDir())
	_ = partial.Put(recompute.KindManifest, f.commitment, f.objects[0].Data)
	backup := host(t, partial)
	clk := newClock()
	c, _, _ := newClient(t, da.Options{Sources: []string{flaky.URL, backup.URL}, CoolDown: time.Minute, MaxCoolDown: 10 * time.Minute, Now: clk.Now})
	ctx := context.Background()
	get := func() error { _, _, _, err := c.Manifest(ctx, f.commitment); return err }

	if err := get(); err != nil || hits.Load() != 1 {
		t.Fatalf("first get: %v, hits %d", err, hits.Load())
	}
	if err := get(); err != nil || hits.Load() != 1 {
		t.Fatalf("cooling down, the backup first: %v, hits %d", err, hits.Load())
	}
	// The backup lacks the row: the cooling source is tried, last.
	fail.Store(false)
	hd := &f.round.Manifest.Headers[0]
	if _, _, _, err := c.Row(ctx, hd); err != nil || hits.Load() != 2 {
		t.Fatalf("row from the cooling source: %v, hits %d", err, hits.Load())
	}
	// Its success ended the cool-down: first again.
	if err := get(); err != nil || hits.Load() != 3 {
		t.Fatalf("after recovery: %v, hits %d", err, hits.Load())
	}
	// A failure again; once the cool-down (at most 1.5 min with jitter) has
	// passed it is first again.
	fail.Store(true)
	_ = get()
	hits.Store(0)
	_ = get()
	if hits.Load() != 0 {
		t.Fatal("tried first while cooling down")
	}
	clk.Add(2 * time.Minute)
	_ = get()
	if hits.Load() != 1 {
		t.Fatal("not tried first after its cool-down")
	}
}

// TestClientRedaction: a source URL's path, query and userinfo (a token)
// appear in no log line, metric or error; the requests still carry them.
func TestClientRedaction(t *testing.T) {
	f := newFixture(t, 2, 2)
	store := f.store(t)
	var sawToken atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("key") == "SECRETQ" && strings.HasPrefix(r.URL.Path, "/tok-SECRETP/") {
			sawToken.Store(true)
		}
		http.Error(w, "no", http.StatusBadGateway)
	}))
	defer srv.Close()
	good := httptest.NewServer(http.StripPrefix("/tok-SECRETP", da.Handler{Store: store}))
	defer good.Close()
	withToken := func(u string) string {
		return strings.Replace(u, "http://", "http://user:SECRETU@", 1) + "/tok-SECRETP?key=SECRETQ"
	}
	c, m, logs := newClient(t, da.Options{Sources: []string{withToken(srv.URL), withToken(good.URL)}})
	if _, _, source, err := c.Manifest(context.Background(), f.commitment); err != nil || strings.Contains(source, "SECRET") || source != good.URL {
		t.Fatalf("through a token URL: served by %q: %v", source, err)
	}
	_, _, _, err := c.Row(context.Background(), &recompute.Header{EntryCount: f.round.Manifest.Headers[0].EntryCount, EntriesRoot: common.Hash{5}})
	if err == nil || !sawToken.Load() {
		t.Fatalf("err %v, token sent %v", err, sawToken.Load())
	}
	var text bytes.Buffer
	fams, _ := m.Registry().Gather()
	for _, fam := range fams {
		text.WriteString(fam.String())
	}
	for _, s := range []string{logs.String(), text.String(), err.Error()} {
		if strings.Contains(s, "SECRET") {
			t.Fatalf("a token leaked: %s", s)
		}
	}
	if !strings.Contains(logs.String(), srv.URL) || counter(t, m, metrics.MetricDAFetches, srv.URL) != 2 {
		t.Fatalf("the source is not named by scheme and host: %s", logs.String())
	}
}

// TestClientRowsConcurrency: Rows keeps at most Concurrency requests in
// flight at the server, and returns every row verified.
func TestClientRowsConcurrency(t *testing.T) {
	f := newFixture(t, 12, 3)
	store := f.store(t)
	var inflight, peak atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inflight.Add(1)
		defer inflight.Add(-1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		da.Handler{Store: store}.ServeHTTP(w, r)
	}))
	defer srv.Close()
	c, _, _ := newClient(t, da.Options{Sources: []string{srv.URL}, Concurrency: 3, Timeout: 5 * time.Second})
	res := c.Rows(context.Background(), &f.round.Manifest)
	for p, r := range res {
		if r.Err != nil || !bytes.Equal(r.Data, f.round.Rows[p].Bytes()) {
			t.Fatalf("row %d: %v", p, r.Err)
		}
	}
	if got := peak.Load(); got > 3 || got < 2 {
		t.Fatalf("peak in flight %d, want 2 or 3", got)
	}
}

// TestClientCancel: cancelling the context stops a fetch at once, counts no
// failure against the source and returns the context's error.
func TestClientCancel(t *testing.T) {
	f := newFixture(t, 4, 2)
	hang := newFaulty(t, faultHang)
	c, m, _ := newClient(t, da.Options{Sources: []string{hang.URL}, Timeout: time.Minute})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, _, _, err := c.Manifest(ctx, f.commitment)
	if !errors.Is(err, context.Canceled) || time.Since(start) > 5*time.Second {
		t.Fatalf("err %v after %v", err, time.Since(start))
	}
	for _, r := range c.Rows(ctx, &f.round.Manifest) {
		if !errors.Is(r.Err, context.Canceled) {
			t.Fatalf("row after cancel: %v", r.Err)
		}
	}
	if got := counter(t, m, metrics.MetricDAFetches, hang.URL); got != 0 {
		t.Fatalf("a cancelled fetch counted: %v", got)
	}
}

// TestClientEmptyRow: a header with no entries and a zero root needs no
// object and no fetch.
func TestClientEmptyRow(t *testing.T) {
	srv := newFaulty(t, fault500)
	c, _, _ := newClient(t, da.Options{Sources: []string{srv.URL}})
	row, data, source, err := c.Row(context.Background(), &recompute.Header{})
	if err != nil || row.Len() != 0 || data != nil || source != "" || srv.hits.Load() != 0 {
		t.Fatalf("empty row: %v, %d hits", err, srv.hits.Load())
	}
}

func TestNewClientSources(t *testing.T) {
	for _, s := range []string{"ftp://x/y", "http://", ""} {
		if _, err := da.NewClient(da.Options{Sources: []string{s}}); err == nil {
			t.Errorf("source %q accepted", s)
		}
	}
	if _, err := da.NewClient(da.Options{}); err == nil {
		t.Error("no source accepted")
	}
	c, err := da.NewClient(da.Options{Sources: []string{"https://h/a?k=1", "https://h/b?k=2", "/tmp/x"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.SourceNames(), " "); got != "https://h https://h#2 file:///tmp/x" {
		t.Fatalf("names %q", got)
	}
}
