package challenge

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/txmgr"
	"github.com/denomwatch/denomwatch/internal/v1/contracts"
	"github.com/denomwatch/denomwatch/internal/v1/watcher"
)

// maxAlertRecipients bounds the recipients a challenge's alerts name.
const maxAlertRecipients = 1000

// affected are the recipients a fraud wrongs (watcher.AffectedRecipients),
// at most maxAlertRecipients of them.
func affected(cdata, published []byte, kind string) []common.Address {
	rs := watcher.AffectedRecipients(cdata, published, kind)
	return rs[:min(len(rs), maxAlertRecipients)]
}

// storedAffected reads the round's stored data for affected; nil when it is
// not stored.
func (c *Challenger) storedAffected(rec *index.Challenge) []common.Address {
	cdata, ok, err := c.store.CommitmentData(rec.Round)
	if err != nil || !ok {
		return nil
	}
	published, ok, err := c.store.BatchData(rec.BatchTx)
	if err != nil || !ok {
		return nil
	}
	return affected(cdata, published, rec.Kind)
}

// maxReplans bounds how often a challenge starts over with a new nonce
// after its nonce was taken by another transaction of the key.
const maxReplans = 3

// drive advances one challenge by as many steps as it can take now; each
// step is stored before the next is taken.
func (c *Challenger) drive(ctx context.Context, head uint64, w *work) error {
	var err error
	switch {
	case w.watchOnly:
	case w.rec.State == "" || w.rec.State == index.ChallengePlanned || w.rec.State == index.ChallengeSimulated || w.rec.State == index.ChallengeDryRun:
		err = c.plan(ctx, head, w)
	case w.rec.State == index.ChallengeSending:
		err = c.send(ctx, head, w)
	case w.rec.State == index.ChallengeSent:
		err = c.follow(ctx, head, w, false)
	}
	if w.stored == "" && !w.watchOnly {
		return err // nothing stored: a voided batch not accounted for yet, say
	}
	return errors.Join(err, c.watchDeadline(head, w))
}

// plan builds the proofs that apply, measures their gas, picks the
// cheapest, simulates it at the latest block, then (unless dry-running)
// signs it, stores it and sends it.
func (c *Challenger) plan(ctx context.Context, head uint64, w *work) error {
	rec := &w.rec
	rec.Challenger = c.from
	f, err := c.batchFate(ctx, head, rec)
	if err != nil {
		return err
	}
	if !f.live {
		return c.applyFate(ctx, head, w, f, nil)
	}
	rec.DeadlineBlock = f.deadline
	if head+1 > rec.DeadlineBlock {
		return c.settle(w, head, index.ChallengeExpired, fmt.Sprintf("the challenge window closes at block %d, before a proof sent at block %d could be mined", rec.DeadlineBlock, head), nil)
	}
	t, ok, err := c.target(w)
	if err != nil || !ok {
		return err // the index has not caught up with the chain yet
	}
	cdata, ok, err := c.store.CommitmentData(rec.Round)
	if err != nil {
		return err
	}
	if !ok {
		return c.settle(w, head, index.ChallengeFailed, fmt.Sprintf("%v: the commitment data of round %d is not stored", ErrNotProvable, rec.Round), nil)
	}
	published, ok, err := c.store.BatchData(rec.BatchTx)
	if err != nil {
		return err
	}
	if !ok {
		return c.settle(w, head, index.ChallengeFailed, fmt.Sprintf("%v: the allocation data of batch %s is not stored", ErrNotProvable, rec.BatchTx.Hex()), nil)
	}
	proofs, err := BuildProofs(t, cdata, published, c.cfg.MaxCandidates)
	if err != nil {
		return c.settle(w, head, index.ChallengeFailed, err.Error(), nil)
	}
	rec.Recipients = affected(cdata, published, rec.Kind)

	// Choose by measured gas.
	estimates := make([]index.ProofEstimate, len(proofs))
	best := -1
	var firstRevert *ProofRevertError
	for i, p := range proofs {
		estimates[i] = index.ProofEstimate{Kind: p.Kind, Index: p.Index}
		gas, err := c.chain.EstimateGas(ctx, ethereum.CallMsg{From: c.from, To: &c.cfg.AVS, Data: p.Calldata})
		if err != nil {
			var re *contracts.RevertError
			if errors.As(contracts.AsRevert(err), &re) {
				estimates[i].Error = re.Error()
				if firstRevert == nil {
					firstRevert = &ProofRevertError{Stage: "estimate", Round: rec.Round, Revert: re}
				}
				continue
			}
			return fmt.Errorf("estimate the gas of the %s proof at index %d: %w", p.Kind, p.Index, err)
		}
		estimates[i].Gas = gas
		if best < 0 || gas < estimates[best].Gas {
			best = i
		}
	}
	rec.Estimates = estimates
	if best < 0 {
		return c.onRevert(ctx, head, w, firstRevert)
	}
	p := proofs[best]
	c.log.Info("fraud proof chosen by measured gas", "round", rec.Round, "batch", rec.BatchTx, "kind", p.Kind, "index", p.Index,
		"gas", estimates[best].Gas, "estimates", estimateList(estimates), "deadline", rec.DeadlineBlock, "head", head)
	rec.Kind, rec.Index, rec.GasEstimate = p.Kind, p.Index, estimates[best].Gas
	rec.State, rec.Error, rec.Revert = index.ChallengePlanned, "", ""
	if err := c.put(w); err != nil {
		return err
	}

	// Simulate at the latest block with the gas limit it will be sent with.
	gas := rec.GasEstimate + uint64(float64(rec.GasEstimate)*c.cfg.GasMargin)
	if c.tx != nil {
		if gas, err = c.tx.GasLimit(ctx, rec.GasEstimate); errors.Is(err, ErrGasCap) {
			return c.settle(w, head, index.ChallengeFailed, err.Error(), nil)
		} else if err != nil {
			return err
		}
	}
	if _, err := c.chain.CallContract(ctx, ethereum.CallMsg{From: c.from, To: &c.cfg.AVS, Gas: gas, Data: p.Calldata}, nil); err != nil {
		var re *contracts.RevertError
		if errors.As(contracts.AsRevert(err), &re) {
			return c.onRevert(ctx, head, w, &ProofRevertError{Stage: "simulate", Round: rec.Round, Revert: re})
		}
		return fmt.Errorf("simulate the proof: %w", err)
	}
	rec.State = index.ChallengeSimulated
	if err := c.put(w); err != nil {
		return err
	}
	if c.cfg.DryRun || c.tx == nil {
		rec.State = index.ChallengeDryRun
		rec.Error = fmt.Sprintf("dry run: the %s proof at index %d passed the simulation at block %d with %d gas estimated (limit %d); not sent", p.Kind, p.Index, head, rec.GasEstimate, gas)
		c.log.Info("dry run: fraud proof simulated, not sent", "round", rec.Round, "kind", p.Kind, "index", p.Index, "gas", rec.GasEstimate)
		return c.put(w)
	}

	// Sign, store, then send: a restart finds the transaction stored.
	nonce, err := c.tx.NextNonce()
	if err != nil {
		return err
	}
	tx, err := c.tx.Sign(ctx, nonce, c.cfg.AVS, p.Calldata, gas)
	if err != nil {
		return err
	}
	if err := c.addAttempt(w, tx, false); err != nil {
		return err
	}
	c.tx.Consume(nonce)
	return c.send(ctx, head, w)
}

// target returns the batch of w's round the record names, read from the
// index; false while the index does not show it live (it lags the chain).
func (c *Challenger) target(w *work) (Target, bool, error) {
	if w.round == nil {
		r, ok, err := c.store.Round(w.rec.Round)
		if err != nil || !ok {
			return Target{}, false, err
		}
		w.round = &r
	}
	t, ok := TargetOf(w.round)
	if !ok || t.Batch.TxHash != w.rec.BatchTx {
		return Target{}, false, nil
	}
	return t, true, nil
}

func estimateList(es []index.ProofEstimate) string {
	parts := make([]string, len(es))
	for i, e := range es {
		if e.Error != "" {
			parts[i] = fmt.Sprintf("%s@%d: %s", e.Kind, e.Index, e.Error)
		} else {
			parts[i] = fmt.Sprintf("%s@%d: %d", e.Kind, e.Index, e.Gas)
		}
	}
	return strings.Join(parts, "; ")
}

// addAttempt stores tx as the challenge's latest attempt, in state sending.
func (c *Challenger) addAttempt(w *work, tx *types.Transaction, cancel bool) error {
	raw, err := txmgr.EncodeRaw(tx)
	if err != nil {
		return err
	}
	h := tx.Hash()
	w.rec.Attempts = append(w.rec.Attempts, index.ChallengeAttempt{
		TxHash: h, Nonce: tx.Nonce(), GasFeeCap: tx.GasFeeCap().String(), GasTipCap: tx.GasTipCap().String(),
		Gas: tx.Gas(), Raw: raw, Cancel: cancel,
	})
	w.rec.TxHash = &h
	w.rec.State = index.ChallengeSending
	return c.put(w)
}

// send broadcasts the latest attempt (stored, perhaps never sent).
func (c *Challenger) send(ctx context.Context, head uint64, w *work) error {
	rec := &w.rec
	if !c.sendsFor(rec) || head+1 > rec.DeadlineBlock && rec.Settle == "" {
		return c.follow(ctx, head, w, true)
	}
	last := &rec.Attempts[len(rec.Attempts)-1]
	tx, err := txmgr.DecodeRaw(last.Raw)
	if err != nil {
		return c.settle(w, head, index.ChallengeFailed, err.Error(), nil)
	}
	err = c.tx.Broadcast(ctx, tx)
	if err == nil {
		c.broadcast[last.TxHash] = true
	}
	switch {
	case err == nil:
		now := c.now().UTC()
		// The head as the node took it (the pass's head may be blocks old).
		if n, err := c.chain.BlockNumber(ctx); err == nil && n > head {
			head = n
		}
		last.SentAt, last.SentBlock = &now, head
		first := true
		for _, a := range rec.Attempts[:len(rec.Attempts)-1] {
			if a.SentAt != nil && !a.Cancel {
				first = false
			}
		}
		rec.State = index.ChallengeSent
		c.log.Info("challenge transaction sent", "round", rec.Round, "tx", last.TxHash, "nonce", last.Nonce, "attempt", len(rec.Attempts),
			"gas", last.Gas, "feeCap", last.GasFeeCap, "tip", last.GasTipCap, "cancel", last.Cancel)
		if first && !last.Cancel {
			body, err := c.event(alerts.ChallengeSent, rec, head, stateMessage(rec))
			if err != nil {
				return err
			}
			return c.put(w, body)
		}
		return c.put(w)
	case errors.Is(err, ErrNonceTooLow):
		c.log.Info("the node has the nonce mined already; looking for the receipts", "round", rec.Round, "nonce", last.Nonce)
		return c.follow(ctx, head, w, true)
	case errors.Is(err, ErrUnderpriced):
		c.log.Warn("the node refused the fees; replacing with higher ones", "round", rec.Round, "tx", last.TxHash, "err", err)
		if w.replaced {
			return nil // one replacement per pass: the next pass raises again
		}
		return c.replace(ctx, head, w, last.Cancel)
	}
	return err
}

// follow looks for a mined attempt, and otherwise keeps the transaction
// going: a replacement when it is slow, a cancellation when the proof is no
// longer needed, a new plan when its nonce was taken by another
// transaction. fromSend: called by send, which must not be called back.
func (c *Challenger) follow(ctx context.Context, head uint64, w *work, fromSend bool) error {
	rec := &w.rec
	if len(rec.Attempts) == 0 {
		return fmt.Errorf("state %s without an attempt", rec.State)
	}
	rcpt, i, err := c.receipt(ctx, rec)
	if err != nil || rcpt != nil {
		if err != nil {
			return err
		}
		return c.mined(ctx, head, w, rcpt, &rec.Attempts[i])
	}
	last := rec.Attempts[len(rec.Attempts)-1]
	if mined, err := c.chain.NonceAt(ctx, rec.Challenger, nil); err != nil {
		return fmt.Errorf("nonce of %s: %w", rec.Challenger, err)
	} else if mined > last.Nonce {
		// A transaction with the nonce is mined: look again for ours (a
		// block may have come between the two reads).
		if rcpt, i, err := c.receipt(ctx, rec); err != nil {
			return err
		} else if rcpt != nil {
			return c.mined(ctx, head, w, rcpt, &rec.Attempts[i])
		}
		return c.nonceTaken(ctx, head, w, last.Nonce)
	}
	if !c.sendsFor(rec) {
		return nil // dry-run, monitor-only, or another key's: follow, never send
	}
	if last.SentAt != nil && !c.broadcast[last.TxHash] {
		// Sent by an earlier process: the node may have lost it since
		// (a restart empties its pool). Sending it again costs nothing.
		tx, err := txmgr.DecodeRaw(last.Raw)
		if err != nil {
			return err
		}
		switch err := c.tx.Broadcast(ctx, tx); {
		case err == nil:
			c.broadcast[last.TxHash] = true
			c.log.Info("challenge transaction sent again after a restart", "round", rec.Round, "tx", last.TxHash, "nonce", last.Nonce)
		case errors.Is(err, ErrNonceTooLow), errors.Is(err, ErrUnderpriced):
			c.broadcast[last.TxHash] = true // mined meanwhile, or a replacement is pooled: the next pass sees
		default:
			return err
		}
	}
	if rec.Settle == "" {
		if head+1 > rec.DeadlineBlock {
			return c.abandon(ctx, head, w, index.ChallengeExpired, fmt.Sprintf("the challenge window closed at block %d before the proof was mined", rec.DeadlineBlock), fate{})
		}
		f, err := c.batchFate(ctx, head, rec)
		if err != nil {
			return err
		}
		if f.known && !f.ours {
			return c.abandon(ctx, head, w, f.state, f.reason, f)
		}
	}
	if last.SentAt == nil {
		if fromSend {
			return nil
		}
		return c.send(ctx, head, w)
	}
	if head >= last.SentBlock+c.cfg.BumpAfterBlocks {
		return c.replace(ctx, head, w, last.Cancel)
	}
	return nil
}

// receipt returns the receipt of a mined attempt of rec, if any.
func (c *Challenger) receipt(ctx context.Context, rec *index.Challenge) (*types.Receipt, int, error) {
	hashes := make([]common.Hash, len(rec.Attempts))
	for i, a := range rec.Attempts {
		hashes[i] = a.TxHash
	}
	return txmgr.FirstMined(ctx, c.chain, hashes)
}

// nonceTaken handles a nonce mined by a transaction that is none of the
// challenge's attempts: another user of the key.
func (c *Challenger) nonceTaken(ctx context.Context, head uint64, w *work, nonce uint64) error {
	rec := &w.rec
	reason := fmt.Sprintf("nonce %d of %s was taken by another transaction", nonce, rec.Challenger.Hex())
	if rec.Settle != "" {
		// The proof was being cancelled anyway.
		return c.settle(w, head, rec.Settle, rec.Error, nil)
	}
	if !c.sendsFor(rec) {
		return nil
	}
	if rec.Replans >= maxReplans {
		return c.settle(w, head, index.ChallengeFailed, reason+fmt.Sprintf(" (%d times); giving up", rec.Replans+1), nil)
	}
	c.log.Warn("the challenge's nonce was taken by another transaction of the key; planning again", "round", rec.Round, "nonce", nonce)
	rec.Replans++
	rec.State, rec.Error = index.ChallengePlanned, reason+"; planned again"
	if err := c.put(w); err != nil {
		return err
	}
	if err := c.syncNonce(ctx); err != nil {
		return err
	}
	return c.plan(ctx, head, w)
}

// abandon replaces the pending proof with a cancellation (a 0-value
// transfer to the challenger, same nonce, higher fees), so that its nonce
// is consumed and the proof, no longer needed, does not revert on chain;
// the challenge settles in state once the nonce is mined.
func (c *Challenger) abandon(ctx context.Context, head uint64, w *work, state index.ChallengeState, reason string, f fate) error {
	rec := &w.rec
	rec.Settle, rec.Error = state, reason
	rec.ProvenBy, rec.ProvenTx = f.by, f.tx
	c.log.Info("the pending proof is no longer needed; cancelling it", "round", rec.Round, "outcome", state, "reason", reason)
	last := rec.Attempts[len(rec.Attempts)-1]
	if last.Cancel {
		return c.put(w)
	}
	return c.replace(ctx, head, w, true)
}

// replace stores and sends a replacement of the latest attempt: the same
// nonce, fees at least 12.5% higher; a cancellation when cancel is set.
func (c *Challenger) replace(ctx context.Context, head uint64, w *work, cancel bool) error {
	rec := &w.rec
	last := rec.Attempts[len(rec.Attempts)-1]
	prev, err := txmgr.DecodeRaw(last.Raw)
	if err != nil {
		return err
	}
	tx, err := c.tx.Replace(ctx, prev, cancel)
	if errors.Is(err, ErrFeeCap) {
		if !c.feeCapped[rec.BatchTx] {
			c.log.Warn("cannot replace the pending proof: the fee cap is reached", "round", rec.Round, "tx", last.TxHash, "err", err)
			c.feeCapped[rec.BatchTx] = true
		}
		if rec.Settle != "" {
			return c.put(w)
		}
		return nil
	}
	if err != nil {
		return err
	}
	w.replaced = true
	c.log.Info("replacing the challenge transaction", "round", rec.Round, "nonce", tx.Nonce(), "old", last.TxHash, "new", tx.Hash(),
		"feeCap", tx.GasFeeCap(), "tip", tx.GasTipCap(), "cancel", cancel, "blocksWaited", head-last.SentBlock)
	if err := c.addAttempt(w, tx, cancel); err != nil {
		return err
	}
	return c.send(ctx, head, w)
}

// mined handles a mined attempt: waits for the confirmations, then settles
// the challenge by its receipt.
func (c *Challenger) mined(ctx context.Context, head uint64, w *work, rcpt *types.Receipt, att *index.ChallengeAttempt) error {
	rec := &w.rec
	h := rcpt.TxHash
	block := rcpt.BlockNumber.Uint64()
	changed := rec.Block != block || rec.TxHash == nil || *rec.TxHash != h
	rec.TxHash, rec.Block, rec.GasUsed = &h, block, rcpt.GasUsed
	if head < block+c.cfg.Confirmations {
		if changed {
			c.log.Info("challenge transaction mined; waiting for confirmations", "round", rec.Round, "tx", h, "block", block, "confirmations", c.cfg.Confirmations)
			return c.put(w)
		}
		return nil
	}
	if att != nil && att.Cancel {
		state := rec.Settle
		if state == "" {
			state = index.ChallengeExpired
		}
		if err := c.settle(w, head, state, rec.Error+" (the pending proof was cancelled)", nil); err != nil {
			return err
		}
		c.obs.ChallengeGasUsed(rcpt.GasUsed)
		return nil
	}
	if rcpt.Status == types.ReceiptStatusSuccessful {
		bounty := new(big.Int)
		for _, l := range rcpt.Logs {
			if len(l.Topics) == 0 || l.Topics[0] != evFraudProven {
				continue
			}
			ev, err := avsABI.UnpackFraudProvenEvent(l)
			if err == nil && ev.Challenger == rec.Challenger {
				bounty.Div(new(big.Int).Mul(ev.SlashedTotal, c.bountyBps), big.NewInt(10_000))
			}
		}
		rec.Bounty, rec.Settle, rec.Error, rec.Revert = bounty.String(), "", "", ""
		if err := c.settle(w, head, index.ChallengeConfirmed, "", nil); err != nil {
			return err
		}
		c.obs.ChallengeGasUsed(rcpt.GasUsed)
		c.obs.ChallengeBounty(bounty)
		c.log.Info("fraud proven", "round", rec.Round, "tx", h, "block", block, "gasUsed", rcpt.GasUsed, "bounty", bounty,
			"blocksAfterBatch", block-rec.BatchBlock, "attempts", len(rec.Attempts))
		return nil
	}
	// Reverted: replay the call on the block's state for the reason.
	perr := &ProofRevertError{Stage: "mined", Round: rec.Round, TxHash: &h}
	if att != nil {
		tx, err := txmgr.DecodeRaw(att.Raw)
		if err != nil {
			return err
		}
		_, err = c.chain.CallContract(ctx, ethereum.CallMsg{From: rec.Challenger, To: tx.To(), Gas: tx.Gas(), Data: tx.Data()}, rcpt.BlockNumber)
		var re *contracts.RevertError
		switch {
		case errors.As(contracts.AsRevert(err), &re):
			perr.Revert = re
		case err == nil:
			perr.Revert = &contracts.RevertError{}
			if rcpt.GasUsed >= tx.Gas() {
				if err := c.settle(w, head, index.ChallengeFailed, fmt.Sprintf("%v: out of gas (%d used of %d)", perr, rcpt.GasUsed, tx.Gas()), perr); err != nil {
					return err
				}
				c.obs.ChallengeGasUsed(rcpt.GasUsed)
				return nil
			}
		default:
			return fmt.Errorf("replay the reverted proof %s: %w", h.Hex(), err)
		}
	} else {
		perr.Revert = &contracts.RevertError{}
	}
	if err := c.onRevert(ctx, head, w, perr); err != nil {
		return err
	}
	c.obs.ChallengeGasUsed(rcpt.GasUsed)
	return nil
}

// onRevert settles a challenge whose proof the contract refused: the batch
// was already voided (proven by another) or finalized, the window closed,
// or the proof is wrong (failed).
func (c *Challenger) onRevert(ctx context.Context, head uint64, w *work, perr *ProofRevertError) error {
	switch perr.Name() {
	case revertNoLiveBatch:
		f, err := c.batchFate(ctx, head, &w.rec)
		if err != nil {
			return err
		}
		if f.known {
			return c.applyFate(ctx, head, w, f, perr)
		}
		if perr.Stage == "mined" {
			// No proof of the round found and not finalized: the batch went
			// with a reorganisation, say.
			return c.settle(w, head, index.ChallengeFailed, perr.Error()+" (no live batch, and no proof of it found)", perr)
		}
		return nil // the chain moved on and the index has not: look again next pass
	case revertWindowClosed:
		return c.settle(w, head, index.ChallengeExpired, perr.Error(), perr)
	}
	c.log.Error("fraud proof refused by the contract", "round", w.rec.Round, "stage", perr.Stage, "revert", perr.Name(), "err", perr)
	return c.settle(w, head, index.ChallengeFailed, perr.Error(), perr)
}

// applyFate settles a challenge whose batch is no longer live, as the chain
// shows it; an unknown fate waits for the next pass.
func (c *Challenger) applyFate(ctx context.Context, head uint64, w *work, f fate, perr *ProofRevertError) error {
	rec := &w.rec
	switch {
	case !f.known:
		return nil
	case f.ours:
		// A proof from this address, none of the stored attempts: take its receipt.
		r, err := c.chain.TransactionReceipt(ctx, *f.tx)
		if err != nil {
			return fmt.Errorf("receipt of %s: %w", f.tx.Hex(), err)
		}
		return c.mined(ctx, head, w, r, nil)
	}
	rec.ProvenBy, rec.ProvenTx = f.by, f.tx
	return c.settle(w, head, f.state, f.reason, perr)
}

// settle moves a challenge to a terminal state and raises its alert, in
// one write.
func (c *Challenger) settle(w *work, head uint64, state index.ChallengeState, reason string, perr *ProofRevertError) error {
	rec := &w.rec
	rec.State, rec.Error, rec.Settle = state, reason, ""
	if perr != nil {
		rec.Revert = perr.Name()
	}
	var bodies [][]byte
	if typ, ok := alertType(state); ok {
		body, err := c.event(typ, rec, max(head, rec.Block), stateMessage(rec))
		if err != nil {
			return err
		}
		bodies = append(bodies, body)
	}
	switch state {
	case index.ChallengeConfirmed:
	case index.ChallengeProvenByOther:
		c.log.Info("fraud proven by another challenger", "round", rec.Round, "batch", rec.BatchTx, "by", rec.ProvenBy, "tx", rec.ProvenTx)
	default:
		c.log.Warn("challenge settled unproven", "round", rec.Round, "batch", rec.BatchTx, "state", state, "reason", reason)
	}
	return c.put(w, bodies...)
}
