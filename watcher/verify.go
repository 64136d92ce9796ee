package watcher

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/ethereum/go-ethereum/trie"

	"github.com/denomwatch/denomwatch/rpcpool"
)

// Trustless reads (README "Trust model"). With verification on (the
// default), a range of blocks is read on one endpoint at a time: the
// header of every block of the range (chained by parent hash from the
// block the index pins), the AVS's logs, and, for every block with an AVS
// log or whose logsBloom admits the AVS's address, the block's receipts,
// whose trie must rebuild the header's receiptsRoot and whose AVS logs must
// be exactly those eth_getLogs answered. An answer that fails is a lie
// (rpcpool.Lie, wrapping rpcpool.ErrLying): a pool retries the read on its
// next endpoint and cools the liar down; a single node's lie fails the step
// (the watcher judges nothing on it, Blinded says why).

// ErrParentMoved is wrapped when the range's first header does not follow
// the block the index pins: the chain was reorganised under the read (or
// the node that answered the pin lied); the next step checks the pin again.
var ErrParentMoved = errors.New("the range does not follow the last indexed block")

// verifier is the chain capability of verified reads: rpcpool.Pool, or
// oneEndpoint around a single node's raw client.
type verifier interface {
	Verified(ctx context.Context, method string, f func(ctx context.Context, name string, c *rpc.Client) error) error
}

// oneEndpoint runs a verified read on a single node: a lie is the read's error.
type oneEndpoint struct{ c *rpc.Client }

func (o oneEndpoint) Verified(ctx context.Context, _ string, f func(context.Context, string, *rpc.Client) error) error {
	return f(ctx, "node", o.c)
}

// newVerifier returns chain's verified reads, nil when it has none (no raw
// client: nothing can be checked, said at WARN by New).
func newVerifier(chain Chain) verifier {
	if v, ok := chain.(verifier); ok {
		return v
	}
	if c, ok := chain.(rpcClient); ok {
		return oneEndpoint{c.Client()}
	}
	return nil
}

// lieObserver is the optional Observer capability of counting lies.
type lieObserver interface {
	RPCLie(endpoint string, kind rpcpool.LieKind)
}

// verification is the watcher's verified-read state.
type verification struct {
	v        verifier
	receipts atomic.Bool // eth_getBlockReceipts is missing: per-transaction receipts
	// headers are the verified headers of the range being indexed.
	headers map[uint64]*types.Header
	// blinded is the last step's lie while no endpoint answered truly.
	blinded atomic.Pointer[error]
	calls   atomic.Uint64 // JSON-RPC calls made by verified reads (batch elements count)
}

// rangeRead is a range's verified answer.
type rangeRead struct {
	headers map[uint64]*types.Header
	logs    []types.Log
	moved   error // ErrParentMoved or a log of another block: retry the step
}

// verifiedLogs reads the AVS's logs of next..to, verified, with every
// header of the range (kept for indexRange). parent is the hash the index
// pins for next-1 (zero at the first block).
func (w *Watcher) verifiedLogs(ctx context.Context, next, to uint64, parent common.Hash) ([]types.Log, bool, error) {
	var rr rangeRead
	err := w.ver.v.Verified(ctx, "verified range", func(ctx context.Context, name string, c *rpc.Client) error {
		r, err := w.readRange(ctx, c, next, to, parent)
		if l := (*rpcpool.Lie)(nil); errors.As(err, &l) {
			w.lied(name, l)
		}
		rr = r
		return err
	})
	if err != nil {
		w.rpcError(ctx, "eth_getLogs")
		var answer rpc.Error
		if errors.As(err, &answer) && !errors.Is(err, rpcpool.ErrLying) && w.rangeSize > 1 {
			w.rangeSize /= 2
			w.log.Info("eth_getLogs refused a range; halving it", "from", next, "to", to, "range", w.rangeSize, "err", err)
			return nil, true, nil
		}
		if errors.Is(err, rpcpool.ErrLying) {
			w.ver.blinded.Store(&err)
		}
		return nil, false, fmt.Errorf("verified read %d-%d: %w", next, to, err)
	}
	w.ver.blinded.Store(nil)
	if rr.moved != nil {
		return nil, false, rr.moved
	}
	w.rangeSize = min(w.rangeSize*2, w.cfg.MaxRange)
	w.ver.headers = rr.headers
	return rr.logs, false, nil
}

// readRange is one endpoint's verified read of next..to.
func (w *Watcher) readRange(ctx context.Context, c *rpc.Client, next, to uint64, parent common.Hash) (rangeRead, error) {
	// The logs first: a range the node refuses costs no headers.
	var logs []types.Log
	w.ver.calls.Add(1)
	if err := retrying(ctx, func() error { return c.CallContext(ctx, &logs, "eth_getLogs", w.filterArg(next, to)) }); err != nil {
		return rangeRead{}, err
	}
	hdrs, err := w.readHeaders(ctx, c, next, to)
	if err != nil {
		return rangeRead{}, err
	}
	if p := hdrs[next].ParentHash; parent != (common.Hash{}) && p != parent {
		return rangeRead{moved: fmt.Errorf("%w: block %d's parent is %s, not %s", ErrParentMoved, next, p.Hex(), parent.Hex())}, nil
	}
	byNum := map[uint64][]types.Log{}
	for _, l := range logs {
		h := hdrs[l.BlockNumber]
		if h == nil || l.Removed {
			return rangeRead{}, &rpcpool.Lie{Kind: rpcpool.LieLogs, Block: l.BlockNumber, Detail: "a log outside the range asked for, or removed"}
		}
		if l.BlockHash != h.Hash() {
			return rangeRead{moved: fmt.Errorf("block %d changed during the query (reorganisation in progress)", l.BlockNumber)}, nil
		}
		byNum[l.BlockNumber] = append(byNum[l.BlockNumber], l)
	}
	var check []*types.Header
	for n := next; n <= to; n++ {
		if len(byNum[n]) > 0 || types.BloomLookup(hdrs[n].Bloom, w.cfg.AVS) {
			check = append(check, hdrs[n])
		}
	}
	receipts, err := w.receipts(ctx, c, check)
	if err != nil {
		return rangeRead{}, err
	}
	for i, h := range check {
		if err := w.checkBlock(h, receipts[i], byNum[h.Number.Uint64()]); err != nil {
			return rangeRead{}, err
		}
	}
	return rangeRead{headers: hdrs, logs: logs}, nil
}

// verifyAttempts is how many times one request of a verified read is made
// on its endpoint before a transport failure fails the read (a range's read
// is many requests: failing it for one dropped request would rarely let
// it through a flaky endpoint); verifyPause spaces the attempts.
const (
	verifyAttempts = 3
	verifyPause    = 50 * time.Millisecond
)

// retrying makes a request up to verifyAttempts times while it fails at
// the transport level.
func retrying(ctx context.Context, f func() error) error {
	var err error
	for attempt := range verifyAttempts {
		if err = f(); err == nil || !rpcpool.IsTransport(err) || ctx.Err() != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(time.Duration(attempt+1) * verifyPause):
		}
	}
	return err
}

// filterArg is eth_getLogs' filter of the AVS's events over next..to.
func (w *Watcher) filterArg(next, to uint64) map[string]any {
	return map[string]any{"fromBlock": hexutil.EncodeUint64(next), "toBlock": hexutil.EncodeUint64(to),
		"address": []common.Address{w.cfg.AVS}, "topics": [][]common.Hash{topics}}
}

// headerBatch bounds the headers asked for in one batch.
const headerBatch = 100

// readHeaders reads the headers of next..to and checks that each is the
// block asked for and the child of the one before.
func (w *Watcher) readHeaders(ctx context.Context, c *rpc.Client, next, to uint64) (map[uint64]*types.Header, error) {
	hdrs := make(map[uint64]*types.Header, to-next+1)
	for from := next; from <= to; from += headerBatch {
		end := min(to, from+headerBatch-1)
		got := make([]*types.Header, end-from+1)
		batch := make([]rpc.BatchElem, len(got))
		for i := range got {
			batch[i] = rpc.BatchElem{Method: "eth_getBlockByNumber", Args: []any{hexutil.EncodeUint64(from + uint64(i)), false}, Result: &got[i]}
		}
		w.ver.calls.Add(uint64(len(batch)))
		if err := retrying(ctx, func() error { return c.BatchCallContext(ctx, batch) }); err != nil {
			return nil, err
		}
		for i, h := range got {
			n := from + uint64(i)
			if batch[i].Error != nil {
				return nil, fmt.Errorf("header %d: %w", n, batch[i].Error)
			}
			if h == nil || h.Number == nil || h.Number.Uint64() != n {
				// Not proven a lie: the node may be behind the head read.
				return nil, fmt.Errorf("header %d: not served", n)
			}
			if p := hdrs[n-1]; p != nil && h.ParentHash != p.Hash() {
				return nil, &rpcpool.Lie{Kind: rpcpool.LieHeader, Block: n, Detail: fmt.Sprintf("its parent %s is not block %d (%s)", h.ParentHash.Hex(), n-1, p.Hash().Hex())}
			}
			hdrs[n] = h
		}
	}
	return hdrs, nil
}

// checkBlock checks a block's receipts against its header's receiptsRoot
// and its AVS logs, as eth_getLogs answered them, against its receipts'.
func (w *Watcher) checkBlock(h *types.Header, rs []*types.Receipt, logs []types.Log) error {
	n := h.Number.Uint64()
	if root := types.DeriveSha(types.Receipts(rs), trie.NewStackTrie(nil)); root != h.ReceiptHash {
		return &rpcpool.Lie{Kind: rpcpool.LieReceipts, Block: n, Detail: fmt.Sprintf("its receipts rebuild root %s, its header's is %s", root.Hex(), h.ReceiptHash.Hex())}
	}
	want := w.avsLogs(rs)
	if len(want) != len(logs) {
		return &rpcpool.Lie{Kind: rpcpool.LieLogs, Block: n, Detail: fmt.Sprintf("eth_getLogs answered %d AVS logs, the block's receipts hold %d", len(logs), len(want))}
	}
	for i := range want {
		if !sameLog(want[i], &logs[i]) {
			return &rpcpool.Lie{Kind: rpcpool.LieLogs, Block: n, Detail: fmt.Sprintf("log %d is not the one the block's receipts hold", logs[i].Index)}
		}
	}
	return nil
}

// avsLogs are the receipts' logs eth_getLogs should answer, in order.
func (w *Watcher) avsLogs(rs []*types.Receipt) []*types.Log {
	var out []*types.Log
	for _, r := range rs {
		for _, l := range r.Logs {
			if l.Address == w.cfg.AVS && len(l.Topics) > 0 && slices.Contains(topics, l.Topics[0]) {
				out = append(out, l)
			}
		}
	}
	return out
}

// sameLog compares what the receipts root commits to (address, topics,
// data) and where the log is (transaction, index).
func sameLog(want, got *types.Log) bool {
	return want.Address == got.Address && slices.Equal(want.Topics, got.Topics) && bytes.Equal(want.Data, got.Data) &&
		want.TxHash == got.TxHash && want.Index == got.Index
}

// receiptsBatch bounds the blocks whose receipts one batch asks for.
const receiptsBatch = 50

// receipts reads the blocks' receipts: by eth_getBlockReceipts, in
// batches, while the node serves it, else per transaction (txReceipts).
func (w *Watcher) receipts(ctx context.Context, c *rpc.Client, hdrs []*types.Header) ([][]*types.Receipt, error) {
	out := make([][]*types.Receipt, len(hdrs))
	for from := 0; from < len(hdrs) && !w.ver.receipts.Load(); from += receiptsBatch {
		end := min(len(hdrs), from+receiptsBatch)
		batch := make([]rpc.BatchElem, end-from)
		for i := range batch {
			batch[i] = rpc.BatchElem{Method: "eth_getBlockReceipts", Args: []any{hdrs[from+i].Hash()}, Result: &out[from+i]}
		}
		w.ver.calls.Add(uint64(len(batch)))
		if err := retrying(ctx, func() error { return c.BatchCallContext(ctx, batch) }); err != nil {
			return nil, err
		}
		for i := range batch {
			if isMethodNotFound(batch[i].Error) {
				w.ver.receipts.Store(true)
				w.log.Info("the node lacks eth_getBlockReceipts; reading receipts per transaction")
				break
			}
			if batch[i].Error != nil {
				return nil, fmt.Errorf("receipts of block %d: %w", hdrs[from+i].Number, batch[i].Error)
			}
		}
	}
	if !w.ver.receipts.Load() {
		return out, nil
	}
	for i, h := range hdrs {
		rs, err := w.txReceipts(ctx, c, h.Hash())
		if err != nil {
			return nil, fmt.Errorf("receipts of block %d: %w", h.Number, err)
		}
		out[i] = rs
	}
	return out, nil
}

// txReceipts reads a block's receipts transaction by transaction, in one batch.
func (w *Watcher) txReceipts(ctx context.Context, c *rpc.Client, hash common.Hash) ([]*types.Receipt, error) {
	var block struct {
		Transactions []common.Hash `json:"transactions"`
	}
	w.ver.calls.Add(1)
	if err := retrying(ctx, func() error { return c.CallContext(ctx, &block, "eth_getBlockByHash", hash, false) }); err != nil {
		return nil, err
	}
	rs := make([]*types.Receipt, len(block.Transactions))
	batch := make([]rpc.BatchElem, len(rs))
	for i, tx := range block.Transactions {
		batch[i] = rpc.BatchElem{Method: "eth_getTransactionReceipt", Args: []any{tx}, Result: &rs[i]}
	}
	w.ver.calls.Add(uint64(len(batch)))
	if err := retrying(ctx, func() error { return c.BatchCallContext(ctx, batch) }); err != nil {
		return nil, err
	}
	for i := range batch {
		if batch[i].Error != nil || rs[i] == nil {
			return nil, fmt.Errorf("receipt of %s: %v", block.Transactions[i].Hex(), batch[i].Error)
		}
	}
	return rs, nil
}

// lied reports an endpoint's lie: logged, counted, alerted (Config.OnLie).
func (w *Watcher) lied(endpoint string, l *rpcpool.Lie) {
	w.log.Error("rpc endpoint lied; its answer is not used", "endpoint", endpoint, "kind", l.Kind, "block", l.Block, "err", l)
	if o, ok := w.obs.(lieObserver); ok {
		o.RPCLie(endpoint, l.Kind)
	}
	if w.cfg.OnLie != nil {
		w.cfg.OnLie(endpoint, l)
	}
}

// Blinded returns the lie that kept the last step from reading the chain
// (no endpoint answered truly), nil when the last verified read succeeded:
// a watcher blinded so judges nothing and should not be reported ready.
func (w *Watcher) Blinded() error {
	if w.ver == nil {
		return nil
	}
	if p := w.ver.blinded.Load(); p != nil {
		return *p
	}
	return nil
}

// VerifiedCalls counts the JSON-RPC calls verified reads made (each
// element of a batch counts).
func (w *Watcher) VerifiedCalls() uint64 {
	if w.ver == nil {
		return 0
	}
	return w.ver.calls.Load()
}

// verifiedHeader returns the verified header of block n of the range being
// indexed, nil when there is none.
func (w *Watcher) verifiedHeader(n uint64) *types.Header {
	if w.ver == nil {
		return nil
	}
	return w.ver.headers[n]
}
