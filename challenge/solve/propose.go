package solve

import (
	"fmt"
	"slices"
)

// propose turns a move a rule wants into an action, through these gates in
// order: a passing refusal not yet behind us (wait); monitor-only (settle
// monitor-only: no key); a dry run already simulated (settle dry-run); the
// gas estimate (wait for it; a reverted one is observed as a refusal); the
// gas limit (an estimate above the cap is a refusal); the price (wait while
// fees or the balance are unknown); the balance (alert when it cannot pay).
// The caller has checked the target is not refused for good.
func propose(r *Record, f *Facts, mv move) Action {
	st := tries(r, mv.target, f.Config)
	if f.Head < st.notBefore {
		return wait(ReasonRetryLater, st.notBefore, "the %s was refused (%s) at block %d: tried again after it",
			mv.target, st.last.Revert, st.notBefore-1)
	}
	switch mode := f.Config.mode(); {
	case mode != ModeSend && f.Batch.State != BatchLive:
		return wait(ReasonFollowing, next(f), "the %s is due and the challenger runs %s", mv.target, mode)
	case mode == ModeMonitorOnly:
		return settle(f, FinalMonitorOnly, Basis{Kind: BasisLive, Mode: mode},
			"%s; not sent: the challenger has no key", mv.note)
	case mode == ModeDryRun && r.Simulation != nil && r.Simulation.Target == mv.target:
		return settle(f, FinalDryRun, Basis{Kind: BasisLive, Mode: mode},
			"%s; simulated at block %d and not sent (dry run)", mv.note, r.Simulation.Block)
	}
	e, ok := estimateOf(f, mv.target)
	switch {
	case !ok:
		a := wait(ReasonNoEstimate, next(f), "the gas of the %s is not estimated yet", mv.target)
		a.Target = mv.target
		return a
	case e.Reverted:
		return refusal(f, Refusal{Target: mv.target, Revert: e.Revert, Block: f.Head}, "its gas estimate reverted "+e.Revert)
	}
	limit, ok := gasLimit(e.Gas, f.Config)
	if !ok {
		return refusal(f, Refusal{Target: mv.target, Revert: RevertGasCap, Block: f.Head},
			fmt.Sprintf("its estimate of %d gas passes the cap of %d", e.Gas, gasCap(f.Config)))
	}
	limit = max(limit, mv.gas)
	return priced(f, mv, limit)
}

// priced is the move's action at gas limit limit, or the wait or alert
// when it cannot be paid.
func priced(f *Facts, mv move, limit uint64) Action {
	if f.FeeCap == nil || f.Balance == nil {
		return wait(ReasonNoPrice, next(f), "the fees or the balance are unknown: the %s is not priced", mv.target)
	}
	c, _ := cost(limit, f.FeeCap, mv.value)
	if !covers(f.Balance, c) {
		return alert(f, mv.kind, mv.target, c, mv.by)
	}
	return Action{Kind: mv.kind, Reason: mv.reason, Note: mv.note, By: mv.by, Target: mv.target,
		Evidence: mv.evidence, GasLimit: limit, Value: clone(mv.value), Cost: c,
		DryRun: f.Config.mode() == ModeDryRun, Late: mv.late, Retry: mv.gas > 0}
}

// refusal is the Observe of a refusal Next found in the facts.
func refusal(f *Facts, ref Refusal, why string) Action {
	return Action{Kind: KindObserve, Reason: ReasonEstimateRevert, Observation: &Observation{Refusal: &ref},
		Note: fmt.Sprintf("the %s is refused at block %d: %s", ref.Target, f.Head, why)}
}

// estimateOf is the facts' estimate of target t.
func estimateOf(f *Facts, t Target) (Estimate, bool) {
	i := slices.IndexFunc(f.Estimates, func(e Estimate) bool { return e.Target == t })
	if i < 0 {
		return Estimate{}, false
	}
	return f.Estimates[i], true
}
