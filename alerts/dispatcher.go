package alerts

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/cenkalti/backoff/v5"
	"github.com/ethereum/go-ethereum/common"
	"golang.org/x/sync/errgroup"

	"github.com/denomwatch/denomwatch/index"
)

// ErrStore: the dispatcher could not read or write the outbox; Run stops
// with it.
var ErrStore = errors.New("alert outbox store failed")

// Store is what the dispatcher needs of the index: the outbox, delivery
// states and dead letters (*index.Store implements it).
type Store interface {
	Outbox(from uint64, limit int) ([]index.OutboxEntry, error)
	OutboxDepth() (int, error)
	SetDelivery(seq uint64, webhook string, d index.Delivery) error
	DeadLetter(dl index.DeadLetter) error
	CompleteOutbox(seq uint64, webhooks []string) (bool, error)
}

// Observer receives the dispatcher's counts (metrics). Its methods are
// called from several goroutines and must not block.
type Observer interface {
	// Delivered: a receiver acknowledged a delivery (2xx).
	Delivered(webhook string)
	// Failed: an attempt failed (no answer, or not 2xx); it will be retried
	// or dead-lettered.
	Failed(webhook string)
	// DeadLettered: a delivery was given up; webhook is "" for an outbox
	// entry that is not an event.
	DeadLettered(webhook string)
	// QueueDepth: the number of entries in the outbox.
	QueueDepth(n int)
}

type nopObserver struct{}

func (nopObserver) Delivered(string)    {}
func (nopObserver) Failed(string)       {}
func (nopObserver) DeadLettered(string) {}
func (nopObserver) QueueDepth(int)      {}

// Bounds of one delivery.
const (
	// maxResponseRead is how much of a response body is read (to reuse the
	// connection) before it is closed.
	maxResponseRead = 64 << 10
	// maxErrorSnippet is how much of a failed response's body is kept in
	// the delivery state and the logs.
	maxErrorSnippet = 200
	// pageSize is how many outbox entries one read returns.
	pageSize = 100
	// userAgent identifies the dispatcher to receivers.
	userAgent = "denomwatch-webhook/1"
)

// Dispatcher delivers the outbox's alerts to the configured webhooks: in
// outbox order per webhook, each webhook on its own (one that is down
// delays no other), signed (Sign), retried with exponential backoff and
// jitter, and dead-lettered after Config.MaxAttempts attempts. Delivery is
// at least once: a delivery whose acknowledgement is lost is sent again
// with the same id and body.
type Dispatcher struct {
	cfg    Config
	store  Store
	client *http.Client
	log    *slog.Logger
	obs    Observer
	hooks  []*hook
	wake   chan struct{} // the sweeper's
	now    func() time.Time

	running atomic.Bool
}

// hook is one webhook's delivery loop.
type hook struct {
	d          *Dispatcher
	wh         Webhook
	secret     string
	types      map[Type]bool
	recipients map[common.Address]bool
	wake       chan struct{}
	log        *slog.Logger
	// cursor: every entry below it is finished (or not for this webhook).
	cursor uint64
}

// NewDispatcher returns a dispatcher of cfg's webhooks (defaults applied,
// checked, secrets read from their environment variables or files) over
// store. client nil means a default client; redirects are never followed
// (a 3xx is a failed attempt), and each attempt is bounded by cfg.Timeout.
// log nil discards; obs nil observes nothing.
func NewDispatcher(cfg Config, store Store, client *http.Client, log *slog.Logger, obs Observer) (*Dispatcher, error) {
	if store == nil {
		return nil, errors.New("alerts: new dispatcher: no store")
	}
	cfg = cfg.WithDefaults()
	if err := cfg.Check(); err != nil {
		return nil, fmt.Errorf("alerts: new dispatcher: %w", err)
	}
	cfg, err := cfg.resolveSecrets(os.LookupEnv, readSecretFile)
	if err != nil {
		return nil, fmt.Errorf("alerts: new dispatcher: %w", err)
	}
	if client == nil {
		client = &http.Client{}
	}
	c := *client
	if c.CheckRedirect == nil {
		c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if obs == nil {
		obs = nopObserver{}
	}
	d := &Dispatcher{
		cfg: cfg, store: store, client: &c, log: log.With("module", "alerts"), obs: obs,
		wake: make(chan struct{}, 1), now: time.Now,
	}
	for _, w := range cfg.Webhooks {
		h := &hook{d: d, wh: w, secret: string(w.resolved), wake: make(chan struct{}, 1),
			log: d.log.With("webhook", w.Name, "url", RedactURL(w.URL))}
		if len(w.Types) > 0 {
			h.types = make(map[Type]bool, len(w.Types))
			for _, t := range w.Types {
				h.types[t] = true
			}
		}
		if len(w.Recipients) > 0 {
			h.recipients = make(map[common.Address]bool, len(w.Recipients))
			for _, a := range w.Recipients {
				h.recipients[a] = true
			}
		}
		d.hooks = append(d.hooks, h)
	}
	return d, nil
}

// Notify wakes the dispatcher to look for new outbox entries now rather
// than at its next poll. It never blocks; call it after enqueueing.
func (d *Dispatcher) Notify() {
	poke(d.wake)
	for _, h := range d.hooks {
		poke(h.wake)
	}
}

func poke(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// Run delivers until ctx is cancelled (then it returns nil, after the
// attempts in flight end) or the store fails (ErrStore). Each webhook runs
// its own loop; a sweeper completes the entries no webhook wants and
// dead-letters bodies that are not events, and reports the queue depth.
// Run may not be called twice at once.
func (d *Dispatcher) Run(ctx context.Context) error {
	if !d.running.CompareAndSwap(false, true) {
		return errors.New("alerts: dispatcher already running")
	}
	defer d.running.Store(false)
	d.log.Info("alert dispatcher started", "webhooks", len(d.hooks), "maxAttempts", d.cfg.MaxAttempts)
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return d.sweeper(gctx) })
	for _, h := range d.hooks {
		h.cursor = 0
		g.Go(func() error { return h.run(gctx) })
	}
	if err := g.Wait(); err != nil {
		return err // the caller logs it
	}
	d.log.Info("alert dispatcher stopped")
	return nil
}

// wait blocks for dt, or until wake (nil: never) or ctx; false when ctx is
// done.
func wait(ctx context.Context, dt time.Duration, wake <-chan struct{}) bool {
	t := time.NewTimer(dt)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-wake:
	case <-t.C:
	}
	return true
}

// storeErr classifies a store failure.
func storeErr(what string, err error) error {
	return fmt.Errorf("alerts: %w: %s: %w", ErrStore, what, err)
}

// wants returns the names of the webhooks whose filters let ev through.
func (d *Dispatcher) wants(ev *Event) []string {
	names := []string{}
	for _, h := range d.hooks {
		if h.matches(ev) {
			names = append(names, h.wh.Name)
		}
	}
	return names
}

// matches applies the webhook's type and recipient filters.
func (h *hook) matches(ev *Event) bool {
	if h.types != nil && !h.types[ev.Type] {
		return false
	}
	if h.recipients != nil {
		for _, a := range ev.Recipients {
			if h.recipients[a] {
				return true
			}
		}
		return false
	}
	return true
}

// sweeper runs sweep over the whole outbox once, then over each new entry,
// at every poll or Notify.
func (d *Dispatcher) sweeper(ctx context.Context) error {
	var cursor uint64
	for {
		next, err := d.sweep(cursor)
		if err != nil {
			return err
		}
		cursor = next
		n, err := d.store.OutboxDepth()
		if err != nil {
			return storeErr("outbox depth", err)
		}
		d.obs.QueueDepth(n)
		if !wait(ctx, d.cfg.PollInterval, d.wake) {
			return nil
		}
	}
}

// sweep looks at the entries from from up: one that is not an event is
// dead-lettered whole; one whose every wanted webhook is finished (none
// wanting it, or what is left of a webhook removed from the config) is
// completed. It returns where the next sweep starts.
func (d *Dispatcher) sweep(from uint64) (uint64, error) {
	for {
		entries, err := d.store.Outbox(from, pageSize)
		if err != nil {
			return from, storeErr("read outbox", err)
		}
		for _, e := range entries {
			from = e.Seq + 1
			ev, err := ParseEvent(e.Body)
			if err != nil {
				d.log.Error("outbox entry is not an event; dead-lettered", "seq", e.Seq, "err", err)
				err = d.store.DeadLetter(index.DeadLetter{Seq: e.Seq, LastError: err.Error(), At: d.now().UTC()})
				if err != nil && !errors.Is(err, index.ErrNoEntry) {
					return from, storeErr("dead-letter", err)
				}
				d.obs.DeadLettered("")
				continue
			}
			names := d.wants(&ev)
			finished := true
			for _, n := range names {
				if !e.Deliveries[n].Finished() {
					finished = false
					break
				}
			}
			if !finished {
				continue
			}
			if _, err := d.store.CompleteOutbox(e.Seq, names); err != nil {
				return from, storeErr("complete outbox entry", err)
			}
			if len(names) == 0 {
				d.log.Debug("alert wanted by no webhook", "seq", e.Seq, "id", ev.ID, "type", ev.Type)
			}
		}
		if len(entries) < pageSize {
			return from, nil
		}
	}
}

// run is the webhook's loop: deliver the oldest unfinished entry it wants,
// or wait for its next attempt, or (idle) for a poll or Notify.
func (h *hook) run(ctx context.Context) error {
	for {
		dt, idle, err := h.step(ctx)
		switch {
		case ctx.Err() != nil:
			return nil
		case err != nil:
			return err
		case idle:
			if !wait(ctx, h.d.cfg.PollInterval, h.wake) {
				return nil
			}
		case dt > 0:
			// In order: what is enqueued meanwhile waits behind this entry.
			if !wait(ctx, dt, nil) {
				return nil
			}
		}
	}
}

// head returns the oldest entry the webhook wants and has not finished,
// moving the cursor past the others.
func (h *hook) head() (index.OutboxEntry, Event, bool, error) {
	for {
		entries, err := h.d.store.Outbox(h.cursor, pageSize)
		if err != nil {
			return index.OutboxEntry{}, Event{}, false, storeErr("read outbox", err)
		}
		for _, e := range entries {
			ev, err := ParseEvent(e.Body)
			if err == nil && h.matches(&ev) && !e.Deliveries[h.wh.Name].Finished() {
				return e, ev, true, nil
			}
			h.cursor = e.Seq + 1 // not an event (the sweeper's), not wanted, or finished
		}
		if len(entries) < pageSize {
			return index.OutboxEntry{}, Event{}, false, nil
		}
	}
}

// step does one unit of the webhook's work: an attempt at its head entry
// (dt 0), or nothing yet, the head's next attempt being dt away, or nothing
// at all (idle).
func (h *hook) step(ctx context.Context) (dt time.Duration, idle bool, err error) {
	e, ev, ok, err := h.head()
	if err != nil || !ok {
		return 0, !ok, err
	}
	st := e.Deliveries[h.wh.Name]
	now := h.d.now()
	if st.Attempts >= h.d.cfg.MaxAttempts {
		// Interrupted at its last attempt (or MaxAttempts lowered): give up.
		if st.LastError == "" {
			st.LastError = "the last attempt was interrupted"
		}
		return 0, false, h.giveUp(e, &ev, st)
	}
	if st.NextAttempt.After(now) {
		return st.NextAttempt.Sub(now), false, nil
	}
	return 0, false, h.attempt(ctx, e, &ev, st)
}

// attempt records an attempt (so a restart counts it and waits out its
// backoff), makes it, and records the outcome.
func (h *hook) attempt(ctx context.Context, e index.OutboxEntry, ev *Event, st index.Delivery) error {
	d := h.d
	start := d.now()
	st.State = index.DeliveryPending
	st.Attempts++
	st.LastAttempt = start.UTC()
	st.NextAttempt = start.Add(d.cfg.Timeout + d.backoff(st.Attempts)).UTC()
	if err := d.store.SetDelivery(e.Seq, h.wh.Name, st); err != nil {
		if errors.Is(err, index.ErrNoEntry) {
			return nil // completed meanwhile
		}
		return storeErr("record attempt", err)
	}
	res := h.post(ctx, e.Body, ev, st.Attempts)
	end := d.now()
	log := h.log.With("seq", e.Seq, "id", ev.ID, "type", ev.Type, "attempt", st.Attempts)
	switch {
	case res.ok:
		st.State, st.DeliveredAt, st.NextAttempt = index.DeliveryDelivered, end.UTC(), time.Time{}
		st.LastStatus, st.LastError = res.status, ""
		if err := d.store.SetDelivery(e.Seq, h.wh.Name, st); err != nil && !errors.Is(err, index.ErrNoEntry) {
			return storeErr("record delivery", err)
		}
		d.obs.Delivered(h.wh.Name)
		log.Info("alert delivered", "status", res.status, "took", end.Sub(start).Round(time.Millisecond))
		return h.complete(e.Seq, ev)
	case ctx.Err() != nil:
		// Stopped midway: the attempt tells nothing of the receiver; a
		// restart makes it again at once.
		st.Attempts--
		st.NextAttempt, st.LastError = end.UTC(), "interrupted: the dispatcher stopped"
		if err := d.store.SetDelivery(e.Seq, h.wh.Name, st); err != nil && !errors.Is(err, index.ErrNoEntry) {
			return storeErr("record interrupted attempt", err)
		}
		return nil
	}
	d.obs.Failed(h.wh.Name)
	st.LastStatus, st.LastError = res.status, res.err
	if st.Attempts >= d.cfg.MaxAttempts {
		return h.giveUp(e, ev, st)
	}
	delay := d.backoff(st.Attempts)
	if res.retryAfter > delay {
		delay = min(res.retryAfter, d.cfg.MaxBackoff)
	}
	st.NextAttempt = end.Add(delay).UTC()
	if err := d.store.SetDelivery(e.Seq, h.wh.Name, st); err != nil && !errors.Is(err, index.ErrNoEntry) {
		return storeErr("record failed attempt", err)
	}
	log.Warn("alert delivery failed; will retry", "status", res.status, "err", res.err,
		"retryIn", delay.Round(time.Millisecond), "attemptsLeft", d.cfg.MaxAttempts-st.Attempts)
	return nil
}

// giveUp dead-letters the webhook's delivery of entry e.
func (h *hook) giveUp(e index.OutboxEntry, ev *Event, st index.Delivery) error {
	d := h.d
	dl := index.DeadLetter{
		Seq: e.Seq, Webhook: h.wh.Name, EventID: ev.ID, EventType: string(ev.Type),
		Attempts: st.Attempts, LastStatus: st.LastStatus, LastError: st.LastError, At: d.now().UTC(),
	}
	if err := d.store.DeadLetter(dl); err != nil {
		if errors.Is(err, index.ErrNoEntry) {
			return nil
		}
		return storeErr("dead-letter", err)
	}
	d.obs.DeadLettered(h.wh.Name)
	h.log.Error("alert delivery given up; dead-lettered", "seq", e.Seq, "id", ev.ID, "type", ev.Type,
		"attempts", st.Attempts, "status", st.LastStatus, "err", st.LastError)
	return h.complete(e.Seq, ev)
}

// complete removes entry seq from the outbox if every webhook that wants it
// has finished with it.
func (h *hook) complete(seq uint64, ev *Event) error {
	if _, err := h.d.store.CompleteOutbox(seq, h.d.wants(ev)); err != nil {
		return storeErr("complete outbox entry", err)
	}
	return nil
}

// backoff is the wait after failed attempt number attempt (from 1):
// backoff/v5's ExponentialBackOff (doubling from InitialBackoff, up to
// MaxBackoff, randomised by ±50%) advanced attempt times, capped at
// MaxBackoff.
func (d *Dispatcher) backoff(attempt int) time.Duration {
	b := backoff.ExponentialBackOff{
		InitialInterval:     d.cfg.InitialBackoff,
		RandomizationFactor: 0.5,
		Multiplier:          2,
		MaxInterval:         d.cfg.MaxBackoff,
	}
	b.Reset()
	var next time.Duration
	for range max(attempt, 1) {
		next = b.NextBackOff()
	}
	return min(next, d.cfg.MaxBackoff)
}

// result is the outcome of one HTTP attempt.
type result struct {
	ok         bool
	status     int           // 0: no answer
	err        string        // why it failed, with no secret or URL path
	retryAfter time.Duration // the receiver's Retry-After, if any
}

// post makes one attempt: a signed POST of body, bounded by the timeout,
// reading at most 64 KiB of the answer.
func (h *hook) post(ctx context.Context, body []byte, ev *Event, attempt int) result {
	d := h.d
	ctx, cancel := context.WithTimeout(ctx, d.cfg.Timeout)
	defer cancel()
	payload, err := Render(h.wh.Format, *ev, body, h.secret)
	if err != nil {
		return result{err: "render: " + err.Error()}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.wh.URL, bytes.NewReader(payload))
	if err != nil {
		return result{err: "build request: " + h.redact(err.Error())}
	}
	ts := d.now().Unix()
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set(HeaderEventID, ev.ID)
	req.Header.Set(HeaderEventType, string(ev.Type))
	req.Header.Set(HeaderAttempt, strconv.Itoa(attempt))
	if h.wh.Format == "" || h.wh.Format == FormatGeneric {
		req.Header.Set(HeaderTimestamp, strconv.FormatInt(ts, 10))
		req.Header.Set(HeaderSignature, Sign(h.secret, ts, body))
	}
	resp, err := d.client.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil {
			return result{err: fmt.Sprintf("no answer within %s", d.cfg.Timeout)}
		}
		return result{err: h.redact(describeHTTPError(err))}
	}
	defer resp.Body.Close()
	snippet, _ := io.ReadAll(io.LimitReader(resp.Body, maxResponseRead))
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return result{ok: true, status: resp.StatusCode}
	}
	r := result{status: resp.StatusCode, err: "HTTP " + resp.Status}
	if s := sanitize(snippet); s != "" {
		r.err += ": " + s
	}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		r.retryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), d.now())
	}
	return r
}

// describeHTTPError drops the URL from a client error (it may carry a
// token).
func describeHTTPError(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Op + ": " + ue.Err.Error()
	}
	return err.Error()
}

// redact removes the webhook's URL from s, should an error quote it.
func (h *hook) redact(s string) string {
	if h.wh.URL == "" {
		return s
	}
	return strings.ReplaceAll(s, h.wh.URL, RedactURL(h.wh.URL))
}

// sanitize keeps the start of a response body, printable, on one line.
func sanitize(b []byte) string {
	s := strings.Map(func(r rune) rune {
		if r == unicode.ReplacementChar || !unicode.IsPrint(r) {
			return ' '
		}
		return r
	}, string(b))
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > maxErrorSnippet {
		cut := maxErrorSnippet
		for cut > 0 && !utf8RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "..."
	}
	return s
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// parseRetryAfter reads a Retry-After header: seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseUint(strings.TrimSpace(v), 10, 32); err == nil {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
