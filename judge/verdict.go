package judge

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/recompute"
)

// Verdict is what a watcher concludes about a round (section 10): one type
// for the watcher's logs, API and index, the challenger and the audit. Its
// JSON is a stable interface: camelCase names, fields absent where they do
// not apply, the round, positions and counts as JSON numbers (as the
// recompute CLI writes them), amounts as decimal strings, hashes and
// addresses as 0x and lowercase hex. testdata/verdicts.golden.json holds one
// verdict of each shape.
//
// Which fields are set follows the status:
//   - every status: Round, Status, Reason; Attempt when a batch is live;
//     Unknown when the watcher named facts it lacks.
//   - StatusIncomplete: MissingFact.
//   - StatusFraud and StatusMalformed: Rule, Evidence, and the positions the
//     rule has (Provider; Entry for the entry rules; Clause for
//     entry-offset; OtherProvider and OtherEntry for residual-consistency);
//     for RuleBadAllocation, Provider and BadAllocation.
//   - StatusUnavailable and StatusAwaitingBatch: Missing, the objects not
//     held (Needed: what must be had before anything can be proven).
//     StatusFraud and StatusMalformed list them too, Needed false, when the
//     finding was made without them.
type Verdict struct {
	Round uint64 `json:"round"`
	// Attempt is the live batch's attempt.
	Attempt *uint64 `json:"attempt,omitempty"`
	Status  Status  `json:"status"`

	// Rule is the rule broken: a section 3 rule or RuleBadAllocation.
	Rule recompute.Rule `json:"rule,omitempty"`
	// Provider is p of the rule's position (for the two-header rules the
	// first of the two; for entry-offset's first clause 0, its last P-1).
	Provider *int `json:"provider,omitempty"`
	// Entry is j of the entry rules (entry-order: the first of the pair).
	Entry  *int             `json:"entry,omitempty"`
	Clause recompute.Clause `json:"clause,omitempty"`
	// OtherProvider and OtherEntry are, for residual-consistency, the held
	// occurrence of the recipient the finding contradicts: its first
	// occurrence among the rows held.
	OtherProvider *int `json:"otherProvider,omitempty"`
	OtherEntry    *int `json:"otherEntry,omitempty"`
	// Evidence lists what the on-chain proof takes (section 7.2).
	Evidence      *Evidence      `json:"evidence,omitempty"`
	BadAllocation *BadAllocation `json:"badAllocation,omitempty"`

	Missing []Object `json:"missing,omitempty"`
	// MissingFact is the fact whose absence makes the verdict incomplete.
	MissingFact Fact      `json:"missingFact,omitempty"`
	Unknown     []Unknown `json:"unknown,omitempty"`
	// Reason says in one human sentence why the verdict is what it is.
	Reason string `json:"reason"`
}

// Evidence names the positions an on-chain proof takes, each header with its
// proof against providersRoot, each entry against its row's entriesRoot
// (recompute's (*Result).Evidence builds them for a section 3 rule;
// contracts.NewBadAllocation for bad-allocation).
type Evidence struct {
	// Headers are the providers whose headers are passed, in the order of
	// section 3's table.
	Headers []int `json:"headers"`
	// Entries are the entries passed, in that order.
	Entries []Position `json:"entries,omitempty"`
	// Rows are the providers whose whole rows are passed (bad-allocation).
	Rows []int `json:"rows,omitempty"`
}

// Position is entry j of provider p.
type Position struct {
	Provider int `json:"provider"`
	Entry    int `json:"entry"`
}

// BadAllocation is what a bad-allocation fraud shows beside its provider.
type BadAllocation struct {
	// CorrectProviderAllocRoot is the root the row gives (section 5);
	// ClaimedProviderAllocRoot the batch's.
	CorrectProviderAllocRoot common.Hash `json:"correctProviderAllocRoot"`
	ClaimedProviderAllocRoot common.Hash `json:"claimedProviderAllocRoot"`
	// FirstWrongEntry is set when the batch's allocations object for the
	// provider is held.
	FirstWrongEntry *WrongEntry `json:"firstWrongEntry,omitempty"`
}

// WrongEntry is the first entry of a row whose claimed amount is wrong.
type WrongEntry struct {
	// Entry is j, the index in the row; GlobalIndex entryOffset_p + j.
	Entry       int            `json:"entry"`
	GlobalIndex uint64         `json:"globalIndex"`
	Recipient   common.Address `json:"recipient"`
	Claimed     *uint256.Int   `json:"claimed"`
	Correct     *uint256.Int   `json:"correct"`
}

// Object is an object a verdict lists as not held.
type Object struct {
	Kind ObjectKind `json:"kind"`
	// Key is what a reader fetches: for a manifest part, the manifest's key
	// commitmentRoot (a part is challenged on its own but fetched with the
	// manifest); for a row, its entriesRoot; for an allocations object, the
	// providerAllocRoot the batch claims.
	Key common.Hash `json:"key"`
	// Part is h of a manifest part; Provider p of a row or an allocations
	// object.
	Part     *int `json:"part,omitempty"`
	Provider *int `json:"provider,omitempty"`
	// Needed: nothing more can be proven before this object is had. The
	// manifest's parts are needed before any row can be named; every row
	// not held is needed while the data held proves nothing. Allocations
	// objects are never needed (section 9: optional).
	Needed bool `json:"needed"`
}

// Challenge returns the availability challenge of o
// (challengeAvailability(round, kind, index)): kind
// AvailabilityManifestPart with the part, or AvailabilityRow with the
// provider; false for an allocations object, which cannot be challenged.
func (o Object) Challenge() (kind uint8, index int, ok bool) {
	switch {
	case o.Kind == ObjectManifestPart && o.Part != nil:
		return AvailabilityManifestPart, *o.Part, true
	case o.Kind == ObjectRow && o.Provider != nil:
		return AvailabilityRow, *o.Provider, true
	}
	return 0, 0, false
}

func intp(v int) *int { return &v }

// Violation returns the section 3 violation a fraud or
// malformed-commitments verdict names, as recompute reports it (less its
// message), for (*recompute.Result).Evidence; nil for any other verdict and
// for bad-allocation.
func (v *Verdict) Violation() *recompute.Violation {
	if v.Rule == "" || v.Rule == RuleBadAllocation || v.Provider == nil {
		return nil
	}
	viol := &recompute.Violation{Rule: v.Rule, Provider: *v.Provider, Clause: v.Clause}
	if v.Entry != nil {
		viol.Entry = *v.Entry
	}
	if v.OtherProvider != nil && v.OtherEntry != nil {
		viol.OtherProvider, viol.OtherEntry = *v.OtherProvider, *v.OtherEntry
	}
	return viol
}
