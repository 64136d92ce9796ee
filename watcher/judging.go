package watcher

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// factsOf gathers what a round's record says into judge's facts (without
// holdings). Every event the watcher reads is past its confirmation depth,
// so the facts are confirmed: the watcher never records "pending" (it would
// for a view of the blocks above that depth, which it does not take).
func factsOf(r *index.Round) judge.Facts {
	f := judge.Facts{Round: r.Round, Confirmed: true}
	if r.CommitmentRoot != (common.Hash{}) && (r.ProviderCount > 0 || r.ProvidersRoot != (common.Hash{})) {
		f.Commitment = &judge.Commitment{Root: r.CommitmentRoot, ProvidersRoot: r.ProvidersRoot,
			ProviderCount: r.ProviderCount, EntryCount: uint64(r.EntryCount)}
	} else {
		f.Unknown = append(f.Unknown, judge.Unknown{Fact: judge.FactCommitment, Note: commitmentUnknownNote(r)})
	}
	if n := len(r.Batches); n > 0 {
		b := &r.Batches[n-1]
		switch {
		case b.Status == index.BatchVoided:
		case b.Attempt == nil:
			f.Unknown = append(f.Unknown, judge.Unknown{Fact: judge.FactBatch,
				Note: fmt.Sprintf("the details of the batch of block %d (AllocationBatchDetails) were not seen", b.Block)})
		default:
			f.Batch = batchFacts(b)
		}
	}
	return f
}

// commitmentUnknownNote is the record's note on its missing commitment.
func commitmentUnknownNote(r *index.Round) string {
	for _, n := range r.Notes {
		if isCommitmentNote(n) {
			return n
		}
	}
	if r.CommitmentRoot != (common.Hash{}) {
		return "RoundCommitmentsOpened was not seen"
	}
	return notePrefixCommitment
}

// batchFacts converts a batch record (with its details) into judge's.
func batchFacts(b *index.Batch) *judge.Batch {
	jb := &judge.Batch{Attempt: *b.Attempt, AllocationRoot: b.AllocationRoot, AllocTreeRoot: b.AllocTreeRoot,
		Deadline: b.DeadlineBlock, ProviderAllocRoots: b.ProviderAllocRoots}
	if bm, err := hexutil.DecodeBig(b.SignerBitmap); err == nil {
		jb.SignerBitmap.SetFromBig(bm)
	}
	return jb
}

// factsDigest is a digest of what a verdict is made from besides the
// objects: the commitment, the live batch, the reveals and the unknowns. A
// record whose JudgedFacts differs has a verdict due.
func factsDigest(r *index.Round, f *judge.Facts) common.Hash {
	type batchKey struct {
		Attempt                       uint64
		AllocationRoot, AllocTreeRoot common.Hash
	}
	key := struct {
		Commitment *judge.Commitment
		Batch      *batchKey
		Reveals    []string
		Unknown    []judge.Unknown
	}{Commitment: f.Commitment, Unknown: f.Unknown}
	if b := f.Batch; b != nil {
		key.Batch = &batchKey{b.Attempt, b.AllocationRoot, b.AllocTreeRoot}
	}
	for _, rv := range r.Reveals {
		key.Reveals = append(key.Reveals, fmt.Sprintf("%s/%d", rv.BlockHash.Hex(), rv.LogIndex))
	}
	b, _ := json.Marshal(key) // plain values: never fails
	return crypto.Keccak256Hash(b)
}

// verdictDue reports whether round r's verdict must be made again: its
// facts changed since, or its missing objects are due to be fetched again.
func (w *Watcher) verdictDue(r *index.Round) bool {
	f := factsOf(r)
	if r.Judgement == nil || r.JudgedFacts != factsDigest(r, &f) {
		return true
	}
	rt, ok := w.retries[r.Round]
	return ok && !w.cfg.Now().Before(rt.due)
}

// judgeRound judges round r from its facts and the objects held or
// fetched, and records the verdict in r. Facts no honest chain produces
// (judge.ErrImpossible) are said loudly and no verdict is made of them; the
// round is judged again later. The error is for what must fail the block
// (the cache, ctx).
func (w *Watcher) judgeRound(ctx context.Context, r *index.Round) error {
	f := factsOf(r)
	digest := factsDigest(r, &f)
	v, res, err := w.decide(ctx, r, &f)
	if errors.Is(err, judge.ErrImpossible) {
		w.impossible(r, err)
		w.schedule(r, nil, digest)
		return nil
	}
	if err != nil {
		return err
	}
	recordVerdict(r, v, res, digest)
	w.schedule(r, &v, digest)
	return nil
}

// decide gathers the round's objects, then judges; a bad allocation whose
// allocations object can be had is judged again with it, to name the first
// wrong entry.
func (w *Watcher) decide(ctx context.Context, r *index.Round, f *judge.Facts) (judge.Verdict, *recompute.Result, error) {
	fctx, cancel := context.WithTimeout(ctx, w.cfg.FetchTimeout)
	defer cancel()
	return judgeHeld(fctx, w.objects, r, f, true, w.judge)
}

// judgeHeld gathers round r's objects through src (fetching what the cache
// lacks), then judges f with judgeFn; when firstWrong, a bad allocation
// whose allocations object can be had is judged again with it, to name the
// first wrong entry. The watcher's way to a verdict, shared by Rejudge and
// Reaudit.
func judgeHeld(ctx context.Context, src *objectSource, r *index.Round, f *judge.Facts, firstWrong bool, judgeFn func(judge.Facts) (judge.Verdict, *recompute.Result, error)) (judge.Verdict, *recompute.Result, error) {
	var hr *heldRound
	if f.Commitment != nil {
		var err error
		if hr, err = src.hold(ctx, r, *f.Commitment, true); err != nil {
			return judge.Verdict{}, nil, err
		}
		f.Held = hr.h
	}
	v, res, err := judgeFn(*f)
	if err != nil || !firstWrong || v.BadAllocation == nil || v.BadAllocation.FirstWrongEntry != nil || hr == nil {
		return v, res, err
	}
	p, claimed := *v.Provider, v.BadAllocation.ClaimedProviderAllocRoot
	if err := src.allocations(ctx, hr, res, p, claimed, true); err != nil {
		return judge.Verdict{}, nil, err
	}
	if _, ok := hr.h.Allocations(p, claimed); !ok {
		return v, res, nil
	}
	return judgeFn(*f)
}

// judge runs judge.Judge and times it.
func (w *Watcher) judge(f judge.Facts) (judge.Verdict, *recompute.Result, error) {
	start := time.Now()
	v, res, err := judge.Judge(f, w.cfg.Recompute)
	w.obs.ObserveRecompute(time.Since(start))
	return v, res, err
}

// impossible says loudly that the node reported facts no honest chain
// produces. The record keeps its last verdict; a round never judged is
// recorded incomplete, with the reason.
func (w *Watcher) impossible(r *index.Round, err error) {
	w.log.Error("the node reported facts no honest chain produces; no verdict is made of them and the round is judged again later",
		"round", r.Round, "err", err)
	if r.Judgement == nil {
		r.Verdict = index.VerdictIncomplete
		r.Reason = fmt.Sprintf("the node reported facts no honest chain produces (%v); judged again later", err)
	}
}

// recordVerdict stores a verdict in the record: Judgement, and the v1
// fields the API, the metrics and the alerts read.
func recordVerdict(r *index.Round, v judge.Verdict, res *recompute.Result, digest common.Hash) {
	r.Judgement, r.JudgedFacts = &v, digest
	r.Verdict, r.Reason = index.Verdict(v.Status), v.Reason
	r.Kind, r.Rule, r.Index, r.Claimed, r.Correct, r.CorrectAllocationRoot = "", "", nil, "", "", nil
	if res != nil && res.AllocTree != nil {
		root := res.AllocationRoot
		r.CorrectAllocationRoot = &root
	}
	switch v.Status {
	case judge.StatusFraud:
		r.Kind = string(v.Rule)
		if v.Rule != judge.RuleBadAllocation {
			r.Rule = string(v.Rule)
		} else if we := v.BadAllocation.FirstWrongEntry; we != nil {
			i := we.GlobalIndex
			r.Index, r.Claimed, r.Correct = &i, we.Claimed.Dec(), we.Correct.Dec()
		}
	case judge.StatusMalformed:
		r.Rule = string(v.Rule)
	}
}
