package watcher

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/v1/contracts"
	"github.com/denomwatch/denomwatch/internal/v1/contracts/bindings"
)

// Store is what the watcher needs from the index.
type Store interface {
	Checkpoint() (index.Checkpoint, bool, error)
	Round(n uint64) (index.Round, bool, error)
	CommitmentData(round uint64) ([]byte, bool, error)
	BatchData(tx common.Hash) ([]byte, bool, error)
	Operators() ([]index.Operator, error)
	ProcessedBlocks(below uint64, limit int) ([]index.Checkpoint, error)
	Rounds(from, to uint64) ([]index.Round, error)
	LatestRound() (uint64, bool, error)
	Apply(u *index.BlockUpdate) error
	Rollback(to uint64) error
	Sync() error
}

// Observer receives the watcher's measurements (the API's metrics implement it).
type Observer interface {
	SetHead(uint64)
	SetProcessed(uint64)
	SetRoundsByVerdict(map[index.Verdict]int)
	// SetFrauds replaces the counts of frauds the index records
	// (FraudCounts).
	SetFrauds(detected, proven, finalizedUnproven int)
	ObserveRecompute(time.Duration)
	RPCError(method string)
}

type nopObserver struct{}

func (nopObserver) SetHead(uint64)                           {}
func (nopObserver) SetProcessed(uint64)                      {}
func (nopObserver) SetRoundsByVerdict(map[index.Verdict]int) {}
func (nopObserver) SetFrauds(int, int, int)                  {}
func (nopObserver) ObserveRecompute(time.Duration)           {}
func (nopObserver) RPCError(string)                          {}

// The AVS events the watcher handles.
var (
	evCommit     = contracts.ABI().GetABI().Events["NewRoundCommitments"].ID
	evBatch      = contracts.ABI().GetABI().Events["AllocationBatchSubmitted"].ID
	evFinalized  = contracts.ABI().GetABI().Events["RoundFinalized"].ID
	evFraud      = contracts.ABI().GetABI().Events["FraudProven"].ID
	evRegistered = contracts.ABI().GetABI().Events["OperatorRegistered"].ID
	evExit       = contracts.ABI().GetABI().Events["OperatorExitRequested"].ID
	evWithdrawn  = contracts.ABI().GetABI().Events["OperatorWithdrawn"].ID
	evSlashed    = contracts.ABI().GetABI().Events["OperatorSlashed"].ID
	topics       = []common.Hash{evCommit, evBatch, evFinalized, evFraud, evRegistered, evExit, evWithdrawn, evSlashed}
)

// processor turns a block's logs into an index.BlockUpdate.
type processor struct {
	chain    any // for optional capabilities (hashCaller)
	store    Store
	data     DataSource
	window   uint64 // challenge window, blocks
	observer Observer
	ops      []index.Operator // by index: the registry as of the checkpoint
	// cache holds recent rounds' recomputations, so that a batch does not
	// recompute the commitments its round's commitment event just did. Keyed
	// by round and commitment root; a result is a pure function of the data.
	cache map[cacheKey]commitmentJudgement
	// pre holds data fetched ahead for the logs of the range being indexed.
	pre map[logKey]fetched
}

// logKey names a log: its transaction and position in the block.
type logKey struct {
	tx    common.Hash
	index uint
}

// fetched is a DataSource answer obtained ahead of processing.
type fetched struct {
	data []byte
	in   *BatchInput
	err  error
}

// prefetchWorkers bounds the concurrent reads of a chunk; fetchAttempts is
// how many times a failed read is tried before the chunk fails.
const (
	prefetchWorkers = 4
	fetchAttempts   = 3
)

// retryRead runs read until it succeeds or reports unavailable data (an
// answer, not a failure), at most fetchAttempts times, waiting a little
// longer before each new try: a failed read is tried again here rather than
// failing the whole chunk. It returns read's last error.
func retryRead(ctx context.Context, read func() error) error {
	var err error
	for attempt := 0; attempt < fetchAttempts; attempt++ {
		if attempt > 0 {
			t := time.NewTimer(time.Duration(attempt) * 100 * time.Millisecond)
			select {
			case <-ctx.Done():
				t.Stop()
				return err
			case <-t.C:
			}
		}
		if err = read(); err == nil || errors.Is(err, ErrUnavailable) {
			return err
		}
	}
	return err
}

// fetchedChunk is a chunk of a range's logs with what processing them needs
// from the chain, read ahead: each data log's data (or the error reading it)
// and each block's header.
type fetchedChunk struct {
	logs      []types.Log
	end       int // index in the range's logs after the chunk
	data      map[logKey]fetched
	headers   map[uint64]*types.Header // nil for a block whose read failed
	headerErr error                    // the first failed header read
}

// headerReader is what fetchChunk needs besides the data source.
type headerReader interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// fetchChunk reads, concurrently, the data of every commitment and batch log
// of a chunk and the header of every block it has logs in, so that
// processing, which must stay in log order, does not wait on the node one
// request at a time. Each data answer, error included, is used as if read
// when its log is processed.
func (p *processor) fetchChunk(ctx context.Context, chain headerReader, logs []types.Log, end int) *fetchedChunk {
	fc := &fetchedChunk{logs: logs, end: end, data: make(map[logKey]fetched, len(logs)), headers: map[uint64]*types.Header{}}
	var (
		mu  sync.Mutex
		wg  sync.WaitGroup
		sem = make(chan struct{}, prefetchWorkers)
	)
	run := func(f func()) {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			f()
		}()
	}
	for i, l := range logs {
		if i == 0 || l.BlockNumber != logs[i-1].BlockNumber {
			n := l.BlockNumber
			run(func() {
				var h *types.Header
				err := retryRead(ctx, func() (err error) {
					h, err = chain.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
					return err
				})
				mu.Lock()
				defer mu.Unlock()
				fc.headers[n] = h
				if err != nil && fc.headerErr == nil {
					fc.headerErr = err
				}
			})
		}
		if len(l.Topics) == 0 || (l.Topics[0] != evCommit && l.Topics[0] != evBatch) {
			continue
		}
		run(func() {
			var f fetched
			f.err = retryRead(ctx, func() (err error) {
				if l.Topics[0] == evCommit {
					f.data, err = p.data.CommitmentData(ctx, l)
				} else {
					f.in, err = p.data.BatchInput(ctx, l)
				}
				return err
			})
			mu.Lock()
			fc.data[logKey{l.TxHash, l.Index}] = f
			mu.Unlock()
		})
	}
	wg.Wait()
	return fc
}

func (p *processor) commitmentData(ctx context.Context, l types.Log) ([]byte, error) {
	if f, ok := p.pre[logKey{l.TxHash, l.Index}]; ok {
		return f.data, f.err
	}
	return p.data.CommitmentData(ctx, l)
}

func (p *processor) batchInput(ctx context.Context, l types.Log) (*BatchInput, error) {
	if f, ok := p.pre[logKey{l.TxHash, l.Index}]; ok {
		return f.in, f.err
	}
	return p.data.BatchInput(ctx, l)
}

type cacheKey struct {
	round uint64
	root  common.Hash
}

// cacheSize bounds the recomputations kept (rounds awaiting their batch).
const cacheSize = 64

// reload reads the operator set back from the store and forgets cached
// recomputations (after a rollback, rounds may carry other data).
func (p *processor) reload() error {
	p.cache = nil
	ops, err := p.store.Operators()
	if err != nil {
		return fmt.Errorf("load operators: %w", err)
	}
	p.ops = ops
	return nil
}

// blockWork accumulates one block's changes.
type blockWork struct {
	u      *index.BlockUpdate
	rounds map[uint64]*index.Round
	ops    map[int]bool // indices changed
	// affected are the recipients each round's new verdict concerns (for alerts).
	affected map[uint64][]common.Address
}

func (p *processor) processBlock(ctx context.Context, number uint64, hash, parent common.Hash, logs []types.Log) (*blockWork, error) {
	w := &blockWork{
		u: &index.BlockUpdate{Number: number, Hash: hash, ParentHash: parent,
			CommitmentData: map[uint64][]byte{}, BatchData: map[common.Hash][]byte{}},
		rounds:   map[uint64]*index.Round{},
		ops:      map[int]bool{},
		affected: map[uint64][]common.Address{},
	}
	saved := append([]index.Operator(nil), p.ops...)
	for _, l := range logs {
		if err := p.processLog(ctx, w, l); err != nil {
			p.ops = saved // the block will be retried from scratch
			return nil, fmt.Errorf("block %d log %d: %w", number, l.Index, err)
		}
	}
	for _, r := range w.rounds {
		r.UpdatedBlock = number
		w.u.Rounds = append(w.u.Rounds, *r)
	}
	for i := range w.ops {
		w.u.Operators = append(w.u.Operators, p.ops[i])
	}
	return w, nil
}

// round returns the round's record as this block has it so far.
func (p *processor) round(w *blockWork, n uint64) (*index.Round, bool, error) {
	if r, ok := w.rounds[n]; ok {
		return r, true, nil
	}
	r, ok, err := p.store.Round(n)
	if err != nil || !ok {
		return nil, ok, err
	}
	w.rounds[n] = &r
	return &r, true, nil
}

func (p *processor) processLog(ctx context.Context, w *blockWork, l types.Log) error {
	if len(l.Topics) == 0 {
		return nil
	}
	abi := contracts.ABI()
	roundOf := func(r *big.Int) (uint64, error) {
		if !r.IsUint64() || r.Sign() == 0 {
			return 0, fmt.Errorf("event names round %s, out of range", r)
		}
		return r.Uint64(), nil
	}
	switch l.Topics[0] {
	case evCommit:
		ev, err := abi.UnpackNewRoundCommitmentsEvent(&l)
		if err != nil {
			return err
		}
		n, err := roundOf(ev.Round)
		if err != nil {
			return err
		}
		if err := p.onCommit(ctx, w, l, n, ev.CommitmentRoot); err != nil {
			return err
		}
		if ev.Timestamp.IsUint64() {
			w.rounds[n].CommitTime = ev.Timestamp.Uint64()
		}
	case evBatch:
		ev, err := abi.UnpackAllocationBatchSubmittedEvent(&l)
		if err != nil {
			return err
		}
		n, err := roundOf(ev.Round)
		if err != nil {
			return err
		}
		return p.onBatch(ctx, w, l, n, ev.AllocationRoot)
	case evFinalized:
		ev, err := abi.UnpackRoundFinalizedEvent(&l)
		if err != nil {
			return err
		}
		n, err := roundOf(ev.Round)
		if err != nil {
			return err
		}
		return p.onBatchStatus(w, n, index.BatchFinalized)
	case evFraud:
		ev, err := abi.UnpackFraudProvenEvent(&l)
		if err != nil {
			return err
		}
		n, err := roundOf(ev.Round)
		if err != nil {
			return err
		}
		return p.onBatchStatus(w, n, index.BatchVoided)
	case evRegistered:
		ev, err := abi.UnpackOperatorRegisteredEvent(&l)
		if err != nil {
			return err
		}
		if !ev.Index.IsUint64() || ev.Index.Uint64() >= maxOperators {
			return fmt.Errorf("OperatorRegistered names operator index %s; the registry holds %d", ev.Index, maxOperators)
		}
		i := int(ev.Index.Int64())
		for len(p.ops) <= i {
			p.ops = append(p.ops, index.Operator{Index: len(p.ops)})
		}
		p.ops[i] = index.Operator{
			Index: i, Address: ev.Operator, RegisteredBlock: l.BlockNumber,
			PkG1:  [2]string{ev.PkG1[0].String(), ev.PkG1[1].String()},
			PkG2:  [4]string{ev.PkG2[0].String(), ev.PkG2[1].String(), ev.PkG2[2].String(), ev.PkG2[3].String()},
			Stake: []index.StakeChange{{Block: l.BlockNumber, Delta: ev.Stake.String(), Cause: "registered"}},
		}
		w.ops[i] = true
	case evExit:
		ev, err := abi.UnpackOperatorExitRequestedEvent(&l)
		if err != nil {
			return err
		}
		return p.onOperator(w, operatorIndex(ev.Index), func(o *index.Operator) { o.ExitBlock = l.BlockNumber })
	case evWithdrawn:
		ev, err := abi.UnpackOperatorWithdrawnEvent(&l)
		if err != nil {
			return err
		}
		return p.onOperator(w, operatorIndex(ev.Index), func(o *index.Operator) {
			o.Stake = append(o.Stake, index.StakeChange{Block: l.BlockNumber, Delta: new(big.Int).Neg(ev.Amount).String(), Cause: "withdrawn"})
		})
	case evSlashed:
		ev, err := abi.UnpackOperatorSlashedEvent(&l)
		if err != nil {
			return err
		}
		for i := range p.ops {
			if p.ops[i].Address == ev.Operator {
				return p.onOperator(w, i, func(o *index.Operator) {
					o.Stake = append(o.Stake, index.StakeChange{Block: l.BlockNumber, Delta: new(big.Int).Neg(ev.Amount).String(), Cause: "slashed"})
				})
			}
		}
		return fmt.Errorf("OperatorSlashed names %s, not a registered operator", ev.Operator)
	}
	return nil
}

// operatorIndex is an event's operator index, or -1 when out of any range.
func operatorIndex(i *big.Int) int {
	if !i.IsUint64() || i.Uint64() >= maxOperators {
		return -1
	}
	return int(i.Uint64())
}

// maxOperators is the registry's MAX_OPERATORS (a signer bitmap is a uint256).
const maxOperators = 256

func (p *processor) onOperator(w *blockWork, i int, f func(*index.Operator)) error {
	if i < 0 || i >= len(p.ops) {
		return fmt.Errorf("event names operator %d of %d", i, len(p.ops))
	}
	f(&p.ops[i])
	w.ops[i] = true
	return nil
}

// onCommit records a round's commitments and judges them.
func (p *processor) onCommit(ctx context.Context, w *blockWork, l types.Log, n uint64, root common.Hash) error {
	data, err := p.commitmentData(ctx, l)
	reason := ""
	if err != nil {
		if !errors.Is(err, ErrUnavailable) {
			p.observer.RPCError("commitment data")
			return err
		}
		data, reason = nil, err.Error()
	}
	r := &index.Round{Round: n, CommitmentRoot: root, CommitTx: l.TxHash, CommitBlock: l.BlockNumber, CommitBlockHash: l.BlockHash,
		Signers: []index.Signer{}, Batches: []index.Batch{}}
	j := p.judge(n, root, data, reason)
	r.Verdict, r.Rule, r.Reason = j.verdict, j.rule, j.reason
	if j.c != nil {
		r.ProviderCount, r.EntryCount = len(j.c.Providers), j.c.EntryCount()
	}
	if r.Verdict != index.VerdictPending {
		w.affected[n] = affectedRecipients(j.c, nil, "", nil)
	}
	if j.res != nil {
		correct := j.res.AllocationRoot
		r.CorrectAllocationRoot = &correct
	}
	if data != nil {
		w.u.CommitmentData[n] = data
	}
	w.rounds[n] = r
	return nil
}

func (p *processor) judge(n uint64, root common.Hash, data []byte, reason string) commitmentJudgement {
	key := cacheKey{n, root}
	if j, ok := p.cache[key]; ok && data != nil {
		return j
	}
	start := time.Now()
	j := judgeCommitments(n, root, data, reason)
	p.observer.ObserveRecompute(time.Since(start))
	if data != nil {
		if p.cache == nil || len(p.cache) >= cacheSize {
			p.cache = make(map[cacheKey]commitmentJudgement, cacheSize)
		}
		p.cache[key] = j
	}
	return j
}

// onBatch records a batch and judges it against the round's commitments.
func (p *processor) onBatch(ctx context.Context, w *blockWork, l types.Log, n uint64, allocationRoot common.Hash) error {
	r, ok, err := p.round(w, n)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("batch for round %d, whose commitments were never seen", n)
	}
	in, err := p.batchInput(ctx, l)
	reason := ""
	if err != nil {
		if !errors.Is(err, ErrUnavailable) {
			p.observer.RPCError("batch data")
			return err
		}
		in, reason = nil, err.Error()
	}
	b := index.Batch{TxHash: l.TxHash, Block: l.BlockNumber, BlockHash: l.BlockHash, AllocationRoot: allocationRoot,
		DeadlineBlock: l.BlockNumber + p.window, Status: index.BatchLive, Signers: []index.Signer{}}
	if in != nil {
		b.AllocTreeRoot, b.DataAvailable = in.AllocTreeRoot, true
		b.DataHash = crypto.Keccak256Hash(in.AllocationData)
		b.SignerBitmap = hexutil.EncodeBig(in.SignerBitmap)
		b.Signers = p.signers(in.SignerBitmap, l.BlockNumber)
		w.u.BatchData[l.TxHash] = in.AllocationData
	} else if st, err := p.storedBatch(ctx, n, l, allocationRoot); err != nil {
		return err
	} else if st != nil {
		// The data is not in the transaction, but the contract stores the
		// signers and the tree root: read them at the batch's block.
		b.AllocTreeRoot, b.SignerBitmap = st.AllocTreeRoot, hexutil.EncodeBig(st.SignerBitmap)
		b.Signers = p.signers(st.SignerBitmap, l.BlockNumber)
	}
	r.Batches = append(r.Batches, b)
	ar := allocationRoot
	r.AllocationRoot, r.Signers, r.DeadlineBlock, r.Finalized = &ar, b.Signers, b.DeadlineBlock, false
	r.Kind, r.Index, r.Claimed, r.Correct, r.Rule, r.Reason = "", nil, "", "", "", ""

	// The batch is judged against the round's commitments, recomputed from
	// the stored (or this block's) commitment data.
	data, ok := w.u.CommitmentData[n]
	if !ok {
		if data, ok, err = p.store.CommitmentData(n); err != nil {
			return err
		}
	}
	cj := p.judge(n, r.CommitmentRoot, nilUnless(data, ok), "the round's commitment data is unavailable")
	switch {
	case cj.res == nil:
		// Malformed or unavailable commitments: that verdict stands.
		r.Verdict, r.Rule, r.Reason = cj.verdict, cj.rule, cj.reason
		w.affected[n] = affectedRecipients(cj.c, nil, "", nil)
	case in == nil:
		r.Verdict, r.Reason = index.VerdictUnavailable, reason
		w.affected[n] = affectedRecipients(cj.c, nil, "", nil)
	default:
		bj := judgeBatch(cj.res, allocationRoot, in.AllocTreeRoot, in.AllocationData)
		r.Verdict, r.Kind, r.Index, r.Claimed, r.Correct, r.Reason = bj.verdict, bj.kind, bj.index, bj.claimed, bj.correct, bj.reason
		if r.Verdict != index.VerdictValid {
			w.affected[n] = affectedRecipients(cj.c, cj.res, r.Kind, in.AllocationData)
		}
	}
	return nil
}

// hashCaller is the optional chain capability of a call pinned to a block
// hash (ethclient has it; the simulated client's concrete type too).
type hashCaller interface {
	CallContractAtHash(ctx context.Context, msg ethereum.CallMsg, blockHash common.Hash) ([]byte, error)
}

// storedBatch reads round n's batch from the contract's storage as of the
// log's block (pinned by hash): the signer bitmap and tree root of a batch
// whose transaction does not carry its data. It returns nil when the chain
// cannot call at a block hash, or when the stored batch is not the log's (a
// proof in the same block voided it).
func (p *processor) storedBatch(ctx context.Context, n uint64, l types.Log, allocationRoot common.Hash) (*bindings.DenominatorAllocationAVSRoundView, error) {
	c, ok := p.chain.(hashCaller)
	if !ok {
		return nil, nil
	}
	abi := contracts.ABI()
	msg := ethereum.CallMsg{To: &l.Address, Data: abi.PackGetRound(new(big.Int).SetUint64(n))}
	out, err := c.CallContractAtHash(ctx, msg, l.BlockHash)
	var answer rpc.Error
	if err != nil && errors.As(err, &answer) {
		// The node answered: most likely the block's state is pruned (a node
		// without full history keeps 128 blocks). The round as of the head
		// is used instead; the checks below refuse it unless the batch is
		// still the log's.
		if cc, ok := p.chain.(interface {
			CallContract(context.Context, ethereum.CallMsg, *big.Int) ([]byte, error)
		}); ok {
			out, err = cc.CallContract(ctx, msg, nil)
		}
	}
	if err != nil {
		p.observer.RPCError("eth_call")
		return nil, fmt.Errorf("round %d at block %s: %w", n, l.BlockHash, contracts.AsRevert(err))
	}
	v, err := abi.UnpackGetRound(out)
	if err != nil {
		return nil, fmt.Errorf("round %d at block %s: getRound: %w", n, l.BlockHash, err)
	}
	if v.AllocationRoot != allocationRoot || !v.SubmittedBlock.IsUint64() || v.SubmittedBlock.Uint64() != l.BlockNumber {
		return nil, nil
	}
	return &v, nil
}

func nilUnless(b []byte, ok bool) []byte {
	if !ok {
		return nil
	}
	return b
}

// signers decodes a signer bitmap into operators and their stake at block b.
func (p *processor) signers(bitmap *big.Int, b uint64) []index.Signer {
	out := []index.Signer{}
	for i := 0; i < bitmap.BitLen(); i++ {
		if bitmap.Bit(i) == 0 {
			continue
		}
		s := index.Signer{Index: i, Stake: "0"}
		if i < len(p.ops) {
			s.Address, s.Stake = p.ops[i].Address, p.ops[i].StakeAt(b).String()
		}
		out = append(out, s)
	}
	return out
}

// onBatchStatus marks the round's live batch finalized or voided.
func (p *processor) onBatchStatus(w *blockWork, n uint64, status string) error {
	r, ok, err := p.round(w, n)
	if err != nil {
		return err
	}
	if !ok || len(r.Batches) == 0 {
		return fmt.Errorf("%s for round %d, which has no batch", status, n)
	}
	last := &r.Batches[len(r.Batches)-1]
	last.Status = status
	r.Finalized = status == index.BatchFinalized
	return nil
}
