package alerts

import (
	"bytes"
	"context"
	"errors"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/index"
)

const testSecret = "test-webhook-secret-0123456789"

// request is one request a test receiver got.
type request struct {
	path    string
	id, typ string
	attempt int
	body    []byte
	sigErr  error
	status  int
}

// receiver is a webhook receiver over real HTTP: it verifies every request
// and answers with what status says (given the path and how many requests
// that path had before).
type receiver struct {
	srv    *httptest.Server
	mu     sync.Mutex
	reqs   []request
	status func(path string, n int) int
}

func newReceiver(t *testing.T, status func(path string, n int) int) *receiver {
	r := &receiver{status: status}
	r.srv = httptest.NewServer(http.HandlerFunc(r.serve))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) serve(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(req.Body, 1<<20))
	sigErr := Verify(testSecret, req.Header, body, time.Now(), time.Minute)
	attempt, _ := strconv.Atoi(req.Header.Get(HeaderAttempt))
	r.mu.Lock()
	n := 0
	for _, q := range r.reqs {
		if q.path == req.URL.Path {
			n++
		}
	}
	code := r.status(req.URL.Path, n)
	r.reqs = append(r.reqs, request{path: req.URL.Path, id: req.Header.Get(HeaderEventID), typ: req.Header.Get(HeaderEventType),
		attempt: attempt, body: body, sigErr: sigErr, status: code})
	r.mu.Unlock()
	w.WriteHeader(code)
}

func (r *receiver) requests(path string) []request {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []request
	for _, q := range r.reqs {
		if q.path == path {
			out = append(out, q)
		}
	}
	return out
}

// acked returns the ids path acknowledged, in the order of their first
// acknowledgement.
func (r *receiver) acked(path string) []string {
	var ids []string
	for _, q := range r.requests(path) {
		if q.status/100 == 2 && !slices.Contains(ids, q.id) {
			ids = append(ids, q.id)
		}
	}
	return ids
}

func always(code int) func(string, int) int { return func(string, int) int { return code } }

// checkReceived asserts what path received: every request signed and
// well-formed; the ids want (in outbox order) acknowledged, in order; each
// id always with the same body, the one enqueued; nothing else.
func checkReceived(t *testing.T, r *receiver, path string, want []Event) {
	t.Helper()
	bodies := map[string][]byte{}
	var ids []string
	for _, e := range want {
		b, err := e.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		bodies[e.ID] = b
		ids = append(ids, e.ID)
	}
	for _, q := range r.requests(path) {
		if q.sigErr != nil {
			t.Errorf("%s: request for %s does not verify: %v", path, q.id, q.sigErr)
		}
		b, ok := bodies[q.id]
		if !ok {
			t.Errorf("%s: unexpected event %s", path, q.id)
			continue
		}
		if !bytes.Equal(q.body, b) {
			t.Errorf("%s: event %s attempt %d body differs:\n%s\nwant\n%s", path, q.id, q.attempt, q.body, b)
		}
		ev, err := ParseEvent(q.body)
		if err != nil || ev.ID != q.id || string(ev.Type) != q.typ || q.attempt < 1 {
			t.Errorf("%s: headers id %s type %s attempt %d for body %s", path, q.id, q.typ, q.attempt, q.body)
		}
	}
	if got := r.acked(path); !slices.Equal(got, ids) {
		t.Errorf("%s acknowledged %v, want %v", path, got, ids)
	}
}

// observer counts what the dispatcher reports.
type observer struct {
	mu                          sync.Mutex
	delivered, failed, dead     map[string]int
	depth, depthReports, depth0 int
}

func newObserver() *observer {
	return &observer{delivered: map[string]int{}, failed: map[string]int{}, dead: map[string]int{}}
}

func (o *observer) Delivered(w string)    { o.mu.Lock(); o.delivered[w]++; o.mu.Unlock() }
func (o *observer) Failed(w string)       { o.mu.Lock(); o.failed[w]++; o.mu.Unlock() }
func (o *observer) DeadLettered(w string) { o.mu.Lock(); o.dead[w]++; o.mu.Unlock() }
func (o *observer) QueueDepth(n int)      { o.mu.Lock(); o.depth = n; o.depthReports++; o.mu.Unlock() }

func (o *observer) get(m *map[string]int, w string) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return (*m)[w]
}

// eventually waits for cond, failing the test after 20 s.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func openStore(t *testing.T, dir string) *index.Store {
	t.Helper()
	opts := index.Options{Dir: dir}
	if dir == "" {
		opts = index.Options{InMemory: true}
	}
	s, err := index.Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func hookTo(name, url string) Webhook { return Webhook{Name: name, URL: url, Secret: testSecret} }

// fastConfig retries quickly.
func fastConfig(hooks ...Webhook) Config {
	return Config{Webhooks: hooks, MaxAttempts: 50, InitialBackoff: 5 * time.Millisecond, MaxBackoff: 40 * time.Millisecond,
		Timeout: 5 * time.Second, PollInterval: 20 * time.Millisecond}
}

func newDispatcher(t *testing.T, cfg Config, s Store, obs Observer, logs io.Writer) *Dispatcher {
	t.Helper()
	if logs == nil {
		logs = io.Discard
	}
	d, err := NewDispatcher(cfg, s, nil, slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})), obs)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// start runs d until the returned stop (or the test's end).
func start(t *testing.T, d *Dispatcher) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run: %v", err)
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

// fraudEvents are fraud_detected events of rounds from..to, each naming
// the recipients.
func fraudEvents(from, to uint64, recipients ...common.Address) []Event {
	var out []Event
	for n := from; n <= to; n++ {
		out = append(out, ForRound(testMeta, nil, testRound(n, index.VerdictFraud, "b"), recipients)[0])
	}
	return out
}

func enqueue(t *testing.T, s *index.Store, events ...Event) {
	t.Helper()
	bodies, err := MarshalAll(events)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Enqueue(bodies...); err != nil {
		t.Fatal(err)
	}
}

func depth(t *testing.T, s *index.Store) int {
	n, err := s.OutboxDepth()
	if err != nil {
		t.Error(err)
	}
	return n
}

// A receiver down (503) for a while receives every alert once it is back,
// in order, each id with the same body every time, every request signed.
func TestReceiverDownThenBack(t *testing.T) {
	r := newReceiver(t, func(_ string, n int) int {
		if n < 8 {
			return http.StatusServiceUnavailable
		}
		return http.StatusOK
	})
	s := openStore(t, "")
	obs := newObserver()
	d := newDispatcher(t, fastConfig(hookTo("ops", r.srv.URL+"/ops")), s, obs, nil)
	events := fraudEvents(1, 10, alice)
	enqueue(t, s, events[:5]...)
	start(t, d)
	eventually(t, "a failed attempt", func() bool { return obs.get(&obs.failed, "ops") > 0 })
	enqueue(t, s, events[5:]...)
	d.Notify()
	eventually(t, "every alert acknowledged", func() bool { return len(r.acked("/ops")) == 10 && depth(t, s) == 0 })
	checkReceived(t, r, "/ops", events)
	if f, dl := obs.get(&obs.failed, "ops"), obs.get(&obs.dead, "ops"); f != 8 || dl != 0 {
		t.Errorf("observer: %d failures (want 8), %d dead letters", f, dl)
	}
	// Head of line: the first event took the eight failures.
	for _, q := range r.requests("/ops")[:9] {
		if q.id != events[0].ID {
			t.Fatalf("request for %s before the first event was acknowledged", q.id)
		}
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

// A receiver whose listener is closed (connection refused) and reopened on
// the same port receives every alert; no error names the URL's path.
func TestReceiverListenerClosedThenReopened(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	var logs testutil.Buffer
	s := openStore(t, "")
	obs := newObserver()
	const token = "tok-4c1d2e"
	d := newDispatcher(t, fastConfig(hookTo("ops", "http://"+addr+"/ops/"+token)), s, obs, &logs)
	events := fraudEvents(1, 3)
	enqueue(t, s, events...)
	start(t, d)
	eventually(t, "three refused attempts", func() bool { return obs.get(&obs.failed, "ops") >= 3 })
	es, err := s.Outbox(0, 10)
	if err != nil || len(es) != 3 {
		t.Fatalf("outbox %+v, %v", es, err)
	}
	st := es[0].Deliveries["ops"]
	if st.State != index.DeliveryPending || st.Attempts < 3 || !strings.Contains(st.LastError, "connection refused") || strings.Contains(st.LastError, token) {
		t.Fatalf("delivery state while refused: %+v", st)
	}

	ln, err = net.Listen("tcp", addr)
	if err != nil {
		t.Skipf("port %s taken meanwhile: %v", addr, err)
	}
	r := &receiver{status: always(http.StatusNoContent)}
	r.srv = httptest.NewUnstartedServer(http.HandlerFunc(r.serve))
	r.srv.Listener.Close()
	r.srv.Listener = ln
	r.srv.Start()
	t.Cleanup(r.srv.Close)
	path := "/ops/" + token
	eventually(t, "every alert acknowledged", func() bool { return len(r.acked(path)) == 3 && depth(t, s) == 0 })
	checkReceived(t, r, path, events)
	if q := r.requests(path)[0]; q.attempt < 4 {
		t.Errorf("first request after reopening is attempt %d, want > 3", q.attempt)
	}
	if l := logs.String(); strings.Contains(l, token) || strings.Contains(l, testSecret) || !strings.Contains(l, "connection refused") {
		t.Errorf("logs show the token or secret, or lack the failure:\n%s", l)
	}
}

// The dispatcher stopped and the store closed and reopened midway (a
// restart): attempts are counted on, and everything, including alerts
// enqueued by Apply, is delivered.
func TestRestart(t *testing.T) {
	var down atomic.Bool
	down.Store(true)
	r := newReceiver(t, func(string, int) int {
		if down.Load() {
			return http.StatusBadGateway
		}
		return http.StatusOK
	})
	dir := t.TempDir()
	s := openStore(t, dir)
	obs := newObserver()
	cfg := fastConfig(hookTo("ops", r.srv.URL+"/ops"))
	events := fraudEvents(1, 7, bob)
	enqueue(t, s, events[:4]...)
	stop := start(t, newDispatcher(t, cfg, s, obs, nil))
	eventually(t, "two failed attempts", func() bool { return obs.get(&obs.failed, "ops") >= 2 })
	stop()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = openStore(t, dir)
	es, err := s.Outbox(0, 10)
	if err != nil || len(es) != 4 {
		t.Fatalf("outbox after reopening: %+v, %v", es, err)
	}
	before := es[0].Deliveries["ops"]
	if before.Attempts < 2 || before.State != index.DeliveryPending || before.LastStatus != http.StatusBadGateway || before.NextAttempt.IsZero() {
		t.Fatalf("persisted delivery state %+v", before)
	}
	bodies, err := MarshalAll(events[4:])
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(&index.BlockUpdate{Number: 1, Hash: testHash("block 1"), Alerts: bodies}); err != nil {
		t.Fatal(err)
	}
	down.Store(false)
	d := newDispatcher(t, cfg, s, obs, nil)
	start(t, d)
	d.Notify()
	eventually(t, "every alert acknowledged", func() bool { return len(r.acked("/ops")) == 7 && depth(t, s) == 0 })
	checkReceived(t, r, "/ops", events)
	var first request
	for _, q := range r.requests("/ops") {
		if q.status == http.StatusOK {
			first = q
			break
		}
	}
	if first.id != events[0].ID || first.attempt <= before.Attempts {
		t.Errorf("first acknowledged request: event %s attempt %d; want event %s after attempt %d", first.id, first.attempt, events[0].ID, before.Attempts)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

// A restart respects the persisted time of the next attempt (the clock is
// the test's; each step is one unit of a webhook's work).
func TestRestartWaitsForNextAttempt(t *testing.T) {
	var up atomic.Bool
	r := newReceiver(t, func(string, int) int {
		if up.Load() {
			return http.StatusOK
		}
		return http.StatusInternalServerError
	})
	dir := t.TempDir()
	s := openStore(t, dir)
	cfg := Config{Webhooks: []Webhook{hookTo("ops", r.srv.URL+"/ops")}, InitialBackoff: time.Hour, MaxBackoff: time.Hour, MaxAttempts: 3}
	ctx := context.Background()
	clock := testNow
	d := newDispatcher(t, cfg, s, nil, nil)
	d.now = func() time.Time { return clock }
	enqueue(t, s, fraudEvents(1, 1)...)

	dt, idle, err := d.hooks[0].step(ctx)
	if err != nil || idle || dt != 0 || len(r.requests("/ops")) != 1 {
		t.Fatalf("first step = %s, %v, %v; %d requests", dt, idle, err, len(r.requests("/ops")))
	}
	es, _ := s.Outbox(0, 1)
	st := es[0].Deliveries["ops"]
	if st.Attempts != 1 || st.LastStatus != 500 || st.NextAttempt.Before(clock.Add(30*time.Minute)) || st.NextAttempt.After(clock.Add(time.Hour)) {
		t.Fatalf("after a failed attempt: %+v", st)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = openStore(t, dir)
	up.Store(true)
	d = newDispatcher(t, cfg, s, nil, nil)
	clock = clock.Add(10 * time.Minute)
	d.now = func() time.Time { return clock }
	dt, idle, err = d.hooks[0].step(ctx)
	if err != nil || idle || dt != st.NextAttempt.Sub(clock) || len(r.requests("/ops")) != 1 {
		t.Fatalf("step before the next attempt = %s, %v, %v (want %s); %d requests", dt, idle, err, st.NextAttempt.Sub(clock), len(r.requests("/ops")))
	}
	clock = st.NextAttempt
	if dt, idle, err = d.hooks[0].step(ctx); err != nil || idle || dt != 0 || len(r.acked("/ops")) != 1 {
		t.Fatalf("step at the next attempt = %s, %v, %v; acked %v", dt, idle, err, r.acked("/ops"))
	}
	if q := r.requests("/ops")[1]; q.attempt != 2 {
		t.Fatalf("second request is attempt %d", q.attempt)
	}
	if _, idle, err = d.hooks[0].step(ctx); !idle || err != nil || depth(t, s) != 0 {
		t.Fatalf("after delivery: idle %v, err %v, depth %d", idle, err, depth(t, s))
	}
}

// A stop during an attempt does not count it: the restart makes it at once.
func TestInterruptedAttempt(t *testing.T) {
	arrived := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		_, _ = io.ReadAll(req.Body) // so that the server notices the client going away
		arrived <- struct{}{}
		select {
		case <-req.Context().Done():
		case <-time.After(10 * time.Second):
		}
	}))
	t.Cleanup(srv.Close)
	s := openStore(t, "")
	d := newDispatcher(t, fastConfig(hookTo("ops", srv.URL)), s, nil, nil)
	enqueue(t, s, fraudEvents(1, 1)...)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { _, _, err := d.hooks[0].step(ctx); done <- err }()
	<-arrived
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	es, _ := s.Outbox(0, 1)
	st := es[0].Deliveries["ops"]
	if st.Attempts != 0 || st.State != index.DeliveryPending || !strings.Contains(st.LastError, "interrupted") || st.NextAttempt.After(time.Now()) {
		t.Fatalf("after an interrupted attempt: %+v", st)
	}
}

// After MaxAttempts failures a delivery is dead-lettered, for that webhook
// only; the others still get it.
func TestDeadLetter(t *testing.T) {
	r := newReceiver(t, func(path string, _ int) int {
		if path == "/broken" {
			return http.StatusInternalServerError
		}
		return http.StatusOK
	})
	// The broken receiver answers with a long, binary body.
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.serve(httptest.NewRecorder(), req)
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = w.Write(append([]byte("boom\x00\n"), bytes.Repeat([]byte("x"), 200<<10)...))
	}))
	t.Cleanup(broken.Close)
	s := openStore(t, "")
	obs := newObserver()
	cfg := fastConfig(hookTo("broken", broken.URL+"/broken"), hookTo("fine", r.srv.URL+"/fine"))
	cfg.MaxAttempts, cfg.InitialBackoff, cfg.MaxBackoff = 3, time.Millisecond, 2*time.Millisecond
	d := newDispatcher(t, cfg, s, obs, nil)
	events := fraudEvents(1, 2)
	enqueue(t, s, events...)
	start(t, d)
	eventually(t, "two dead letters and an empty outbox", func() bool {
		n, err := s.DeadLetterCount()
		return err == nil && n == 2 && depth(t, s) == 0
	})
	checkReceived(t, r, "/fine", events)
	var attempts []string
	for _, q := range r.requests("/broken") {
		attempts = append(attempts, q.id[:4]+"#"+strconv.Itoa(q.attempt))
		if q.sigErr != nil {
			t.Error(q.sigErr)
		}
	}
	a, b := events[0].ID[:4], events[1].ID[:4]
	if want := []string{a + "#1", a + "#2", a + "#3", b + "#1", b + "#2", b + "#3"}; !slices.Equal(attempts, want) {
		t.Fatalf("broken receiver got %v, want %v", attempts, want)
	}
	letters, err := s.DeadLetters(0, 10)
	if err != nil || len(letters) != 2 {
		t.Fatalf("dead letters %+v, %v", letters, err)
	}
	for i, dl := range letters {
		body, _ := events[i].Marshal()
		if dl.Webhook != "broken" || dl.EventID != events[i].ID || dl.EventType != string(FraudDetected) || dl.Attempts != 3 ||
			dl.LastStatus != 500 || !bytes.Equal(dl.Body, body) || dl.At.IsZero() {
			t.Errorf("dead letter %d: %+v", i, dl)
		}
		if !strings.HasPrefix(dl.LastError, "HTTP 500 Internal Server Error: boom x") || len(dl.LastError) > 300 {
			t.Errorf("dead letter error %q", dl.LastError)
		}
	}
	if obs.get(&obs.dead, "broken") != 2 || obs.get(&obs.failed, "broken") != 6 || obs.get(&obs.delivered, "fine") != 2 || obs.get(&obs.failed, "fine") != 0 {
		t.Errorf("observer %+v %+v %+v", obs.delivered, obs.failed, obs.dead)
	}
}

// Recipient and type filters pick what each webhook gets; an entry no
// webhook wants is completed; a body that is not an event is dead-lettered
// whole.
func TestFilters(t *testing.T) {
	r := newReceiver(t, always(http.StatusOK))
	carol := common.HexToAddress("0x00000000000000000000000000000000000ca201")
	hooks := []Webhook{
		hookTo("all", r.srv.URL+"/all"),
		{Name: "alice", URL: r.srv.URL + "/alice", Secret: testSecret, Recipients: []common.Address{alice}},
		{Name: "fraud-only", URL: r.srv.URL + "/fraud-only", Secret: testSecret, Types: []Type{FraudDetected}},
		{Name: "bob-challenges", URL: r.srv.URL + "/bob-challenges", Secret: testSecret, Recipients: []common.Address{bob},
			Types: []Type{ChallengeSent, ChallengeConfirmed}},
		{Name: "carol-digest", URL: r.srv.URL + "/carol-digest", Secret: testSecret, Recipients: []common.Address{carol}, Types: []Type{DailyDigest}},
	}
	s := openStore(t, "")
	obs := newObserver()
	d := newDispatcher(t, fastConfig(hooks...), s, obs, nil)
	tx := testHash("proof")
	var (
		fraudAlice   = fraudEvents(1, 1, alice)[0]
		fraudBob     = fraudEvents(2, 2, bob, carol)[0]
		sentBob      = ChallengeEvent(testMeta, ChallengeSent, 2, testHash("b"), Challenge{State: "sent", TxHash: &tx}, 160, []common.Address{bob})
		lagging      = WatcherLaggingEvent(testMeta, 300, 200, 100)
		digest       = DigestEvent(testMeta, testNow, map[string]uint64{"fraud": 2})
		failedAlice  = ChallengeEvent(testMeta, ChallengeFailed, 1, testHash("b"), Challenge{State: "failed", Error: "reverted"}, 160, []common.Address{alice})
		unavailCarol = ForRound(testMeta, nil, testRound(3, index.VerdictUnavailable, "b"), []common.Address{carol})[0]
	)
	enqueue(t, s, fraudAlice, fraudBob, sentBob, lagging)
	if _, err := s.Enqueue([]byte(`{"not":"an event"}`)); err != nil {
		t.Fatal(err)
	}
	enqueue(t, s, digest, failedAlice, unavailCarol)
	start(t, d)
	eventually(t, "an empty outbox", func() bool { return depth(t, s) == 0 })
	checkReceived(t, r, "/all", []Event{fraudAlice, fraudBob, sentBob, lagging, digest, failedAlice, unavailCarol})
	checkReceived(t, r, "/alice", []Event{fraudAlice, failedAlice})
	checkReceived(t, r, "/fraud-only", []Event{fraudAlice, fraudBob})
	checkReceived(t, r, "/bob-challenges", []Event{sentBob})
	checkReceived(t, r, "/carol-digest", nil) // the digest names no recipient
	letters, err := s.DeadLetters(0, 10)
	if err != nil || len(letters) != 1 || letters[0].Seq != 5 || letters[0].Webhook != "" ||
		string(letters[0].Body) != `{"not":"an event"}` || !strings.Contains(letters[0].LastError, "invalid event") {
		t.Fatalf("dead letters %+v, %v", letters, err)
	}
	if obs.get(&obs.dead, "") != 1 {
		t.Errorf("observer: %d whole-entry dead letters", obs.get(&obs.dead, ""))
	}

	t.Run("no webhook wants it", func(t *testing.T) {
		s := openStore(t, "")
		d := newDispatcher(t, fastConfig(hooks[1]), s, nil, nil) // alice only
		enqueue(t, s, fraudBob, lagging)
		start(t, d)
		eventually(t, "an empty outbox", func() bool { return depth(t, s) == 0 })
		if n, _ := s.DeadLetterCount(); n != 0 {
			t.Fatalf("%d dead letters", n)
		}
	})
}

// One webhook down delays no other.
func TestOneWebhookDownDoesNotBlockAnother(t *testing.T) {
	r := newReceiver(t, func(path string, _ int) int {
		if path == "/down" {
			return http.StatusServiceUnavailable
		}
		return http.StatusAccepted
	})
	s := openStore(t, "")
	obs := newObserver()
	cfg := fastConfig(hookTo("down", r.srv.URL+"/down"), hookTo("up", r.srv.URL+"/up"))
	cfg.MaxAttempts = 100
	d := newDispatcher(t, cfg, s, obs, nil)
	events := fraudEvents(1, 20, alice)
	start(t, d)
	for i := range events {
		enqueue(t, s, events[i])
		d.Notify()
	}
	eventually(t, "the up webhook acknowledging everything", func() bool { return len(r.acked("/up")) == 20 })
	checkReceived(t, r, "/up", events)
	if n := obs.get(&obs.delivered, "down"); n != 0 {
		t.Fatalf("down webhook delivered %d", n)
	}
	// The down webhook's entries wait in the outbox, in order.
	es, err := s.Outbox(0, 100)
	if err != nil || len(es) != 20 {
		t.Fatalf("outbox: %d entries, %v", len(es), err)
	}
	if st := es[19].Deliveries["up"]; st.State != index.DeliveryDelivered || st.Attempts != 1 {
		t.Fatalf("up's delivery of the last entry: %+v", st)
	}
	for _, q := range r.requests("/down") {
		if q.id != events[0].ID && obs.get(&obs.dead, "down") == 0 {
			t.Fatalf("down webhook tried %s before giving up the head", q.id)
		}
	}
}

// Each way an attempt can fail, and what is recorded of it.
func TestAttemptOutcomes(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, req *http.Request) { http.Redirect(w, req, "/ok", http.StatusFound) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, req *http.Request) {
		_, _ = io.ReadAll(req.Body)
		select {
		case <-req.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/limited", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "2")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	mux.HandleFunc("/bad-request", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(strings.Repeat("no such route é ", 100)))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	refused := "http://" + ln.Addr().String() + "/hook/tok-aa11"
	ln.Close()

	tests := []struct {
		name, url   string
		delivered   bool
		status      int
		errContains string
		minWait     time.Duration
	}{
		{"2xx", srv.URL + "/ok", true, 204, "", 0},
		{"redirect not followed", srv.URL + "/redirect", false, 302, "HTTP 302 Found", 0},
		{"timeout", srv.URL + "/slow", false, 0, "no answer within 200ms", 0},
		{"429 with Retry-After", srv.URL + "/limited", false, 429, "HTTP 429", 2 * time.Second},
		{"4xx retried", srv.URL + "/bad-request", false, 400, "HTTP 400 Bad Request: no such route é no such route", 0},
		{"connection refused", refused, false, 0, "connection refused", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openStore(t, "")
			cfg := fastConfig(hookTo("h", tt.url))
			cfg.Timeout, cfg.MaxBackoff = 200*time.Millisecond, 10*time.Second
			d := newDispatcher(t, cfg, s, nil, nil)
			enqueue(t, s, fraudEvents(1, 1)...)
			if _, _, err := d.hooks[0].step(context.Background()); err != nil {
				t.Fatal(err)
			}
			es, _ := s.Outbox(0, 1)
			if tt.delivered {
				if len(es) != 0 {
					t.Fatalf("not delivered: %+v", es)
				}
				return
			}
			st := es[0].Deliveries["h"]
			if st.State != index.DeliveryPending || st.Attempts != 1 || st.LastStatus != tt.status || !strings.Contains(st.LastError, tt.errContains) {
				t.Fatalf("state %+v; want status %d, error with %q", st, tt.status, tt.errContains)
			}
			if len(st.LastError) > 260 || strings.Contains(st.LastError, "tok-aa11") {
				t.Fatalf("error too long or shows the URL: %q", st.LastError)
			}
			if wait := st.NextAttempt.Sub(st.LastAttempt); wait < tt.minWait {
				t.Fatalf("next attempt after %s, want at least %s", wait, tt.minWait)
			}
		})
	}
}

// Run stops with ErrStore when the store fails (here: is closed).
func TestRunStopsOnStoreFailure(t *testing.T) {
	s := openStore(t, "")
	d := newDispatcher(t, fastConfig(hookTo("h", "http://127.0.0.1:1/")), s, nil, nil)
	done := make(chan error, 1)
	go func() { done <- d.Run(context.Background()) }()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if !errors.Is(err, ErrStore) {
			t.Fatalf("Run = %v, want ErrStore", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Run did not stop")
	}
}

func TestNewDispatcherRefuses(t *testing.T) {
	s := openStore(t, "")
	tests := []struct {
		name  string
		cfg   Config
		store Store
	}{
		{"no store", fastConfig(), nil},
		{"invalid config", fastConfig(Webhook{Name: "a", URL: "ftp://x", Secret: testSecret}), s},
		{"unset secret variable", fastConfig(Webhook{Name: "a", URL: "https://x", SecretEnv: "DW_TEST_NEVER_SET"}), s},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := NewDispatcher(tt.cfg, tt.store, nil, nil, nil); err == nil {
				t.Fatal("NewDispatcher succeeded")
			}
		})
	}
	d, err := NewDispatcher(fastConfig(), s, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()
	eventually(t, "the dispatcher running", d.running.Load)
	if err := d.Run(ctx); err == nil {
		t.Fatal("a second Run succeeded")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestBackoff(t *testing.T) {
	d := &Dispatcher{cfg: Config{InitialBackoff: time.Second, MaxBackoff: 40 * time.Second}}
	for attempt := 1; attempt <= 12; attempt++ {
		base := min(time.Second<<(attempt-1), 40*time.Second)
		for range 50 {
			got := d.backoff(attempt)
			if got < base/2 || got > min(base*3/2+time.Nanosecond, 40*time.Second) {
				t.Fatalf("backoff(%d) = %s, base %s", attempt, got, base)
			}
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"": 0, "5": 5 * time.Second, " 7 ": 7 * time.Second, "-1": 0, "soon": 0,
		now.Add(90 * time.Second).Format(http.TimeFormat): 90 * time.Second,
		now.Add(-time.Minute).Format(http.TimeFormat):     0,
	} {
		if got := parseRetryAfter(v, now); got != want {
			t.Errorf("parseRetryAfter(%q) = %s, want %s", v, got, want)
		}
	}
}
