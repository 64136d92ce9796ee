package solve

import "fmt"

// RevertGasCap is the Revert of a refusal solve makes itself: the move's
// gas estimate passes the gas cap, so no transaction can carry it.
const RevertGasCap = "GasCap"

// passing are the AVS's custom errors (contracts/src) that say the moment
// was wrong, not the move: another transaction came first (the batch was
// voided, the object challenged, the challenge resolved or settled), or a
// window closed or had not opened yet. A move refused so is tried again
// once the facts have moved past the refusal, at most maxPassing times;
// every other revert refuses the move for good (a proof the contract finds
// wrong, NoFraud, an out-of-range row, ...).
var passing = map[string]bool{
	"NoLiveBatch":           true,
	"ProofWindowClosed":     true,
	"ChallengeWindowClosed": true,
	"AlreadyChallenged":     true,
	"ChallengeNotOpen":      true,
	"ResolveWindowClosed":   true,
	"ResolveWindowOpen":     true,
	"BatchNotVoided":        true,
}

// maxPassing bounds the tries of a move refused for passing causes, so
// that facts that keep contradicting the contract cannot loop.
const maxPassing = 3

// tryState is what the refusals of one target allow.
type tryState struct {
	// refused: never try the target again; last says why.
	refused bool
	last    *Refusal
	// retryGas > 0: the one retry after running out of gas, at this limit.
	retryGas uint64
	// notBefore: a passing refusal at block notBefore-1; not again before.
	notBefore uint64
}

// tries reads the record's refusals of target t.
func tries(r *Record, t Target, c Config) tryState {
	var st tryState
	outOfGas, passed := 0, 0
	for i := range r.Refusals {
		ref := &r.Refusals[i]
		if ref.Target != t {
			continue
		}
		st.last = ref
		switch {
		case ref.OutOfGas:
			outOfGas++
			next, ok := retryLimit(ref.GasLimit, c)
			st.retryGas, st.refused = next, st.refused || !ok || outOfGas > 1
		case passing[ref.Revert]:
			passed++
			st.notBefore = max(st.notBefore, ref.Block+1)
			st.refused = st.refused || passed >= maxPassing
		default:
			st.refused = true
		}
	}
	return st
}

// why says in words why a target was refused.
func (s tryState) why() string {
	if s.last == nil {
		return "refused"
	}
	switch {
	case s.last.OutOfGas:
		return fmt.Sprintf("ran out of gas with a limit of %d, after the one retry", s.last.GasLimit)
	case s.last.Revert == "":
		return "reverted with no decodable reason"
	case passing[s.last.Revert]:
		return fmt.Sprintf("reverted %s %d times although the facts allowed it", s.last.Revert, maxPassing)
	}
	return "reverted " + s.last.Revert
}
