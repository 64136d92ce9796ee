package health

import (
	"context"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
)

// Chain is what the prober asks the node.
type Chain interface {
	BlockNumber(ctx context.Context) (uint64, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// syncReader is the optional eth_syncing capability (ethclient and rpcpool
// have it; a node without the method is taken as not syncing).
type syncReader interface {
	SyncProgress(ctx context.Context) (*ethereum.SyncProgress, error)
}

// Prober asks the node for its head (and the head's timestamp when it
// moved) and for its sync status every Interval, and records the answers in
// a Tracker. It reads the node on its own schedule, apart from the
// watcher's work, so that a long backfill step is never taken for a frozen
// node, and a frozen node is noticed while the watcher waits on it.
type Prober struct {
	Chain    Chain
	Tracker  *Tracker
	Interval time.Duration
	Log      *slog.Logger
}

// Run probes until ctx ends; it returns ctx's error. A failed probe is the
// signal (no successful call), not an error.
func (p *Prober) Run(ctx context.Context) error {
	log := p.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	interval := max(p.Interval, 100*time.Millisecond)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		p.Probe(ctx, interval, log)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// Probe makes one round of calls, each bounded by timeout.
func (p *Prober) Probe(ctx context.Context, timeout time.Duration, log *slog.Logger) {
	cctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	prev := p.Tracker.Signals().Head
	head, err := p.Chain.BlockNumber(cctx)
	if err != nil {
		log.Debug("health probe: head", "err", err)
		return
	}
	p.Tracker.CallSucceeded()
	p.Tracker.HeadSeen(head)
	if head != prev || p.Tracker.Signals().HeadTime == 0 {
		if h, err := p.Chain.HeaderByNumber(cctx, new(big.Int).SetUint64(head)); err == nil && h != nil {
			p.Tracker.HeadTime(head, h.Time)
		}
	}
	sr, ok := p.Chain.(syncReader)
	if !ok {
		return
	}
	prog, err := sr.SyncProgress(cctx)
	switch {
	case err != nil:
		log.Debug("health probe: eth_syncing", "err", err)
	case prog == nil || prog.Done():
		p.Tracker.SetSyncing(nil)
	default:
		p.Tracker.SetSyncing(&Sync{Current: prog.CurrentBlock, Highest: prog.HighestBlock})
	}
}
