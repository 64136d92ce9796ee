package solve

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// Version is the schema version of Record's JSON. DecodeRecord refuses
// any other.
const Version = 1

// ErrVersion is returned by DecodeRecord for a record of another schema
// version.
var ErrVersion = errors.New("challenge record of an unknown version")

// Record is what the executor persists for one batch, (Round, Attempt):
// the move in flight, what ended before it, the availability challenges
// this challenger opened and their bonds' fates, the proofs the contract
// refused, and the final state with the fact it rests on. Its JSON is a
// stable interface: camelCase names, wei as decimal strings.
//
// Invariants (Apply keeps them; Next relies on them):
//   - at most one move is in flight (Move), and Final is nil while it is;
//   - State is always stateOf(the record): it is stored for readers (API,
//     index), never read by Next;
//   - History, Challenges and Refusals only grow, except that Reopen takes
//     back from History the move a confirmed state rested on, and an
//     Observe rewrites the fates of Challenges to mirror the chain.
type Record struct {
	Version int    `json:"version"`
	Round   uint64 `json:"round"`
	Attempt uint64 `json:"attempt"`
	State   State  `json:"state"`
	// Move is the transaction in flight (nil: none).
	Move *Move `json:"move,omitempty"`
	// History holds the moves that ended, oldest first.
	History []Move `json:"history,omitempty"`
	// Challenges are the availability challenges this challenger opened
	// against the batch, in the order they were opened.
	Challenges []Bond `json:"challenges,omitempty"`
	// Refusals are the times the contract refused a move: a simulation, a
	// gas estimate or a mined transaction that reverted.
	Refusals []Refusal `json:"refusals,omitempty"`
	// Simulation is the dry-run simulation the record settled dry-run on.
	Simulation *Simulation `json:"simulation,omitempty"`
	// Replans counts the moves whose nonce another transaction of the key
	// took (dropped); Reopens the final states a reorg undid.
	Replans int `json:"replans,omitempty"`
	Reopens int `json:"reopens,omitempty"`
	// Final is the final state, nil while the record is open.
	Final *Final `json:"final,omitempty"`
}

// NewRecord returns the empty record of a batch.
func NewRecord(round, attempt uint64) Record {
	return Record{Version: Version, Round: round, Attempt: attempt, State: StateOpen}
}

// DecodeRecord decodes a stored record, refusing another schema version
// (ErrVersion).
func DecodeRecord(b []byte) (Record, error) {
	var r Record
	if err := json.Unmarshal(b, &r); err != nil {
		return Record{}, fmt.Errorf("decode challenge record: %w", err)
	}
	if r.Version != Version {
		return Record{}, fmt.Errorf("%w: version %d, this build reads %d", ErrVersion, r.Version, Version)
	}
	return r, nil
}

// State is where a record stands, derived from its move and final state.
// The values are a stable interface.
type State string

// The record states.
const (
	StateOpen        State = "open" // nothing in flight, not settled
	StateProving     State = "proving"
	StateChallenging State = "challenging"
	StateSlashing    State = "slashing"
	StateRefunding   State = "refunding"
	StateCancelling  State = "cancelling"
	StateSettled     State = "settled"
)

// stateOf derives a record's State.
func stateOf(r *Record) State {
	switch {
	case r.Final != nil:
		return StateSettled
	case r.Move == nil:
		return StateOpen
	case r.Move.Cancelling:
		return StateCancelling
	}
	return map[MoveKind]State{MoveProve: StateProving, MoveChallenge: StateChallenging,
		MoveSlash: StateSlashing, MoveRefund: StateRefunding}[r.Move.Target.Kind]
}

// MoveKind is what a transaction of the challenger does.
type MoveKind string

// The move kinds. A cancellation is not a kind: it replaces a move of one
// of these (Move.Cancelling).
const (
	MoveProve     MoveKind = "prove"     // a fraud proof (section 7.2)
	MoveChallenge MoveKind = "challenge" // challengeAvailability, with a bond
	MoveSlash     MoveKind = "slash"     // slashUnavailable
	MoveRefund    MoveKind = "refund"    // refundBond of a voided batch's challenge
)

// Target names what a move is for; it is comparable, so that a move, its
// estimate and its refusals are matched with ==. A proof is named by its
// rule and positions as the verdict gives them (the evidence follows from
// them); a challenge, slash or refund by the object.
type Target struct {
	Kind MoveKind `json:"kind"`
	// Rule, Provider, Entry, Clause, OtherProvider and OtherEntry name a
	// proof (MoveProve): judge.Verdict's fields of the same names, 0 or ""
	// where the rule has none.
	Rule          recompute.Rule   `json:"rule,omitempty"`
	Provider      int              `json:"provider,omitempty"`
	Entry         int              `json:"entry,omitempty"`
	Clause        recompute.Clause `json:"clause,omitempty"`
	OtherProvider int              `json:"otherProvider,omitempty"`
	OtherEntry    int              `json:"otherEntry,omitempty"`
	// Object and Index name the availability challenge of the other kinds.
	Object contracts.ObjectKind `json:"object,omitempty"`
	Index  uint64               `json:"index,omitempty"`
}

// ProofOf returns the proof a fraud verdict names; false for any other
// verdict, or one without a position.
func ProofOf(v *judge.Verdict) (Target, bool) {
	if v == nil || v.Status != judge.StatusFraud || v.Rule == "" || v.Provider == nil {
		return Target{}, false
	}
	t := Target{Kind: MoveProve, Rule: v.Rule, Provider: *v.Provider, Clause: v.Clause}
	for _, f := range []struct {
		dst *int
		src *int
	}{{&t.Entry, v.Entry}, {&t.OtherProvider, v.OtherProvider}, {&t.OtherEntry, v.OtherEntry}} {
		if f.src != nil {
			*f.dst = *f.src
		}
	}
	return t, true
}

// ChallengeOf returns the challenge of object o (false for an object that
// cannot be challenged: an allocations object).
func ChallengeOf(o judge.Object) (Target, bool) {
	kind, index, ok := o.Challenge()
	if !ok || index < 0 {
		return Target{}, false
	}
	return Target{Kind: MoveChallenge, Object: contracts.ObjectKind(kind), Index: uint64(index)}, true
}

// Challenge returns the contract glue of a challenge, slash or refund
// target in round (its Calldata, SlashCalldata, RefundCalldata).
func (t Target) Challenge(round uint64) contracts.Challenge {
	return contracts.Challenge{Round: round, Kind: t.Object, Index: t.Index}
}

// object is the object of a challenge, slash or refund target.
type object struct {
	Kind  contracts.ObjectKind
	Index uint64
}

func (t Target) object() object { return object{t.Object, t.Index} }

func (t Target) String() string {
	if t.Kind == MoveProve {
		return fmt.Sprintf("%s proof at provider %d", t.Rule, t.Provider)
	}
	name := "row"
	if t.Object == contracts.ObjectManifestPart {
		name = "manifest part"
	}
	return fmt.Sprintf("%s of %s %d", t.Kind, name, t.Index)
}

// Move is one transaction of the challenger and its replacements: every
// attempt has the same nonce. Once cancelled (Cancelling), the latest
// attempt is a 0-value transfer to the key itself; any attempt may still be
// the one mined.
type Move struct {
	Target   Target       `json:"target"`
	Nonce    uint64       `json:"nonce"`
	GasLimit uint64       `json:"gasLimit"`
	Value    *uint256.Int `json:"value,omitempty"` // wei: the bond of a challenge
	Attempts []Attempt    `json:"attempts"`
	// Replacements counts the fee bumps since the move was sent, or since
	// it was cancelled.
	Replacements int  `json:"replacements,omitempty"`
	Cancelling   bool `json:"cancelling,omitempty"`
	// OutOfGasRetry: this move is the one retry of a proof that ran out of
	// gas, with a higher limit.
	OutOfGasRetry bool `json:"outOfGasRetry,omitempty"`
	// End is how the move ended (nil while it is in flight).
	End *Ending `json:"end,omitempty"`
}

// Attempt is one signed transaction of a move.
type Attempt struct {
	Tx        common.Hash  `json:"tx"`
	FeeCap    *uint256.Int `json:"feeCap"`
	TipCap    *uint256.Int `json:"tipCap"`
	SentBlock uint64       `json:"sentBlock"` // the head when it was sent
	Cancel    bool         `json:"cancel,omitempty"`
	// Raw is the signed transaction (EIP-2718 encoding), stored before it
	// is broadcast, so that a restarted executor sends that transaction
	// again rather than another; nil when the executor did not give it.
	Raw hexutil.Bytes `json:"raw,omitempty"`
}

// last is the move's latest attempt (the zero Attempt for none).
func (m *Move) last() Attempt {
	if len(m.Attempts) == 0 {
		return Attempt{}
	}
	return m.Attempts[len(m.Attempts)-1]
}

// attempt returns the attempt with hash tx.
func (m *Move) attempt(tx common.Hash) (Attempt, bool) {
	i := slices.IndexFunc(m.Attempts, func(a Attempt) bool { return a.Tx == tx })
	if i < 0 {
		return Attempt{}, false
	}
	return m.Attempts[i], true
}

// EndKind is how a move ended.
type EndKind string

// The ends of a move.
const (
	EndMined     EndKind = "mined"     // mined and successful
	EndReverted  EndKind = "reverted"  // mined and reverted
	EndCancelled EndKind = "cancelled" // the cancellation was mined
	EndDropped   EndKind = "dropped"   // its nonce was taken by another transaction of the key
)

// Ending is how a move ended, as the chain showed it.
type Ending struct {
	How       EndKind     `json:"how"`
	Tx        common.Hash `json:"tx,omitempty"`
	Block     uint64      `json:"block,omitempty"`
	BlockHash common.Hash `json:"blockHash,omitempty"`
	GasUsed   uint64      `json:"gasUsed,omitempty"`
	Revert    string      `json:"revert,omitempty"`
	OutOfGas  bool        `json:"outOfGas,omitempty"`
}

// Fate is what became of an availability challenge's bond.
type Fate string

// The fates of a bond.
const (
	// FateOpen: the contract holds the bond; the challenge is unanswered.
	FateOpen Fate = "open"
	// FateLost: the challenge was resolved; the bond paid the resolver.
	FateLost Fate = "resolved-lost"
	// FateSlashed: slashUnavailable convicted the batch; the bond came back
	// with the bounty.
	FateSlashed Fate = "slashed-refunded"
	// FateRefunded: the bond came back without a bounty (refundBond of a
	// voided batch, or slashUnavailable after maxDeadline).
	FateRefunded Fate = "refunded"
	// FateExpired: the challenge is no longer on the chain (a reorg undid
	// its opening); the contract holds no bond of it.
	FateExpired Fate = "expired"
)

// Bond is an availability challenge this challenger opened, as the chain
// last showed it.
type Bond struct {
	Object    contracts.ObjectKind `json:"object"`
	Index     uint64               `json:"index"`
	Bond      *uint256.Int         `json:"bond"`
	Tx        common.Hash          `json:"tx"`
	Block     uint64               `json:"block"`
	ResolveBy uint64               `json:"resolveBy"`
	Fate      Fate                 `json:"fate"`
}

// Refusal is one time the contract refused a move.
type Refusal struct {
	Target Target `json:"target"`
	// Revert is the custom error's name ("" when none was decoded;
	// RevertOutOfGas, RevertGasCap for solve's own classes).
	Revert   string `json:"revert"`
	OutOfGas bool   `json:"outOfGas,omitempty"`
	GasLimit uint64 `json:"gasLimit,omitempty"`
	// Block is the block it was mined in, or the head it was simulated or
	// estimated at; Tx is set for a mined revert.
	Block uint64      `json:"block"`
	Tx    common.Hash `json:"tx,omitempty"`
}

// Simulation is a dry run's successful simulation of a move.
type Simulation struct {
	Target Target `json:"target"`
	Block  uint64 `json:"block"`
}

// FinalState is how a record settled. The values are a stable interface.
type FinalState string

// The final states.
const (
	// FinalConfirmed: a FraudProven naming this challenger voided the batch
	// (its proof, or a slash of its challenge), confirmations deep.
	FinalConfirmed FinalState = "confirmed"
	// FinalProvenByOther: another challenger's FraudProven voided it.
	FinalProvenByOther FinalState = "proven-by-other"
	// FinalExpired: the batch's proof window closed with it not proven wrong
	// by anyone (or it was finalized so).
	FinalExpired FinalState = "expired"
	// FinalFailed: the contract refuses the proof the verdict names.
	FinalFailed FinalState = "failed"
	// FinalFinalized: a batch with nothing wrong found was finalized.
	FinalFinalized FinalState = "finalized"
	// FinalMonitorOnly: a move was due and the challenger has no key.
	FinalMonitorOnly FinalState = "monitor-only"
	// FinalDryRun: a move was due, simulated, and not sent.
	FinalDryRun FinalState = "dry-run"
)

// Final is a record's final state, why, and the fact it rests on.
type Final struct {
	State  FinalState `json:"state"`
	Reason string     `json:"reason"`
	Basis  Basis      `json:"basis"`
	// At is the head the record settled at.
	At uint64 `json:"at"`
}
