package devnet

import (
	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/internal/devchain"
)

// Description is the JSON file a devnet writes so that a watcher and tests can
// connect and check outcomes. It is rewritten (atomically) as rounds progress.
type Description struct {
	RPCURL      string              `json:"rpcURL"`
	WSURL       string              `json:"wsURL,omitempty"`
	ChainID     uint64              `json:"chainId"`
	AVS         common.Address      `json:"avs"`
	DeployTx    common.Hash         `json:"deployTx"`
	StartBlock  uint64              `json:"startBlock"`
	Coordinator common.Address      `json:"coordinator"`
	Aggregator  common.Address      `json:"aggregator"`
	Params      DescribedParams     `json:"params"`
	Operators   []DescribedOperator `json:"operators"`
	// Faults is the schedule, "ROUND:KIND[@INDEX],...".
	Faults string           `json:"faults"`
	Rounds []DescribedRound `json:"rounds"`
}

// DescribedParams are the AVS's deploy-time parameters.
type DescribedParams struct {
	ChallengeWindow uint64 `json:"challengeWindow"`
	ExitDelay       uint64 `json:"exitDelay"`
	QuorumBps       uint64 `json:"quorumBps"`
	SlashBps        uint64 `json:"slashBps"`
	BountyBps       uint64 `json:"bountyBps"`
	MinStake        string `json:"minStake"`
}

// DescribedOperator is an operator's public part.
type DescribedOperator struct {
	Index   int            `json:"index"`
	Address common.Address `json:"address"`
	Stake   string         `json:"stake"`
	PkG1    [2]string      `json:"pkG1"`
	PkG2    [4]string      `json:"pkG2"`
}

// DescribedRound is what the devnet did in a round.
type DescribedRound struct {
	Round uint64 `json:"round"`
	// Fault is "" for an honest round.
	Fault string `json:"fault,omitempty"`
	// FaultAt is the entry index (amount) or provider (denominator,
	// conservation) the fault struck.
	FaultAt *int `json:"faultAt,omitempty"`
	// MalformedRule is the rule broken by malformed commitments.
	MalformedRule  string      `json:"malformedRule,omitempty"`
	CommitTx       common.Hash `json:"commitTx"`
	CommitBlock    uint64      `json:"commitBlock"`
	CommitmentRoot common.Hash `json:"commitmentRoot"`
	Providers      int         `json:"providers"`
	Entries        int         `json:"entries"`
	// CorrectAllocationRoot is the allocationRoot of the honest result.
	CorrectAllocationRoot common.Hash `json:"correctAllocationRoot"`
	// Batches are the batches submitted, in order (a voided one is followed
	// by the honest resubmission).
	Batches   []DescribedBatch `json:"batches"`
	Finalized bool             `json:"finalized"`
}

// DescribedBatch is one submitted batch.
type DescribedBatch struct {
	Tx             common.Hash `json:"tx"`
	Block          uint64      `json:"block"`
	AllocationRoot common.Hash `json:"allocationRoot"`
	Signers        []int       `json:"signers"`
	Honest         bool        `json:"honest"`
}

// write writes d to path atomically.
func (d *Description) write(path string) error { return devchain.WriteJSON(path, d) }

// ReadDescription reads a description file.
func ReadDescription(path string) (*Description, error) {
	var d Description
	if err := devchain.ReadJSON(path, &d); err != nil {
		return nil, err
	}
	return &d, nil
}
