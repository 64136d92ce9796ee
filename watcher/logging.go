package watcher

import (
	"context"
	"fmt"
	"log/slog"
	"slices"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
)

// logRound logs what changed in a round's record: the notes on what the
// watcher lacks (once, when first recorded), then the verdict when it
// changed, or else the latest batch's status when that changed. prev is
// the record before the block, nil for a new round.
func (w *Watcher) logRound(prev *index.Round, r *index.Round) {
	var before index.Round
	if prev != nil {
		before = *prev
	}
	for _, n := range r.Notes {
		if !slices.Contains(before.Notes, n) {
			w.log.Warn("round fact unknown", "round", r.Round, "note", n)
		}
	}
	for i := range r.Batches {
		if s := r.Batches[i].SignersUnknown; s != "" && (i >= len(before.Batches) || before.Batches[i].SignersUnknown != s) {
			w.log.Warn("round fact unknown", "round", r.Round, "batchBlock", r.Batches[i].Block, "note", s)
		}
	}
	cur, old := verdictAttrs(r), verdictAttrs(&before)
	if cur != nil && (prev == nil || fmt.Sprint(cur) != fmt.Sprint(old)) {
		w.log.Log(context.Background(), verdictLevel(r.Judgement.Status), "round verdict", cur...)
		return
	}
	if n := len(r.Batches); n > 0 && (len(before.Batches) != n || before.Batches[n-1].Status != r.Batches[n-1].Status) {
		w.log.Info("round batch status", "round", r.Round, "attempt", attemptOf(&r.Batches[n-1]), "status", r.Batches[n-1].Status, "verdict", r.Verdict)
	}
}

func attemptOf(b *index.Batch) any {
	if b.Attempt == nil {
		return "unknown"
	}
	return *b.Attempt
}

// verdictLevel: warnings for what someone must act on or know.
func verdictLevel(s judge.Status) slog.Level {
	switch s {
	case judge.StatusFraud, judge.StatusUnavailable, judge.StatusMalformed, judge.StatusIncomplete:
		return slog.LevelWarn
	}
	return slog.LevelInfo
}

// verdictAttrs are a verdict line's key/value pairs (nil without a verdict).
func verdictAttrs(r *index.Round) []any {
	v := r.Judgement
	if v == nil {
		return nil
	}
	a := []any{"round", r.Round, "status", string(v.Status)}
	if v.Attempt != nil {
		a = append(a, "attempt", *v.Attempt)
	}
	if v.Rule != "" {
		a = append(a, "rule", string(v.Rule))
	}
	for _, p := range []struct {
		key string
		v   *int
	}{{"provider", v.Provider}, {"entry", v.Entry}, {"otherProvider", v.OtherProvider}, {"otherEntry", v.OtherEntry}} {
		if p.v != nil {
			a = append(a, p.key, *p.v)
		}
	}
	if v.Clause != "" {
		a = append(a, "clause", string(v.Clause))
	}
	a = append(a, badAllocationAttrs(v.BadAllocation)...)
	if len(v.Missing) > 0 {
		a = append(a, "missing", missingList(v.Missing))
	}
	if v.MissingFact != "" {
		a = append(a, "missingFact", string(v.MissingFact))
	}
	return append(a, "reason", v.Reason)
}

func badAllocationAttrs(ba *judge.BadAllocation) []any {
	if ba == nil {
		return nil
	}
	a := []any{"claimedRoot", ba.ClaimedProviderAllocRoot.Hex(), "correctRoot", ba.CorrectProviderAllocRoot.Hex()}
	if we := ba.FirstWrongEntry; we != nil {
		a = append(a, "wrongEntry", we.Entry, "globalIndex", we.GlobalIndex, "recipient", we.Recipient.Hex(),
			"claimed", we.Claimed.Dec(), "correct", we.Correct.Dec())
	}
	return a
}

// missingList names missing objects: "row 3", "manifest-part 0",
// "allocations 2".
func missingList(objs []judge.Object) []string {
	out := make([]string, len(objs))
	for i, o := range objs {
		switch {
		case o.Part != nil:
			out[i] = fmt.Sprintf("%s %d", o.Kind, *o.Part)
		case o.Provider != nil:
			out[i] = fmt.Sprintf("%s %d", o.Kind, *o.Provider)
		default:
			out[i] = string(o.Kind)
		}
	}
	return out
}

// sayOnce logs a note on what the watcher lacks, once per key.
func (w *Watcher) sayOnce(s said) {
	if w.unknowns[s.key] {
		return
	}
	w.unknowns[s.key] = true
	w.log.Warn("registry fact unknown", "note", s.note)
}
