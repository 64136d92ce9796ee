package challenge

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/challenge/solve"
	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/judge"
)

var avs = contracts.ABI()

// gather reads the facts of w's batch at the pass's head: the verdict from
// the index, the batch, its challenges and the move in flight from the
// chain, the fees and the round's other bonds; and, asking solve.Next until
// it asks for no more, the gas estimates of the moves it wants.
func (e *Executor) gather(ctx context.Context, p *pass, w *work) error {
	f := solve.Facts{Round: w.rec.Round, Head: p.head, Config: e.solveCfg, FeeCap: p.feeCap, TipCap: p.tipCap,
		Verdict: verdictOf(w), RoundBonds: e.roundBonds(w)}
	ev, err := e.roundEvents(ctx, p.head, w)
	if err != nil {
		return err
	}
	if f.Batch, err = e.batchFacts(ctx, p.head, w, ev); err != nil {
		return err
	}
	if f.Challenges, err = e.challengeFacts(ctx, p.head, w, ev); err != nil {
		return err
	}
	if m := w.rec.Move; m != nil {
		if f.Move, err = e.moveFacts(ctx, p.head, m); err != nil {
			return err
		}
	}
	w.facts, w.gathered = f, true
	w.facts.Balance = e.available(p, w)
	for range maxEstimates {
		a := solve.Next(w.rec, w.facts)
		if a.Kind != solve.KindWait || a.Reason != solve.ReasonNoEstimate {
			return nil
		}
		if err := e.estimate(ctx, w, a.Target); err != nil {
			return err
		}
	}
	return nil
}

// maxEstimates bounds the estimates one record's facts take in a pass.
const maxEstimates = 4

// verdictOf is the index's verdict on w's batch (nil: none of its attempt).
func verdictOf(w *work) *judge.Verdict {
	r := w.round
	if r == nil || r.Judgement == nil || r.Judgement.Attempt == nil || *r.Judgement.Attempt != w.rec.Attempt {
		return nil
	}
	v := *r.Judgement
	return &v
}

// roundBonds sums what the round's other records' challenges of ours hold
// or lost.
func (e *Executor) roundBonds(w *work) *uint256.Int {
	sum := new(uint256.Int)
	for k, o := range e.works {
		if k.round != w.rec.Round || k.attempt == w.rec.Attempt {
			continue
		}
		held, lost, _ := o.rec.Bonds()
		sum.Add(sum, held)
		sum.Add(sum, lost)
	}
	return sum
}

// available is what the key can spend for w: the pass's balance less what
// the other records' moves in flight may still spend (nil: unknown).
func (e *Executor) available(p *pass, w *work) *uint256.Int {
	if p.balance == nil {
		return nil
	}
	left := p.balance.Clone()
	for _, o := range e.works {
		if o == w || o.rec.Move == nil {
			continue
		}
		if c := moveCost(o.rec.Move); c.Cmp(left) >= 0 {
			left.Clear()
		} else {
			left.Sub(left, c)
		}
	}
	return left
}

// moveCost is the most a move in flight may spend: its latest attempt's
// gas limit at its fee cap, and its value (a cancellation: a transfer).
func moveCost(m *solve.Move) *uint256.Int {
	gas, value := m.GasLimit, m.Value
	if m.Cancelling {
		gas, value = 21_000, nil
	}
	c := new(uint256.Int)
	if n := len(m.Attempts); n > 0 && m.Attempts[n-1].FeeCap != nil {
		c.Mul(uint256.NewInt(gas), m.Attempts[n-1].FeeCap)
	}
	if value != nil {
		c.Add(c, value)
	}
	return c
}

// events are a round's events from the chain, from the batch's block to
// the head.
type events struct {
	frauds     []*bindings.DenominatorAllocationAVSFraudProven
	finalized  []*types.Log
	challenged []*bindings.DenominatorAllocationAVSAvailabilityChallenged
}

var eventTopics = []common.Hash{
	contracts.EventID(bindings.DenominatorAllocationAVSFraudProvenEventName),
	contracts.EventID(bindings.DenominatorAllocationAVSRoundFinalizedEventName),
	contracts.EventID(bindings.DenominatorAllocationAVSAvailabilityChallengedEventName),
}

// roundEvents reads the round's FraudProven, RoundFinalized and
// AvailabilityChallenged logs from the batch's block to head.
func (e *Executor) roundEvents(ctx context.Context, head uint64, w *work) (*events, error) {
	from := e.fromBlock(w)
	ev := &events{}
	if from > head {
		return ev, nil // the node is behind the batch (a shorter branch): nothing yet
	}
	logs, err := e.d.Chain.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(head), Addresses: []common.Address{e.cfg.AVS},
		Topics: [][]common.Hash{eventTopics, {common.BigToHash(new(big.Int).SetUint64(w.rec.Round))}},
	})
	if err != nil {
		return nil, fmt.Errorf("events of round %d: %w", w.rec.Round, err)
	}
	for i := range logs {
		if err := ev.add(&logs[i]); err != nil {
			return nil, err
		}
	}
	return ev, nil
}

// add decodes one log into ev.
func (ev *events) add(l *types.Log) error {
	if l.Removed || len(l.Topics) == 0 {
		return nil
	}
	var err error
	switch l.Topics[0] {
	case eventTopics[0]:
		var f *bindings.DenominatorAllocationAVSFraudProven
		if f, err = avs.UnpackFraudProvenEvent(l); err == nil {
			ev.frauds = append(ev.frauds, f)
		}
	case eventTopics[1]:
		ev.finalized = append(ev.finalized, l)
	case eventTopics[2]:
		var c *bindings.DenominatorAllocationAVSAvailabilityChallenged
		if c, err = avs.UnpackAvailabilityChallengedEvent(l); err == nil {
			ev.challenged = append(ev.challenged, c)
		}
	}
	if err != nil {
		return fmt.Errorf("log %d of block %d: %w", l.Index, l.BlockNumber, err)
	}
	return nil
}

// fromBlock is the first block of w's batch's events: its submission block
// as the index or the chain last showed it, else the round's commitment,
// else the configured start.
func (e *Executor) fromBlock(w *work) uint64 {
	if b := batchOf(w.round, w.rec.Attempt); b != nil {
		w.batchBlock = b.Block
	}
	switch {
	case w.batchBlock > 0:
		return w.batchBlock
	case w.round != nil && w.round.CommitBlock > 0:
		return w.round.CommitBlock
	}
	return e.cfg.StartBlock
}

// batchFacts is the record's batch as the chain has it at head: live or
// finalized while the round's attempt is the record's, voided (by the
// FraudProven of its attempt) once the attempt count passed it, absent
// otherwise (a reorganisation took its submission away).
func (e *Executor) batchFacts(ctx context.Context, head uint64, w *work, ev *events) (*solve.Batch, error) {
	v, err := e.roundView(ctx, w.rec.Round, head)
	if err != nil {
		return nil, err
	}
	attempt, status := v.Attempt.Uint64(), contracts.RoundStatus(v.Status)
	b := &solve.Batch{Attempt: w.rec.Attempt}
	switch {
	case attempt == w.rec.Attempt && (status == contracts.RoundBatchLive || status == contracts.RoundFinalized):
		b.SubmissionBlock, b.Deadline = v.SubmissionBlock.Uint64(), v.Deadline.Uint64()
		w.batchBlock = b.SubmissionBlock
		b.State = solve.BatchLive
		if status == contracts.RoundFinalized {
			b.State, b.Finalized = solve.BatchFinalized, e.finalizedEvent(ev)
		}
	case attempt > w.rec.Attempt:
		b.State, b.Voided = solve.BatchVoided, e.voidedEvent(ev, w.rec.Attempt)
		b.SubmissionBlock = w.batchBlock
		if ib := batchOf(w.round, w.rec.Attempt); ib != nil {
			b.Deadline = ib.DeadlineBlock
		}
	default:
		return nil, nil
	}
	return b, nil
}

// roundView reads getRound at block.
func (e *Executor) roundView(ctx context.Context, round, block uint64) (bindings.DenominatorAllocationAVSRoundView, error) {
	out, err := e.d.Chain.CallContract(ctx, ethereum.CallMsg{To: &e.cfg.AVS, Data: avs.PackGetRound(new(big.Int).SetUint64(round))},
		new(big.Int).SetUint64(block))
	if err != nil {
		return bindings.DenominatorAllocationAVSRoundView{}, fmt.Errorf("getRound(%d) at %d: %w", round, block, contracts.AsRevert(err))
	}
	v, err := avs.UnpackGetRound(out)
	if err != nil {
		return v, fmt.Errorf("getRound(%d): %w", round, err)
	}
	return v, nil
}

// finalizedEvent is the round's RoundFinalized (nil: not in the logs).
func (e *Executor) finalizedEvent(ev *events) *solve.Event {
	if len(ev.finalized) == 0 {
		return nil
	}
	l := ev.finalized[len(ev.finalized)-1]
	return &solve.Event{Tx: l.TxHash, Block: l.BlockNumber, BlockHash: l.BlockHash}
}

// voidedEvent is the FraudProven that voided attempt a (nil: not in the
// logs).
func (e *Executor) voidedEvent(ev *events, a uint64) *solve.Event {
	for _, f := range ev.frauds {
		if f.Attempt.IsUint64() && f.Attempt.Uint64() == a {
			l := f.Raw
			return &solve.Event{Tx: l.TxHash, Block: l.BlockNumber, BlockHash: l.BlockHash, By: f.Challenger,
				Ours: e.key != nil && f.Challenger == e.from, Kind: contracts.FraudKind(f.Kind)}
		}
	}
	return nil
}

// challengeFacts lists the batch's availability challenges at head, each
// with its state from getChallenge: open, resolved, or settled (slashed
// when a FraudProven of the attempt convicted it with a slash, else
// refunded).
func (e *Executor) challengeFacts(ctx context.Context, head uint64, w *work, ev *events) ([]solve.ChainChallenge, error) {
	var out []solve.ChainChallenge
	for _, c := range ev.challenged {
		if !c.Attempt.IsUint64() || c.Attempt.Uint64() != w.rec.Attempt || !c.Index.IsUint64() || !c.ResolveBy.IsUint64() {
			continue
		}
		kind := contracts.ObjectKind(c.Kind)
		st, err := e.challengeState(ctx, head, w.rec, kind, c.Index.Uint64())
		if err != nil {
			return nil, err
		}
		cc := solve.ChainChallenge{Object: kind, Index: c.Index.Uint64(), Ours: e.key != nil && c.Challenger == e.from,
			Bond: u256(st.Bond), Tx: c.Raw.TxHash, Block: c.Raw.BlockNumber, ResolveBy: c.ResolveBy.Uint64()}
		cc.State = chainState(st.State, slashed(ev, w.rec.Attempt, kind, cc.Index))
		out = append(out, cc)
	}
	return out, nil
}

// The contract's ChallengeState values.
const (
	stateOpen     = 1
	stateResolved = 2
	stateSettled  = 3
)

func chainState(s uint8, slashed bool) solve.ChallengeState {
	switch {
	case s == stateResolved:
		return solve.ChallengeResolved
	case s == stateSettled && slashed:
		return solve.ChallengeSlashed
	case s == stateSettled:
		return solve.ChallengeRefunded
	}
	return solve.ChallengeOpen
}

// slashed reports whether a FraudProven of attempt a convicted the
// challenge of (kind, index) with a slash.
func slashed(ev *events, a uint64, kind contracts.ObjectKind, index uint64) bool {
	for _, f := range ev.frauds {
		if f.Attempt.IsUint64() && f.Attempt.Uint64() == a && f.Kind == string(kind.FraudKind()) &&
			f.Provider.IsUint64() && f.Provider.Uint64() == index && f.SlashedTotal.Sign() > 0 {
			return true
		}
	}
	return false
}

// challengeState reads getChallenge at block.
func (e *Executor) challengeState(ctx context.Context, block uint64, rec solve.Record, kind contracts.ObjectKind, index uint64) (bindings.AvailabilityChallengesChallenge, error) {
	data := avs.PackGetChallenge(new(big.Int).SetUint64(rec.Round), new(big.Int).SetUint64(rec.Attempt), uint8(kind), new(big.Int).SetUint64(index))
	out, err := e.d.Chain.CallContract(ctx, ethereum.CallMsg{To: &e.cfg.AVS, Data: data}, new(big.Int).SetUint64(block))
	if err != nil {
		return bindings.AvailabilityChallengesChallenge{}, fmt.Errorf("getChallenge: %w", contracts.AsRevert(err))
	}
	return avs.UnpackGetChallenge(out)
}

// moveFacts is where the chain has the move in flight at head: mined (an
// attempt's receipt at or below the head), dropped (the key's nonce at the
// head passed it with no attempt mined), pending (the node knows an
// attempt) or unknown.
func (e *Executor) moveFacts(ctx context.Context, head uint64, m *solve.Move) (*solve.MoveFacts, error) {
	for i := range m.Attempts {
		r, err := e.d.Chain.TransactionReceipt(ctx, m.Attempts[i].Tx)
		switch {
		case errors.Is(err, ethereum.NotFound) || (err == nil && (r == nil || r.BlockNumber.Uint64() > head)):
			continue
		case err != nil:
			return nil, fmt.Errorf("receipt of %s: %w", m.Attempts[i].Tx.Hex(), err)
		}
		return e.minedFacts(ctx, r, m, &m.Attempts[i]), nil
	}
	n, err := e.d.Chain.NonceAt(ctx, e.from, new(big.Int).SetUint64(head))
	if err != nil {
		return nil, fmt.Errorf("nonce of %s: %w", e.from, err)
	}
	if n > m.Nonce {
		return &solve.MoveFacts{Status: solve.MoveDropped}, nil
	}
	for i := len(m.Attempts) - 1; i >= 0; i-- {
		if _, _, err := e.d.Chain.TransactionByHash(ctx, m.Attempts[i].Tx); err == nil {
			return &solve.MoveFacts{Status: solve.MovePending}, nil
		} else if !errors.Is(err, ethereum.NotFound) {
			return nil, fmt.Errorf("transaction %s: %w", m.Attempts[i].Tx.Hex(), err)
		}
	}
	return &solve.MoveFacts{Status: solve.MoveUnknown}, nil
}

// minedFacts is a mined attempt's facts; a revert is replayed at the block
// before for its reason, and is out of gas when it used its whole limit.
func (e *Executor) minedFacts(ctx context.Context, r *types.Receipt, m *solve.Move, att *solve.Attempt) *solve.MoveFacts {
	mf := &solve.MoveFacts{Status: solve.MoveMined, Tx: r.TxHash, Block: r.BlockNumber.Uint64(), BlockHash: r.BlockHash,
		Success: r.Status == types.ReceiptStatusSuccessful, GasUsed: r.GasUsed}
	if mf.Success {
		return mf
	}
	limit := m.GasLimit
	tx, err := decodeRaw(att.Raw)
	if err == nil {
		limit = tx.Gas()
		mf.Revert = e.replay(ctx, tx, mf.Block)
	}
	mf.OutOfGas = r.GasUsed >= limit
	return mf
}

// replay calls a reverted transaction again at the state before its block
// and returns the custom error's name ("" when none decodes).
func (e *Executor) replay(ctx context.Context, tx *types.Transaction, block uint64) string {
	if block == 0 {
		return ""
	}
	_, err := e.d.Chain.CallContract(ctx, ethereum.CallMsg{From: e.from, To: tx.To(), Gas: tx.Gas(), Value: tx.Value(), Data: tx.Data()},
		new(big.Int).SetUint64(block-1))
	var re *contracts.RevertError
	if errors.As(contracts.AsRevert(err), &re) {
		return re.Name
	}
	return ""
}

func decodeRaw(raw []byte) (*types.Transaction, error) {
	if len(raw) == 0 {
		return nil, errors.New("no signed transaction stored")
	}
	tx := new(types.Transaction)
	if err := tx.UnmarshalBinary(raw); err != nil {
		return nil, fmt.Errorf("stored transaction does not decode: %w", err)
	}
	return tx, nil
}
