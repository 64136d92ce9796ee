package watcher

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/denomwatch/denomwatch/rpcpool"
)

// crossChecker is the chain capability of comparing its endpoints
// (rpcpool.Pool).
type crossChecker interface {
	CrossCheck(ctx context.Context, numbers []uint64, frozenAfter time.Duration) (rpcpool.CrossReport, error)
}

// crossState is when the last cross-check ran.
type crossState struct {
	c     crossChecker // nil: a single endpoint, or verification off
	head  uint64
	at    time.Time
	split bool // the last cross-check found no majority
	// last is the last report.
	last atomic.Pointer[rpcpool.CrossReport]
}

// ErrEndpointsDisagree is wrapped when the endpoints disagree on an indexed
// block's hash with no strict majority: the watcher then judges nothing
// (Blinded) until they agree.
var ErrEndpointsDisagree = errors.New("rpc endpoints disagree and no majority decides")

// crossCheckBlocks is how many of the last indexed blocks a cross-check
// compares.
const crossCheckBlocks = 4

// setupVerification turns verification on unless TrustRPC, and the
// cross-check for a chain of several endpoints.
func (w *Watcher) setupVerification(chain Chain) {
	if w.cfg.TrustRPC {
		w.log.Warn("rpc answers are trusted, not verified (TrustRPC)")
		return
	}
	v := newVerifier(chain)
	if v == nil {
		w.log.Warn("the chain client offers no raw JSON-RPC calls: its answers cannot be verified")
		return
	}
	w.ver = &verification{v: v}
	if c, ok := chain.(crossChecker); ok {
		w.cross.c = c
	}
}

// readLogs reads the AVS's logs of next..to, verified unless TrustRPC.
func (w *Watcher) readLogs(ctx context.Context, next, to uint64) ([]types.Log, bool, error) {
	if w.ver == nil {
		return w.logs(ctx, next, to)
	}
	w.ver.headers = nil
	var parent common.Hash
	if cp, ok, err := w.store.Checkpoint(); err != nil {
		return nil, false, err
	} else if ok && cp.Number+1 == next {
		parent = cp.Hash
	}
	return w.verifiedLogs(ctx, next, to, parent)
}

// crossCheck compares the endpoints when the head moved CrossCheckBlocks
// or CrossCheckInterval passed since the last time, reports their lies
// (the pool has passed the liars over already) and returns the head to
// follow: read again when the endpoint that gave head was caught lying.
func (w *Watcher) crossCheck(ctx context.Context, head uint64) (uint64, error) {
	now := w.cfg.Now()
	if w.cross.c == nil || (!w.cross.split && head < w.cross.head+w.cfg.CrossCheckBlocks && now.Sub(w.cross.at) < w.cfg.CrossCheckInterval && head >= w.cross.head) {
		return head, nil
	}
	nums, err := w.indexedNumbers()
	if err != nil {
		return 0, err
	}
	r, err := w.cross.c.CrossCheck(ctx, nums, w.cfg.FrozenAfter)
	if err != nil {
		return 0, fmt.Errorf("cross-check: %w", err)
	}
	w.cross.at = now
	w.cross.last.Store(&r)
	lied := false
	for _, e := range r.Endpoints {
		if e.Lie != nil {
			w.lied(e.Endpoint, e.Lie)
			lied = true
		}
	}
	if w.cross.split = len(r.Split) > 0; w.cross.split {
		// No majority to follow: judge nothing until the endpoints agree
		// (checked again at every step).
		err := fmt.Errorf("%w: blocks %v", ErrEndpointsDisagree, r.Split)
		w.ver.blinded.Store(&err)
		w.log.Error("rpc endpoints disagree on indexed blocks and no majority decides; judging nothing until they agree", "blocks", r.Split, "endpoints", len(r.Endpoints))
		return 0, err
	}
	if !lied {
		w.cross.head = head
		return head, nil
	}
	// The head may be a liar's: read it again from the endpoints left.
	if head, err = w.chain.BlockNumber(ctx); err != nil {
		w.rpcError(ctx, "eth_blockNumber")
		return 0, fmt.Errorf("head: %w", err)
	}
	w.cross.head = head
	return head, nil
}

// indexedNumbers are the numbers of the last indexed blocks.
func (w *Watcher) indexedNumbers() ([]uint64, error) {
	cp, ok, err := w.store.Checkpoint()
	if err != nil || !ok {
		return nil, err
	}
	stored, err := w.store.ProcessedBlocks(cp.Number+1, crossCheckBlocks)
	if err != nil {
		return nil, err
	}
	nums := make([]uint64, len(stored))
	for i, b := range stored {
		nums[i] = b.Number
	}
	return nums, nil
}

// CrossReport is the last cross-check's report (zero before the first).
func (w *Watcher) CrossReport() rpcpool.CrossReport {
	if r := w.cross.last.Load(); r != nil {
		return *r
	}
	return rpcpool.CrossReport{}
}
