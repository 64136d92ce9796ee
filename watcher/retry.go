package watcher

import (
	"cmp"
	"maps"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
)

// maxRetries bounds the rounds waiting to be judged again; past it the
// oldest rounds are given up (their records keep their last verdict).
// maxDuePerBlock bounds those judged with one block (its index
// transaction holds their records).
const (
	maxRetries     = 1024
	maxDuePerBlock = 32
)

// retry is a round due to be judged again at due: its objects were missing
// (or its facts impossible) while it was open. wait doubles from RetryMin
// to RetryMax while the facts stay the same (digest).
type retry struct {
	due    time.Time
	wait   time.Duration
	digest common.Hash
}

// open reports whether a round can still change: not finalized (its batch
// may still be proven wrong, or a batch may still come).
func open(r *index.Round) bool {
	return !r.Finalized
}

// schedule decides whether round r is judged again later: while it is open
// and its verdict lists missing objects (v nil: its facts were impossible).
func (w *Watcher) schedule(r *index.Round, v *judge.Verdict, digest common.Hash) {
	if !open(r) || (v != nil && len(v.Missing) == 0) {
		delete(w.retries, r.Round)
		return
	}
	rt, ok := w.retries[r.Round]
	if !ok || rt.digest != digest {
		rt = &retry{wait: w.cfg.RetryMin, digest: digest}
		w.retries[r.Round] = rt
	} else {
		rt.wait = min(2*rt.wait, w.cfg.RetryMax)
	}
	rt.due = w.cfg.Now().Add(rt.wait)
	if len(w.retries) > maxRetries {
		oldest := slices.Sorted(maps.Keys(w.retries))[:len(w.retries)-maxRetries]
		for _, n := range oldest {
			delete(w.retries, n)
		}
	}
}

// dueRounds returns the rounds whose new attempt is due, the longest due
// first, at most maxDuePerBlock.
func (w *Watcher) dueRounds() []uint64 {
	now := w.cfg.Now()
	var out []uint64
	for n, rt := range w.retries {
		if !now.Before(rt.due) {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, func(a, b uint64) int {
		if c := w.retries[a].due.Compare(w.retries[b].due); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return out[:min(len(out), maxDuePerBlock)]
}

// reload reads the operator set and the rounds back from the store (at
// New, and after a rollback): it recounts the verdicts and marks the rounds
// whose verdict is due (facts changed since it was made, as a block written
// while its verdict was deferred leaves them) or that still miss objects.
func (w *Watcher) reload() error {
	ops, err := w.store.Operators()
	if err != nil {
		return err
	}
	w.ops, w.retries = newOperatorSet(ops), map[uint64]*retry{}
	w.verdicts, w.frauds = map[index.Verdict]int{}, FraudCounts{}
	err = w.eachRound(func(r *index.Round) {
		w.verdicts[r.Verdict]++
		w.frauds = w.frauds.Add(fraudsOf(r))
		f := factsOf(r)
		stale := r.Judgement == nil || r.JudgedFacts != factsDigest(r, &f)
		if stale || (open(r) && len(r.Judgement.Missing) > 0) {
			w.retries[r.Round] = &retry{wait: w.cfg.RetryMin, due: w.cfg.Now()}
		}
	})
	if err != nil {
		return err
	}
	w.obs.SetRoundsByVerdict(maps.Clone(w.verdicts))
	w.obs.SetFrauds(w.frauds.Detected, w.frauds.Proven, w.frauds.FinalizedUnproven)
	return nil
}

// scanChunk is how many rounds eachRound reads at once (a v2 record of the
// design's size is about 10 KB); across a gap (rounds before the start
// block) it steps scanGap rounds at a time.
const (
	scanChunk = 500
	scanGap   = 2000
)

// eachRound calls f with every stored round, in order.
func (w *Watcher) eachRound(f func(*index.Round)) error {
	latest, ok, err := w.store.LatestRound()
	if err != nil || !ok {
		return err
	}
	width := uint64(scanChunk)
	for from := uint64(1); from <= latest; {
		to := min(latest, from+width-1)
		rs, err := w.store.Rounds(from, to)
		if err != nil {
			return err
		}
		for i := range rs {
			f(&rs[i])
		}
		width = scanChunk
		if len(rs) == 0 {
			width = scanGap
		}
		from = to + 1
	}
	return nil
}
