package solve

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/params"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/judge"
)

// Facts are what the executor knows about one record's batch at one head:
// one consistent snapshot of the chain (every event, receipt, state and
// balance read at Head or before), the round's verdict, and the config.
// Next reads nothing else.
type Facts struct {
	Round uint64
	Head  uint64
	// Verdict is the judge's verdict on the round's live batch; nil when
	// there is none yet. A verdict of another round or attempt is ignored.
	Verdict *judge.Verdict
	// Batch is the record's batch as the chain has it now; nil when it is
	// not on the chain (a reorg took its submission away).
	Batch *Batch
	// Move is what the chain shows of the record's move in flight; nil
	// when the executor has not looked (Next then waits).
	Move *MoveFacts
	// Challenges are every availability challenge of the batch (its
	// attempt) on the chain, by anyone.
	Challenges []ChainChallenge
	// Balance is what the key can spend: its balance at Head less what
	// moves in flight for other records may still spend. nil: unknown
	// (Next then sends nothing).
	Balance *uint256.Int
	// FeeCap and TipCap are the fees a new transaction gets now (wei per
	// gas); nil: unknown.
	FeeCap, TipCap *uint256.Int
	// Estimates are the gas estimates of the moves Candidates lists.
	Estimates []Estimate
	// RoundBonds is what the round's other attempts' challenges of this
	// challenger hold or lost (fates open and resolved-lost), wei.
	RoundBonds *uint256.Int
	Config     Config
}

// BatchState is where the chain has a batch.
type BatchState string

// The batch states.
const (
	BatchLive      BatchState = "live"
	BatchVoided    BatchState = "voided"
	BatchFinalized BatchState = "finalized"
)

// Batch is a batch as the chain has it.
type Batch struct {
	Attempt uint64
	State   BatchState
	// SubmissionBlock is the block of AllocationBatchSubmitted.
	SubmissionBlock uint64
	// Deadline is the last block in which a fraud proof is accepted: the
	// submission block plus the challenge window, or later after a
	// resolution (ManifestRevealed and RowRevealed carry it).
	Deadline uint64
	// Voided is the FraudProven that voided it (state voided).
	Voided *Event
	// Finalized is the RoundFinalized event (state finalized).
	Finalized *Event
}

// Event is a FraudProven or RoundFinalized event of the batch.
type Event struct {
	Tx        common.Hash
	Block     uint64
	BlockHash common.Hash
	// By is FraudProven's challenger (the bounty's beneficiary); Ours says
	// whether it is this challenger's key.
	By   common.Address
	Ours bool
	Kind contracts.FraudKind
}

// ChallengeEnd is the last block in which the batch's objects can be
// challenged: submission + challengeWindow (section 7.3).
func (b *Batch) ChallengeEnd(c Config) uint64 { return satAdd(b.SubmissionBlock, c.ChallengeWindow) }

// MaxDeadline is the last block in which an unanswered challenge still
// slashes: submission + challengeWindow + resolveWindow + revealWindow.
// Both limits saturate instead of overflowing.
func (b *Batch) MaxDeadline(c Config) uint64 {
	return satAdd(satAdd(satAdd(b.SubmissionBlock, c.ChallengeWindow), c.ResolveWindow), c.RevealWindow)
}

// MoveStatus is where the chain has the move in flight.
type MoveStatus string

// The move statuses.
const (
	// MovePending: in the node's pool, or sent and its nonce not yet used.
	MovePending MoveStatus = "pending"
	// MoveMined: an attempt of the move has a receipt (Tx) in the
	// canonical chain.
	MoveMined MoveStatus = "mined"
	// MoveDropped: the nonce is used by a transaction that is none of the
	// move's attempts.
	MoveDropped MoveStatus = "dropped"
	// MoveUnknown: no receipt, not in the pool, the nonce unused: the node
	// lost it. Followed like a pending move (the next bump resends it).
	MoveUnknown MoveStatus = "unknown"
)

// MoveFacts is what the chain shows of the move in flight.
type MoveFacts struct {
	Status MoveStatus
	// For a mined move: which attempt, where, and its receipt.
	Tx        common.Hash
	Block     uint64
	BlockHash common.Hash
	Success   bool
	GasUsed   uint64
	// OutOfGas: reverted having used its whole gas limit.
	OutOfGas bool
	// Revert is the custom error's name, replayed at the block ("" when
	// none decodes).
	Revert string
}

// ChallengeState is an availability challenge's state on the chain.
type ChallengeState string

// The challenge states, as getChallenge and the events give them.
const (
	ChallengeOpen     ChallengeState = "open"
	ChallengeResolved ChallengeState = "resolved" // ManifestRevealed or RowRevealed
	// ChallengeSlashed: slashUnavailable convicted the batch (by maxDeadline).
	ChallengeSlashed ChallengeState = "slashed"
	// ChallengeRefunded: the bond went back without a bounty (refundBond, or
	// slashUnavailable after maxDeadline).
	ChallengeRefunded ChallengeState = "refunded"
)

// ChainChallenge is one availability challenge of the batch on the chain.
type ChainChallenge struct {
	Object contracts.ObjectKind
	Index  uint64
	// Ours: opened by this challenger's key.
	Ours      bool
	State     ChallengeState
	Bond      *uint256.Int
	Tx        common.Hash
	Block     uint64
	ResolveBy uint64
}

// Estimate is the measured gas of a move at Head; Revert is set when the
// estimate reverted (the custom error's name, or "" when none decodes, with
// Reverted set).
type Estimate struct {
	Target   Target
	Gas      uint64
	Reverted bool
	Revert   string
}

// Config is the part of the challenger's configuration Next reads.
type Config struct {
	// MonitorOnly: no key; nothing is ever signed. DryRun: moves are
	// simulated, never sent. MonitorOnly wins when both are set.
	MonitorOnly bool
	DryRun      bool
	// Bond is the protocol's availabilityBond, what a challenge pays;
	// MaxBond the most this challenger puts at risk or loses in one round
	// (nil: Bond, one challenge).
	Bond    *uint256.Int
	MaxBond *uint256.Int
	// Confirmations: an event is relied on once the head is this many
	// blocks past it.
	Confirmations uint64
	// BumpAfter: a move not mined this many blocks after its latest attempt
	// was sent is replaced with fees 12.5% higher, at most MaxBumps times.
	BumpAfter uint64
	MaxBumps  int
	// MaxFeeCap caps the fee per gas (nil or 0: no cap).
	MaxFeeCap *uint256.Int
	// GasMarginPct is added to an estimate for the gas limit; GasCap is the
	// most gas one transaction may take (0: MaxTxGas).
	GasMarginPct uint64
	GasCap       uint64
	// The AVS's windows, blocks (section 7.3).
	ChallengeWindow, ResolveWindow, RevealWindow uint64
}

// MaxTxGas is the most gas one transaction may use (EIP-7825).
const MaxTxGas = 1 << 24

// DefaultConfig returns the protocol's defaults (a 0.05 ether bond and the
// 100/50/50 windows), a max bond of one bond per round, 2 confirmations, a
// bump after 3 blocks, at most 5 bumps, a 500 gwei fee cap and a 25% gas
// margin.
func DefaultConfig() Config {
	bond := uint256.MustFromBig(big.NewInt(params.Ether / 20))
	return Config{
		Bond: bond, MaxBond: bond.Clone(),
		Confirmations: 2, BumpAfter: 3, MaxBumps: 5,
		MaxFeeCap:    uint256.NewInt(500 * params.GWei),
		GasMarginPct: 25, GasCap: MaxTxGas,
		ChallengeWindow: 100, ResolveWindow: 50, RevealWindow: 50,
	}
}

// ErrConfig is wrapped by every Config.Check failure.
var ErrConfig = errors.New("invalid challenge decision config")

// Check reports the first invalid field, wrapping ErrConfig. Next copes
// with any config (it never panics); Check is for the daemon's start.
func (c Config) Check() error {
	switch {
	case c.Bond == nil:
		return fmt.Errorf("%w: no bond", ErrConfig)
	case c.BumpAfter == 0:
		return fmt.Errorf("%w: bump-after must be at least 1 block", ErrConfig)
	case c.MaxBumps < 0:
		return fmt.Errorf("%w: negative max bumps", ErrConfig)
	case c.ChallengeWindow == 0 || c.ResolveWindow == 0:
		return fmt.Errorf("%w: the challenge and resolve windows must be at least one block", ErrConfig)
	case c.GasMarginPct > 200:
		return fmt.Errorf("%w: gas margin %d%% above 200%%", ErrConfig, c.GasMarginPct)
	}
	return nil
}

// mode is the mode c runs in.
func (c Config) mode() Mode {
	switch {
	case c.MonitorOnly:
		return ModeMonitorOnly
	case c.DryRun:
		return ModeDryRun
	}
	return ModeSend
}
