// Package faultproxy is an HTTP reverse proxy, for tests, in front of a
// JSON-RPC endpoint, that injects the failures real providers show: dropped
// connections, delays, HTTP 429 and 5xx answers, truncated bodies and
// eth_getLogs range limits; and lies (SetLies, lies.go): answers whole and
// well-formed but false (a log left out or doctored, a receipt doctored, a
// frozen or absurd head).
//
// Faults are switched at run time (SetFaults, Clear) and the proxy is safe
// for concurrent use. Each fault applies to the requests it matches with a
// probability, or to every Nth of them, optionally only after the first few
// (to fail mid-run). Probabilistic decisions come from a random source
// seeded by SetSeed: the same sequence of requests meets the same sequence
// of decisions (which request meets which decision depends on the order in
// which concurrent requests arrive). Stats counts the calls per method and
// the faults injected.
//
// JSON-RPC batches (arrays) are handled as a whole: a batch matches a fault
// when one of its calls does, and a dropped, refused or truncated batch
// loses every answer; a range limit refuses only the batch's calls that
// exceed it and forwards the others.
package faultproxy

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
)

// Kind names a fault.
type Kind string

// The fault kinds.
const (
	// Drop takes the connection over and closes it without an answer.
	Drop Kind = "drop"
	// Delay waits before forwarding the request (and may combine with another fault).
	Delay Kind = "delay"
	// TooManyRequests answers HTTP 429 with a Retry-After header.
	TooManyRequests Kind = "429"
	// ServerError answers HTTP 500, 502 or 503.
	ServerError Kind = "5xx"
	// Truncate forwards the request, then sends a prefix of the node's
	// answer (with the full Content-Length) and closes the connection.
	Truncate Kind = "truncate"
	// RangeLimit answers a JSON-RPC error to an eth_getLogs whose block
	// range exceeds MaxBlocks, as providers do.
	RangeLimit Kind = "range-limit"
)

// ErrInvalidFault is wrapped by SetFaults when a fault is malformed.
var ErrInvalidFault = errors.New("faultproxy: invalid fault")

// ErrInvalidTarget is wrapped by New when the target is not an http(s) URL.
var ErrInvalidTarget = errors.New("faultproxy: invalid target")

// Fault is one fault and when it applies.
type Fault struct {
	Kind Kind
	// Methods restricts the fault to requests calling one of these methods
	// (a batch matches when one of its calls does); empty matches every
	// request. A RangeLimit matches only eth_getLogs calls over the limit.
	Methods []string
	// Probability, in [0, 1], is the chance that a matching request meets
	// the fault. Every > 0 applies it to every Every-th matching request
	// instead. With neither set, every matching request meets it.
	Probability float64
	Every       uint64
	// After exempts the first After matching requests: the fault starts
	// mid-run.
	After uint64

	// Delay is Delay's wait; with MaxDelay > Delay, the wait is drawn
	// uniformly from [Delay, MaxDelay].
	Delay, MaxDelay time.Duration
	// Status is ServerError's status: 500, 502 or 503 (0 means 503).
	Status int
	// RetryAfter is TooManyRequests' Retry-After, in whole seconds (0 means 1s).
	RetryAfter time.Duration
	// Keep is the fraction of the body Truncate sends, in [0, 1) (0 means half).
	Keep float64
	// Forward makes Drop forward the request first: the node acts on it
	// and the answer is lost. Reset makes Drop reset the connection (TCP
	// RST) rather than close it.
	Forward, Reset bool
	// MaxBlocks is RangeLimit's limit: an eth_getLogs spanning more blocks
	// (to - from + 1) is refused with Code and Message (default -32005,
	// "query returned more than 10000 results").
	MaxBlocks uint64
	Code      int
	Message   string
}

// Default refusal of a RangeLimit.
const (
	DefaultRangeCode    = -32005
	DefaultRangeMessage = "query returned more than 10000 results"
)

func (f Fault) check() error {
	switch f.Kind {
	case Drop, TooManyRequests, Truncate:
	case Delay:
		if f.Delay < 0 || (f.MaxDelay != 0 && f.MaxDelay < f.Delay) {
			return fmt.Errorf("%w: delay %v..%v", ErrInvalidFault, f.Delay, f.MaxDelay)
		}
	case ServerError:
		if f.Status != 0 && f.Status != 500 && f.Status != 502 && f.Status != 503 {
			return fmt.Errorf("%w: status %d, not 500, 502 or 503", ErrInvalidFault, f.Status)
		}
	case RangeLimit:
		if f.MaxBlocks == 0 {
			return fmt.Errorf("%w: a range limit needs MaxBlocks", ErrInvalidFault)
		}
	default:
		return fmt.Errorf("%w: unknown kind %q", ErrInvalidFault, f.Kind)
	}
	if !(f.Probability >= 0 && f.Probability <= 1) { // also refuses NaN
		return fmt.Errorf("%w: probability %v, not in [0, 1]", ErrInvalidFault, f.Probability)
	}
	if !(f.Keep >= 0 && f.Keep < 1) {
		return fmt.Errorf("%w: keep %v, not in [0, 1)", ErrInvalidFault, f.Keep)
	}
	if f.RetryAfter < 0 {
		return fmt.Errorf("%w: negative Retry-After", ErrInvalidFault)
	}
	return nil
}

// faultState is a fault and the count of requests it matched.
type faultState struct {
	Fault
	matched uint64
}

// Stats are the proxy's counts since New (or ResetStats).
type Stats struct {
	// Requests counts the HTTP requests served; Batches those that were
	// JSON-RPC batches.
	Requests, Batches uint64
	// Calls counts JSON-RPC calls by method (each call of a batch counts);
	// an unparsable request counts as "(unparsed)".
	Calls map[string]uint64
	// Faults counts the faults injected by kind; FaultsByMethod by method
	// and kind (a fault on a batch counts for each of its calls' methods).
	Faults         map[Kind]uint64
	FaultsByMethod map[string]map[Kind]uint64
	// UpstreamErrors counts requests the target did not answer (the proxy
	// answered 502).
	UpstreamErrors uint64
}

// Injected is the total of faults injected.
func (s Stats) Injected() uint64 {
	var n uint64
	for _, c := range s.Faults {
		n += c
	}
	return n
}

func (s Stats) clone() Stats {
	out := s
	out.Calls = make(map[string]uint64, len(s.Calls))
	for k, v := range s.Calls {
		out.Calls[k] = v
	}
	out.Faults = make(map[Kind]uint64, len(s.Faults))
	for k, v := range s.Faults {
		out.Faults[k] = v
	}
	out.FaultsByMethod = make(map[string]map[Kind]uint64, len(s.FaultsByMethod))
	for m, byKind := range s.FaultsByMethod {
		c := make(map[Kind]uint64, len(byKind))
		for k, v := range byKind {
			c[k] = v
		}
		out.FaultsByMethod[m] = c
	}
	return out
}

func newStats() Stats {
	return Stats{Calls: map[string]uint64{}, Faults: map[Kind]uint64{}, FaultsByMethod: map[string]map[Kind]uint64{}}
}

// Proxy is a fault-injecting reverse proxy serving on 127.0.0.1.
type Proxy struct {
	target string
	ln     net.Listener
	srv    *http.Server
	client *http.Client
	ctx    context.Context // ends at Close: cuts delays short
	cancel context.CancelFunc
	served chan struct{}

	mu     sync.Mutex
	rng    *rand.Rand
	faults []*faultState
	lies   []*lieState
	stats  Stats
	fakeMu sync.Mutex // FakeChain's maps (fakechain.go)
}

// maxBody bounds a request body read by the proxy.
const maxBody = 32 << 20

// New starts a proxy in front of target, an http(s) JSON-RPC URL, serving
// on a free port of 127.0.0.1, with no fault and seed 1.
func New(target string) (*Proxy, error) {
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%w: %q is not an http(s) URL", ErrInvalidTarget, target)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("faultproxy: listen: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	p := &Proxy{
		target: target,
		ln:     ln,
		client: &http.Client{Transport: &http.Transport{
			Proxy:               nil,
			MaxIdleConnsPerHost: 16,
			IdleConnTimeout:     30 * time.Second,
		}},
		ctx:    ctx,
		cancel: cancel,
		served: make(chan struct{}),
		rng:    newRand(1),
		stats:  newStats(),
	}
	p.srv = &http.Server{Handler: p, ReadHeaderTimeout: 10 * time.Second, BaseContext: func(net.Listener) context.Context { return ctx }}
	go func() {
		defer close(p.served)
		_ = p.srv.Serve(ln) // returns http.ErrServerClosed at Close
	}()
	return p, nil
}

func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

// URL is the proxy's URL, http://127.0.0.1:PORT.
func (p *Proxy) URL() string { return "http://" + p.ln.Addr().String() }

// Close stops the proxy: it cuts delays short and closes every connection.
func (p *Proxy) Close() {
	p.cancel()
	_ = p.srv.Close()
	<-p.served
	p.client.CloseIdleConnections()
}

// SetFaults replaces the faults; the Delay faults that match a request all
// apply, then the first other fault that fires. It returns an error
// wrapping ErrInvalidFault, and changes nothing, when a fault is malformed.
func (p *Proxy) SetFaults(faults ...Fault) error {
	states := make([]*faultState, 0, len(faults))
	for i, f := range faults {
		if err := f.check(); err != nil {
			return fmt.Errorf("fault %d: %w", i, err)
		}
		f.Methods = append([]string(nil), f.Methods...)
		states = append(states, &faultState{Fault: f})
	}
	p.mu.Lock()
	p.faults = states
	p.mu.Unlock()
	return nil
}

// Clear removes every fault and lie: the proxy forwards faithfully.
func (p *Proxy) Clear() {
	p.mu.Lock()
	p.faults, p.lies = nil, nil
	p.mu.Unlock()
}

// SetSeed reseeds the random source of the probabilistic decisions.
func (p *Proxy) SetSeed(seed uint64) {
	p.mu.Lock()
	p.rng = newRand(seed)
	p.mu.Unlock()
}

// Stats returns a copy of the counts.
func (p *Proxy) Stats() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stats.clone()
}

// ResetStats zeroes the counts.
func (p *Proxy) ResetStats() {
	p.mu.Lock()
	p.stats = newStats()
	p.mu.Unlock()
}

// call is one JSON-RPC call of a request.
type call struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

// parse reads a request body as one call or a batch.
func parse(body []byte) (calls []call, batch, ok bool) {
	body = bytes.TrimSpace(body)
	if len(body) > 0 && body[0] == '[' {
		if err := json.Unmarshal(body, &calls); err != nil || len(calls) == 0 {
			return nil, true, false
		}
		return calls, true, true
	}
	var c call
	if err := json.Unmarshal(body, &c); err != nil {
		return nil, false, false
	}
	return []call{c}, false, true
}

// decision is what the proxy does with a request.
type decision struct {
	delay   time.Duration
	delayed bool
	fault   *Fault // the fault other than a delay that fired, if any
	refuse  []bool // RangeLimit: the calls refused
}

// decide draws the faults a request meets. wide[i] reports that call i is an
// eth_getLogs over the limit of each RangeLimit fault (nil without one).
func (p *Proxy) decide(calls []call, wide func(f *Fault, i int) bool) decision {
	p.mu.Lock()
	defer p.mu.Unlock()
	var d decision
	for _, fs := range p.faults {
		var refuse []bool
		matched := false
		if fs.Kind == RangeLimit {
			refuse = make([]bool, len(calls))
			for i := range calls {
				if calls[i].Method == "eth_getLogs" && wide(&fs.Fault, i) {
					refuse[i], matched = true, true
				}
			}
		} else {
			matched = matches(fs.Methods, calls)
		}
		if !matched || (d.fault != nil && fs.Kind != Delay) {
			continue
		}
		fs.matched++
		if fs.matched <= fs.After {
			continue
		}
		n := fs.matched - fs.After
		var fire bool
		switch {
		case fs.Every > 0:
			fire = n%fs.Every == 0
		case fs.Probability > 0:
			fire = p.rng.Float64() < fs.Probability
		default:
			fire = true
		}
		if !fire {
			continue
		}
		if fs.Kind == Delay {
			wait := fs.Delay
			if fs.MaxDelay > fs.Delay {
				wait += time.Duration(p.rng.Int64N(int64(fs.MaxDelay-fs.Delay) + 1))
			}
			d.delay += wait
			d.delayed = true
			p.count(Delay, calls)
			continue
		}
		f := fs.Fault
		d.fault, d.refuse = &f, refuse
		p.count(fs.Kind, calls)
	}
	return d
}

// count records a fault injected; p.mu is held.
func (p *Proxy) count(k Kind, calls []call) {
	p.stats.Faults[k]++
	for _, c := range calls {
		byKind := p.stats.FaultsByMethod[c.Method]
		if byKind == nil {
			byKind = map[Kind]uint64{}
			p.stats.FaultsByMethod[c.Method] = byKind
		}
		byKind[k]++
	}
}

func matches(methods []string, calls []call) bool {
	if len(methods) == 0 {
		return true
	}
	for _, c := range calls {
		for _, m := range methods {
			if c.Method == m {
				return true
			}
		}
	}
	return false
}

// ServeHTTP forwards a request to the target, injecting the faults drawn.
func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil || len(body) > maxBody {
		http.Error(w, "request body unreadable or too large", http.StatusRequestEntityTooLarge)
		return
	}
	calls, batch, parsed := parse(body)
	p.mu.Lock()
	p.stats.Requests++
	if batch && parsed {
		p.stats.Batches++
	}
	if !parsed {
		p.stats.Calls["(unparsed)"]++
	}
	for _, c := range calls {
		p.stats.Calls[c.Method]++
	}
	hasLimit := false
	for _, fs := range p.faults {
		hasLimit = hasLimit || fs.Kind == RangeLimit
	}
	p.mu.Unlock()

	spans := make([]uint64, len(calls)) // block span of each eth_getLogs; 0 when unknown
	if hasLimit {
		var head *uint64
		for i, c := range calls {
			if c.Method == "eth_getLogs" {
				spans[i] = p.span(r.Context(), c.Params, &head)
			}
		}
	}
	d := p.decide(calls, func(f *Fault, i int) bool { return spans[i] > f.MaxBlocks })

	if d.delayed {
		t := time.NewTimer(d.delay)
		select {
		case <-t.C:
		case <-r.Context().Done():
			// The client left, or the proxy is closing: no answer.
			t.Stop()
			hijackClose(w, false)
			return
		}
	}
	if d.fault == nil {
		if parsed && p.lying() {
			p.forwardLying(w, r, body, calls, batch)
			return
		}
		p.forward(w, r, body)
		return
	}
	f := d.fault
	switch f.Kind {
	case Drop:
		if f.Forward {
			if resp, err := p.roundTrip(r, body); err == nil {
				resp.Body.Close()
			}
		}
		hijackClose(w, f.Reset)
	case TooManyRequests:
		secs := int((f.RetryAfter + time.Second - 1) / time.Second)
		if secs == 0 {
			secs = 1
		}
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = io.WriteString(w, `{"jsonrpc":"2.0","error":{"code":-32005,"message":"rate limit exceeded"}}`)
	case ServerError:
		status := f.Status
		if status == 0 {
			status = http.StatusServiceUnavailable
		}
		http.Error(w, http.StatusText(status), status)
	case Truncate:
		p.truncate(w, r, body, f.Keep)
	case RangeLimit:
		p.refuseRange(w, r, calls, batch, d.refuse, f)
	}
}

// roundTrip sends body to the target with the request's headers.
func (p *Proxy) roundTrip(r *http.Request, body []byte) (*http.Response, error) {
	method := r.Method
	if method == "" {
		method = http.MethodPost
	}
	req, err := http.NewRequestWithContext(r.Context(), method, p.target, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header = r.Header.Clone()
	for _, h := range hopHeaders {
		req.Header.Del(h)
	}
	resp, err := p.client.Do(req)
	if err != nil {
		p.mu.Lock()
		p.stats.UpstreamErrors++
		p.mu.Unlock()
		return nil, err
	}
	return resp, nil
}

// hopHeaders are not forwarded (RFC 9110, section 7.6.1).
var hopHeaders = []string{"Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "Te", "Trailer", "Transfer-Encoding", "Upgrade", "Content-Length"}

// forward relays the request and the target's answer faithfully.
func (p *Proxy) forward(w http.ResponseWriter, r *http.Request, body []byte) {
	resp, err := p.roundTrip(r, body)
	if err != nil {
		http.Error(w, "upstream: "+err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	copyHeader(w.Header(), resp.Header)
	w.WriteHeader(resp.StatusCode)
	_, _ = io.Copy(w, resp.Body)
}

func copyHeader(dst, src http.Header) {
	for k, vs := range src {
		dst[k] = append([]string(nil), vs...)
	}
	for _, h := range hopHeaders {
		dst.Del(h)
	}
}

// hijackClose closes the connection without an answer. Where the
// connection cannot be taken over (HTTP/2), it aborts the handler with
// http.ErrAbortHandler, which the server recovers (resetting the stream).
func hijackClose(w http.ResponseWriter, reset bool) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler) // HTTP/2: the server resets the stream
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tc, ok := conn.(*net.TCPConn); ok && reset {
		_ = tc.SetLinger(0)
	}
	_ = conn.Close()
}

// truncate forwards the request, then sends the answer's headers (with its
// full length) and a prefix of its body, and closes the connection.
func (p *Proxy) truncate(w http.ResponseWriter, r *http.Request, body []byte, keep float64) {
	resp, err := p.roundTrip(r, body)
	if err != nil {
		http.Error(w, "upstream: "+err.Error(), http.StatusBadGateway)
		return
	}
	full, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		hijackClose(w, false)
		return
	}
	if keep == 0 {
		keep = 0.5
	}
	n := int(float64(len(full)) * keep)
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, buf, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	defer conn.Close()
	fmt.Fprintf(buf, "HTTP/1.1 %d %s\r\n", resp.StatusCode, http.StatusText(resp.StatusCode))
	h := resp.Header.Clone()
	for _, k := range hopHeaders {
		h.Del(k)
	}
	h.Set("Content-Length", strconv.Itoa(len(full)))
	h.Set("Connection", "close")
	_ = h.Write(buf)
	_, _ = buf.WriteString("\r\n")
	_, _ = buf.Write(full[:n])
	_ = buf.Flush()
}

// rpcError is a JSON-RPC error answer.
type rpcError struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Error   struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func refusal(id json.RawMessage, f *Fault) rpcError {
	e := rpcError{JSONRPC: "2.0", ID: id}
	if len(e.ID) == 0 {
		e.ID = json.RawMessage("null")
	}
	e.Error.Code, e.Error.Message = f.Code, f.Message
	if e.Error.Code == 0 {
		e.Error.Code = DefaultRangeCode
	}
	if e.Error.Message == "" {
		e.Error.Message = DefaultRangeMessage
	}
	return e
}

// refuseRange answers the refused calls with the range error and forwards
// the others of a batch.
func (p *Proxy) refuseRange(w http.ResponseWriter, r *http.Request, calls []call, batch bool, refuse []bool, f *Fault) {
	w.Header().Set("Content-Type", "application/json")
	if !batch {
		_ = json.NewEncoder(w).Encode(refusal(calls[0].ID, f))
		return
	}
	var rest []call
	var out []json.RawMessage
	for i, c := range calls {
		if refuse[i] {
			b, _ := json.Marshal(refusal(c.ID, f))
			out = append(out, b)
		} else {
			rest = append(rest, c)
		}
	}
	if len(rest) > 0 {
		body, err := json.Marshal(rest)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		resp, err := p.roundTrip(r, body)
		if err != nil {
			http.Error(w, "upstream: "+err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		var answers []json.RawMessage
		if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&answers) != nil {
			http.Error(w, "upstream answered the batch badly", http.StatusBadGateway)
			return
		}
		out = append(answers, out...)
	}
	_ = json.NewEncoder(w).Encode(out)
}

// span is the number of blocks an eth_getLogs call's filter covers, 0 when
// unknown (a block hash filter, unreadable parameters). A tag other than
// "earliest" is read as the target's head; head caches it for the request.
func (p *Proxy) span(ctx context.Context, params json.RawMessage, head **uint64) uint64 {
	var args []struct {
		FromBlock *string `json:"fromBlock"`
		ToBlock   *string `json:"toBlock"`
		BlockHash *string `json:"blockHash"`
	}
	if json.Unmarshal(params, &args) != nil || len(args) == 0 || args[0].BlockHash != nil {
		return 0
	}
	block := func(s *string) (uint64, bool) {
		tag := "latest"
		if s != nil {
			tag = *s
		}
		switch tag {
		case "earliest":
			return 0, true
		case "latest", "pending", "safe", "finalized":
			if *head == nil {
				h, err := p.blockNumber(ctx)
				if err != nil {
					return 0, false
				}
				*head = &h
			}
			return **head, true
		}
		n, err := hexutil.DecodeUint64(tag)
		return n, err == nil
	}
	from, ok1 := block(args[0].FromBlock)
	to, ok2 := block(args[0].ToBlock)
	if !ok1 || !ok2 || to < from {
		return 0
	}
	return to - from + 1
}

// blockNumber asks the target for its head.
func (p *Proxy) blockNumber(ctx context.Context) (uint64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.target, strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}`))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var out struct {
		Result hexutil.Uint64 `json:"result"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return 0, err
	}
	return uint64(out.Result), nil
}
