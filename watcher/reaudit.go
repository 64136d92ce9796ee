package watcher

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// ReauditStore is what Reaudit reads (*index.Store).
type ReauditStore interface {
	LatestRound() (uint64, bool, error)
	Round(n uint64) (index.Round, bool, error)
}

// ReauditOptions are what Reaudit judges with, as the watcher does: its
// objects (the index's, through an IndexCache, and the DA client; DA nil:
// the cache alone, nothing fetched), the chain's logs to read reveals again
// (nil: not read again), the AVS and the recomputation's options; and the
// rounds to judge again: those committed in the Lookback blocks up to Head.
type ReauditOptions struct {
	Objects   Objects
	Logs      LogReader
	AVS       common.Address
	Recompute recompute.Options
	Head      uint64
	Lookback  uint64
}

// Mismatch is a round whose stored verdict judging it again does not
// reproduce. When judging it again finds facts no honest chain produces
// (judge.ErrImpossible), Rejudged is incomplete with the error as reason.
type Mismatch struct {
	Round    uint64        `json:"round"`
	Stored   judge.Verdict `json:"stored"`
	Rejudged judge.Verdict `json:"rejudged"`
}

// ReauditReport is the outcome of one re-audit: the rounds judged again
// (Checked), those passed over (Skipped: see Reaudit), and the mismatches.
type ReauditReport struct {
	Head       uint64     `json:"head"`
	Checked    int        `json:"checked"`
	Skipped    int        `json:"skipped"`
	Mismatches []Mismatch `json:"mismatches"`
}

// Reaudit judges again (as Rejudge does, and naming a bad allocation's
// first wrong entry as the watcher does) every round committed in the last
// opts.Lookback blocks up to opts.Head, from its stored record and the
// objects opts gives, and compares each verdict with the stored Judgement.
// It must find nothing: a mismatch means the index or the process is wrong
// (a disk fault, a bug, objects lost), and an alert is due.
//
// Passed over (Skipped): a round with no Judgement (not judged by this
// watcher: a v1 record, or never judged), one whose verdict is due again
// (its facts changed since: the watcher judges it at its next block), one
// whose stored verdict waits on missing objects (the watcher fetches them
// again on its own schedule, so the two may differ by time alone), and a
// finalized round (nothing can be done about it any more; its objects may
// be released). It honours ctx between rounds; an error is the store's,
// the cache's or ctx's.
func Reaudit(ctx context.Context, store ReauditStore, opts ReauditOptions) (ReauditReport, error) {
	rep := ReauditReport{Head: opts.Head, Mismatches: []Mismatch{}}
	if opts.Objects.DA == nil {
		opts.Objects.DA = noDA{}
	}
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
		if r.CommitBlock+opts.Lookback < opts.Head {
			break
		}
		if !reauditable(&r) {
			rep.Skipped++
			continue
		}
		m, err := reauditRound(ctx, &r, &opts)
		if err != nil {
			return rep, fmt.Errorf("round %d: %w", n, err)
		}
		rep.Checked++
		if m != nil {
			rep.Mismatches = append(rep.Mismatches, *m)
		}
	}
	return rep, nil
}

// reauditable reports whether Reaudit judges r again (see Reaudit).
func reauditable(r *index.Round) bool {
	if r.Judgement == nil || r.Finalized || len(r.Judgement.Missing) > 0 {
		return false
	}
	return r.JudgedFacts == FactsDigest(r)
}

// FactsDigest is the digest of the facts r's record gives that the watcher
// stores in JudgedFacts with a verdict: when they differ, the verdict is
// due again.
func FactsDigest(r *index.Round) common.Hash {
	f := factsOf(r)
	return factsDigest(r, &f)
}

// reauditRound judges r again and returns the mismatch, if any.
func reauditRound(ctx context.Context, r *index.Round, opts *ReauditOptions) (*Mismatch, error) {
	v, _, err := rejudge(ctx, r, opts.Objects, opts.Logs, opts.AVS, opts.Recompute, true)
	if errors.Is(err, judge.ErrImpossible) {
		v = judge.Verdict{Round: r.Round, Status: judge.StatusIncomplete, Reason: fmt.Sprintf("judged again, the record's facts are impossible: %v", err)}
		return &Mismatch{Round: r.Round, Stored: *r.Judgement, Rejudged: v}, nil
	}
	if err != nil {
		return nil, err
	}
	same, err := SameVerdict(r.Judgement, &v)
	if err != nil || same {
		return nil, err
	}
	return &Mismatch{Round: r.Round, Stored: *r.Judgement, Rejudged: v}, nil
}

// SameVerdict reports whether a and b are the same verdict, field by field
// as their JSON (the stored form) gives them.
func SameVerdict(a, b *judge.Verdict) (bool, error) {
	ja, err := json.Marshal(a)
	if err != nil {
		return false, err
	}
	jb, err := json.Marshal(b)
	if err != nil {
		return false, err
	}
	return bytes.Equal(ja, jb), nil
}

// ErrNoSource is the error of every fetch when Reaudit runs without a DA
// client: only the cache's objects are judged.
var ErrNoSource = errors.New("no data-availability source")

// noDA is a DA client with no source.
type noDA struct{}

func (noDA) Manifest(context.Context, common.Hash) (*recompute.Manifest, []byte, string, error) {
	return nil, nil, "", ErrNoSource
}

func (noDA) Row(context.Context, *recompute.Header) (recompute.Row, []byte, string, error) {
	return recompute.Row{}, nil, "", ErrNoSource
}

func (noDA) Allocations(context.Context, common.Hash, common.Address, recompute.Row) ([]uint256.Int, []byte, string, error) {
	return nil, nil, "", ErrNoSource
}
