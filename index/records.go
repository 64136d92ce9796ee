package index

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/judge"
)

// Verdict is what the watcher concludes of a round (PROTOCOL.md section 8).
// The string values are a stable interface (API, alerts).
type Verdict string

// The verdicts.
const (
	VerdictValid       Verdict = "valid"
	VerdictFraud       Verdict = "fraud"
	VerdictMalformed   Verdict = "malformed-commitments"
	VerdictUnavailable Verdict = "unavailable"
	VerdictPending     Verdict = "pending"
	// Protocol v2 (the v2 watcher records index.Verdict(judge.Status)):
	// committed with no live batch, and a fact the watcher lacks.
	VerdictAwaitingBatch Verdict = Verdict(judge.StatusAwaitingBatch)
	VerdictIncomplete    Verdict = Verdict(judge.StatusIncomplete)
)

// ProtocolV2 is Round.Protocol in the records the v2 watcher writes.
const ProtocolV2 = 2

// Fraud proof kinds, as the API names them.
const (
	KindBadPublication = "bad-publication"
	KindBadAllocation  = "bad-allocation"
)

// Batch statuses.
const (
	BatchLive      = "live"      // inside or past its window, not finalized, not voided
	BatchFinalized = "finalized" // RoundFinalized seen
	BatchVoided    = "voided"    // a fraud proof was mined against it
)

// Checkpoint is the last block the watcher has processed.
type Checkpoint struct {
	Number uint64      `json:"number"`
	Hash   common.Hash `json:"hash"`
}

// Signer is a batch signer with its stake at the batch's block.
type Signer struct {
	Index   int            `json:"index"`
	Address common.Address `json:"address"`
	Stake   string         `json:"stake"` // wei, decimal
}

// Batch is one AllocationBatchSubmitted of a round.
type Batch struct {
	TxHash         common.Hash `json:"txHash"`
	Block          uint64      `json:"block"`
	BlockHash      common.Hash `json:"blockHash"`
	AllocationRoot common.Hash `json:"allocationRoot"`
	AllocTreeRoot  common.Hash `json:"allocTreeRoot"`
	DataHash       common.Hash `json:"dataHash"`
	SignerBitmap   string      `json:"signerBitmap"` // 0x-hex
	Signers        []Signer    `json:"signers"`
	DeadlineBlock  uint64      `json:"deadlineBlock"`
	Status         string      `json:"status"` // BatchLive, BatchFinalized, BatchVoided
	// DataAvailable says whether the published allocation data was obtained
	// (and is stored under the batch's TxHash).
	DataAvailable bool `json:"dataAvailable"`

	// Protocol v2 (AllocationBatchDetails): the batch's attempt, its P
	// claimed providerAllocRoots, and, when some signers' operators were
	// registered before the blocks the watcher read, a note saying which
	// (Signers then lists only the known ones).
	Attempt            *uint64       `json:"attempt,omitempty"`
	ProviderAllocRoots []common.Hash `json:"providerAllocRoots,omitempty"`
	SignersUnknown     string        `json:"signersUnknown,omitempty"`
}

// Availability challenge states (protocol v2, section 7.3).
const (
	ChallengeOpen     = "open"     // AvailabilityChallenged seen, not yet answered
	ChallengeResolved = "resolved" // ManifestRevealed or RowRevealed answered it
	ChallengeSlashed  = "slashed"  // unanswered: FraudProven unavailable-*, signers slashed
	ChallengeRefunded = "refunded" // its batch was voided otherwise (or past maxDeadline): the bond goes back
)

// AvailabilityChallenge is an AvailabilityChallenged event of a round and
// what became of it. Kind is "manifest-part" or "row"; Index the part or
// the provider.
type AvailabilityChallenge struct {
	Attempt    uint64         `json:"attempt"`
	Kind       string         `json:"kind"`
	Index      uint64         `json:"index"`
	Challenger common.Address `json:"challenger"`
	ResolveBy  uint64         `json:"resolveBy"`
	State      string         `json:"state"`
	Block      uint64         `json:"block"`
	TxHash     common.Hash    `json:"txHash"`
}

// Reveal is a ManifestRevealed or RowRevealed event of a round: Kind
// "manifest-part" (Index the part, Key the part's root) or "row" (Index the
// provider, Key its entriesRoot, Header the revealed header). The revealed
// data itself is an object of the watcher's object cache; the log's place
// (BlockHash, LogIndex) lets it be read again.
type Reveal struct {
	Attempt   uint64          `json:"attempt"`
	Kind      string          `json:"kind"`
	Index     uint64          `json:"index"`
	Key       common.Hash     `json:"key"`
	Header    *RevealedHeader `json:"header,omitempty"`
	Block     uint64          `json:"block"`
	BlockHash common.Hash     `json:"blockHash"`
	LogIndex  uint            `json:"logIndex"`
	TxHash    common.Hash     `json:"txHash"`
}

// RevealedHeader is a ProviderHeader as RowRevealed carries it (decimal
// numbers).
type RevealedHeader struct {
	Provider    common.Address `json:"provider"`
	Capacity    string         `json:"capacity"`
	EntryOffset string         `json:"entryOffset"`
	EntryCount  string         `json:"entryCount"`
	EntriesRoot common.Hash    `json:"entriesRoot"`
}

// FraudProven is a FraudProven event of a round: the attempt it voided,
// its kind (bad-allocation, unavailable-manifest, unavailable-row or a
// section 3 rule), where (provider, or the part; entry), who proved it,
// and the stake slashed.
type FraudProven struct {
	Attempt      uint64         `json:"attempt"`
	Kind         string         `json:"kind"`
	Provider     uint64         `json:"provider"`
	Entry        uint64         `json:"entry"`
	Challenger   common.Address `json:"challenger"`
	SlashedTotal string         `json:"slashedTotal"`
	Block        uint64         `json:"block"`
	TxHash       common.Hash    `json:"txHash"`
}

// Round is the watcher's record of a round: the on-chain facts and the verdict
// on its latest batch. Field names are a stable interface.
type Round struct {
	Round           uint64      `json:"round"`
	Verdict         Verdict     `json:"verdict"`
	CommitmentRoot  common.Hash `json:"commitmentRoot"`
	CommitTx        common.Hash `json:"commitTx"`
	CommitBlock     uint64      `json:"commitBlock"`
	CommitBlockHash common.Hash `json:"commitBlockHash"`
	ProviderCount   int         `json:"providerCount,omitempty"`
	EntryCount      int         `json:"entryCount,omitempty"`
	// AllocationRoot is the latest batch's; nil while the round has none.
	AllocationRoot        *common.Hash `json:"allocationRoot"`
	CorrectAllocationRoot *common.Hash `json:"correctAllocationRoot,omitempty"`
	Signers               []Signer     `json:"signers"`
	DeadlineBlock         uint64       `json:"deadlineBlock"`
	Finalized             bool         `json:"finalized"`
	// Fraud: the proof kind, the global index (bad allocation: the first
	// wrong amount; bad publication: the number of whole amounts published),
	// the claimed and correct amounts (decimal; bad allocation only).
	Kind    string  `json:"kind,omitempty"`
	Index   *uint64 `json:"index,omitempty"`
	Claimed string  `json:"claimed,omitempty"`
	Correct string  `json:"correct,omitempty"`
	// Rule is the broken rule of malformed commitments.
	Rule string `json:"rule,omitempty"`
	// Reason says why a round is unavailable or pending.
	Reason  string  `json:"reason,omitempty"`
	Batches []Batch `json:"batches"`
	// CommitTime is the commitment's block timestamp (unix seconds), from
	// the NewRoundCommitments event; UpdatedBlock the block that last
	// changed this record.
	CommitTime   uint64 `json:"commitTime,omitempty"`
	UpdatedBlock uint64 `json:"updatedBlock,omitempty"`
	// DataPruned: the round's commitment and batch data were deleted by
	// Prune (retention); the record and its verdict stay.
	DataPruned bool `json:"dataPruned,omitempty"`

	// Protocol v2: the v2 watcher writes Protocol 2, the commitment's
	// providersRoot (with ProviderCount and EntryCount), the availability
	// challenges, reveals and proven frauds of every attempt, Notes on
	// what it lacks (a commitment or registrations before its start
	// block), and Judgement, the v2 verdict (Verdict is then
	// index.Verdict(Judgement.Status)). JudgedFacts is a digest of the
	// facts Judgement was made from: when the record's facts no longer
	// give it, the verdict is due again.
	Protocol               int                     `json:"protocol,omitempty"`
	ProvidersRoot          common.Hash             `json:"providersRoot,omitzero"`
	AvailabilityChallenges []AvailabilityChallenge `json:"availabilityChallenges,omitempty"`
	Reveals                []Reveal                `json:"reveals,omitempty"`
	FraudsProven           []FraudProven           `json:"fraudsProven,omitempty"`
	Notes                  []string                `json:"notes,omitempty"`
	Judgement              *judge.Verdict          `json:"judgement,omitempty"`
	JudgedFacts            common.Hash             `json:"judgedFacts,omitzero"`
}

// StakeChange is one change of an operator's stake, from a registry event.
type StakeChange struct {
	Block uint64 `json:"block"`
	Delta string `json:"delta"` // wei, signed decimal
	// Cause: "registered", "slashed", "withdrawn".
	Cause string `json:"cause"`
}

// Operator is a registered operator, from the registry's events.
type Operator struct {
	Index           int            `json:"index"`
	Address         common.Address `json:"address"`
	PkG1            [2]string      `json:"pkG1"`
	PkG2            [4]string      `json:"pkG2"`
	RegisteredBlock uint64         `json:"registeredBlock"`
	ExitBlock       uint64         `json:"exitBlock,omitempty"` // 0: has not exited
	Stake           []StakeChange  `json:"stake"`
}

// StakeAt returns the operator's stake after every change up to and
// including block b.
func (o *Operator) StakeAt(b uint64) *big.Int {
	s := new(big.Int)
	for _, c := range o.Stake {
		if c.Block > b {
			continue
		}
		d, ok := new(big.Int).SetString(c.Delta, 10)
		if ok {
			s.Add(s, d)
		}
	}
	return s
}

// ActiveAt reports whether the operator was active at block b.
func (o *Operator) ActiveAt(b uint64) bool {
	return o.RegisteredBlock <= b && (o.ExitBlock == 0 || o.ExitBlock > b)
}

// BlockUpdate is everything derived from one processed block; Store.Apply
// writes it atomically together with the checkpoint (Number, Hash).
type BlockUpdate struct {
	Number     uint64
	Hash       common.Hash
	ParentHash common.Hash
	// Rounds are full records to put (replacing any stored record).
	Rounds []Round
	// CommitmentData is each round's commitment data, by round.
	CommitmentData map[uint64][]byte
	// BatchData is each batch's published allocation data, by batch tx hash.
	BatchData map[common.Hash][]byte
	// Operators are full records to put (replacing any stored record).
	Operators []Operator
	// Alerts are alert bodies (JSON) to enqueue in the outbox, atomically
	// with the block. Rollback does not take them back: an alert raised for
	// a block later orphaned was still raised.
	Alerts [][]byte
}
