package challenge

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/challenge/solve"
	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
	"github.com/denomwatch/denomwatch/watcher"
)

// proof returns the calldata of the proof t names against w's batch: the
// round judged again from the watcher's objects (watcher.Rejudge), which
// must name the same proof, then contracts.NewBadAllocation or
// contracts.NewMalformed. Built once per batch and target.
func (e *Executor) proof(ctx context.Context, w *work, t solve.Target) ([]byte, error) {
	key := proofKey{batch{w.rec.Round, w.rec.Attempt}, t}
	if data, ok := e.proofs[key]; ok {
		return data, nil
	}
	b := batchOf(w.round, w.rec.Attempt)
	if w.round == nil || b == nil {
		return nil, fmt.Errorf("%w: the index has no batch of round %d attempt %d", ErrNoProof, w.rec.Round, w.rec.Attempt)
	}
	v, res, err := watcher.Rejudge(ctx, w.round, e.d.Objects, e.d.Chain, e.cfg.AVS, e.cfg.Recompute)
	if err != nil {
		return nil, fmt.Errorf("%w: judging round %d again: %w", ErrNoProof, w.rec.Round, err)
	}
	if got, ok := solve.ProofOf(&v); !ok || got != t || res == nil || v.Attempt == nil || *v.Attempt != w.rec.Attempt {
		return nil, fmt.Errorf("%w: judged again, round %d is %s (%s), not the %s", ErrNoProof, w.rec.Round, v.Status, v.Reason, t)
	}
	data, err := buildProof(w.rec.Round, &v, res, b.ProviderAllocRoots)
	if err != nil {
		return nil, err
	}
	e.proofs[key] = data
	return data, nil
}

// buildProof is the calldata of the proof verdict v names, from the
// recomputation res and the batch's claimed provider roots.
func buildProof(round uint64, v *judge.Verdict, res *recompute.Result, claimed []common.Hash) ([]byte, error) {
	if v.Rule == judge.RuleBadAllocation {
		ba, err := contracts.NewBadAllocation(res, *v.Provider, claimed)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrNoProof, err)
		}
		return ba.Calldata(), nil
	}
	ev, err := res.Evidence(v.Violation())
	if err != nil {
		return nil, fmt.Errorf("%w: evidence of %s: %w", ErrNoProof, v.Rule, err)
	}
	m, err := contracts.NewMalformed(round, ev)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoProof, err)
	}
	return m.Calldata(), nil
}
