package da

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/cenkalti/backoff/v5"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"golang.org/x/sync/errgroup"

	"github.com/denomwatch/denomwatch/recompute"
)

// Observer receives the client's per-source measurements (metrics.Metrics
// implements it; NopObserver ignores them). source is the source's name,
// scheme and host only.
type Observer interface {
	// DAFetch records one fetch attempt: its reason ("" when the object
	// verified), the bytes read and how long it took.
	DAFetch(source string, reason string, bytes int, d time.Duration)
}

// NopObserver records nothing.
type NopObserver struct{}

// DAFetch implements Observer.
func (NopObserver) DAFetch(string, string, int, time.Duration) {}

// Options configure a Client. Only Sources is required.
type Options struct {
	// Sources in order of preference: http(s) base URLs and directories
	// (a path or file://PATH).
	Sources []string
	// Timeout bounds one fetch from one source (default 30 s).
	Timeout time.Duration
	// CoolDown is the first cool-down of a failing source, doubled (with
	// jitter) at each further failure up to MaxCoolDown (defaults 5 s and
	// 5 min). A source cooling down is tried after the others, not skipped.
	CoolDown    time.Duration
	MaxCoolDown time.Duration
	// Concurrency bounds the rows Rows fetches at once (default 8).
	Concurrency int
	Observer    Observer     // nil: NopObserver
	Logger      *slog.Logger // nil: slog.Default()
	Now         func() time.Time
	// HTTPClient makes the HTTP requests (nil: a fresh transport).
	HTTPClient *http.Client
}

func (o *Options) defaults() {
	o.Timeout = orDefault(o.Timeout, 30*time.Second)
	o.CoolDown = orDefault(o.CoolDown, 5*time.Second)
	o.MaxCoolDown = orDefault(o.MaxCoolDown, 5*time.Minute)
	if o.Concurrency <= 0 {
		o.Concurrency = 8
	}
	if o.Observer == nil {
		o.Observer = NopObserver{}
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	}
}

// orDefault is d, or def when d is not positive.
func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// Client reads objects from its sources and returns only those that verify
// against their keys. It is safe for concurrent use.
type Client struct {
	opts    Options
	sources []*srcState
}

// srcState is a source with its name and cool-down.
type srcState struct {
	src  source
	name string
	pos  int

	mu        sync.Mutex
	bo        *backoff.ExponentialBackOff
	coolUntil time.Time
}

// NewClient checks the sources and returns a client.
func NewClient(opts Options) (*Client, error) {
	if len(opts.Sources) == 0 {
		return nil, errors.New("da client: no source")
	}
	opts.defaults()
	c := &Client{opts: opts}
	seen := map[string]int{}
	for i, spec := range opts.Sources {
		src, name, err := parseSource(spec, opts.HTTPClient)
		if err != nil {
			return nil, fmt.Errorf("da client: source %d: %w", i+1, err)
		}
		if seen[name]++; seen[name] > 1 {
			name = fmt.Sprintf("%s#%d", name, i+1) // two tokens at one host
		}
		bo := &backoff.ExponentialBackOff{InitialInterval: opts.CoolDown, RandomizationFactor: 0.5, Multiplier: 2, MaxInterval: opts.MaxCoolDown}
		bo.Reset()
		c.sources = append(c.sources, &srcState{src: src, name: name, pos: i, bo: bo})
	}
	return c, nil
}

// SourceNames returns the sources' names (scheme and host), in order.
func (c *Client) SourceNames() []string {
	out := make([]string, len(c.sources))
	for i, s := range c.sources {
		out[i] = s.name
	}
	return out
}

// order returns the sources to try: those not cooling down in their order,
// then those cooling down, the soonest back first.
func (c *Client) order() []*srcState {
	now := c.opts.Now()
	out := slices.Clone(c.sources)
	until := make(map[*srcState]time.Time, len(out))
	for _, s := range out {
		s.mu.Lock()
		if s.coolUntil.After(now) {
			until[s] = s.coolUntil
		}
		s.mu.Unlock()
	}
	slices.SortStableFunc(out, func(a, b *srcState) int {
		return cmp.Or(until[a].Compare(until[b]), cmp.Compare(a.pos, b.pos))
	})
	return out
}

// result records the outcome of a fetch on the source's cool-down. An
// absent object is no fault of the source.
func (s *srcState) result(reason Reason, now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch reason {
	case "":
		s.bo.Reset()
		s.coolUntil = time.Time{}
	case ReasonNotFound:
	default:
		s.coolUntil = now.Add(s.bo.NextBackOff())
	}
}

// verifier checks an object's bytes against its key.
type verifier func(data []byte) error

// get fetches kind/key from each source in turn until one serves bytes that
// verify, and returns them with the name of the source that served them.
// It returns ctx's error when ctx ends, else ErrInvalid when some copy
// failed verification, ErrUnavailable when some source failed otherwise,
// ErrNotFound when every source said absent; each wrapping every source's
// reason.
func (c *Client) get(ctx context.Context, kind recompute.ObjectKind, key common.Hash, limit int, verify verifier) ([]byte, string, error) {
	var errs []error
	for _, s := range c.order() {
		data, err := c.attempt(ctx, s, kind, key, limit, verify)
		if err == nil {
			return data, s.name, nil
		}
		if ctx.Err() != nil {
			return nil, "", ctx.Err()
		}
		errs = append(errs, fmt.Errorf("%s: %w", s.name, err))
	}
	return nil, "", fmt.Errorf("%s %s: %w: %w", kind, key.Hex(), summarise(errs), errors.Join(errs...))
}

// summarise picks the sentinel of a failed get from its sources' reasons.
func summarise(errs []error) error {
	invalid, other := false, false
	for _, err := range errs {
		switch reasonOf(err) {
		case ReasonInvalid, ReasonTooLarge:
			invalid = true
		case ReasonNotFound:
		default:
			other = true
		}
	}
	switch {
	case invalid:
		return ErrInvalid
	case other:
		return ErrUnavailable
	default:
		return ErrNotFound
	}
}

// attempt fetches from one source within the per-source timeout, verifies,
// and records the outcome (metrics, log, cool-down).
func (c *Client) attempt(ctx context.Context, s *srcState, kind recompute.ObjectKind, key common.Hash, limit int, verify verifier) ([]byte, error) {
	actx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	start := c.opts.Now()
	data, err := s.src.fetch(actx, kind, key, limit)
	if err == nil {
		if verr := verify(data); verr != nil {
			err = failed(ReasonInvalid, verr)
		}
	}
	if err != nil && ctx.Err() != nil {
		return nil, ctx.Err() // the caller gave up: no fault of the source
	}
	reason := Reason("")
	if err != nil {
		reason = reasonOf(err)
	}
	c.opts.Observer.DAFetch(s.name, string(reason), len(data), c.opts.Now().Sub(start))
	s.result(reason, c.opts.Now())
	if err != nil {
		c.opts.Logger.Debug("da fetch failed", "source", s.name, "kind", string(kind), "key", key.Hex(), "reason", string(reason), "err", err)
		return nil, err
	}
	return data, nil
}

// Every object the client returns comes with source, the name of the source
// that served it, as SourceNames gives it (scheme and host of an HTTP base
// URL, "#n" added for a second source at one host; file://DIR for a
// directory): the provenance a store of objects records.

// Manifest returns the manifest whose key is commitmentRoot, verified, its
// bytes, and the source that served them.
func (c *Client) Manifest(ctx context.Context, commitmentRoot common.Hash) (m *recompute.Manifest, data []byte, source string, err error) {
	data, source, err = c.get(ctx, recompute.KindManifest, commitmentRoot, recompute.MaxManifestSize, func(b []byte) error {
		var err error
		m, _, err = recompute.VerifyManifest(commitmentRoot, b)
		return err
	})
	if err != nil {
		return nil, nil, "", err
	}
	return m, data, source, nil
}

// Row returns the row of header hd, verified (its entry count and
// entriesRoot), its bytes, and the source that served them. A header with
// entryCount 0 and a zero root needs no object: an empty row, no fetch, no
// source.
func (c *Client) Row(ctx context.Context, hd *recompute.Header) (row recompute.Row, data []byte, source string, err error) {
	if !hd.NeedsRow() {
		return recompute.Row{}, nil, "", nil
	}
	data, source, err = c.get(ctx, recompute.KindRow, hd.EntriesRoot, recompute.MaxRowSize, func(b []byte) error {
		var err error
		row, err = recompute.VerifyRow(hd, b)
		return err
	})
	if err != nil {
		return recompute.Row{}, nil, "", err
	}
	return row, data, source, nil
}

// Allocations returns the allocations object under key, verified against
// provider's row, as amounts, its bytes, and the source that served them.
// It reads at most 32 bytes per entry of row (+1).
func (c *Client) Allocations(ctx context.Context, key common.Hash, provider common.Address, row recompute.Row) (amounts []uint256.Int, data []byte, source string, err error) {
	limit := min(row.Len()*32, recompute.MaxAllocationsSize) // exactly 32 bytes an entry
	data, source, err = c.get(ctx, recompute.KindAllocations, key, limit, func(b []byte) error {
		var err error
		amounts, err = recompute.VerifyAllocations(key, provider, row, b)
		return err
	})
	if err != nil {
		return nil, nil, "", err
	}
	return amounts, data, source, nil
}

// RowResult is the outcome of one provider's row: Source names the source
// that served Data ("" when none did, or none was needed).
type RowResult struct {
	Row    recompute.Row
	Data   []byte
	Source string
	Err    error
}

// Rows fetches the row of every header of m, at most Concurrency at once,
// and returns a result per header, in order. It returns early only when
// ctx ends (the results not fetched carry ctx's error).
func (c *Client) Rows(ctx context.Context, m *recompute.Manifest) []RowResult {
	out := make([]RowResult, len(m.Headers))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(c.opts.Concurrency)
	for p := range m.Headers {
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				out[p].Err = err
				return nil
			}
			r := &out[p]
			r.Row, r.Data, r.Source, r.Err = c.Row(gctx, &m.Headers[p])
			return nil
		})
	}
	_ = g.Wait() // the goroutines return nil: the errors are per row
	return out
}
