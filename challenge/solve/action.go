package solve

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/judge"
)

// Kind is what an action asks the executor to do.
type Kind string

// The action kinds. The transaction kinds (Prove to Cancel) are the only
// ones that sign and send anything.
const (
	// KindWait: nothing to do; look again at At (or sooner, when a fact
	// changes).
	KindWait Kind = "wait"
	// KindAlert: raise the underfunded alert and metric (Alert), then wait
	// as KindWait.
	KindAlert Kind = "alert"
	// KindObserve: record what the chain shows (Observation): the move in
	// flight ended, the bonds' fates changed, an estimate reverted. No
	// transaction.
	KindObserve Kind = "observe"
	// KindSettle: the record takes its final state (Final).
	KindSettle Kind = "settle"
	// KindReopen: the fact a final state rested on is gone; the record is
	// open again.
	KindReopen Kind = "reopen"

	// KindProve: send the fraud proof Target with Evidence.
	KindProve Kind = "prove"
	// KindChallenge: challengeAvailability(round, Target.Object,
	// Target.Index) with Value as the bond.
	KindChallenge Kind = "challenge"
	// KindSlash: slashUnavailable of the challenge Target (Late: after
	// maxDeadline, it only voids the batch and returns the bond).
	KindSlash Kind = "slash"
	// KindRefund: refundBond of the challenge Target of the voided batch.
	KindRefund Kind = "refund"
	// KindReplace: resend the move in flight with the same Nonce and fees
	// of at least FeeCap and TipCap (12.5% above its latest attempt's).
	KindReplace Kind = "replace"
	// KindCancel: replace the move in flight with a 0-value transfer to the
	// key itself, same Nonce, fees of at least FeeCap and TipCap.
	KindCancel Kind = "cancel"
)

// Sends reports whether an action of kind k signs a transaction (or, with
// DryRun, simulates one).
func (k Kind) Sends() bool {
	switch k {
	case KindProve, KindChallenge, KindSlash, KindRefund, KindReplace, KindCancel:
		return true
	}
	return false
}

// Reason says why Next chose an action, for logs and metrics. The values
// are a stable interface; Action.Note says it in a sentence.
type Reason string

// The reasons.
const (
	ReasonSettled        Reason = "settled"         // the final state stands
	ReasonBasisGone      Reason = "basis-gone"      // reopen: the fact is gone
	ReasonMismatch       Reason = "facts-mismatch"  // facts of another batch
	ReasonBatchAbsent    Reason = "batch-absent"    // the batch is not on the chain
	ReasonNoMoveFacts    Reason = "no-move-facts"   // the executor has not looked at the move
	ReasonFactsLag       Reason = "facts-lag"       // a receipt the batch's state does not show yet
	ReasonFollowing      Reason = "following"       // a move in flight, nothing may be signed
	ReasonPending        Reason = "pending"         // a move in flight, not yet slow
	ReasonSlow           Reason = "slow"            // replace: pending BumpAfter blocks
	ReasonMaxBumps       Reason = "max-bumps"       // slow, and bumped MaxBumps times
	ReasonFeeCap         Reason = "fee-cap"         // slow, and a bump passes MaxFeeCap
	ReasonUnneeded       Reason = "unneeded"        // cancel: the move is no longer needed
	ReasonMoveEnded      Reason = "move-ended"      // observe
	ReasonFates          Reason = "fates"           // observe
	ReasonEstimateRevert Reason = "estimate-revert" // observe
	ReasonNoEstimate     Reason = "no-estimate"     // the move's gas is not estimated yet
	ReasonNoPrice        Reason = "no-price"        // fees or balance unknown
	ReasonUnderfunded    Reason = "underfunded"     // alert
	ReasonBondBudget     Reason = "bond-budget"     // max bond exhausted
	ReasonRetryLater     Reason = "retry-later"     // refused for a passing cause: next block
	ReasonConfirming     Reason = "confirming"      // an event not yet Confirmations deep
	ReasonAwaitVerdict   Reason = "awaiting-verdict"
	ReasonAwaitReveal    Reason = "awaiting-resolution" // challenges open
	ReasonAwaitFinal     Reason = "awaiting-finalization"
	ReasonNothingDue     Reason = "nothing-due"
	ReasonVoidedBatch    Reason = "voided"            // refund: a voided batch's open challenge
	ReasonUnanswered     Reason = "unanswered"        // slash: resolve window passed
	ReasonFraud          Reason = "fraud"             // prove
	ReasonOutOfGasRetry  Reason = "out-of-gas-retry"  // prove again, higher limit
	ReasonUnavailable    Reason = "unavailable"       // challenge
	ReasonOutcome        Reason = "final"             // settle
	ReasonDryRun         Reason = "dry-run-simulate"  // a move simulated, not sent
	ReasonMonitorOnly    Reason = "monitor-only-move" // settle monitor-only
)

// Action is what Next decides: one step for the executor. Which fields are
// set follows Kind:
//   - every kind: Reason, Note;
//   - Wait, Alert: At (and Alert for Alert);
//   - Prove, Challenge, Slash, Refund: Target, GasLimit, Cost, By, and
//     Evidence (Prove), Value (Challenge), Late (Slash), Retry (Prove after
//     an out-of-gas revert), DryRun (simulate only);
//   - Replace, Cancel: Target, Nonce, GasLimit, Value (Replace), FeeCap,
//     TipCap, Cost;
//   - Observe: Observation; Settle: Final.
type Action struct {
	Kind   Kind
	Reason Reason
	Note   string
	// At is the latest block to look again at (Wait, Alert): sooner when a
	// fact changes.
	At uint64
	// By is the last block in which the move can be mined and still do
	// what it is for (0: no limit). Order serves the smallest first.
	By     uint64
	Target Target
	// Evidence is the verdict's (Prove); it is shared, not copied.
	Evidence *judge.Evidence
	GasLimit uint64
	// Value is the bond a challenge pays (nil: none).
	Value *uint256.Int
	// Cost is the most the transaction may spend: GasLimit x fee cap +
	// Value. Next returns no transaction whose Cost the balance does not
	// cover.
	Cost *uint256.Int
	// Nonce, FeeCap and TipCap are a replacement's (Replace, Cancel): the
	// least fees it may have; a new move's fees are the executor's (at most
	// Facts.FeeCap, which Cost assumes).
	Nonce          uint64
	FeeCap, TipCap *uint256.Int
	DryRun         bool
	Late           bool
	Retry          bool
	Observation    *Observation
	Final          *Final
	Alert          *Alert
}

// Alert is the underfunded alert: the balance cannot pay the move that is
// due.
type Alert struct {
	Move    Kind
	Target  Target
	Need    *uint256.Int
	Balance *uint256.Int // nil: unknown
}

// Observation is what an Observe action records.
type Observation struct {
	// Ended: the move in flight ended so.
	Ended *Ending
	// Bonds, when not nil, are the record's challenges as the chain shows
	// them now (they replace Record.Challenges).
	Bonds []Bond
	// Refusal: an estimate of a due move reverted.
	Refusal *Refusal
}

// OutcomeKind is what the executor did with a transaction action.
type OutcomeKind string

// The outcomes.
const (
	// OutcomeNone: nothing was done (an error before anything was sent):
	// the record does not change.
	OutcomeNone OutcomeKind = ""
	// OutcomeSent: the transaction was simulated, signed, stored and
	// broadcast.
	OutcomeSent OutcomeKind = "sent"
	// OutcomeSimulated: dry run: the simulation passed, nothing was sent.
	OutcomeSimulated OutcomeKind = "simulated"
	// OutcomeRefused: the simulation reverted (Revert); nothing was sent.
	OutcomeRefused OutcomeKind = "refused"
)

// Outcome is what the executor did with an action that sends (or
// simulates) a transaction; the other actions take the zero Outcome.
type Outcome struct {
	Kind           OutcomeKind
	Tx             common.Hash
	Nonce          uint64
	GasLimit       uint64
	FeeCap, TipCap *uint256.Int
	// Block is the head the transaction was sent or simulated at.
	Block  uint64
	Revert string
	// Raw is the signed transaction sent (kept in the move's attempt).
	Raw []byte
}
