package challenge

import (
	"context"
	"fmt"
	"math/big"
	"sort"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/txmgr"
	"github.com/denomwatch/denomwatch/internal/v1/contracts"
	"github.com/denomwatch/denomwatch/internal/v1/contracts/bindings"
)

// Chain is what the Challenger needs from a node (go-ethereum's ethclient
// and the simulated chain's client satisfy it).
type Chain interface {
	txmgr.TxChain
	ChainID(ctx context.Context) (*big.Int, error)
	BlockNumber(ctx context.Context) (uint64, error)
	CallContract(ctx context.Context, msg ethereum.CallMsg, block *big.Int) ([]byte, error)
	EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
}

// Store is what the Challenger needs from the index (*index.Store).
type Store interface {
	Checkpoint() (index.Checkpoint, bool, error)
	Round(n uint64) (index.Round, bool, error)
	Rounds(from, to uint64) ([]index.Round, error)
	LatestRound() (uint64, bool, error)
	CommitmentData(round uint64) ([]byte, bool, error)
	BatchData(tx common.Hash) ([]byte, bool, error)
	Challenge(round uint64, batchTx common.Hash) (index.Challenge, bool, error)
	Challenges() ([]index.Challenge, error)
	OpenChallenges() ([]index.Challenge, error)
	PutChallenge(c index.Challenge, alerts ...[]byte) error
	Enqueue(bodies ...[]byte) ([]uint64, error)
}

// Observer receives the challenger's measurements (the API's metrics
// implement it). Calls come from the Run goroutine.
type Observer interface {
	// SetChallenges replaces the count of challenge records by state.
	SetChallenges(byState map[index.ChallengeState]int)
	// ChallengeGasUsed adds the gas a mined challenge transaction used.
	ChallengeGasUsed(gas uint64)
	// ChallengeBounty adds a bounty earned, wei.
	ChallengeBounty(wei *big.Int)
	// SetOpenFrauds replaces the count of frauds not yet proven whose
	// window is open, and the blocks left before the earliest closes
	// (+Inf when none).
	SetOpenFrauds(n int, blocksLeft float64)
}

type nopObserver struct{}

func (nopObserver) SetChallenges(map[index.ChallengeState]int) {}
func (nopObserver) ChallengeGasUsed(uint64)                    {}
func (nopObserver) ChallengeBounty(*big.Int)                   {}
func (nopObserver) SetOpenFrauds(int, float64)                 {}

// The AVS's round status (RoundStatus in the contract).
const (
	statusBatchSubmitted = 2
	statusFinalized      = 3
)

var (
	avsABI        = contracts.ABI()
	evFraudProven = avsABI.GetABI().Events["FraudProven"].ID
)

// call runs a view call on the AVS at the latest block.
func (c *Challenger) call(ctx context.Context, data []byte) ([]byte, error) {
	out, err := c.chain.CallContract(ctx, ethereum.CallMsg{To: &c.cfg.AVS, Data: data}, nil)
	if err != nil {
		return nil, contracts.AsRevert(err)
	}
	return out, nil
}

// roundView reads the AVS's getRound at the latest block.
func (c *Challenger) roundView(ctx context.Context, round uint64) (bindings.DenominatorAllocationAVSRoundView, error) {
	out, err := c.call(ctx, avsABI.PackGetRound(new(big.Int).SetUint64(round)))
	if err != nil {
		return bindings.DenominatorAllocationAVSRoundView{}, fmt.Errorf("getRound(%d): %w", round, err)
	}
	v, err := avsABI.UnpackGetRound(out)
	if err != nil {
		return v, fmt.Errorf("getRound(%d): %w", round, err)
	}
	return v, nil
}

// fate is what became of a challenged batch, as the chain shows it.
type fate struct {
	live     bool   // still the round's live batch
	deadline uint64 // on-chain deadline (live)
	// known: the batch is settled; state says how. ours: a proof by this
	// challenger's address voided it (tx names it).
	known  bool
	ours   bool
	state  index.ChallengeState
	by     *common.Address
	tx     *common.Hash
	reason string
}

// batchFate reads what the chain says of the challenged batch: still live,
// voided by a proof (whose), finalized unproven, or past its window. A batch
// neither live nor accounted for (the chain and the index disagree, as
// during a reorganisation) comes back as unknown.
func (c *Challenger) batchFate(ctx context.Context, head uint64, rec *index.Challenge) (fate, error) {
	v, err := c.roundView(ctx, rec.Round)
	if err != nil {
		return fate{}, err
	}
	if v.Status == statusBatchSubmitted && v.AllocationRoot == rec.AllocationRoot {
		return fate{live: true, deadline: v.Deadline.Uint64()}, nil
	}
	if head < rec.BatchBlock {
		// The node's chain is shorter than the batch's block (a
		// reorganisation onto a shorter branch, or a node behind): nothing
		// can be said of the batch yet, and eth_getLogs from its block
		// would be an invalid range.
		return fate{}, nil
	}
	proven, err := c.firstProof(ctx, head, rec)
	if err != nil {
		return fate{}, err
	}
	if proven != nil {
		by, tx := proven.Challenger, proven.Raw.TxHash
		if by == c.from && c.key != nil {
			return fate{known: true, ours: true, tx: &tx}, nil
		}
		return fate{known: true, state: index.ChallengeProvenByOther, by: &by, tx: &tx,
			reason: fmt.Sprintf("proven by %s in %s (block %d)", by.Hex(), tx.Hex(), proven.Raw.BlockNumber)}, nil
	}
	if v.Status == statusFinalized && v.AllocationRoot == rec.AllocationRoot {
		return fate{known: true, state: index.ChallengeExpired, reason: "the batch was finalized unproven"}, nil
	}
	if head > rec.DeadlineBlock {
		return fate{known: true, state: index.ChallengeExpired, reason: fmt.Sprintf("the challenge window closed at block %d", rec.DeadlineBlock)}, nil
	}
	return fate{}, nil
}

// firstProof returns the first FraudProven of the round after the batch's
// transaction up to head (at least the batch's block), or nil.
func (c *Challenger) firstProof(ctx context.Context, head uint64, rec *index.Challenge) (*bindings.DenominatorAllocationAVSFraudProven, error) {
	logs, err := c.chain.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(rec.BatchBlock), ToBlock: new(big.Int).SetUint64(head),
		Addresses: []common.Address{c.cfg.AVS},
		Topics:    [][]common.Hash{{evFraudProven}, {common.BigToHash(new(big.Int).SetUint64(rec.Round))}},
	})
	if err != nil {
		return nil, fmt.Errorf("FraudProven logs of round %d: %w", rec.Round, err)
	}
	sort.Slice(logs, func(i, j int) bool {
		if logs[i].BlockNumber != logs[j].BlockNumber {
			return logs[i].BlockNumber < logs[j].BlockNumber
		}
		return logs[i].Index < logs[j].Index
	})
	batchIndex := -1 // the batch transaction's position in its block, read when needed
	for i := range logs {
		l := &logs[i]
		if l.Removed {
			continue
		}
		if l.BlockNumber == rec.BatchBlock {
			if batchIndex < 0 {
				r, err := c.chain.TransactionReceipt(ctx, rec.BatchTx)
				if err != nil {
					return nil, fmt.Errorf("receipt of batch %s: %w", rec.BatchTx.Hex(), err)
				}
				batchIndex = int(r.TransactionIndex)
			}
			if int(l.TxIndex) <= batchIndex {
				continue // a proof of an earlier batch of the round
			}
		}
		ev, err := avsABI.UnpackFraudProvenEvent(l)
		if err != nil {
			return nil, fmt.Errorf("FraudProven log in %s: %w", l.TxHash.Hex(), err)
		}
		return ev, nil
	}
	return nil, nil
}
