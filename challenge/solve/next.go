package solve

import (
	"fmt"
	"math"

	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/judge"
)

// Next decides the one next step for the record rec given the facts f
// (the package doc has the decision table). It is pure: it reads rec and f,
// changes neither, and performs nothing; the executor performs the action,
// Applies it, persists the record and asks again.
//
// Whatever rec and f are, Next does not panic, and:
//   - in monitor-only mode it returns no action that sends; in dry-run only
//     Prove, Challenge and Slash with DryRun set;
//   - it returns no transaction whose Cost the balance does not cover;
//   - it challenges only objects the verdict marks needed;
//   - a Settle's Final names its basis, a fact Holds(f) at that moment;
//   - it settles no record with a move in flight.
func Next(rec Record, f Facts) Action {
	r := &rec
	if a, ok := mismatch(r, &f); ok {
		return a
	}
	if a, ok := observe(r, &f); ok {
		return a
	}
	if r.Final != nil {
		return settled(r, &f)
	}
	if r.Move != nil {
		return inFlight(r, &f)
	}
	return decide(r, &f)
}

// mismatch waits on facts of another round or attempt than the record's.
func mismatch(r *Record, f *Facts) (Action, bool) {
	switch {
	case f.Round != r.Round:
		return wait(ReasonMismatch, next(f), "facts of round %d for the record of round %d", f.Round, r.Round), true
	case f.Batch != nil && f.Batch.Attempt != r.Attempt:
		return wait(ReasonMismatch, next(f), "facts of attempt %d for the record of attempt %d", f.Batch.Attempt, r.Attempt), true
	}
	return Action{}, false
}

// settled keeps a final state while its basis holds, and reopens the
// record once it does not.
func settled(r *Record, f *Facts) Action {
	ok, why := r.Final.Basis.Holds(f)
	if ok {
		return wait(ReasonSettled, next(f), "settled %s: %s", r.Final.State, r.Final.Reason)
	}
	return Action{Kind: KindReopen, Reason: ReasonBasisGone,
		Note: fmt.Sprintf("reopened: the record settled %s, but %s", r.Final.State, why)}
}

// decide is the next move of a record with nothing in flight, by the
// batch's state.
func decide(r *Record, f *Facts) Action {
	switch b := f.Batch; {
	case b == nil:
		return wait(ReasonBatchAbsent, next(f), "the batch of round %d attempt %d is not on the chain", r.Round, r.Attempt)
	case b.State == BatchVoided:
		return voided(r, f)
	case b.State == BatchFinalized:
		return finalized(r, f)
	case b.State == BatchLive:
		return live(r, f)
	}
	return wait(ReasonMismatch, next(f), "the batch is in an unknown state %q", f.Batch.State)
}

// voided refunds the record's open bonds (sending modes), then settles
// confirmed or proven-by-other once the FraudProven is confirmed.
func voided(r *Record, f *Facts) Action {
	ev := f.Batch.Voided
	if ev == nil || !eventBasis(BasisFraudProven, ev).Named() {
		return wait(ReasonFactsLag, next(f), "the batch is voided but its FraudProven is not in the facts")
	}
	if f.Config.mode() == ModeSend {
		if a, ok := refund(r, f); ok {
			return a
		}
	}
	if at := satAdd(ev.Block, f.Config.Confirmations); f.Head < at {
		return wait(ReasonConfirming, at, "the FraudProven of block %d is relied on at block %d", ev.Block, at)
	}
	if ev.Ours {
		return settle(f, FinalConfirmed, eventBasis(BasisFraudProven, ev),
			"this challenger's %s proof (tx %s, block %d) voided the batch", ev.Kind, ev.Tx.TerminalString(), ev.Block)
	}
	return settle(f, FinalProvenByOther, eventBasis(BasisFraudProven, ev),
		"%s's %s proof (tx %s, block %d) voided the batch", ev.By.Hex(), ev.Kind, ev.Tx.TerminalString(), ev.Block)
}

// refund asks for the bond of the first open challenge of the record whose
// refund the contract has not refused for good.
func refund(r *Record, f *Facts) (Action, bool) {
	for _, b := range r.Challenges {
		t := Target{Kind: MoveRefund, Object: b.Object, Index: b.Index}
		if b.Fate != FateOpen || tries(r, t, f.Config).refused {
			continue
		}
		return propose(r, f, move{kind: KindRefund, target: t, reason: ReasonVoidedBatch,
			note: fmt.Sprintf("the batch is voided with the %s open: its bond comes back by refundBond", t)}), true
	}
	return Action{}, false
}

// finalized settles a finalized batch once RoundFinalized is confirmed:
// finalized when nothing was found wrong, else expired.
func finalized(r *Record, f *Facts) Action {
	ev := f.Batch.Finalized
	if ev == nil || !eventBasis(BasisFinalized, ev).Named() {
		return wait(ReasonFactsLag, next(f), "the batch is finalized but its RoundFinalized is not in the facts")
	}
	if at := satAdd(ev.Block, f.Config.Confirmations); f.Head < at {
		return wait(ReasonConfirming, at, "the RoundFinalized of block %d is relied on at block %d", ev.Block, at)
	}
	basis, v := eventBasis(BasisFinalized, ev), verdict(r, f)
	if v != nil && (v.Status == judge.StatusFraud || v.Status == judge.StatusUnavailable) {
		return settle(f, FinalExpired, basis, "the batch was finalized in block %d while %s: %s", ev.Block, v.Status, v.Reason)
	}
	status := "no verdict"
	if v != nil {
		status = string(v.Status)
	}
	return settle(f, FinalFinalized, basis, "the batch was finalized in block %d with nothing found wrong (verdict: %s)", ev.Block, status)
}

// verdict is the facts' verdict when it is the record's batch's.
func verdict(r *Record, f *Facts) *judge.Verdict {
	v := f.Verdict
	if v == nil || v.Round != r.Round || v.Attempt == nil || *v.Attempt != r.Attempt {
		return nil
	}
	return v
}

// wait is a Wait until block at.
func wait(reason Reason, at uint64, format string, args ...any) Action {
	return Action{Kind: KindWait, Reason: reason, At: at, Note: fmt.Sprintf(format, args...)}
}

// settle is a Settle in state on basis, at the facts' head.
func settle(f *Facts, state FinalState, basis Basis, format string, args ...any) Action {
	note := fmt.Sprintf(format, args...)
	return Action{Kind: KindSettle, Reason: ReasonOutcome, Note: note,
		Final: &Final{State: state, Reason: note, Basis: basis, At: f.Head}}
}

// satAdd is a+b, or the largest uint64 when that overflows.
func satAdd(a, b uint64) uint64 {
	if a > math.MaxUint64-b {
		return math.MaxUint64
	}
	return a + b
}

// clone returns a fresh copy of v (nil for nil).
func clone(v *uint256.Int) *uint256.Int {
	if v == nil {
		return nil
	}
	return v.Clone()
}
