// Package rpcpool is a JSON-RPC client over several endpoints of one chain
// with failover: one go-ethereum client per URL (HTTP or WebSocket), the
// first (primary) healthy one preferred.
//
// A call that fails at the transport level (connection refused or reset,
// timeout, HTTP 429 or 5xx, a truncated or undecodable answer) is retried on
// the next endpoint, each endpoint at most once per call; the endpoint that
// failed cools down (exponentially, capped, longer when it sent a
// Retry-After) and is passed over until then, and a call returns to it,
// as to the primary, once its cool-down is over and it answers. A JSON-RPC
// error answer (execution reverted, not found, invalid params, range too
// large) is the node's answer, not a failure of the endpoint: it is returned
// as is, exactly as ethclient would return it.
//
// An answer the caller proves false is a lie: a call's function returning
// an error that wraps ErrLying (rpcpool.Lie) makes the pool mark the
// endpoint lying and retry on the next endpoint, as after a transport
// failure (Verified runs a multi-request read on one endpoint at a time;
// ReportLie marks an endpoint from outside a call). CrossCheck compares
// every endpoint's head and block hashes and passes over those the
// majority outvotes, whose heads are frozen or absurd (verify.go,
// crosscheck.go).
//
// Every endpoint must serve the same chain (checked at Dial, and before the
// first use of an endpoint that was unreachable then). URLs are reported
// redacted (scheme://host), since their userinfo, path or query may hold an
// API key; transport errors are redacted likewise.
package rpcpool

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cenkalti/backoff/v5"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
)

// The pool's errors.
var (
	// ErrAllEndpointsFailed is wrapped when a call failed at the transport
	// level on every endpoint (the error also wraps each endpoint's).
	ErrAllEndpointsFailed = errors.New("rpcpool: every endpoint failed")
	// ErrChainMismatch is wrapped when endpoints serve different chains.
	ErrChainMismatch = errors.New("rpcpool: endpoints serve different chains")
	// ErrInvalidURL is wrapped when an endpoint URL is not http(s) or ws(s).
	ErrInvalidURL = errors.New("rpcpool: invalid endpoint URL")
	// ErrInvalidArgument is wrapped when a call's argument is unusable (a
	// nil context, transaction or channel).
	ErrInvalidArgument = errors.New("rpcpool: invalid argument")
	// ErrClosed is wrapped by calls made after Close.
	ErrClosed = errors.New("rpcpool: closed")
)

// Options configure Dial. The zero value is usable.
type Options struct {
	// ChainID, when not 0, is the chain every endpoint must serve; 0 takes
	// the chain of the first endpoint that answers at Dial.
	ChainID uint64
	// CallTimeout bounds one attempt of a call on one endpoint (default 30
	// s; negative: no bound but the caller's context). An attempt that
	// times out fails over to the next endpoint.
	CallTimeout time.Duration
	// CoolDown is how long an endpoint that failed is passed over (default
	// 1 s); it doubles with each consecutive failure up to MaxCoolDown
	// (default 1 min). A Retry-After header lengthens it, up to MaxCoolDown.
	CoolDown, MaxCoolDown time.Duration
	// OnSwitch, when set, is called when calls move to another endpoint:
	// from and to are redacted URLs; reason is the error that made from
	// fail, nil when the calls return to a preferred endpoint that
	// recovered. It is called synchronously and must not block.
	OnSwitch func(from, to string, reason error)
	// Log receives failures and switches (nil discards them).
	Log *slog.Logger
	// Now is the clock (default time.Now).
	Now func() time.Time
}

// Defaults of Options.
const (
	DefaultCallTimeout = 30 * time.Second
	DefaultCoolDown    = time.Second
	DefaultMaxCoolDown = time.Minute
)

func (o *Options) defaults() {
	if o.CallTimeout == 0 {
		o.CallTimeout = DefaultCallTimeout
	}
	if o.CoolDown <= 0 {
		o.CoolDown = DefaultCoolDown
	}
	if o.MaxCoolDown <= 0 {
		o.MaxCoolDown = DefaultMaxCoolDown
	}
	o.MaxCoolDown = max(o.MaxCoolDown, o.CoolDown)
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// endpoint is one URL and its client and health.
type endpoint struct {
	url    string // may hold a key: never logged
	name   string // redacted
	ws     bool
	closed *atomic.Bool // the pool's

	dialMu sync.Mutex
	client atomic.Pointer[ethclient.Client] // nil until dialled
	http   *http.Client                     // HTTP endpoints

	// retryAfter is the last Retry-After the endpoint sent (ns), consumed
	// by the next failure.
	retryAfter atomic.Int64

	// Guarded by Pool.mu.
	verified bool      // its chain id was checked
	disabled error     // never used again (serves another chain)
	failures int       // consecutive transport failures
	failedAt time.Time // of the last counted failure
	until    time.Time // end of the cool-down
	bo       backoff.ExponentialBackOff
	lastErr  error
	// lastFailure is the last transport failure, kept when the endpoint
	// answers again: the reason of a switch away from it, which concurrent
	// calls may report after another call found it answering.
	lastFailure error
	calls       uint64
	failedAll   uint64
	answeredAt  time.Time  // of the last answer (a result or a JSON-RPC error)
	lies        liesState  // answers that failed verification (verify.go)
	check       checkState // the last cross-check's view of it (crosscheck.go)
}

// Pool is a JSON-RPC client over several endpoints of one chain. It is safe
// for concurrent use.
type Pool struct {
	opts    Options
	log     *slog.Logger
	eps     []*endpoint
	chainID *big.Int
	closed  atomic.Bool

	mu       sync.Mutex
	current  int // the endpoint of the last answer
	switches uint64
	onSwitch func(from, to string, reason error) // Options.OnSwitch, or OnSwitch's
	disputed map[uint64]bool                     // blocks of fork lies (crosscheck.go)
}

// Redact returns scheme://host of an endpoint URL: its userinfo, path,
// query and fragment may hold an API key.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return "(invalid url)" // never echo what failed to parse
	}
	return u.Scheme + "://" + u.Host
}

// Dial makes a client per URL and checks that they serve one chain. An
// endpoint unreachable now is kept, cooling down, and its chain checked at
// its first use; Dial fails when no endpoint answers (ErrAllEndpointsFailed)
// or when two disagree (ErrChainMismatch).
func Dial(ctx context.Context, urls []string, opts Options) (*Pool, error) {
	if ctx == nil {
		return nil, fmt.Errorf("%w: nil context", ErrInvalidArgument)
	}
	if len(urls) == 0 {
		return nil, fmt.Errorf("%w: no endpoint", ErrInvalidURL)
	}
	opts.defaults()
	p := &Pool{opts: opts, log: opts.Log, onSwitch: opts.OnSwitch}
	seen := map[string]int{}
	for i, raw := range urls {
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" {
			return nil, fmt.Errorf("%w: endpoint %d is not a URL", ErrInvalidURL, i+1)
		}
		e := &endpoint{url: raw, name: Redact(raw), closed: &p.closed}
		switch u.Scheme {
		case "http", "https":
			base := http.DefaultTransport.(*http.Transport).Clone()
			e.http = &http.Client{Transport: &retryAfterTransport{base: base, ep: e, now: opts.Now}}
		case "ws", "wss":
			e.ws = true
		default:
			return nil, fmt.Errorf("%w: endpoint %d (%s): scheme %q, not http, https, ws or wss", ErrInvalidURL, i+1, e.name, u.Scheme)
		}
		if n := seen[e.name]; n > 0 {
			e.name = fmt.Sprintf("%s#%d", e.name, i+1) // two keys at one provider
		}
		seen[Redact(raw)]++
		e.bo = backoff.ExponentialBackOff{InitialInterval: opts.CoolDown, Multiplier: 2, MaxInterval: opts.MaxCoolDown}
		p.eps = append(p.eps, e)
	}

	// Dial every endpoint and read its chain id, concurrently.
	ids := make([]*big.Int, len(p.eps))
	errs := make([]error, len(p.eps))
	var wg sync.WaitGroup
	for i, e := range p.eps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			actx, cancel := p.attemptContext(ctx)
			defer cancel()
			c, err := e.dial(actx)
			if err == nil {
				ids[i], err = c.ChainID(actx)
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		p.Close()
		return nil, fmt.Errorf("rpcpool: dial: %w", err)
	}
	want := new(big.Int).SetUint64(opts.ChainID)
	if opts.ChainID == 0 {
		want = nil
	}
	var unreachable attemptErrors
	var mismatch []string
	for i, e := range p.eps {
		switch {
		case errs[i] != nil:
			unreachable = append(unreachable, fmt.Errorf("%s: %w", e.name, redactErr(errs[i], e)))
		case want == nil:
			want = ids[i]
			e.verified = true
		case ids[i].Cmp(want) != 0:
			mismatch = append(mismatch, fmt.Sprintf("%s serves chain %s", e.name, ids[i]))
		default:
			e.verified = true
		}
	}
	if len(mismatch) > 0 {
		p.Close()
		return nil, fmt.Errorf("%w: chain %s expected; %s", ErrChainMismatch, want, strings.Join(mismatch, ", "))
	}
	if len(unreachable) == len(p.eps) {
		p.Close()
		return nil, fmt.Errorf("%w: dial: %w", ErrAllEndpointsFailed, unreachable)
	}
	p.chainID = want
	now := opts.Now()
	for i, e := range p.eps {
		if errs[i] != nil {
			p.failedLocked(e, now, now, redactErr(errs[i], e))
			p.log.Warn("rpc endpoint unreachable at start; it will be tried again", "endpoint", e.name, "err", e.lastErr)
		}
	}
	// The first endpoint that answered is the current one.
	for i := range p.eps {
		if errs[i] == nil {
			p.current = i
			break
		}
	}
	return p, nil
}

// dial returns the endpoint's client, connecting it on first use.
func (e *endpoint) dial(ctx context.Context) (*ethclient.Client, error) {
	if c := e.client.Load(); c != nil {
		return c, nil
	}
	e.dialMu.Lock()
	defer e.dialMu.Unlock()
	if c := e.client.Load(); c != nil {
		return c, nil
	}
	if e.closed.Load() {
		return nil, ErrClosed
	}
	var opts []rpc.ClientOption
	if e.http != nil {
		opts = append(opts, rpc.WithHTTPClient(e.http))
	}
	rc, err := rpc.DialOptions(ctx, e.url, opts...)
	if err != nil {
		return nil, fmt.Errorf("dial: %w", err)
	}
	c := ethclient.NewClient(rc)
	e.client.Store(c)
	return c, nil
}

// Close closes every endpoint's client; later calls fail with ErrClosed.
func (p *Pool) Close() {
	if p.closed.Swap(true) {
		return
	}
	for _, e := range p.eps {
		e.dialMu.Lock()
		if c := e.client.Swap(nil); c != nil {
			c.Close()
		}
		e.dialMu.Unlock()
		if e.http != nil {
			e.http.CloseIdleConnections()
		}
	}
}

// OnSwitch replaces Options.OnSwitch (nil: nothing is called).
func (p *Pool) OnSwitch(f func(from, to string, reason error)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.onSwitch = f
}

// Current is the redacted URL of the endpoint that answered last.
func (p *Pool) Current() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.eps[p.current].name
}

// EndpointStats describe one endpoint.
type EndpointStats struct {
	URL string // redacted
	// Calls counts the attempts made on it; Failures those that failed at
	// the transport level.
	Calls, Failures uint64
	// Healthy: neither cooling down nor disabled.
	Healthy bool
	// ConsecutiveFailures and CoolingUntil describe its current cool-down.
	ConsecutiveFailures int
	CoolingUntil        time.Time
	// LastError is its last transport failure (redacted), "" after an answer.
	LastError string
	// Disabled says why it is never used (it serves another chain), or "".
	Disabled string
	// LastAnswer is when it last answered a call (a result or a JSON-RPC
	// error), zero while it never has.
	LastAnswer time.Time
	// Lies counts its answers that failed verification (ErrLying, or a
	// cross-check); LastLie is the last one ("" while none), LastLieKind
	// its kind, LastLieAt when.
	Lies        uint64
	LastLie     string
	LastLieKind LieKind
	LastLieAt   time.Time
	// Checked says a cross-check has seen the endpoint; Head is the head it
	// reported then, Lag how far it was behind the best verified head, and
	// Agrees whether its hashes of the indexed blocks were the majority's.
	Checked bool
	Head    uint64
	Lag     uint64
	Agrees  bool
}

// Stats describe the pool.
type Stats struct {
	// Current is the redacted URL of the endpoint that answered last.
	Current string
	// Switches counts the moves from one endpoint to another.
	Switches  uint64
	Endpoints []EndpointStats
}

// Stats returns the pool's counts and each endpoint's health.
func (p *Pool) Stats() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.opts.Now()
	s := Stats{Current: p.eps[p.current].name, Switches: p.switches}
	for _, e := range p.eps {
		es := EndpointStats{URL: e.name, Calls: e.calls, Failures: e.failedAll, ConsecutiveFailures: e.failures,
			Healthy: e.disabled == nil && !now.Before(e.until), LastAnswer: e.answeredAt}
		if now.Before(e.until) {
			es.CoolingUntil = e.until
		}
		if e.lastErr != nil {
			es.LastError = e.lastErr.Error()
		}
		if e.disabled != nil {
			es.Disabled = e.disabled.Error()
		}
		e.lies.stats(&es)
		e.check.stats(&es)
		s.Endpoints = append(s.Endpoints, es)
	}
	return s
}

// order is the endpoints a call tries, in turn: those not cooling down in
// the configured order, then those cooling down, soonest back first, as a
// last resort, and last those the last cross-check caught lying.
func (p *Pool) order(wsOnly bool) []*endpoint {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.opts.Now()
	var ready, cooling, suspects []*endpoint
	for _, e := range p.eps {
		switch {
		case e.disabled != nil, wsOnly && !e.ws:
		case e.check.suspect:
			suspects = append(suspects, e)
		case now.Before(e.until):
			cooling = append(cooling, e)
		default:
			ready = append(ready, e)
		}
	}
	sort.SliceStable(cooling, func(i, j int) bool { return cooling[i].until.Before(cooling[j].until) })
	return append(append(ready, cooling...), suspects...)
}

func (p *Pool) attemptContext(ctx context.Context) (context.Context, context.CancelFunc) {
	if p.opts.CallTimeout < 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, p.opts.CallTimeout)
}

// unusable marks an error that makes the endpoint unusable for the call,
// whatever it wraps (a JSON-RPC error to eth_chainId, another chain).
type unusable struct{ err error }

func (u unusable) Error() string { return u.err.Error() }
func (u unusable) Unwrap() error { return u.err }

// attempt runs f on e, checking e's chain first if it was not checked.
func (p *Pool) attempt(ctx context.Context, e *endpoint, f func(context.Context, *endpoint, *ethclient.Client) error) error {
	c, err := e.dial(ctx)
	if err != nil {
		return err
	}
	p.mu.Lock()
	verified := e.verified
	p.mu.Unlock()
	if !verified {
		id, err := c.ChainID(ctx)
		if err != nil {
			return unusable{fmt.Errorf("chain id: %w", err)}
		}
		if id.Cmp(p.chainID) != 0 {
			err := fmt.Errorf("%w: %s serves chain %s, not %s", ErrChainMismatch, e.name, id, p.chainID)
			p.mu.Lock()
			e.disabled = err
			p.mu.Unlock()
			p.log.Error("rpc endpoint serves another chain; it will not be used", "endpoint", e.name, "chain", id, "want", p.chainID)
			return unusable{err}
		}
		p.mu.Lock()
		e.verified = true
		p.mu.Unlock()
	}
	return f(ctx, e, c)
}

// do runs a call on the endpoints in turn until one answers: with a result
// or a JSON-RPC error, which is returned as is. wsOnly restricts it to
// WebSocket endpoints (subscriptions).
func (p *Pool) do(ctx context.Context, method string, wsOnly bool, f func(context.Context, *ethclient.Client) error) error {
	return p.doEach(ctx, method, wsOnly, func(ctx context.Context, _ *endpoint, c *ethclient.Client) error { return f(ctx, c) })
}

// doEach is do with the endpoint given to f.
func (p *Pool) doEach(ctx context.Context, method string, wsOnly bool, f func(context.Context, *endpoint, *ethclient.Client) error) error {
	if ctx == nil {
		return fmt.Errorf("%s: %w: nil context", method, ErrInvalidArgument)
	}
	if p.closed.Load() {
		return fmt.Errorf("%s: %w", method, ErrClosed)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var errs attemptErrors
	for _, e := range p.order(wsOnly) {
		started := p.opts.Now()
		actx, cancel := p.attemptContext(ctx)
		err := p.attempt(actx, e, f)
		cancel()
		if err != nil {
			err = redactErr(err, e)
		}
		switch {
		case err == nil:
			p.answered(e)
			return nil
		case errors.Is(err, ErrLying) && ctx.Err() == nil:
			// The endpoint answered, but the caller proved the answer
			// false: the call moves on, as after a transport failure.
			p.lied(e, method, err)
			errs = append(errs, fmt.Errorf("%s: %w", e.name, err))
			continue
		case ctx.Err() != nil:
			// The caller gave up: not the endpoint's failure.
			if errors.Is(err, ctx.Err()) {
				return err
			}
			return fmt.Errorf("%s: %w (%w)", method, ctx.Err(), err)
		case p.closed.Load():
			return fmt.Errorf("%s: %w", method, ErrClosed)
		case !IsTransport(err):
			p.answered(e)
			return err
		}
		p.failed(e, method, started, err)
		errs = append(errs, fmt.Errorf("%s: %w", e.name, err))
	}
	if len(errs) == 0 {
		return fmt.Errorf("%w: %s: no usable endpoint", ErrAllEndpointsFailed, method)
	}
	return fmt.Errorf("%w: %s: %w", ErrAllEndpointsFailed, method, errs)
}

// attemptErrors are the failures of a call's attempts.
type attemptErrors []error

func (a attemptErrors) Error() string {
	s := make([]string, len(a))
	for i, err := range a {
		s[i] = err.Error()
	}
	return strings.Join(s, "; ")
}

func (a attemptErrors) Unwrap() []error { return a }

// answered records that e answered a call, and a switch to it.
func (p *Pool) answered(e *endpoint) {
	p.mu.Lock()
	e.calls++
	e.answeredAt = p.opts.Now()
	e.failures, e.until, e.lastErr = 0, time.Time{}, nil
	e.bo.Reset()
	var from *endpoint
	var reason error
	if cur := p.eps[p.current]; cur != e {
		from = cur
		next := 0
		for i := range p.eps {
			if p.eps[i] == e {
				next = i
			}
		}
		if next > p.current { // away from a preferred endpoint: it failed
			reason = cur.lastErr
			if reason == nil {
				reason = cur.lastFailure
			}
		}
		p.current = next
		p.switches++
	}
	p.mu.Unlock()
	if from == nil {
		return
	}
	if reason != nil {
		p.log.Warn("rpc endpoint switched", "from", from.name, "to", e.name, "reason", reason)
	} else {
		p.log.Info("rpc endpoint switched back", "from", from.name, "to", e.name)
	}
	p.mu.Lock()
	f := p.onSwitch
	p.mu.Unlock()
	if f != nil {
		f(from.name, e.name, reason)
	}
}

// failed records a transport failure of e in a call that started at started.
func (p *Pool) failed(e *endpoint, method string, started time.Time, err error) {
	p.mu.Lock()
	first := e.failures == 0
	d := p.failedLocked(e, p.opts.Now(), started, err)
	p.mu.Unlock()
	attrs := []any{"endpoint", e.name, "method", method, "err", err, "coolDown", d.Round(time.Millisecond)}
	if first {
		p.log.Warn("rpc endpoint failed", attrs...)
	} else {
		p.log.Debug("rpc endpoint failed again", attrs...)
	}
}

// failedLocked counts a failure and sets e's cool-down; failures of calls
// that started before the last counted one (concurrent calls meeting the
// same outage) do not lengthen it. p.mu is held.
func (p *Pool) failedLocked(e *endpoint, now, started time.Time, err error) time.Duration {
	e.calls++
	e.failedAll++
	e.lastErr, e.lastFailure = err, err
	if !e.failedAt.IsZero() && started.Before(e.failedAt) && e.failures > 0 {
		return e.until.Sub(now)
	}
	e.failures++
	e.failedAt = now
	d := e.bo.NextBackOff()
	if ra := time.Duration(e.retryAfter.Swap(0)); ra > d {
		d = ra
	}
	d = min(d, p.opts.MaxCoolDown)
	e.until = now.Add(d)
	return d
}

// retryAfterTransport records the Retry-After of an endpoint's 429 and 503
// answers (go-ethereum's client reports only their status).
type retryAfterTransport struct {
	base *http.Transport
	ep   *endpoint
	now  func() time.Time
}

func (t *retryAfterTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err == nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), t.now()); ok {
			t.ep.retryAfter.Store(int64(d))
		}
	}
	return resp, err
}

func (t *retryAfterTransport) CloseIdleConnections() { t.base.CloseIdleConnections() }

// parseRetryAfter reads a Retry-After value: seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseUint(v, 10, 32); err == nil {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now), true
	}
	return 0, false
}

// redactErr removes e's URL from a transport error (net/http's *url.Error
// quotes the request URL, API key included).
func redactErr(err error, e *endpoint) error {
	var ue *url.Error
	if errors.As(err, &ue) && ue.URL != e.name {
		ue.URL = e.name
	}
	return err
}

// IsTransport reports whether err is a failure to obtain the node's answer
// (a connection refused, reset or closed, a timeout, an HTTP status other
// than 2xx, 400 and 413, a truncated or undecodable body), for which another
// endpoint may do better, rather than the node's answer: a JSON-RPC error,
// a "not found", or an error of the request itself.
func IsTransport(err error) bool {
	if err == nil {
		return false
	}
	var u unusable
	if errors.As(err, &u) {
		return true
	}
	var he rpc.HTTPError
	if errors.As(err, &he) {
		// 400 and 413 are about the request (some providers refuse a
		// range with a 400): another endpoint would refuse it too.
		return he.StatusCode != http.StatusBadRequest && he.StatusCode != http.StatusRequestEntityTooLarge
	}
	var re rpc.Error
	if errors.As(err, &re) {
		return false
	}
	var (
		me  *json.MarshalerError
		ute *json.UnsupportedTypeError
		uve *json.UnsupportedValueError
	)
	switch {
	case errors.Is(err, ethereum.NotFound), errors.Is(err, rpc.ErrNotificationsUnsupported),
		errors.Is(err, context.Canceled), errors.Is(err, ErrClosed), errors.Is(err, ErrInvalidArgument),
		errors.Is(err, ErrAllEndpointsFailed), errors.Is(err, ErrLying),
		errors.As(err, &me), errors.As(err, &ute), errors.As(err, &uve):
		return false
	}
	// Everything else did not come from the node's JSON-RPC layer: network
	// errors, timeouts, EOFs, JSON syntax errors of a cut body, WebSocket
	// closures, an answer without result or error.
	return true
}
