package challenge

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/challenge/solve"
	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/internal/txmgr"
)

// maxSteps bounds the actions one record takes in a pass (record-only
// actions are followed by another question; a move or a wait ends it).
const maxSteps = 12

// drive advances w: it sends again a stored transaction this process has
// not broadcast (a restart), then asks solve.Next and performs each action
// until one waits or sends.
func (e *Executor) drive(ctx context.Context, p *pass, w *work) error {
	if err := e.resend(ctx, w); err != nil {
		return err
	}
	for range maxSteps {
		w.facts.Balance = e.available(p, w)
		a := solve.Next(w.rec, w.facts)
		done, err := e.act(ctx, p, w, a)
		if err != nil || done {
			return err
		}
	}
	return nil
}

// act performs one action; done: the record rests until the next pass.
func (e *Executor) act(ctx context.Context, p *pass, w *work, a solve.Action) (done bool, err error) {
	switch {
	case a.Kind == solve.KindWait && a.Reason == solve.ReasonNoEstimate:
		return false, e.estimate(ctx, w, a.Target)
	case a.Kind == solve.KindWait:
		return true, nil
	case a.Kind == solve.KindAlert:
		return true, e.alertUnderfunded(w, a)
	case a.Kind.Sends() && a.DryRun:
		return true, e.simulate(ctx, p, w, a)
	case a.Kind.Sends():
		return true, e.send(ctx, p, w, a)
	}
	next, err := solve.Apply(w.rec, a, solve.Outcome{})
	if err != nil {
		return true, err
	}
	e.logAction(w, a)
	if a.Kind == solve.KindObserve && a.Observation.Ended != nil {
		e.obs.ChallengeGasUsed(a.Observation.Ended.GasUsed)
	}
	if a.Kind == solve.KindSettle && a.Final != nil && a.Final.State == solve.FinalExpired {
		e.obs.ChallengeExpired()
	}
	return false, e.save(w, next, e.settleAlerts(w, a)...)
}

// logAction logs a record-only action that changes the record.
func (e *Executor) logAction(w *work, a solve.Action) {
	attrs := []any{"round", w.rec.Round, "attempt", w.rec.Attempt, "action", a.Kind, "reason", a.Reason, "note", a.Note}
	switch a.Kind {
	case solve.KindReopen:
		e.log.Warn("a settled record's fact is gone: reopened", attrs...)
	case solve.KindSettle:
		e.log.Info("record settled", append(attrs, "state", a.Final.State)...)
	default:
		e.log.Info("record updated", attrs...)
	}
}

// estimate measures the gas of target t (the simulation of the move) into
// w's facts: a revert is an estimate that reverted, with the custom error's
// name.
func (e *Executor) estimate(ctx context.Context, w *work, t solve.Target) error {
	data, value, err := e.calldata(ctx, w, t)
	if err != nil {
		return err
	}
	gas, err := e.estimateGas(ctx, ethereum.CallMsg{From: e.from, To: &e.cfg.AVS, Data: data, Value: value})
	est := solve.Estimate{Target: t, Gas: gas}
	var re *contracts.RevertError
	switch {
	case errors.As(contracts.AsRevert(err), &re):
		est.Reverted, est.Revert = true, re.Name
		e.log.Info("a move's estimate reverted", "round", w.rec.Round, "attempt", w.rec.Attempt, "target", t.String(), "revert", re.Name)
	case err != nil:
		return fmt.Errorf("estimate the %s: %w", t, err)
	}
	w.facts.Estimates = append(w.facts.Estimates, est)
	return nil
}

// pendingEstimator estimates gas at a chosen block (ethclient, and the
// simulated chain's client).
type pendingEstimator interface {
	EstimateGasAtBlock(ctx context.Context, msg ethereum.CallMsg, block *big.Int) (uint64, error)
}

// pendingBlock names the pending block in ethclient's block arguments.
var pendingBlock = big.NewInt(-1)

// estimateGas estimates msg in the pending block, the one a transaction
// sent now joins at the earliest: its block number is the head's plus one,
// as solve's limits assume (a slash is due from head >= resolveBy because
// it is mined after). A chain that cannot estimate at a chosen block
// estimates at the latest (such a move may then be refused once, for a
// passing cause, and tried on the next block).
func (e *Executor) estimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error) {
	if pe, ok := e.d.Chain.(pendingEstimator); ok {
		return pe.EstimateGasAtBlock(ctx, msg, pendingBlock)
	}
	return e.d.Chain.EstimateGas(ctx, msg)
}

// calldata is what a move of t sends: the proof the verdict names, or the
// challenge, slash or refund of its object (a challenge with the bond).
func (e *Executor) calldata(ctx context.Context, w *work, t solve.Target) ([]byte, *big.Int, error) {
	c := t.Challenge(w.rec.Round)
	switch t.Kind {
	case solve.MoveChallenge:
		return c.Calldata(), e.solveCfg.Bond.ToBig(), nil
	case solve.MoveSlash:
		return c.SlashCalldata(), nil, nil
	case solve.MoveRefund:
		return c.RefundCalldata(w.rec.Attempt), nil, nil
	}
	data, err := e.proof(ctx, w, t)
	return data, nil, err
}

// simulate performs a dry run's move: it is called in the pending block
// (the estimate was its first simulation).
func (e *Executor) simulate(ctx context.Context, p *pass, w *work, a solve.Action) error {
	data, value, err := e.calldata(ctx, w, a.Target)
	if err != nil {
		return err
	}
	o := solve.Outcome{Kind: solve.OutcomeSimulated, Block: p.head}
	_, err = e.d.Chain.CallContract(ctx, ethereum.CallMsg{From: e.from, To: &e.cfg.AVS, Data: data, Value: value, Gas: a.GasLimit}, pendingBlock)
	var re *contracts.RevertError
	switch {
	case errors.As(contracts.AsRevert(err), &re):
		o = solve.Outcome{Kind: solve.OutcomeRefused, Block: p.head, Revert: re.Name}
	case err != nil:
		return fmt.Errorf("simulate the %s: %w", a.Target, err)
	}
	next, err := solve.Apply(w.rec, a, o)
	if err != nil {
		return err
	}
	e.log.Info("dry run: move simulated, not sent", "round", w.rec.Round, "attempt", w.rec.Attempt, "target", a.Target.String(), "outcome", o.Kind, "revert", o.Revert)
	return e.save(w, next)
}

// send signs the action's transaction, stores the record with it (and the
// alert a new move raises), and only then broadcasts it: a process killed
// in between resumes with this transaction (resend), never another.
func (e *Executor) send(ctx context.Context, p *pass, w *work, a solve.Action) error {
	tx, err := e.sign(ctx, p, w, a)
	if err != nil {
		return err
	}
	raw, err := tx.MarshalBinary()
	if err != nil {
		return fmt.Errorf("encode the transaction: %w", err)
	}
	o := solve.Outcome{Kind: solve.OutcomeSent, Tx: tx.Hash(), Nonce: tx.Nonce(), GasLimit: tx.Gas(),
		FeeCap: u256(tx.GasFeeCap()), TipCap: u256(tx.GasTipCap()), Block: p.head, Raw: raw}
	next, err := solve.Apply(w.rec, a, o)
	if err != nil {
		return err
	}
	if err := e.save(w, next, e.sentAlerts(w, a, tx)...); err != nil {
		return err
	}
	e.tx.Consume(tx.Nonce())
	e.log.Info("challenger transaction stored; broadcasting", "round", w.rec.Round, "attempt", w.rec.Attempt, "action", a.Kind,
		"target", a.Target.String(), "tx", tx.Hash(), "nonce", tx.Nonce(), "gas", tx.Gas(), "feeCap", tx.GasFeeCap(), "value", tx.Value())
	return e.broadcast(ctx, tx)
}

// sign signs the action's transaction: a new move at the next nonce with
// the pass's fees (the ones its Cost was priced at), or a replacement or
// cancellation of the move in flight with at least the fees Next asks.
func (e *Executor) sign(ctx context.Context, p *pass, w *work, a solve.Action) (*types.Transaction, error) {
	if e.tx == nil || p.feeCap == nil {
		return nil, errors.New("no key or no fees: nothing can be signed")
	}
	if a.Kind == solve.KindReplace || a.Kind == solve.KindCancel {
		return e.replacement(w, a, p)
	}
	data, value, err := e.calldata(ctx, w, a.Target)
	if err != nil {
		return nil, err
	}
	if a.Value != nil {
		value = a.Value.ToBig()
	}
	nonce, err := e.tx.NextNonce()
	if err != nil {
		return nil, err
	}
	return e.tx.SignCall(txmgr.Call{Nonce: nonce, To: e.cfg.AVS, Data: data, Value: value, Gas: a.GasLimit,
		TipCap: p.tipCap.ToBig(), FeeCap: p.feeCap.ToBig()})
}

// replacement signs a replacement (or cancellation) of the move in flight:
// its latest attempt's call, same nonce, fees at least the action's and the
// pass's.
func (e *Executor) replacement(w *work, a solve.Action, p *pass) (*types.Transaction, error) {
	m := w.rec.Move
	if m == nil || len(m.Attempts) == 0 {
		return nil, solve.ErrNoMove
	}
	prev, err := decodeRaw(m.Attempts[len(m.Attempts)-1].Raw)
	if err != nil {
		return nil, err
	}
	feeCap, tip := maxU(a.FeeCap, p.feeCap), maxU(a.TipCap, p.tipCap)
	if tip.Cmp(feeCap) > 0 {
		tip = feeCap.Clone()
	}
	return e.tx.SignReplacement(prev, a.Kind == solve.KindCancel, tip.ToBig(), feeCap.ToBig())
}

func maxU(a, b *uint256.Int) *uint256.Int {
	switch {
	case a == nil:
		return b.Clone()
	case b == nil || a.Cmp(b) >= 0:
		return a.Clone()
	}
	return b.Clone()
}

// broadcast sends a stored transaction. A nonce the chain already used, or
// fees the node refuses, are left for the next pass's facts (the move is
// then mined, dropped, or replaced); a balance too low, or any other
// failure, leaves it unsent, to be sent again.
func (e *Executor) broadcast(ctx context.Context, tx *types.Transaction) error {
	err := e.tx.Broadcast(ctx, tx)
	switch {
	case err == nil:
		e.sent[tx.Hash()] = true
		return nil
	case errors.Is(err, txmgr.ErrNonceTooLow):
		e.sent[tx.Hash()] = true
		e.log.Warn("the node has the move's nonce used already; the next pass sees by what", "tx", tx.Hash(), "nonce", tx.Nonce(), "err", err)
		return e.tx.Sync(ctx, e.inflightNonces()...)
	case errors.Is(err, txmgr.ErrUnderpriced):
		e.sent[tx.Hash()] = true
		e.log.Warn("the node refused the fees; the move is replaced when due", "tx", tx.Hash(), "err", err)
		return nil
	case errors.Is(err, txmgr.ErrFunds):
		e.log.Warn("the key cannot pay the transaction; sent again next pass", "tx", tx.Hash(), "err", err)
		return nil
	}
	return err
}

// resend broadcasts the latest attempt of w's move in flight when this
// process has not (it was stored by an earlier one, which may have died
// before broadcasting it) and the chain does not show it mined.
func (e *Executor) resend(ctx context.Context, w *work) error {
	m, mf := w.rec.Move, w.facts.Move
	if m == nil || mf == nil || e.tx == nil || e.solveCfg.MonitorOnly || e.solveCfg.DryRun || len(m.Attempts) == 0 {
		return nil
	}
	last := m.Attempts[len(m.Attempts)-1]
	if e.sent[last.Tx] || (mf.Status != solve.MovePending && mf.Status != solve.MoveUnknown) {
		return nil
	}
	tx, err := decodeRaw(last.Raw)
	if err != nil {
		return err
	}
	e.log.Info("sending a stored transaction again (stored by an earlier process)", "round", w.rec.Round, "attempt", w.rec.Attempt,
		"tx", last.Tx, "nonce", m.Nonce)
	return e.broadcast(ctx, tx)
}
