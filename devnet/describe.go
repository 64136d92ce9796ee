package devnet

import (
	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/internal/devchain"
)

// Description is the JSON file a devnet writes so that a watcher and tests
// can connect and check outcomes. It is rewritten (atomically) as rounds
// progress. Protocol is 2.
type Description struct {
	Protocol    int                 `json:"protocol"`
	RPCURL      string              `json:"rpcURL"`
	WSURL       string              `json:"wsURL,omitempty"`
	ChainID     uint64              `json:"chainId"`
	AVS         common.Address      `json:"avs"`
	DeployTx    common.Hash         `json:"deployTx"`
	StartBlock  uint64              `json:"startBlock"`
	Coordinator common.Address      `json:"coordinator"`
	Aggregator  common.Address      `json:"aggregator"`
	DA          DescribedDA         `json:"da"`
	Params      DescribedParams     `json:"params"`
	Operators   []DescribedOperator `json:"operators"`
	// Faults is the schedule, as ParseFaults reads it.
	Faults string           `json:"faults"`
	Rounds []DescribedRound `json:"rounds"`
}

// DescribedDA is where the round objects are published: the HTTP base URL
// of section 9's transport ("" when not served) and the store's directory.
type DescribedDA struct {
	URL string `json:"url,omitempty"`
	Dir string `json:"dir"`
}

// DescribedParams are the AVS's deploy-time parameters.
type DescribedParams struct {
	ChallengeWindow  uint64 `json:"challengeWindow"`
	ResolveWindow    uint64 `json:"resolveWindow"`
	RevealWindow     uint64 `json:"revealWindow"`
	ExitDelay        uint64 `json:"exitDelay"`
	QuorumBps        uint64 `json:"quorumBps"`
	SlashBps         uint64 `json:"slashBps"`
	BountyBps        uint64 `json:"bountyBps"`
	MinStake         string `json:"minStake"`
	AvailabilityBond string `json:"availabilityBond"`
}

// DescribedOperator is an operator's public part and its life in the
// registry (block numbers; 0 when it has not happened).
type DescribedOperator struct {
	Index      int            `json:"index"`
	Address    common.Address `json:"address"`
	Stake      string         `json:"stake"`
	PkG1       [2]string      `json:"pkG1"`
	PkG2       [4]string      `json:"pkG2"`
	Registered uint64         `json:"registeredBlock"`
	Exited     uint64         `json:"exitBlock,omitempty"`
	Withdrawn  uint64         `json:"withdrawBlock,omitempty"`
}

// DescribedRound is what the devnet did in a round.
type DescribedRound struct {
	Round uint64 `json:"round"`
	// Fault is "" for an honest round.
	Fault string `json:"fault,omitempty"`
	// FaultAt locates the fault: the provider and, for one amount, the entry
	// of the row (-1 when the fault strikes a whole row).
	FaultAt *DescribedPosition `json:"faultAt,omitempty"`
	// MalformedRule is the section 3 rule the published data breaks.
	MalformedRule  string      `json:"malformedRule,omitempty"`
	CommitTx       common.Hash `json:"commitTx"`
	CommitBlock    uint64      `json:"commitBlock"`
	CommitmentRoot common.Hash `json:"commitmentRoot"`
	ProvidersRoot  common.Hash `json:"providersRoot"`
	Providers      int         `json:"providers"`
	Entries        uint64      `json:"entries"`
	// Published and Withheld are the round's objects the coordinator put in
	// the store and kept back (until an honest resubmission needs them).
	Published []DescribedObject `json:"published"`
	Withheld  []DescribedObject `json:"withheld,omitempty"`
	// CorrectAllocationRoot is the honest result's allocationRoot (zero when
	// no honest result exists: malformed or unopenable data).
	CorrectAllocationRoot common.Hash `json:"correctAllocationRoot"`
	// Refused is why the honest operators signed nothing (a rule, or the
	// object they could not obtain), "" when they signed.
	Refused string `json:"refused,omitempty"`
	// Batches are the batches submitted, in order (a voided one is followed
	// by the honest resubmission, when there can be one).
	Batches []DescribedBatch `json:"batches"`
	// Replays are the colluders' resubmissions of a voided batch, each
	// refused by the chain.
	Replays     []DescribedReplay     `json:"replays,omitempty"`
	Resolutions []DescribedResolution `json:"resolutions,omitempty"`
	Finalized   bool                  `json:"finalized"`
	// Timings of the round's first batch, on this machine.
	Timings DescribedTimings `json:"timings"`
}

// DescribedTimings say how long a round's steps took: generating and
// publishing its objects (Bytes in all), committing, the operators' check
// (fetch through the da client, verify, recompute), and signing and
// submitting the batch (until its receipt).
type DescribedTimings struct {
	PublishMs int64 `json:"publishMs"`
	Bytes     int64 `json:"bytes"`
	CommitMs  int64 `json:"commitMs"`
	CheckMs   int64 `json:"checkMs"`
	SubmitMs  int64 `json:"submitMs"`
}

// DescribedPosition is a provider and an entry of its row.
type DescribedPosition struct {
	Provider int `json:"provider"`
	Entry    int `json:"entry"`
}

// DescribedObject is a data-availability object: its kind, its key and, for
// a row, its provider.
type DescribedObject struct {
	Kind     string      `json:"kind"`
	Key      common.Hash `json:"key"`
	Provider *int        `json:"provider,omitempty"`
	// TooLarge: past the protocol's size for its kind (a row of more than
	// 1024 entries), so no store or source may serve it.
	TooLarge bool `json:"tooLarge,omitempty"`
}

// DescribedBatch is one submitted batch.
type DescribedBatch struct {
	Tx             common.Hash   `json:"tx"`
	Block          uint64        `json:"block"`
	Attempt        uint64        `json:"attempt"`
	AllocationRoot common.Hash   `json:"allocationRoot"`
	ProviderRoots  []common.Hash `json:"providerAllocRoots"`
	Signers        []int         `json:"signers"`
	Honest         bool          `json:"honest"`
	// Via is the contract the batch was submitted through, if any.
	Via *common.Address `json:"via,omitempty"`
	// Allocations reports whether the aggregator published the batch's
	// allocations objects.
	Allocations bool `json:"allocations"`
}

// DescribedReplay is a voided batch sent again and the chain's refusal.
type DescribedReplay struct {
	Attempt uint64 `json:"attempt"`
	Refusal string `json:"refusal"`
}

// DescribedResolution is an availability challenge the devnet answered.
type DescribedResolution struct {
	Tx      common.Hash `json:"tx"`
	Attempt uint64      `json:"attempt"`
	Kind    string      `json:"kind"`
	Index   uint64      `json:"index"`
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
