package watcher

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/index"
)

// headerChunk is how many blocks' headers are read ahead, concurrently, of
// the block being processed; headerWorkers how many at once, each tried
// headerAttempts times before the chunk fails.
const (
	headerChunk    = 64
	headerWorkers  = 4
	headerAttempts = 3
)

// byBlock splits a range's logs (in chain order) by block.
func byBlock(logs []types.Log) [][]types.Log {
	var out [][]types.Log
	for i := 0; i < len(logs); {
		j := i
		for j < len(logs) && logs[j].BlockNumber == logs[i].BlockNumber {
			j++
		}
		out = append(out, logs[i:j])
		i = j
	}
	return out
}

// lastTouch returns, per round, the last block of the range with a log of
// it: a round is judged once, after that block, not after each (a verdict
// deferred so is marked due by its record should the range stop early).
func lastTouch(logs []types.Log) map[uint64]uint64 {
	out := map[uint64]uint64{}
	for i := range logs {
		l := &logs[i]
		if len(l.Topics) < 2 {
			continue
		}
		if h, ok := handlers[l.Topics[0]]; ok && h.roundTopic {
			if n := new(big.Int).SetBytes(l.Topics[1][:]); n.IsUint64() {
				out[n.Uint64()] = l.BlockNumber
			}
		}
	}
	return out
}

// indexRange applies the blocks of a range with logs, then the range's last
// block, each atomically with the checkpoint; the rounds due to be judged
// again are judged with the last block. Headers are read a chunk ahead.
func (w *Watcher) indexRange(ctx context.Context, to uint64, logs []types.Log) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // stops a read ahead when processing fails
	blocks, last := byBlock(logs), lastTouch(logs)
	var ahead <-chan fetchedHeaders
	fetch := func(i int) <-chan fetchedHeaders {
		if i >= len(blocks) {
			return nil
		}
		ch := make(chan fetchedHeaders, 1)
		end := min(i+headerChunk, len(blocks))
		go func() { ch <- w.fetchHeaders(ctx, blocks[i:end]) }()
		return ch
	}
	ahead = fetch(0)
	for i := 0; ahead != nil; i += headerChunk {
		fh := <-ahead
		ahead = fetch(i + headerChunk)
		for _, bl := range blocks[i:min(i+headerChunk, len(blocks))] {
			if err := w.indexBlock(ctx, bl, fh, bl[0].BlockNumber == to, last); err != nil {
				return err
			}
		}
	}
	if w.processed.Load() < to {
		hdr := w.verifiedHeader(to)
		if hdr == nil {
			var err error
			if hdr, err = w.header(ctx, to); err != nil {
				return err
			}
		}
		if err := w.indexBlock(ctx, nil, fetchedHeaders{headers: map[uint64]*types.Header{to: hdr}}, true, last); err != nil {
			return err
		}
	}
	// One sync per range (a store opened with DeferSync writes blocks unsynced).
	return w.store.Sync()
}

// fetchedHeaders are the headers of a chunk's blocks (nil for a block
// whose read failed, with the first error).
type fetchedHeaders struct {
	headers map[uint64]*types.Header
	err     error
}

// fetchHeaders reads the headers of the blocks concurrently.
func (w *Watcher) fetchHeaders(ctx context.Context, blocks [][]types.Log) fetchedHeaders {
	fh := fetchedHeaders{headers: map[uint64]*types.Header{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, headerWorkers)
	for _, bl := range blocks {
		n := bl[0].BlockNumber
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			h := w.verifiedHeader(n)
			var err error
			for attempt := range headerAttempts {
				if h != nil {
					break
				}
				if h, err = w.headers.HeaderByNumber(ctx, new(big.Int).SetUint64(n)); err == nil || ctx.Err() != nil {
					break
				}
				time.Sleep(time.Duration(attempt+1) * 100 * time.Millisecond)
			}
			mu.Lock()
			defer mu.Unlock()
			fh.headers[n] = h
			if err != nil && fh.err == nil {
				fh.err = err
			}
		}()
	}
	wg.Wait()
	return fh
}

// indexBlock processes and applies one block: its logs (none for the
// range's last block without logs) with its header.
func (w *Watcher) indexBlock(ctx context.Context, logs []types.Log, fh fetchedHeaders, final bool, last map[uint64]uint64) error {
	var n uint64
	for k := range fh.headers {
		n = max(n, k)
	}
	if len(logs) > 0 {
		n = logs[0].BlockNumber
	}
	hdr := fh.headers[n]
	if hdr == nil {
		w.rpcError(ctx, "eth_getBlockByNumber")
		return fmt.Errorf("header %d: %w", n, fh.err)
	}
	for i := range logs {
		if logs[i].BlockHash != hdr.Hash() || logs[i].Removed {
			// The chain moved under the query: read the range again.
			return fmt.Errorf("block %d changed during the query (reorganisation in progress)", n)
		}
	}
	u, bw, err := w.processBlock(ctx, hdr, logs, final, last)
	if err != nil {
		return err
	}
	return w.apply(u, bw)
}

// processBlock applies a block's logs to its working set, puts the objects
// it revealed in the cache, judges the rounds whose verdict is due (but
// those with more logs later in the range), and returns the block's update.
func (w *Watcher) processBlock(ctx context.Context, hdr *types.Header, logs []types.Log, final bool, last map[uint64]uint64) (*index.BlockUpdate, *blockWork, error) {
	n := hdr.Number.Uint64()
	bw := newBlockWork(n, w.cfg.StartBlock, w.store, w.ops)
	for i := range logs {
		if logs[i].Address != w.cfg.AVS {
			continue
		}
		if err := w.applyLog(bw, &logs[i]); err != nil {
			return nil, nil, fmt.Errorf("block %d log %d: %w", n, logs[i].Index, err)
		}
	}
	if err := w.putRevealed(n, bw.objects); err != nil {
		return nil, nil, err
	}
	if final {
		if err := w.loadDue(bw); err != nil {
			return nil, nil, err
		}
	}
	u := &index.BlockUpdate{Number: n, Hash: hdr.Hash(), ParentHash: hdr.ParentHash, Operators: bw.ops.sortedOperators(bw.changed)}
	for _, rn := range slices.Sorted(maps.Keys(bw.rounds)) {
		r := bw.rounds[rn]
		switch {
		case last[rn] > n && r.Verdict == "":
			// A new round judged with a later block of the range: until
			// then its record says so (and its verdict is due).
			r.Verdict, r.Reason = index.VerdictPending, fmt.Sprintf("judged with block %d", last[rn])
		case last[rn] <= n && w.verdictDue(r):
			if err := w.judgeRound(ctx, r); err != nil {
				return nil, nil, fmt.Errorf("round %d: %w", rn, err)
			}
		}
		r.UpdatedBlock = n
		u.Rounds = append(u.Rounds, *r)
	}
	return u, bw, nil
}

// putRevealed puts the objects block n revealed in the cache, re-encoded
// from their events (provenance the chain), a round's at once.
func (w *Watcher) putRevealed(n uint64, objs []object) error {
	byRound := map[uint64][]CachedObject{}
	now := w.cfg.Now()
	for _, o := range objs {
		byRound[o.round] = append(byRound[o.round], CachedObject{Kind: o.kind, Key: o.key, Data: o.data, Prov: index.FromChain(n, o.tx, now)})
	}
	for _, round := range slices.Sorted(maps.Keys(byRound)) {
		if err := w.objects.cache.Put(round, byRound[round]...); err != nil {
			return fmt.Errorf("object cache: %w", err)
		}
	}
	return nil
}

// badLogAttempts is how many times a block is tried again over a log the
// AVS cannot have emitted before the log is skipped.
const badLogAttempts = 3

// applyLog applies a log to the block's working set. A log the AVS cannot
// have emitted fails the block, which is tried again (the node may answer
// better, or another endpoint may); after badLogAttempts tries it is
// skipped, said at ERROR and noted on its round, whose facts then lack what
// it carried (a batch without its details is judged incomplete): a node's
// bad answer does not stop the watcher for good.
func (w *Watcher) applyLog(bw *blockWork, l *types.Log) error {
	err := bw.apply(l)
	if !errors.Is(err, ErrBadLog) {
		return err
	}
	id := logID{l.BlockHash, l.Index}
	if w.badLogs[id]++; w.badLogs[id] < badLogAttempts {
		return err
	}
	delete(w.badLogs, id)
	w.log.Error("a log the AVS cannot have emitted is skipped", "block", l.BlockNumber, "logIndex", l.Index, "tx", l.TxHash, "attempts", badLogAttempts, "err", err)
	if h, ok := handlers[l.Topics[0]]; ok && h.roundTopic && len(l.Topics) > 1 {
		if r, rerr := bw.round(l, new(big.Int).SetBytes(l.Topics[1][:])); rerr == nil {
			addNote(r, fmt.Sprintf("log %d of block %d (%s) was skipped: %v", l.Index, l.BlockNumber, h.name, err))
		}
	}
	return nil
}

// loadDue adds the rounds due to be judged again to the block's working set
// (a round finalized in the meantime is dropped from the schedule).
func (w *Watcher) loadDue(bw *blockWork) error {
	for _, n := range w.dueRounds() {
		if _, ok := bw.rounds[n]; ok {
			continue
		}
		r, ok, err := w.store.Round(n)
		if err != nil {
			return err
		}
		if !ok || !open(&r) {
			// Gone, or finalized since it was scheduled: nothing can
			// change its verdict any more.
			delete(w.retries, n)
			continue
		}
		bw.rounds[n] = &r
	}
	return nil
}

// apply writes a block's update, with the alerts its rounds' new records
// raise (enqueued atomically with the block), then takes the block's
// registry as the watcher's, and logs and counts the verdicts.
func (w *Watcher) apply(u *index.BlockUpdate, bw *blockWork) error {
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
			bodies, err := w.cfg.Alerts(before[r.Round], r, affected(&r))
			if err != nil {
				return fmt.Errorf("alerts of round %d: %w", r.Round, err)
			}
			u.Alerts = append(u.Alerts, bodies...)
		}
	}
	if err := w.store.Apply(u); err != nil {
		return fmt.Errorf("index block %d: %w", u.Number, err)
	}
	w.ops = bw.ops
	w.afterApply(u, before)
	for _, s := range bw.said {
		w.sayOnce(s)
	}
	return nil
}

// afterApply counts, logs and reports a written block's rounds.
func (w *Watcher) afterApply(u *index.BlockUpdate, before map[uint64]*index.Round) {
	for i := range u.Rounds {
		r := &u.Rounds[i]
		if old := before[r.Round]; old != nil {
			w.verdicts[old.Verdict]--
			w.frauds = w.frauds.Sub(fraudsOf(old))
		}
		w.verdicts[r.Verdict]++
		w.frauds = w.frauds.Add(fraudsOf(r))
		w.logRound(before[r.Round], r)
	}
	w.prog.judged(len(u.Rounds))
	w.obs.SetRoundsByVerdict(maps.Clone(w.verdicts))
	w.obs.SetFrauds(w.frauds.Detected, w.frauds.Proven, w.frauds.FinalizedUnproven)
	w.processed.Store(u.Number)
	w.obs.SetProcessed(u.Number)
	if len(u.Alerts) > 0 && w.cfg.OnAlerts != nil {
		w.cfg.OnAlerts()
	}
}

// affected returns the recipients a round's verdict names: the first wrong
// entry's of a bad allocation.
func affected(r *index.Round) []common.Address {
	if v := r.Judgement; v != nil && v.BadAllocation != nil && v.BadAllocation.FirstWrongEntry != nil {
		return []common.Address{v.BadAllocation.FirstWrongEntry.Recipient}
	}
	return nil
}

// rereadReveal reads a reveal's log again (by its block hash) and returns
// its object as the handler made it: for a cache that lost it (or never
// kept it: a row that does not rebuild its root).
func (w *Watcher) rereadReveal(ctx context.Context, round uint64, rv index.Reveal) ([]byte, error) {
	return rereadReveal(ctx, w.chain, w.cfg.AVS, round, rv)
}

// rereadReveal reads a reveal's object again from its log, found by its
// block's hash and its index in the block.
func rereadReveal(ctx context.Context, chain LogReader, avs common.Address, round uint64, rv index.Reveal) ([]byte, error) {
	name := bindings.DenominatorAllocationAVSRowRevealedEventName
	if rv.Kind == kindManifestPart {
		name = bindings.DenominatorAllocationAVSManifestRevealedEventName
	}
	bh := rv.BlockHash
	logs, err := chain.FilterLogs(ctx, ethereum.FilterQuery{BlockHash: &bh, Addresses: []common.Address{avs},
		Topics: [][]common.Hash{{contracts.EventID(name)}, {common.BigToHash(new(big.Int).SetUint64(round))}}})
	if err != nil {
		return nil, err
	}
	for i := range logs {
		if logs[i].Index == rv.LogIndex {
			return revealData(&logs[i], round)
		}
	}
	return nil, fmt.Errorf("no log %d of round %d in block %s", rv.LogIndex, round, bh.Hex())
}
