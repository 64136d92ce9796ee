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
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/v1/contracts"
)

// Chain is what the watcher needs from a node.
type Chain interface {
	TxReader
	BlockNumber(ctx context.Context) (uint64, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
	CallContract(ctx context.Context, msg ethereum.CallMsg, block *big.Int) ([]byte, error)
}

// Config configures a Watcher.
type Config struct {
	AVS common.Address
	// StartBlock is the first block read (the AVS's deployment block).
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
	// recipients the verdict concerns); they are enqueued in the index's
	// outbox atomically with the block. OnAlerts is called after a block
	// that enqueued some (to wake the dispatcher).
	Alerts   func(prev *index.Round, cur index.Round, affected []common.Address) ([][]byte, error)
	OnAlerts func()
	// ProgressEvery spaces the progress lines of a backfill (default 5 s);
	// Now is the clock (default time.Now).
	ProgressEvery time.Duration
	Now           func() time.Time
}

// ErrReorgTooDeep is returned when no stored block within ReorgDepth is canonical.
var ErrReorgTooDeep = errors.New("reorganisation deeper than the index can undo")

// Watcher follows the AVS and keeps the index's verdicts.
type Watcher struct {
	cfg       Config
	chain     Chain
	store     Store
	proc      *processor
	obs       Observer
	log       *slog.Logger
	rangeSize uint64
	headers   headerSource
	head      atomic.Uint64
	processed atomic.Uint64
	reorgs    atomic.Uint64
	verdicts  map[index.Verdict]int
	frauds    FraudCounts
	prog      progress
}

// New reads the AVS's challenge window and the stored operator set and
// returns a watcher ready to Run.
func New(ctx context.Context, cfg Config, chain Chain, store Store, data DataSource, obs Observer) (*Watcher, error) {
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = time.Second
	}
	if cfg.MaxRange == 0 {
		cfg.MaxRange = 2000
	}
	if cfg.ReorgDepth == 0 {
		cfg.ReorgDepth = 256
	}
	if cfg.MaxBackoff == 0 {
		cfg.MaxBackoff = time.Minute
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.ProgressEvery <= 0 {
		cfg.ProgressEvery = DefaultProgressEvery
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if obs == nil {
		obs = nopObserver{}
	}
	out, err := chain.CallContract(ctx, ethereum.CallMsg{To: &cfg.AVS, Data: contracts.ABI().PackChallengeWindow()}, nil)
	if err != nil {
		return nil, fmt.Errorf("read the challenge window of %s: %w", cfg.AVS, contracts.AsRevert(err))
	}
	window, err := contracts.ABI().UnpackChallengeWindow(out)
	if err != nil {
		return nil, fmt.Errorf("read the challenge window of %s (is it the AVS?): %w", cfg.AVS, err)
	}
	w := &Watcher{cfg: cfg, chain: chain, store: store, obs: obs, log: cfg.Log, rangeSize: cfg.MaxRange, headers: headerSource{chain: chain},
		prog: progress{every: cfg.ProgressEvery},
		proc: &processor{chain: chain, store: store, data: data, window: window.Uint64(), observer: obs}}
	if err := w.proc.reload(); err != nil {
		return nil, err
	}
	if err := w.countVerdicts(); err != nil {
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

// headSubscriber is the optional chain capability of new-head notifications
// (ethclient over WebSocket or IPC; over HTTP it fails with
// rpc.ErrNotificationsUnsupported).
type headSubscriber interface {
	SubscribeNewHead(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error)
}

// subscribeHeads wakes the returned channel at each new head for as long as
// ctx lasts, resubscribing after a failure; it returns nil when the chain
// has no subscriptions, and the watcher then only polls.
func (w *Watcher) subscribeHeads(ctx context.Context) <-chan struct{} {
	hs, ok := w.chain.(headSubscriber)
	if !ok {
		return nil
	}
	heads := make(chan *types.Header, 16)
	sub, err := hs.SubscribeNewHead(ctx, heads)
	if err != nil {
		w.log.Info("new-head subscription unavailable; polling", "interval", w.cfg.PollInterval, "err", err)
		return nil
	}
	w.log.Info("following new heads by subscription (and polling as a fallback)", "interval", w.cfg.PollInterval)
	wake := make(chan struct{}, 1)
	go func() {
		defer func() { sub.Unsubscribe() }()
		retry := w.cfg.PollInterval
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
				for {
					select {
					case <-ctx.Done():
						return
					case <-time.After(retry):
					}
					if sub, err = hs.SubscribeNewHead(ctx, heads); err == nil {
						w.log.Info("new-head subscription restored")
						break
					}
					retry = min(retry*2, time.Minute)
				}
				retry = w.cfg.PollInterval
			}
		}
	}()
	return wake
}

// Run follows the chain until ctx ends: it backfills, then waits for a new
// head (by subscription when the chain offers one) or the poll interval.
func (w *Watcher) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	wake := w.subscribeHeads(ctx)
	// Failures back off exponentially (with jitter) from the poll interval
	// up to MaxBackoff; a success resets the wait.
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
		w.obs.RPCError("eth_blockNumber")
		return false, fmt.Errorf("head: %w", err)
	}
	w.head.Store(head)
	w.obs.SetHead(head)
	if head < w.cfg.Confirmations {
		return true, nil
	}
	target := head - w.cfg.Confirmations
	next := w.cfg.StartBlock
	cp, ok, err := w.store.Checkpoint()
	if err != nil {
		return false, err
	}
	if ok {
		if cp.Number > head {
			// The node's chain is shorter than what is indexed: a
			// reorganisation onto a shorter branch, or a node behind (after
			// a failover, say). The newest indexed block the node has tells.
			return w.behind(ctx, cp, head)
		}
		canonical, err := w.header(ctx, cp.Number)
		if err != nil {
			return false, err
		}
		if canonical.Hash() != cp.Hash {
			return false, w.followReorg(ctx, cp, head)
		}
		next = cp.Number + 1
	}
	if next > target {
		w.caughtUp(next - 1)
		return true, nil
	}
	if l, ok := w.prog.behind(w.cfg.Now(), next-1, target, head); ok {
		logProgress(w.log, l)
	}
	to := min(target, next+w.rangeSize-1)
	logs, halved, err := w.logs(ctx, next, to)
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
		w.obs.RPCError("eth_getLogs")
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
func (w *Watcher) caughtUp(block uint64) {
	if l, ok := w.prog.caughtUp(w.cfg.Now(), block); ok {
		logCaughtUp(w.log, l)
	}
}

// prefetchChunk bounds the data logs whose transactions are held in memory
// at once while a range is indexed.
const prefetchChunk = 64

// chunk returns the end of the chunk of logs starting at i: about max data
// logs, cut at a block boundary.
func chunk(logs []types.Log, i, max int) int {
	n, j := 0, i
	for j < len(logs) && n < max {
		if len(logs[j].Topics) > 0 && (logs[j].Topics[0] == evCommit || logs[j].Topics[0] == evBatch) {
			n++
		}
		j++
	}
	for j < len(logs) && logs[j].BlockNumber == logs[j-1].BlockNumber {
		j++
	}
	return j
}

// indexRange applies the blocks of a range with logs, then the range's last
// block, each atomically with the checkpoint. The logs are taken in chunks:
// while one chunk is processed (in order), the next one's data and block
// headers are fetched concurrently.
func (w *Watcher) indexRange(ctx context.Context, to uint64, logs []types.Log) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // stops a fetch ahead when processing fails
	var ahead <-chan *fetchedChunk
	fetch := func(i int) <-chan *fetchedChunk {
		if i >= len(logs) {
			return nil
		}
		ch := make(chan *fetchedChunk, 1)
		end := chunk(logs, i, prefetchChunk)
		go func() { ch <- w.proc.fetchChunk(ctx, &w.headers, logs[i:end], end) }()
		return ch
	}
	ahead = fetch(0)
	for ahead != nil {
		fc := <-ahead
		ahead = fetch(fc.end)
		if err := w.indexChunk(ctx, fc); err != nil {
			return err
		}
	}
	if w.processed.Load() < to {
		hdr, err := w.header(ctx, to)
		if err != nil {
			return err
		}
		if err := w.apply(&index.BlockUpdate{Number: to, Hash: hdr.Hash(), ParentHash: hdr.ParentHash}, nil); err != nil {
			return err
		}
	}
	// One sync per range (a store opened with DeferSync writes blocks unsynced).
	return w.store.Sync()
}

// indexChunk processes and applies the blocks of a fetched chunk, in order.
func (w *Watcher) indexChunk(ctx context.Context, fc *fetchedChunk) error {
	defer func() { w.proc.pre = nil }()
	w.proc.pre = fc.data
	logs := fc.logs
	for i := 0; i < len(logs); {
		j := i
		for j < len(logs) && logs[j].BlockNumber == logs[i].BlockNumber {
			j++
		}
		n, hash := logs[i].BlockNumber, logs[i].BlockHash
		hdr := fc.headers[n]
		if hdr == nil {
			w.obs.RPCError("eth_getBlockByNumber")
			return fmt.Errorf("header %d: %w", n, fc.headerErr)
		}
		if hdr.Hash() != hash || logs[i].Removed {
			// The chain moved under the query: read the range again.
			return fmt.Errorf("block %d changed during the query (reorganisation in progress)", n)
		}
		bw, err := w.proc.processBlock(ctx, n, hash, hdr.ParentHash, logs[i:j])
		if err != nil {
			return err
		}
		if err := w.apply(bw.u, bw.affected); err != nil {
			return err
		}
		i = j
	}
	return nil
}

// apply writes a block's update, with the alerts its rounds' new verdicts
// raise (enqueued atomically with the block), and logs and counts the
// verdicts. affected names the recipients each changed round concerns.
func (w *Watcher) apply(u *index.BlockUpdate, affected map[uint64][]common.Address) error {
	before := make(map[uint64]*index.Round, len(u.Rounds))
	for _, r := range u.Rounds {
		if old, ok, err := w.store.Round(r.Round); err != nil {
			return err
		} else if ok {
			before[r.Round] = &old
		}
	}
	if w.cfg.Alerts != nil {
		for _, r := range u.Rounds {
			bodies, err := w.cfg.Alerts(before[r.Round], r, affected[r.Round])
			if err != nil {
				return fmt.Errorf("alerts of round %d: %w", r.Round, err)
			}
			u.Alerts = append(u.Alerts, bodies...)
		}
	}
	if err := w.store.Apply(u); err != nil {
		_ = w.proc.reload() // the processor's operator view ran ahead of the store
		return fmt.Errorf("index block %d: %w", u.Number, err)
	}
	for _, r := range u.Rounds {
		old := before[r.Round]
		if old != nil {
			w.verdicts[old.Verdict]--
			w.frauds = w.frauds.Sub(fraudsOf(old))
		}
		w.verdicts[r.Verdict]++
		w.frauds = w.frauds.Add(fraudsOf(&r))
		w.logRound(old, r)
	}
	w.prog.judged(len(u.Rounds))
	w.obs.SetRoundsByVerdict(w.verdictsCopy())
	w.obs.SetFrauds(w.frauds.Detected, w.frauds.Proven, w.frauds.FinalizedUnproven)
	w.processed.Store(u.Number)
	w.obs.SetProcessed(u.Number)
	if len(u.Alerts) > 0 && w.cfg.OnAlerts != nil {
		w.cfg.OnAlerts()
	}
	return nil
}

// logRound logs a round's new verdict, or its batch's new status when the
// verdict is unchanged (prev is the round's previous record, nil when new).
// A verdict line names the batch judged and says when it is a resubmission
// replacing a voided batch.
func (w *Watcher) logRound(prev *index.Round, r index.Round) {
	attrs := []any{"round", r.Round, "verdict", r.Verdict}
	if n := len(r.Batches); n > 0 {
		b := r.Batches[n-1]
		attrs = append(attrs, "batch", b.TxHash, "attempt", n)
		if n > 1 && r.Batches[n-2].Status == index.BatchVoided {
			attrs = append(attrs, "resubmitted", true, "replaces", r.Batches[n-2].TxHash)
		}
		if prev != nil && prev.Verdict == r.Verdict && len(prev.Batches) == n {
			w.log.Info("round batch status", append(attrs, "status", b.Status)...)
			return
		}
	} else if prev != nil && prev.Verdict == r.Verdict {
		return
	}
	switch r.Verdict {
	case index.VerdictFraud:
		attrs = append(attrs, "kind", r.Kind, "index", *r.Index, "deadline", r.DeadlineBlock)
		if r.Kind == index.KindBadAllocation {
			attrs = append(attrs, "claimed", r.Claimed, "correct", r.Correct)
		}
	case index.VerdictMalformed:
		attrs = append(attrs, "rule", r.Rule)
	case index.VerdictUnavailable, index.VerdictPending:
		attrs = append(attrs, "reason", r.Reason)
	}
	if r.Verdict == index.VerdictValid || r.Verdict == index.VerdictPending {
		w.log.Info("round verdict", attrs...)
		return
	}
	w.log.Warn("round verdict", attrs...)
}

func (w *Watcher) header(ctx context.Context, n uint64) (*types.Header, error) {
	h, err := w.headers.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
	if err != nil {
		w.obs.RPCError("eth_getBlockByNumber")
		return nil, fmt.Errorf("header %d: %w", n, err)
	}
	return h, nil
}

// headerSource reads block headers, by eth_getHeaderByNumber when the node
// serves it (geth does): eth_getBlockByNumber, which ethclient uses, hashes
// every transaction of the block, tens of KB each in a round's blocks.
type headerSource struct {
	chain  Chain
	header optionalRPC // eth_getHeaderByNumber
}

func (s *headerSource) HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error) {
	var h *types.Header
	if served, err := s.header.call(ctx, s.chain, &h, "eth_getHeaderByNumber", hexutil.EncodeBig(number)); served {
		if err == nil && h == nil {
			err = ethereum.NotFound
		}
		return h, err
	}
	return s.chain.HeaderByNumber(ctx, number)
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
// canonical (blocks above the node's head are not).
func (w *Watcher) followReorg(ctx context.Context, cp index.Checkpoint, head uint64) error {
	stored, err := w.store.ProcessedBlocks(cp.Number+1, w.cfg.ReorgDepth)
	if err != nil {
		return err
	}
	// Without a canonical stored block, everything indexed goes: back to the
	// block before the first one read.
	var to uint64
	if w.cfg.StartBlock > 0 {
		to = w.cfg.StartBlock - 1
	}
	found := false
	for _, b := range stored {
		if b.Number > head {
			continue
		}
		hdr, err := w.header(ctx, b.Number)
		if err != nil {
			return err
		}
		if hdr.Hash() == b.Hash {
			to, found = b.Number, true
			break
		}
	}
	if !found && len(stored) == w.cfg.ReorgDepth {
		return fmt.Errorf("%w: none of the last %d indexed blocks below %d is canonical", ErrReorgTooDeep, len(stored), cp.Number)
	}
	w.log.Warn("chain reorganised; rolling the index back", "from", cp.Number, "to", to)
	if err := w.store.Rollback(to); err != nil {
		return fmt.Errorf("roll back to %d: %w", to, err)
	}
	w.processed.Store(to)
	w.reorgs.Add(1)
	if err := w.proc.reload(); err != nil {
		return err
	}
	return w.countVerdicts()
}

// countVerdicts recounts the stored rounds by verdict.
func (w *Watcher) countVerdicts() error {
	w.verdicts, w.frauds = map[index.Verdict]int{}, FraudCounts{}
	latest, ok, err := w.store.LatestRound()
	if err != nil || !ok {
		return err
	}
	for from := uint64(1); from <= latest; from += 5000 {
		rs, err := w.store.Rounds(from, min(latest, from+4999))
		if err != nil {
			return err
		}
		for i := range rs {
			w.verdicts[rs[i].Verdict]++
			w.frauds = w.frauds.Add(fraudsOf(&rs[i]))
		}
	}
	w.obs.SetRoundsByVerdict(w.verdictsCopy())
	w.obs.SetFrauds(w.frauds.Detected, w.frauds.Proven, w.frauds.FinalizedUnproven)
	return nil
}

func (w *Watcher) verdictsCopy() map[index.Verdict]int {
	out := make(map[index.Verdict]int, len(w.verdicts))
	for k, v := range w.verdicts {
		out[k] = v
	}
	return out
}
