package watcher

import (
	"bytes"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// commitmentJudgement is what the commitment data of a round gives.
type commitmentJudgement struct {
	verdict index.Verdict // VerdictPending (awaiting a batch), VerdictMalformed or VerdictUnavailable
	rule    string
	reason  string
	c       *recompute.Commitments
	res     *recompute.Result // nil unless the data is usable
}

// judgeCommitments decodes and checks a round's commitment data against the
// on-chain round and root (PROTOCOL.md sections 3 and 8). data is nil when it
// could not be obtained; reason says why.
func judgeCommitments(round uint64, onchainRoot common.Hash, data []byte, reason string) commitmentJudgement {
	if data == nil {
		return commitmentJudgement{verdict: index.VerdictUnavailable, reason: reason}
	}
	c, err := recompute.Decode(data)
	if err != nil {
		return commitmentJudgement{verdict: index.VerdictMalformed, rule: string(recompute.RuleOf(err)), reason: err.Error()}
	}
	// Data that is not this round's (another root) is unavailable, not malformed.
	if root := recompute.CommitmentRootOf(c); root != onchainRoot {
		return commitmentJudgement{verdict: index.VerdictUnavailable,
			reason: fmt.Sprintf("the published commitment data has root %s, not the on-chain %s", root.Hex(), onchainRoot.Hex())}
	}
	if err := c.Validate(uint256.NewInt(round)); err != nil {
		return commitmentJudgement{verdict: index.VerdictMalformed, rule: string(recompute.RuleOf(err)), reason: err.Error(), c: c}
	}
	res, err := recompute.Compute(c, recompute.Options{})
	if err != nil {
		return commitmentJudgement{verdict: index.VerdictMalformed, rule: string(recompute.RuleOf(err)), reason: err.Error(), c: c}
	}
	return commitmentJudgement{verdict: index.VerdictPending, reason: "awaiting a batch", c: c, res: res}
}

// batchJudgement is the verdict on a batch of a round with usable commitments.
type batchJudgement struct {
	verdict index.Verdict // VerdictValid, VerdictFraud or VerdictUnavailable
	kind    string
	index   *uint64
	claimed string
	correct string
	reason  string
}

// judgeBatch compares a batch (the on-chain allocationRoot, and the tree root
// and allocation data from its calldata) with the recomputation.
func judgeBatch(res *recompute.Result, allocationRoot, treeRoot common.Hash, published []byte) batchJudgement {
	if published == nil {
		return batchJudgement{verdict: index.VerdictUnavailable, reason: "the batch's allocation data could not be obtained"}
	}
	if got := recompute.AllocationRoot(res.CommitmentRoot, treeRoot, crypto.Keccak256Hash(published)); got != allocationRoot {
		return batchJudgement{verdict: index.VerdictUnavailable,
			reason: fmt.Sprintf("the published allocation data gives allocationRoot %s, not the on-chain %s", got.Hex(), allocationRoot.Hex())}
	}
	if allocationRoot == res.AllocationRoot {
		return batchJudgement{verdict: index.VerdictValid}
	}
	at := func(k int) *uint64 { v := uint64(k); return &v }
	if len(published) != 32*res.EntryCount {
		return batchJudgement{verdict: index.VerdictFraud, kind: index.KindBadPublication, index: at(len(published) / 32),
			reason: fmt.Sprintf("%d bytes of allocation data for %d entries", len(published), res.EntryCount)}
	}
	tree, err := recompute.AllocTreeFromData(published, 0)
	if err != nil || tree.Root() != treeRoot {
		return batchJudgement{verdict: index.VerdictFraud, kind: index.KindBadPublication, index: at(res.EntryCount),
			reason: "the allocation tree rebuilt from the published data is not the signed allocTreeRoot"}
	}
	k, differs := res.FirstDifference(published)
	if !differs {
		// Same data and tree but another root: impossible unless keccak collides.
		return batchJudgement{verdict: index.VerdictUnavailable, reason: "the batch equals the recomputation but its root differs"}
	}
	claimed := new(uint256.Int).SetBytes32(published[32*k : 32*(k+1)])
	correct := res.Amount(k)
	return batchJudgement{verdict: index.VerdictFraud, kind: index.KindBadAllocation, index: at(k),
		claimed: claimed.Dec(), correct: correct.Dec()}
}

// affectedRecipients lists, without repeats and in order of first
// appearance, the recipients a round's verdict concerns: for a bad
// allocation, those with a wrong published amount; for anything else that
// is not valid (a bad publication, unavailable data), every recipient of
// the round, none of whose allocations can be checked. c may be nil
// (undecodable commitments): then nobody is named.
// AffectedRecipients recomputes a round from its commitment data and
// returns the recipients the batch that published allocation data (judged
// fraud of kind) wrongs: for a bad allocation, those with a wrong amount;
// for a bad publication, all of them. nil when the data does not decode.
func AffectedRecipients(commitmentData, published []byte, kind string) []common.Address {
	c, err := recompute.Decode(commitmentData)
	if err != nil {
		return nil
	}
	res, err := recompute.Compute(c, recompute.Options{})
	if err != nil {
		res = nil
	}
	return affectedRecipients(c, res, kind, published)
}

func affectedRecipients(c *recompute.Commitments, res *recompute.Result, kind string, published []byte) []common.Address {
	if c == nil {
		return nil
	}
	seen := map[common.Address]bool{}
	var out []common.Address
	k := 0
	for _, p := range c.Providers {
		for _, e := range p.Entries {
			wrong := true
			if kind == index.KindBadAllocation && res != nil && len(published) >= 32*(k+1) {
				wrong = !bytes.Equal(published[32*k:32*(k+1)], res.AllocationData[32*k:32*(k+1)])
			}
			if wrong && !seen[e.Recipient] {
				seen[e.Recipient] = true
				out = append(out, e.Recipient)
			}
			k++
		}
	}
	return out
}
