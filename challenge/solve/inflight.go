package solve

import (
	"fmt"
	"slices"

	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/judge"
)

// inFlight is the next step of a record with a move in flight that has not
// ended (observe ends the others): wait for it, cancel it when it is no
// longer needed, replace it when it is slow.
func inFlight(r *Record, f *Facts) Action {
	m, mf := r.Move, f.Move
	switch {
	case mf == nil:
		return wait(ReasonNoMoveFacts, next(f), "the chain's state of the %s in flight was not read", m.Target)
	case mf.Status == MoveMined && voidedBy(f, mf.Tx):
		at := satAdd(f.Batch.Voided.Block, f.Config.Confirmations)
		return wait(ReasonConfirming, at, "the %s is mined in block %d and relied on at block %d", m.Target, f.Batch.Voided.Block, at)
	case mf.Status == MoveMined:
		return wait(ReasonFactsLag, next(f), "the %s is mined in block %d but the batch's state does not show it yet", m.Target, mf.Block)
	case f.Config.mode() != ModeSend:
		return wait(ReasonFollowing, next(f), "the %s is in flight and the challenger runs %s: followed, never replaced", m.Target, f.Config.mode())
	}
	if why, ok := unneeded(r, f); ok && !m.Cancelling {
		return replacement(r, f, true, ReasonUnneeded, "the %s is no longer needed (%s): cancelled", m.Target, why)
	}
	last := m.last()
	due := satAdd(last.SentBlock, max(f.Config.BumpAfter, 1))
	if f.Head < due {
		return wait(ReasonPending, due, "the %s (nonce %d) is pending; replaced at block %d if not mined", m.Target, m.Nonce, due)
	}
	if m.Replacements >= f.Config.MaxBumps {
		return wait(ReasonMaxBumps, next(f), "the %s (nonce %d) is pending after %d replacements, the most allowed", m.Target, m.Nonce, m.Replacements)
	}
	return replacement(r, f, m.Cancelling, ReasonSlow, "the %s (nonce %d) is pending since block %d: fees raised", m.Target, m.Nonce, last.SentBlock)
}

// unneeded says why the move in flight can no longer do what it is for:
// the batch is no longer live (a refund: no longer voided), a window closed,
// the object was challenged by another or is no longer needed, or the
// challenge it slashes or refunds is no longer open. A batch that is not on
// the chain at all keeps its moves: the reorg may bring it back.
func unneeded(r *Record, f *Facts) (string, bool) {
	t, b := r.Move.Target, f.Batch
	if b == nil {
		return "", false
	}
	if t.Kind == MoveRefund {
		if c, ok := chainChallenge(f, t.object()); !ok || c.State != ChallengeOpen {
			return "the challenge's bond is no longer held", true
		}
		return "", false
	}
	if b.State != BatchLive {
		return fmt.Sprintf("the batch is %s", b.State), true
	}
	switch t.Kind {
	case MoveProve:
		if f.Head >= b.Deadline {
			return fmt.Sprintf("the proof window closes at block %d", b.Deadline), true
		}
	case MoveChallenge:
		return challengeUnneeded(r, f)
	case MoveSlash:
		if c, ok := chainChallenge(f, t.object()); !ok || c.State != ChallengeOpen {
			return "the challenge is no longer open", true
		}
	}
	return "", false
}

// challengeUnneeded says why a challenge in flight is no longer needed.
func challengeUnneeded(r *Record, f *Facts) (string, bool) {
	t := r.Move.Target
	if end := f.Batch.ChallengeEnd(f.Config); f.Head >= end {
		return fmt.Sprintf("the challenge window closes at block %d", end), true
	}
	if _, ok := chainChallenge(f, t.object()); ok {
		return "the object is challenged already", true
	}
	v := verdict(r, f)
	if v == nil || !decided(v.Status) {
		return "", false
	}
	if !slices.Contains(needed(v), t) {
		return fmt.Sprintf("the verdict is %s and does not need it", v.Status), true
	}
	return "", false
}

// decided reports whether a verdict of status s says what is needed (not
// pending or incomplete).
func decided(s judge.Status) bool {
	return s == judge.StatusValid || s == judge.StatusFraud || s == judge.StatusUnavailable
}

// needed lists the challenges of the objects the verdict marks needed, in
// its order.
func needed(v *judge.Verdict) []Target {
	var out []Target
	for _, o := range v.Missing {
		if t, ok := ChallengeOf(o); ok && o.Needed {
			out = append(out, t)
		}
	}
	return out
}

// chainChallenge is the chain's challenge of object o of the batch.
func chainChallenge(f *Facts, o object) (ChainChallenge, bool) {
	i := slices.IndexFunc(f.Challenges, func(c ChainChallenge) bool { return c.Object == o.Kind && c.Index == o.Index })
	if i < 0 {
		return ChainChallenge{}, false
	}
	return f.Challenges[i], true
}

// replacement replaces the move in flight, same nonce, fees 12.5% above its
// latest attempt's and no lower than a new transaction's; a cancellation (a
// 0-value transfer to the key, cancelGas) when cancel is set. It waits when
// the fees would pass MaxFeeCap, and alerts when the balance cannot pay.
func replacement(r *Record, f *Facts, cancel bool, reason Reason, format string, args ...any) Action {
	m, last := r.Move, r.Move.last()
	feeCap, ok1 := bump(last.FeeCap)
	tip, ok2 := bump(last.TipCap)
	if !ok1 || !ok2 {
		return wait(ReasonFeeCap, next(f), "the fees of the %s cannot be raised", m.Target)
	}
	if c := f.Config.MaxFeeCap; c != nil && !c.IsZero() && feeCap.Cmp(c) > 0 {
		return wait(ReasonFeeCap, next(f), "replacing the %s needs a fee cap of %s wei, above the maximum %s", m.Target, feeCap, c)
	}
	if tip.Cmp(feeCap) > 0 {
		tip = feeCap.Clone()
	}
	kind, gas, value := KindReplace, m.GasLimit, m.Value
	if cancel {
		kind, gas, value = KindCancel, cancelGas, nil
	}
	c, _ := cost(gas, maxU(feeCap, f.FeeCap), value)
	if !covers(f.Balance, c) {
		return alert(f, kind, m.Target, c, 0)
	}
	by := limit(m.Target, f)
	if cancel {
		by = 0
	}
	return Action{Kind: kind, Reason: reason, Note: fmt.Sprintf(format, args...), Target: m.Target, By: by,
		Nonce: m.Nonce, GasLimit: gas, Value: clone(value), FeeCap: feeCap, TipCap: tip, Cost: c}
}

// limit is the last block in which a move of t still does what it is for
// (0: none, or no batch).
func limit(t Target, f *Facts) uint64 {
	b := f.Batch
	switch {
	case b == nil:
		return 0
	case t.Kind == MoveProve:
		return b.Deadline
	case t.Kind == MoveChallenge:
		return b.ChallengeEnd(f.Config)
	case t.Kind == MoveSlash:
		return b.MaxDeadline(f.Config)
	}
	return 0
}

// alert is the underfunded alert for a move of kind on t that needs need
// (nil: more than 256 bits), with a wait for the next block.
func alert(f *Facts, kind Kind, t Target, need *uint256.Int, by uint64) Action {
	a := Action{Kind: KindAlert, Reason: ReasonUnderfunded, At: next(f), By: by, Target: t,
		Alert: &Alert{Move: kind, Target: t, Need: clone(need), Balance: clone(f.Balance)}}
	a.Note = fmt.Sprintf("the %s needs %s wei and the key has %s", t, weiString(need), weiString(f.Balance))
	return a
}

// weiString writes an amount for a note.
func weiString(v *uint256.Int) string {
	if v == nil {
		return "unknown"
	}
	return v.Dec()
}

// next is the block after the head.
func next(f *Facts) uint64 { return satAdd(f.Head, 1) }
