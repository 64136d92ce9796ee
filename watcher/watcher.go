package watcher

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sync/atomic"
	"time"

	"github.com/cenkalti/backoff/v5"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/recompute"
	"github.com/denomwatch/denomwatch/rpcpool"
)

// Config configures a Watcher.
type Config struct {
	AVS common.Address
	// StartBlock is the first block read (the AVS's deployment block). A
	// later one is allowed: what the watcher then cannot know (commitments,
	// registrations before it) is said in the records, and it goes on.
	StartBlock uint64
	// Confirmations: only blocks at least this deep are read (0 on a devnet).
	Confirmations uint64
	// PollInterval is the wait between polls of the head once caught up; a
	// chain with new-head subscriptions (WebSocket) also wakes the watcher
	// at each new head.
	PollInterval time.Duration
	// MaxRange bounds an eth_getLogs range; the range halves when the node
	// refuses one and grows back on success.
	MaxRange uint64
	// ReorgDepth bounds how far back a reorganisation is followed.
	ReorgDepth int
	// MaxBackoff bounds the wait after repeated failures (default 1 minute);
	// the wait doubles, with jitter, from PollInterval.
	MaxBackoff time.Duration
	Log        *slog.Logger
	// Alerts, when set, gives the alert bodies a round's new record raises
	// (prev is its previous record, nil for a new round; affected the
	// recipients the verdict names); they are enqueued in the index's outbox
	// atomically with the block. OnAlerts is called after a block that
	// enqueued some (to wake the dispatcher).
	Alerts   func(prev *index.Round, cur index.Round, affected []common.Address) ([][]byte, error)
	OnAlerts func()
	// ProgressEvery spaces the progress lines of a backfill (default 5 s);
	// Now is the clock (default time.Now).
	ProgressEvery time.Duration
	Now           func() time.Time

	// FetchTimeout bounds the fetching of one round's objects while a block
	// is processed (default 1 minute; the da client bounds each fetch from
	// each source too).
	FetchTimeout time.Duration
	// RetryMin and RetryMax space the new attempts to fetch the objects a
	// verdict lists as missing while the round is open (defaults 2 s and
	// 5 minutes, doubling).
	RetryMin, RetryMax time.Duration
	// HeldRounds is how many rounds keep their verified objects parsed
	// (judge.Holdings) between blocks (default 2: the round being judged
	// and the one before; the objects themselves stay in the cache).
	HeldRounds int
	// Recompute tunes the recomputation (workers).
	Recompute recompute.Options

	// TrustRPC turns verification off (verify.go; README "Trust model"):
	// the node's logs and headers are then taken as they come. By default
	// every block read is checked against its header (receiptsRoot, parent
	// hash) and a node that lies is passed over.
	TrustRPC bool
	// OnLie, when set, is called (synchronously) with each lie an endpoint
	// is caught in: by a verified read or by the cross-check (cmd raises
	// alerts.RPCEndpointLyingEvent from it).
	OnLie func(endpoint string, lie *rpcpool.Lie)
	// CrossCheckBlocks and CrossCheckInterval space the cross-checks of a
	// chain of several endpoints (rpcpool.Pool): every endpoint's head and
	// hashes of the last indexed blocks compared, when the head moved
	// CrossCheckBlocks (default 8) or CrossCheckInterval passed (default
	// 30 s) since the last. FrozenAfter is how long an endpoint's head may
	// stand still behind the best before it is a frozen-head lie (default 1
	// minute).
	CrossCheckBlocks   uint64
	CrossCheckInterval time.Duration
	FrozenAfter        time.Duration
}

func (cfg *Config) defaults() {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&cfg.PollInterval, time.Second)
	def(&cfg.MaxBackoff, time.Minute)
	def(&cfg.ProgressEvery, DefaultProgressEvery)
	def(&cfg.FetchTimeout, time.Minute)
	def(&cfg.RetryMin, 2*time.Second)
	def(&cfg.RetryMax, 5*time.Minute)
	def(&cfg.CrossCheckInterval, 30*time.Second)
	def(&cfg.FrozenAfter, time.Minute)
	if cfg.CrossCheckBlocks == 0 {
		cfg.CrossCheckBlocks = 8
	}
	if cfg.MaxRange == 0 {
		cfg.MaxRange = 2000
	}
	if cfg.ReorgDepth == 0 {
		cfg.ReorgDepth = 256
	}
	if cfg.HeldRounds <= 0 {
		cfg.HeldRounds = 2
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
}

// ErrReorgTooDeep is returned when no stored block within ReorgDepth is canonical.
var ErrReorgTooDeep = errors.New("reorganisation deeper than the index can undo")

// Watcher follows the AVS from its events, judges every round and keeps the
// records in the index.
type Watcher struct {
	cfg       Config
	chain     Chain
	store     Store
	objects   *objectSource
	obs       Observer
	log       *slog.Logger
	subscribe headSubscriber // nil: the chain has no subscriptions (probed in New)
	rangeSize uint64
	headers   *headerSource
	head      atomic.Uint64
	processed atomic.Uint64
	reorgs    atomic.Uint64
	verdicts  map[index.Verdict]int
	frauds    FraudCounts
	prog      progress

	ops      operatorSet       // the registry as of the checkpoint
	retries  map[uint64]*retry // rounds due to be judged again
	unknowns map[string]bool   // notes about operators already logged
	badLogs  map[logID]int     // logs ErrBadLog failed a block over, by block hash and index

	ver   *verification // nil: TrustRPC, or a chain that cannot be verified
	cross crossState
}

// New reads the stored operator set and rounds and returns a watcher ready
// to Run. It probes the chain's optional capabilities once.
func New(ctx context.Context, cfg Config, chain Chain, store Store, objs Objects, obs Observer) (*Watcher, error) {
	cfg.defaults()
	if obs == nil {
		obs = nopObserver{}
	}
	if os, ok := store.(ObjectStore); ok && objs.Cache == nil {
		objs.Cache = NewIndexCache(os, DefaultCacheBytes)
	}
	src, err := newObjectSource(objs, &cfg)
	if err != nil {
		return nil, err
	}
	w := &Watcher{cfg: cfg, chain: chain, store: store, objects: src, obs: obs, log: cfg.Log, rangeSize: cfg.MaxRange,
		headers: newHeaderSource(chain), prog: progress{every: cfg.ProgressEvery}, unknowns: map[string]bool{}, badLogs: map[logID]int{}}
	if hs, ok := chain.(headSubscriber); ok {
		w.subscribe = hs
	}
	src.reread = w.rereadReveal
	w.setupVerification(chain)
	if err := w.reload(); err != nil {
		return nil, err
	}
	if cp, ok, err := store.Checkpoint(); err != nil {
		return nil, err
	} else if ok {
		w.processed.Store(cp.Number)
	}
	return w, nil
}

// Head is the chain head last seen; Processed the last block indexed.
func (w *Watcher) Head() uint64      { return w.head.Load() }
func (w *Watcher) Processed() uint64 { return w.processed.Load() }

// Reorgs counts the reorganisations followed since New.
func (w *Watcher) Reorgs() uint64 { return w.reorgs.Load() }

// subscribeHeads wakes the returned channel at each new head for as long as
// ctx lasts, resubscribing after a failure; it returns nil when the chain
// has no subscriptions, and the watcher then only polls.
func (w *Watcher) subscribeHeads(ctx context.Context) <-chan struct{} {
	if w.subscribe == nil {
		return nil
	}
	heads := make(chan *types.Header, 16)
	sub, err := w.subscribe.SubscribeNewHead(ctx, heads)
	if err != nil {
		w.log.Info("new-head subscription unavailable; polling", "interval", w.cfg.PollInterval, "err", err)
		return nil
	}
	w.log.Info("following new heads by subscription (and polling as a fallback)", "interval", w.cfg.PollInterval)
	wake := make(chan struct{}, 1)
	go w.followHeads(ctx, sub, heads, wake)
	return wake
}

// followHeads forwards new heads to wake and resubscribes after a drop,
// waiting longer (up to a minute) after each failed attempt.
func (w *Watcher) followHeads(ctx context.Context, sub ethereum.Subscription, heads chan *types.Header, wake chan<- struct{}) {
	defer func() { sub.Unsubscribe() }()
	for {
		select {
		case <-ctx.Done():
			return
		case <-heads:
			select {
			case wake <- struct{}{}:
			default:
			}
		case err := <-sub.Err():
			w.log.Warn("new-head subscription dropped; polling until it is back", "err", err)
			retry := w.cfg.PollInterval
			for {
				select {
				case <-ctx.Done():
					return
				case <-time.After(retry):
				}
				var err error
				if sub, err = w.subscribe.SubscribeNewHead(ctx, heads); err == nil {
					w.log.Info("new-head subscription restored")
					break
				}
				retry = min(retry*2, time.Minute)
			}
		}
	}
}

// Run follows the chain until ctx ends: it backfills, then waits for a new
// head (by subscription when the chain offers one) or the poll interval.
// Failures back off exponentially (with jitter) from the poll interval up
// to MaxBackoff; only a reorganisation deeper than the index can undo ends
// it.
func (w *Watcher) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	wake := w.subscribeHeads(ctx)
	bo := backoff.NewExponentialBackOff()
	bo.InitialInterval, bo.MaxInterval = w.cfg.PollInterval, max(w.cfg.MaxBackoff, w.cfg.PollInterval)
	failures := 0
	for {
		caughtUp, err := w.Step(ctx)
		wait := w.cfg.PollInterval
		switch {
		case err == nil:
			if failures > 0 {
				w.log.Info("watcher recovered", "failures", failures)
			}
			failures = 0
			bo.Reset()
		case ctx.Err() != nil:
			return ctx.Err()
		case errors.Is(err, ErrReorgTooDeep):
			return err
		default:
			failures++
			wait, caughtUp = bo.NextBackOff(), true
			w.log.Warn("watcher step failed; backing off", "err", err, "failures", failures, "retryIn", wait.Round(time.Millisecond).String())
		}
		if caughtUp {
			heads := wake
			if failures > 0 {
				heads = nil // a new head does not cut a backoff short
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-heads:
			case <-time.After(wait):
			}
		}
	}
}

// Step does one unit of work: follows a reorganisation back, or indexes the
// next range of confirmed blocks. It reports whether the watcher is caught up.
func (w *Watcher) Step(ctx context.Context) (bool, error) {
	head, err := w.chain.BlockNumber(ctx)
	if err != nil {
		w.rpcError(ctx, "eth_blockNumber")
		return false, fmt.Errorf("head: %w", err)
	}
	if head, err = w.crossCheck(ctx, head); err != nil {
		return false, err
	}
	w.head.Store(head)
	w.obs.SetHead(head)
	if head < w.cfg.Confirmations {
		return true, nil
	}
	target := head - w.cfg.Confirmations
	next, ok, waiting, err := w.nextBlock(ctx, head)
	if !ok {
		return waiting, err
	}
	if next > target {
		w.caughtUp(next - 1)
		return true, nil
	}
	if l, ok := w.prog.behind(w.cfg.Now(), next-1, target, head); ok {
		logProgress(w.log, l)
	}
	to := min(target, next+w.rangeSize-1)
	logs, halved, err := w.readLogs(ctx, next, to)
	if err != nil || halved {
		return false, err
	}
	if err := w.indexRange(ctx, to, logs); err != nil {
		return false, err
	}
	if to == target {
		w.caughtUp(to)
	}
	return to == target, nil
}

// nextBlock returns the next block to index after checking that the last
// indexed one is still canonical. ok false: Step ends now, with waiting
// (a node behind the index) or err, after following a reorganisation back
// when the last indexed block is not canonical.
func (w *Watcher) nextBlock(ctx context.Context, head uint64) (next uint64, ok, waiting bool, err error) {
	cp, stored, err := w.store.Checkpoint()
	if err != nil {
		return 0, false, false, err
	}
	if !stored {
		return w.cfg.StartBlock, true, false, nil
	}
	if cp.Number > head {
		// The node's chain is shorter than what is indexed: a
		// reorganisation onto a shorter branch, or a node behind (after a
		// failover, say). The newest indexed block the node has tells.
		waiting, err := w.behind(ctx, cp, head)
		return 0, false, waiting, err
	}
	canonical, err := w.header(ctx, cp.Number)
	if err != nil {
		return 0, false, false, err
	}
	if canonical.Hash() != cp.Hash {
		return 0, false, false, w.followReorg(ctx, cp, head)
	}
	return cp.Number + 1, true, false, nil
}

// logs reads the AVS's logs of blocks next..to. A node's refusal (a range
// too large, too many results) halves the range and reports halved; a
// dropped connection or a timeout is an error, retried as is. A success
// lets the range grow back.
func (w *Watcher) logs(ctx context.Context, next, to uint64) (logs []types.Log, halved bool, err error) {
	logs, err = w.chain.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(next), ToBlock: new(big.Int).SetUint64(to),
		Addresses: []common.Address{w.cfg.AVS}, Topics: [][]common.Hash{topics},
	})
	if err != nil {
		w.rpcError(ctx, "eth_getLogs")
		var answer rpc.Error
		if errors.As(err, &answer) && w.rangeSize > 1 {
			w.rangeSize /= 2
			w.log.Info("eth_getLogs refused a range; halving it", "from", next, "to", to, "range", w.rangeSize, "err", err)
			return nil, true, nil
		}
		return nil, false, fmt.Errorf("eth_getLogs %d-%d: %w", next, to, err)
	}
	w.rangeSize = min(w.rangeSize*2, w.cfg.MaxRange)
	return logs, false, nil
}

// caughtUp logs the end of a backfill (and the first time the watcher is
// caught up after starting).
// rpcError counts a failed call of the node's, unless it failed because
// ctx ended (the watcher stopping is not the node's fault).
func (w *Watcher) rpcError(ctx context.Context, method string) {
	if ctx.Err() == nil {
		w.obs.RPCError(method)
	}
}

func (w *Watcher) caughtUp(block uint64) {
	if l, ok := w.prog.caughtUp(w.cfg.Now(), block); ok {
		logCaughtUp(w.log, l)
	}
}

func (w *Watcher) header(ctx context.Context, n uint64) (*types.Header, error) {
	h, err := w.headers.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
	if err != nil {
		w.rpcError(ctx, "eth_getBlockByNumber")
		return nil, fmt.Errorf("header %d: %w", n, err)
	}
	return h, nil
}

// behind handles a node whose head is below the checkpoint: when the newest
// indexed block at or below the head is not the node's, the chain was
// reorganised and the index is rolled back now; when it is, the node is
// behind (or the orphaned blocks all lie above its head) and the watcher
// waits for the chain to grow.
func (w *Watcher) behind(ctx context.Context, cp index.Checkpoint, head uint64) (waiting bool, err error) {
	stored, err := w.store.ProcessedBlocks(head+1, 1)
	if err != nil || len(stored) == 0 {
		return true, err
	}
	hdr, err := w.header(ctx, stored[0].Number)
	if err != nil {
		return false, err
	}
	if hdr.Hash() != stored[0].Hash {
		return false, w.followReorg(ctx, cp, head)
	}
	w.log.Info("the node is behind the index; waiting", "head", head, "indexed", cp.Number)
	return true, nil
}

// followReorg rolls the index back to the newest stored block that is still
// canonical (blocks above the node's head are not), then reloads the
// watcher's view of the index.
func (w *Watcher) followReorg(ctx context.Context, cp index.Checkpoint, head uint64) error {
	to, err := w.commonAncestor(ctx, cp, head)
	if err != nil {
		return err
	}
	w.log.Warn("chain reorganised; rolling the index back", "from", cp.Number, "to", to)
	if err := w.store.Rollback(to); err != nil {
		return fmt.Errorf("roll back to %d: %w", to, err)
	}
	w.processed.Store(to)
	w.reorgs.Add(1)
	w.objects.forgetHeld() // reveals of orphaned blocks may be held
	return w.reload()
}

// commonAncestor returns the newest stored block at or below head that is
// still canonical; without one, the block before the first one read.
func (w *Watcher) commonAncestor(ctx context.Context, cp index.Checkpoint, head uint64) (uint64, error) {
	stored, err := w.store.ProcessedBlocks(cp.Number+1, w.cfg.ReorgDepth)
	if err != nil {
		return 0, err
	}
	for _, b := range stored {
		if b.Number > head {
			continue
		}
		hdr, err := w.header(ctx, b.Number)
		if err != nil {
			return 0, err
		}
		if hdr.Hash() == b.Hash {
			return b.Number, nil
		}
	}
	if len(stored) == w.cfg.ReorgDepth {
		return 0, fmt.Errorf("%w: none of the last %d indexed blocks below %d is canonical", ErrReorgTooDeep, len(stored), cp.Number)
	}
	if w.cfg.StartBlock > 0 {
		return w.cfg.StartBlock - 1, nil
	}
	return 0, nil
}
