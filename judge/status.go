package judge

import "github.com/denomwatch/denomwatch/recompute"

// Status is what a watcher concludes about a round: the verdicts of
// PROTOCOL.md section 10, plus StatusIncomplete. The values are a stable
// interface (logs, API, index).
type Status string

// The verdicts of section 10.
const (
	// StatusValid: the live batch's data is available and well formed, and
	// every providerAllocRoot matches.
	StatusValid Status = "valid"
	// StatusFraud: the live batch is provably wrong from the data held:
	// bad-allocation or a section 3 rule, with its evidence.
	StatusFraud Status = "fraud"
	// StatusUnavailable: objects of the live batch's round are not held
	// and what is held proves nothing: an availability challenge is due.
	StatusUnavailable Status = "unavailable"
	// StatusPending: seen, not yet past the confirmation depth.
	StatusPending Status = "pending"
	// StatusAwaitingBatch: committed, no live batch.
	StatusAwaitingBatch Status = "awaiting-batch"
	// StatusMalformed: committed, no live batch, and the data breaks a
	// rule: honest operators will not sign it.
	StatusMalformed Status = "malformed-commitments"
)

// StatusIncomplete is an extension of section 10: the watcher lacks a fact
// it cannot get from the chain or the objects (it started after the round's
// commitment, so it has no commitment root; or it cannot tell whether a
// batch is live). Verdict.MissingFact names the fact.
const StatusIncomplete Status = "incomplete"

// RuleBadAllocation is the rule of a bad-allocation fraud (section 7.2.1,
// FraudProven.kind), beside the section 3 rules of recompute.
const RuleBadAllocation recompute.Rule = "bad-allocation"

// Fact names something a watcher learns from the chain's events.
type Fact string

// The facts a watcher may lack.
const (
	// FactCommitment: NewRoundCommitments and RoundCommitmentsOpened.
	// Without it nothing can be judged (StatusIncomplete).
	FactCommitment Fact = "commitment"
	// FactBatch: whether a batch of the round is live, and which
	// (AllocationBatchSubmitted, AllocationBatchDetails and what voided
	// earlier ones). Without it nothing can be judged (StatusIncomplete).
	FactBatch Fact = "batch"
	// FactReveals: ManifestRevealed and RowRevealed events. Without them
	// the verdict stands on the objects fetched; it is only noted.
	FactReveals Fact = "reveals"
)

// Unknown is a fact a watcher knows it lacks for a round, with a note
// saying why ("commitment not seen: watcher started at block 1200").
type Unknown struct {
	Fact Fact   `json:"fact"`
	Note string `json:"note"`
}

// ObjectKind names an object a verdict lists as missing. Rows and
// allocations objects are the objects of section 9; a manifest is named by
// its parts, the unit of an availability challenge (section 7.3).
type ObjectKind string

// The kinds of missing objects.
const (
	ObjectManifestPart ObjectKind = "manifest-part"
	ObjectRow          ObjectKind = "row"
	ObjectAllocations  ObjectKind = "allocations"
)

// The availability kinds of challengeAvailability and AvailabilityChallenged
// (section 8).
const (
	AvailabilityManifestPart uint8 = 0
	AvailabilityRow          uint8 = 1
)
