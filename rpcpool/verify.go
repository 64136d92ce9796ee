package rpcpool

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
)

// ErrLying is wrapped by an error a caller returns when it has proven an
// endpoint's answer false (a log that its block's receipts root does not
// hold, a header whose hash is not the one pinned, a head the endpoint
// cannot serve). Returned from the function given to Verified (or from any
// call's function), it makes the pool mark the endpoint lying (counted,
// logged, cooled down for MaxCoolDown, a lie being no glitch) and retry the
// call on the next endpoint; the call fails, wrapping ErrAllEndpointsFailed
// and ErrLying, only when every endpoint lied or failed.
var ErrLying = errors.New("rpcpool: the endpoint's answer failed verification")

// LieKind names how an endpoint lied.
type LieKind string

// The lies the watcher's verification and the cross-check name.
const (
	// LieHeader: a header whose hash or parent is not the one pinned, or
	// a header missing at or below the endpoint's own head.
	LieHeader LieKind = "header"
	// LieLogs: eth_getLogs answered logs that the block's receipts (checked
	// against the header's receiptsRoot) do not hold, or left some out.
	LieLogs LieKind = "logs"
	// LieReceipts: the block's receipts do not rebuild its receiptsRoot.
	LieReceipts LieKind = "receipts"
	// LieFork: the endpoint's hash of an indexed block is not the majority's.
	LieFork LieKind = "fork"
	// LieFrozenHead: the endpoint's head stopped while the others' moved.
	LieFrozenHead LieKind = "frozen-head"
	// LieAbsurdHead: the endpoint reports a head it cannot serve.
	LieAbsurdHead LieKind = "absurd-head"
)

// Lie is a verification failure: it wraps ErrLying and says how and where.
type Lie struct {
	Kind   LieKind
	Block  uint64
	Detail string
}

func (l *Lie) Error() string {
	return fmt.Sprintf("%s lie at block %d: %s", l.Kind, l.Block, l.Detail)
}

// Unwrap makes errors.Is(l, ErrLying) hold.
func (l *Lie) Unwrap() error { return ErrLying }

// liesState is an endpoint's record of lies; guarded by Pool.mu.
type liesState struct {
	count uint64
	last  error
	kind  LieKind
	at    time.Time
}

func (l *liesState) stats(es *EndpointStats) {
	es.Lies, es.LastLieKind, es.LastLieAt = l.count, l.kind, l.at
	if l.last != nil {
		es.LastLie = l.last.Error()
	}
}

// Verified runs f with one endpoint's raw client at a time, in the pool's
// order, as every call does: a transport failure or an error wrapping
// ErrLying moves it to the next endpoint; any other error (a JSON-RPC
// error answer) is returned as is. name is the endpoint's redacted URL, for
// the caller's reports. All of f's reads are made on the one endpoint, so
// what f checks against what (logs against a header, a header against the
// hash pinned) comes from one node.
func (p *Pool) Verified(ctx context.Context, method string, f func(ctx context.Context, name string, c *rpc.Client) error) error {
	return p.doEach(ctx, method, false, func(ctx context.Context, e *endpoint, c *ethclient.Client) error {
		return f(ctx, e.name, c.Client())
	})
}

// ReportLie marks the endpoint named (a redacted URL, as Stats gives) lying
// for a reason found outside a call (a cross-check): counted, logged and
// cooled down for MaxCoolDown. It reports whether the name is the pool's.
func (p *Pool) ReportLie(name string, reason error) bool {
	for _, e := range p.eps {
		if e.name == name {
			p.lied(e, "cross-check", reason)
			return true
		}
	}
	return false
}

// lied records a lie of e: its calls go elsewhere for MaxCoolDown.
func (p *Pool) lied(e *endpoint, method string, err error) {
	p.mu.Lock()
	now := p.opts.Now()
	e.calls++
	e.lies.count++
	e.lies.last, e.lies.at, e.lies.kind = err, now, LieKind("")
	var l *Lie
	if errors.As(err, &l) {
		e.lies.kind = l.Kind
	}
	e.lastErr, e.lastFailure = err, err
	e.until = now.Add(p.opts.MaxCoolDown)
	count, kind := e.lies.count, e.lies.kind
	p.mu.Unlock()
	p.log.Error("rpc endpoint lied; its calls go to the other endpoints", "endpoint", e.name, "method", method,
		"kind", kind, "lies", count, "coolDown", p.opts.MaxCoolDown, "err", err)
}
