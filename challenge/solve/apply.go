package solve

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/common"
)

// Apply errors: an action and outcome that cannot follow the record (the
// executor applied an action Next did not return for it, or an outcome
// that is not the action's).
var (
	// ErrInFlight: a new move was sent while another is in flight.
	ErrInFlight = errors.New("a move is already in flight")
	// ErrNoMove: a replacement or cancellation with no move in flight.
	ErrNoMove = errors.New("no move in flight")
	// ErrOutcome: an outcome that does not fit the action.
	ErrOutcome = errors.New("outcome does not fit the action")
)

// Apply returns the record after the executor took action a with outcome o
// (the zero Outcome for the actions that send nothing). It is pure and
// never changes rec: the result shares no slice or pointer with it that
// Apply writes, and amounts are never changed in place. With OutcomeNone a
// sending action leaves the record as it was.
//
//	Wait, Alert          unchanged
//	Observe              the move ends into History (a revert adds a
//	                     Refusal; a drop counts a replan), the bonds take
//	                     the chain's fates, an estimate's refusal is added
//	Settle               Final is set
//	Reopen               Final is cleared, Reopens counted, the dry-run
//	                     simulation forgotten, and the move a confirmed state
//	                     rested on put back in flight to be followed again
//	Prove..Refund, sent  a new Move with its first attempt
//	  simulated          Simulation (dry run)
//	  refused            a Refusal
//	Replace, Cancel sent a new attempt of the Move (Cancel: Cancelling,
//	                     replacements counted afresh)
func Apply(rec Record, a Action, o Outcome) (Record, error) {
	r := cloneRecord(rec)
	var err error
	switch a.Kind {
	case KindObserve:
		err = observed(&r, a.Observation)
	case KindSettle:
		err = settledBy(&r, a.Final)
	case KindReopen:
		reopen(&r)
	case KindProve, KindChallenge, KindSlash, KindRefund:
		err = began(&r, a, o)
	case KindReplace, KindCancel:
		err = replaced(&r, a, o)
	}
	if err != nil {
		return rec, fmt.Errorf("apply %s to round %d attempt %d: %w", a.Kind, rec.Round, rec.Attempt, err)
	}
	r.State = stateOf(&r)
	return r, nil
}

// observed records an observation.
func observed(r *Record, obs *Observation) error {
	if obs == nil {
		return fmt.Errorf("%w: an observe with no observation", ErrOutcome)
	}
	if obs.Bonds != nil {
		r.Challenges = slices.Clone(obs.Bonds)
	}
	if obs.Refusal != nil {
		r.Refusals = append(r.Refusals, *obs.Refusal)
	}
	e := obs.Ended
	if e == nil {
		return nil
	}
	if r.Move == nil {
		return ErrNoMove
	}
	m, end := *r.Move, *e
	m.End = &end
	switch e.How {
	case EndReverted:
		r.Refusals = append(r.Refusals, Refusal{Target: m.Target, Revert: e.Revert, OutOfGas: e.OutOfGas,
			GasLimit: m.GasLimit, Block: e.Block, Tx: e.Tx})
	case EndDropped:
		r.Replans++
	}
	r.History = append(r.History, m)
	r.Move = nil
	return nil
}

// settledBy sets the final state; a record with a move in flight cannot
// settle.
func settledBy(r *Record, f *Final) error {
	switch {
	case f == nil:
		return fmt.Errorf("%w: a settle with no final state", ErrOutcome)
	case r.Move != nil:
		return ErrInFlight
	}
	final := *f
	r.Final = &final
	return nil
}

// reopen clears the final state. When it rested on a FraudProven of one of
// the record's own mined moves, that move is in flight again: a reorg may
// have put its transaction back in the pool, and the facts say where it
// stands (pending, mined again, or dropped and redone).
func reopen(r *Record) {
	old := r.Final
	r.Final, r.Simulation = nil, nil
	r.Reopens++
	if old == nil || old.Basis.Kind != BasisFraudProven || r.Move != nil {
		return
	}
	i := slices.IndexFunc(r.History, func(m Move) bool {
		return m.End != nil && m.End.How == EndMined && m.End.Tx == old.Basis.Tx
	})
	if i < 0 {
		return
	}
	m := r.History[i]
	m.End = nil
	r.Move = &m
	r.History = slices.Delete(r.History, i, i+1)
}

// began records a new move's outcome.
func began(r *Record, a Action, o Outcome) error {
	switch o.Kind {
	case OutcomeNone:
	case OutcomeSent:
		if r.Move != nil {
			return ErrInFlight
		}
		if o.Tx == (common.Hash{}) {
			return fmt.Errorf("%w: sent with no transaction hash", ErrOutcome)
		}
		gas := o.GasLimit
		if gas == 0 {
			gas = a.GasLimit
		}
		r.Move = &Move{Target: a.Target, Nonce: o.Nonce, GasLimit: gas, Value: clone(a.Value), OutOfGasRetry: a.Retry,
			Attempts: []Attempt{{Tx: o.Tx, FeeCap: clone(o.FeeCap), TipCap: clone(o.TipCap), SentBlock: o.Block, Raw: bytes.Clone(o.Raw)}}}
	case OutcomeSimulated:
		r.Simulation = &Simulation{Target: a.Target, Block: o.Block}
	case OutcomeRefused:
		r.Refusals = append(r.Refusals, Refusal{Target: a.Target, Revert: o.Revert, GasLimit: a.GasLimit, Block: o.Block})
	default:
		return fmt.Errorf("%w: %q", ErrOutcome, o.Kind)
	}
	return nil
}

// replaced records a replacement's or cancellation's outcome.
func replaced(r *Record, a Action, o Outcome) error {
	if o.Kind == OutcomeNone {
		return nil
	}
	if r.Move == nil {
		return ErrNoMove
	}
	if o.Kind != OutcomeSent || o.Tx == (common.Hash{}) {
		return fmt.Errorf("%w: a replacement is sent with a transaction hash or not at all", ErrOutcome)
	}
	m := *r.Move
	cancel := a.Kind == KindCancel || m.Cancelling
	m.Attempts = append(slices.Clone(m.Attempts), Attempt{Tx: o.Tx, FeeCap: clone(o.FeeCap), TipCap: clone(o.TipCap),
		SentBlock: o.Block, Cancel: cancel, Raw: bytes.Clone(o.Raw)})
	if a.Kind == KindCancel && !m.Cancelling {
		m.Cancelling, m.Replacements = true, 0
	} else {
		m.Replacements++
	}
	r.Move = &m
	return nil
}

// cloneRecord copies the parts of r that Apply writes.
func cloneRecord(r Record) Record {
	if r.Move != nil {
		m := *r.Move
		m.Attempts = slices.Clone(m.Attempts)
		r.Move = &m
	}
	r.History = slices.Clone(r.History)
	r.Challenges = slices.Clone(r.Challenges)
	r.Refusals = slices.Clone(r.Refusals)
	return r
}
