package watcher

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/index"
)

// ReauditStore is what Reaudit reads.
type ReauditStore interface {
	LatestRound() (uint64, bool, error)
	Round(n uint64) (index.Round, bool, error)
	CommitmentData(round uint64) ([]byte, bool, error)
	BatchData(tx common.Hash) ([]byte, bool, error)
}

// Mismatch is a round whose stored verdict a fresh recomputation does not
// reproduce.
type Mismatch struct {
	Round      uint64      `json:"round"`
	Stored     RoundResult `json:"stored"`
	Recomputed RoundResult `json:"recomputed"`
}

// RoundResult is what a verdict consists of.
type RoundResult struct {
	Verdict index.Verdict `json:"verdict"`
	Kind    string        `json:"kind,omitempty"`
	Index   *uint64       `json:"index,omitempty"`
	Claimed string        `json:"claimed,omitempty"`
	Correct string        `json:"correct,omitempty"`
	Rule    string        `json:"rule,omitempty"`
}

func (a RoundResult) equal(b RoundResult) bool {
	return a.Verdict == b.Verdict && a.Kind == b.Kind && a.Claimed == b.Claimed && a.Correct == b.Correct && a.Rule == b.Rule &&
		(a.Index == nil) == (b.Index == nil) && (a.Index == nil || *a.Index == *b.Index)
}

func (a RoundResult) String() string {
	s := string(a.Verdict)
	if a.Kind != "" {
		s += " " + a.Kind
	}
	if a.Index != nil {
		s += fmt.Sprintf(" at %d", *a.Index)
	}
	if a.Rule != "" {
		s += " (" + a.Rule + ")"
	}
	return s
}

// ReauditReport is the outcome of one re-audit.
type ReauditReport struct {
	Head       uint64     `json:"head"`
	Checked    int        `json:"checked"`
	Mismatches []Mismatch `json:"mismatches"`
}

// Reaudit recomputes, from the stored data alone, every round still inside
// its challenge window at head (or still awaiting a batch) among the rounds
// committed in the last lookback blocks, and compares each verdict with the
// stored one. It must find nothing: a mismatch means the index or the
// process is wrong (a disk fault, a bug, memory corruption), and an alert is
// due. Pure apart from the store's reads; it honours ctx between rounds.
func Reaudit(ctx context.Context, store ReauditStore, head, lookback uint64) (ReauditReport, error) {
	rep := ReauditReport{Head: head, Mismatches: []Mismatch{}}
	latest, ok, err := store.LatestRound()
	if err != nil || !ok {
		return rep, err
	}
	for n := latest; n >= 1; n-- {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		r, ok, err := store.Round(n)
		if err != nil {
			return rep, err
		}
		if !ok {
			continue
		}
		if r.CommitBlock+lookback < head {
			break
		}
		if len(r.Batches) > 0 && r.DeadlineBlock < head || r.DataPruned {
			continue // settled
		}
		got, err := recomputeRound(store, r)
		if err != nil {
			return rep, err
		}
		rep.Checked++
		if stored := resultOf(r); !stored.equal(got) {
			rep.Mismatches = append(rep.Mismatches, Mismatch{Round: n, Stored: stored, Recomputed: got})
		}
	}
	return rep, nil
}

func resultOf(r index.Round) RoundResult {
	return RoundResult{Verdict: r.Verdict, Kind: r.Kind, Index: r.Index, Claimed: r.Claimed, Correct: r.Correct, Rule: r.Rule}
}

// recomputeRound judges a stored round again from its stored data, as the
// watcher did when it indexed it.
func recomputeRound(store ReauditStore, r index.Round) (RoundResult, error) {
	data, ok, err := store.CommitmentData(r.Round)
	if err != nil {
		return RoundResult{}, err
	}
	reason := "the round's commitment data is unavailable"
	if r.Verdict == index.VerdictUnavailable && len(r.Batches) == 0 {
		reason = r.Reason
	}
	cj := judgeCommitments(r.Round, r.CommitmentRoot, nilUnless(data, ok), reason)
	if cj.res == nil || len(r.Batches) == 0 {
		return RoundResult{Verdict: cj.verdict, Rule: cj.rule}, nil
	}
	last := r.Batches[len(r.Batches)-1]
	if !last.DataAvailable {
		return RoundResult{Verdict: index.VerdictUnavailable}, nil
	}
	published, ok, err := store.BatchData(last.TxHash)
	if err != nil {
		return RoundResult{}, err
	}
	if !ok {
		return RoundResult{Verdict: index.VerdictUnavailable}, nil
	}
	bj := judgeBatch(cj.res, last.AllocationRoot, last.AllocTreeRoot, published)
	return RoundResult{Verdict: bj.verdict, Kind: bj.kind, Index: bj.index, Claimed: bj.claimed, Correct: bj.correct}, nil
}
