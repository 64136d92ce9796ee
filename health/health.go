// Package health decides whether the node denomwatch reads the chain from
// is alive: a node that stops producing new heads, stops answering, or
// reports that it is syncing is stalled, and a watcher reading it is not
// ready, whatever its lag in blocks says (a frozen node reports the same
// head forever, so the lag stays 0).
//
// Assess is the pure decision; Tracker collects the signals it decides on
// (the watcher reports heads and successful calls, the health job the
// node's eth_syncing) and is safe for concurrent use.
package health

import (
	"fmt"
	"sync"
	"time"
)

// Sync is the node's answer to eth_syncing while it syncs.
type Sync struct {
	Current, Highest uint64
}

// Signals are what the health of the node is judged on.
type Signals struct {
	// Started is when tracking began: the reference while nothing has been
	// seen yet.
	Started time.Time
	// Head is the highest head seen, HeadSeen when it was first seen (the
	// last time the head moved), HeadTime the head block's timestamp (Unix
	// seconds, 0 while unknown).
	Head     uint64
	HeadSeen time.Time
	HeadTime uint64
	// LastOK is when an RPC call last succeeded (zero: none yet).
	LastOK time.Time
	// Syncing is the node's sync progress while it reports one, else nil.
	Syncing *Sync
}

// Verdict is Assess's answer.
type Verdict struct {
	Stalled bool
	// Reason says why the node is stalled ("" when it is not); Kind is a
	// short stable word for it: "no-new-head", "no-successful-call" or
	// "syncing".
	Reason string
	Kind   string
	// HeadAge is the time since the head last moved (since Started while
	// none was seen); SinceOK the time since a call last succeeded.
	HeadAge, SinceOK time.Duration
}

// Kinds of stall.
const (
	KindNoNewHead = "no-new-head"
	KindNoCall    = "no-successful-call"
	KindSyncing   = "syncing"
)

// Assess judges the node at now: stalled when it reports that it is syncing,
// when no call has succeeded for stallAfter, or when no new head has been
// seen for stallAfter (both measured from Started while nothing was seen).
func Assess(now time.Time, s Signals, stallAfter time.Duration) Verdict {
	since := func(t time.Time) time.Duration {
		if t.IsZero() {
			t = s.Started
		}
		return max(0, now.Sub(t))
	}
	v := Verdict{HeadAge: since(s.HeadSeen), SinceOK: since(s.LastOK)}
	switch {
	case v.SinceOK > stallAfter:
		v.Stalled, v.Kind = true, KindNoCall
		v.Reason = fmt.Sprintf("no RPC call has succeeded for %s (allowed: %s)", v.SinceOK.Round(100*time.Millisecond), stallAfter)
	case v.HeadAge > stallAfter:
		v.Stalled, v.Kind = true, KindNoNewHead
		v.Reason = fmt.Sprintf("no new head for %s (allowed: %s); the node is stuck at block %d", v.HeadAge.Round(100*time.Millisecond), stallAfter, s.Head)
	case s.Syncing != nil:
		v.Stalled, v.Kind = true, KindSyncing
		v.Reason = fmt.Sprintf("the node is syncing: block %d of %d", s.Syncing.Current, s.Syncing.Highest)
	}
	return v
}

// Tracker collects the signals. Its zero value is not usable: use
// NewTracker.
type Tracker struct {
	stallAfter time.Duration
	now        func() time.Time

	mu  sync.Mutex
	sig Signals
}

// NewTracker tracks from now on; the node is stalled after stallAfter
// without a new head or a successful call. A nil now is time.Now.
func NewTracker(stallAfter time.Duration, now func() time.Time) *Tracker {
	if now == nil {
		now = time.Now
	}
	return &Tracker{stallAfter: stallAfter, now: now, sig: Signals{Started: now()}}
}

// StallAfter is the time without a head or a call after which the node is
// stalled.
func (t *Tracker) StallAfter() time.Duration { return t.stallAfter }

// HeadSeen records head n; a head above the highest seen moves HeadSeen.
func (t *Tracker) HeadSeen(n uint64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if n > t.sig.Head || t.sig.HeadSeen.IsZero() {
		t.sig.Head, t.sig.HeadSeen, t.sig.HeadTime = n, t.now(), 0
	}
}

// HeadTime records the timestamp of head n (ignored when n is no longer
// the head).
func (t *Tracker) HeadTime(n, timestamp uint64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if n == t.sig.Head {
		t.sig.HeadTime = timestamp
	}
}

// CallSucceeded records a successful RPC call.
func (t *Tracker) CallSucceeded() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.sig.LastOK = t.now()
}

// SetSyncing records the node's eth_syncing answer (nil: not syncing).
func (t *Tracker) SetSyncing(s *Sync) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if s != nil {
		c := *s
		s = &c
	}
	t.sig.Syncing = s
}

// Signals returns a copy of the signals.
func (t *Tracker) Signals() Signals {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := t.sig
	if s.Syncing != nil {
		c := *s.Syncing
		s.Syncing = &c
	}
	return s
}

// Check assesses the node now.
func (t *Tracker) Check() Verdict {
	return Assess(t.now(), t.Signals(), t.stallAfter)
}
