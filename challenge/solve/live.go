package solve

import (
	"fmt"

	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/judge"
)

// liveRules are the rules of a live batch with nothing in flight, in the
// order they apply (doc.go's table): the first that returns an action wins.
var liveRules = []func(r *Record, f *Facts) (Action, bool){
	slashOwn,   // an unanswered challenge of ours: bond and bounty back
	prove,      // the verdict's proof, before the deadline
	slashOther, // another's unanswered challenge, while it still slashes
	challenge,  // a needed object, within the window, budget and balance
	expire,     // past the deadline with nothing left that could void it
}

// live is the next move on a live batch.
func live(r *Record, f *Facts) Action {
	for _, rule := range liveRules {
		if a, ok := rule(r, f); ok {
			return a
		}
	}
	return idle(r, f)
}

// slashOwn slashes the first open challenge of ours whose resolve window
// has passed: at head >= resolveBy no resolution can come (one needs a block
// <= resolveBy), and the slash is mined after it. After maxDeadline the
// same call only voids the batch and returns the bond (Late).
func slashOwn(r *Record, f *Facts) (Action, bool) {
	maxDeadline := f.Batch.MaxDeadline(f.Config)
	for _, b := range r.Challenges {
		t := Target{Kind: MoveSlash, Object: b.Object, Index: b.Index}
		if b.Fate != FateOpen || f.Head < b.ResolveBy || tries(r, t, f.Config).refused {
			continue
		}
		mv := move{kind: KindSlash, target: t, reason: ReasonUnanswered, by: maxDeadline,
			note: fmt.Sprintf("our %s is unanswered since block %d: the batch is slashed, the bond and bounty come back", t, b.ResolveBy)}
		if f.Head >= maxDeadline {
			mv.by, mv.late = 0, true
			mv.note = fmt.Sprintf("our %s is unanswered and maxDeadline %d has passed: the batch is voided unslashed and the bond comes back", t, maxDeadline)
		}
		return propose(r, f, mv), true
	}
	return Action{}, false
}

// prove sends the proof the fraud verdict names while a proof sent now can
// be mined by the deadline. A proof the contract refused for good settles
// the record failed, once no bond of ours is left open.
func prove(r *Record, f *Facts) (Action, bool) {
	v := verdict(r, f)
	t, ok := ProofOf(v)
	if !ok || f.Head >= f.Batch.Deadline {
		return Action{}, false
	}
	st := tries(r, t, f.Config)
	if st.refused {
		if openBonds(r) {
			return Action{}, false
		}
		return settle(f, FinalFailed, Basis{Kind: BasisLive, Mode: f.Config.mode()},
			"the contract refuses the %s the verdict names: it %s", t, st.why()), true
	}
	mv := move{kind: KindProve, target: t, reason: ReasonFraud, by: f.Batch.Deadline, evidence: v.Evidence,
		note: fmt.Sprintf("the batch is fraud (%s): proven before block %d", v.Rule, f.Batch.Deadline)}
	if st.retryGas > 0 {
		mv.reason, mv.gas = ReasonOutOfGasRetry, st.retryGas
		mv.note += fmt.Sprintf("; the one retry after running out of gas, with %d gas", st.retryGas)
	}
	return propose(r, f, mv), true
}

// slashOther slashes another challenger's unanswered challenge while that
// still convicts the batch, when the verdict finds the batch wrong or its
// data unavailable and no proof of ours applies: the bounty is theirs, the
// batch is stopped.
func slashOther(r *Record, f *Facts) (Action, bool) {
	v := verdict(r, f)
	if v == nil || (v.Status != judge.StatusFraud && v.Status != judge.StatusUnavailable) {
		return Action{}, false
	}
	maxDeadline := f.Batch.MaxDeadline(f.Config)
	for _, c := range f.Challenges {
		t := Target{Kind: MoveSlash, Object: c.Object, Index: c.Index}
		if c.Ours || c.State != ChallengeOpen || f.Head < c.ResolveBy || f.Head >= maxDeadline || tries(r, t, f.Config).refused {
			continue
		}
		return propose(r, f, move{kind: KindSlash, target: t, reason: ReasonUnanswered, by: maxDeadline,
			note: fmt.Sprintf("another challenger's %s is unanswered since block %d: the batch is slashed (the bounty is theirs)", t, c.ResolveBy)}), true
	}
	return Action{}, false
}

// challenge opens a challenge of the first object the unavailable verdict
// needs that nobody has challenged, while a challenge sent now can be mined
// inside the challenge window, within the round's max bond.
func challenge(r *Record, f *Facts) (Action, bool) {
	v := verdict(r, f)
	end := f.Batch.ChallengeEnd(f.Config)
	if v == nil || v.Status != judge.StatusUnavailable || f.Head >= end {
		return Action{}, false
	}
	for _, t := range needed(v) {
		if _, taken := chainChallenge(f, t.object()); taken || tries(r, t, f.Config).refused {
			continue
		}
		if !bondBudget(r, f) {
			return wait(ReasonBondBudget, next(f), "the %s is needed but another bond of %s wei passes the round's max bond",
				t, weiString(f.Config.Bond)), true
		}
		return propose(r, f, move{kind: KindChallenge, target: t, reason: ReasonUnavailable, by: end, value: f.Config.Bond,
			note: fmt.Sprintf("no source has the %s object and no proof avoids it: challenged before block %d", t, end)}), true
	}
	return Action{}, false
}

// expire settles a live batch the verdict finds wrong or unavailable
// expired once no proof can be mined by its deadline, no challenge can
// still be resolved (which would move the deadline) and no bond of ours is
// open. Any other batch waits for its finalization.
func expire(r *Record, f *Facts) (Action, bool) {
	b := f.Batch
	if f.Head < b.Deadline || openBonds(r) || resolvable(f) {
		return Action{}, false
	}
	v := verdict(r, f)
	if v == nil || (v.Status != judge.StatusFraud && v.Status != judge.StatusUnavailable) {
		return Action{}, false
	}
	return settle(f, FinalExpired, Basis{Kind: BasisDeadline, Deadline: b.Deadline},
		"the proof window closed at block %d with the batch unproven: %s (%s)", b.Deadline, v.Status, v.Reason), true
}

// idle waits for the next block at which a rule may apply.
func idle(r *Record, f *Facts) Action {
	b := f.Batch
	at := uint64(0)
	for _, blk := range []uint64{b.Deadline, b.ChallengeEnd(f.Config), b.MaxDeadline(f.Config)} {
		if blk > f.Head && (at == 0 || blk < at) {
			at = blk
		}
	}
	for _, c := range f.Challenges {
		if c.State == ChallengeOpen && c.ResolveBy > f.Head && (at == 0 || c.ResolveBy < at) {
			at = c.ResolveBy
		}
	}
	if at == 0 {
		at = next(f)
	}
	v := verdict(r, f)
	switch {
	case v == nil || !decided(v.Status):
		return wait(ReasonAwaitVerdict, next(f), "no verdict on the batch yet")
	case resolvable(f) || openBonds(r):
		return wait(ReasonAwaitReveal, at, "availability challenges are open")
	case v.Status == judge.StatusValid && f.Head >= b.Deadline:
		return wait(ReasonAwaitFinal, next(f), "the batch is valid and past its deadline: awaiting its finalization")
	}
	return wait(ReasonNothingDue, at, "the verdict is %s: nothing is due before block %d", v.Status, at)
}

// openBonds reports whether a bond of ours is open.
func openBonds(r *Record) bool {
	for _, b := range r.Challenges {
		if b.Fate == FateOpen {
			return true
		}
	}
	return false
}

// resolvable reports whether a challenge of the batch can still be resolved.
func resolvable(f *Facts) bool {
	for _, c := range f.Challenges {
		if c.State == ChallengeOpen && f.Head < c.ResolveBy {
			return true
		}
	}
	return false
}

// move is a transaction a rule wants, before propose prices and gates it.
type move struct {
	kind     Kind
	target   Target
	reason   Reason
	note     string
	by       uint64
	value    *uint256.Int
	evidence *judge.Evidence
	gas      uint64 // the out-of-gas retry's limit (0: from the estimate)
	late     bool
}
