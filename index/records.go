package index

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"
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
)

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
