package judge

import (
	"fmt"
	"slices"
	"strings"

	"github.com/denomwatch/denomwatch/recompute"
)

// Judge decides what a watcher concludes about a round from the facts it
// has gathered (section 10; the package doc has the decision table).
//
// Beside the verdict it returns, once the facts are confirmed and the
// manifest is held, the recomputation of the data held
// (recompute.EvaluateHeld), from which the challenger builds the proof the
// verdict names without recomputing: (*Result).Evidence for a section 3
// rule, contracts.NewBadAllocation(res, p, batch.ProviderAllocRoots) for a
// bad allocation, contracts.NewRowResolution for a held row. The Result
// shares the holdings' manifest and rows; nothing may change them.
//
// The error is for facts no honest chain produces (ErrImpossible with
// ErrCommitment or ErrBatch) and for holdings made for another round
// (ErrWrongHoldings); there is no verdict then.
func Judge(f Facts, opts recompute.Options) (Verdict, *recompute.Result, error) {
	v := Verdict{Round: f.Round, Unknown: slices.Clone(f.Unknown)}
	if f.Batch != nil {
		attempt := f.Batch.Attempt
		v.Attempt = &attempt
	}
	if f.Commitment == nil {
		return incomplete(v, &f, FactCommitment), nil, nil
	}
	if err := f.check(); err != nil {
		return Verdict{}, nil, err
	}
	if _, lacks := f.lacks(FactBatch); lacks && f.Batch == nil {
		return incomplete(v, &f, FactBatch), nil, nil
	}
	if !f.Confirmed {
		v.Status = StatusPending
		v.Reason = fmt.Sprintf("round %d's events are not yet past the confirmation depth", f.Round)
		return v, nil, nil
	}
	h := f.Held
	if h == nil || h.manifest == nil {
		return manifestMissing(v, &f), nil, nil
	}
	res, viol, err := recompute.EvaluateHeld(h.manifest, h.tree, h.rows, h.held, opts)
	if err != nil { // Holdings verified every row against its header
		return Verdict{}, nil, fmt.Errorf("judging round %d: %w", f.Round, err)
	}
	return decide(v, &f, res, viol), res, nil
}

// decide is the verdict once the manifest is held: what the held data
// proves first, then what is missing.
func decide(v Verdict, f *Facts, res *recompute.Result, viol *recompute.Violation) Verdict {
	switch {
	case viol != nil:
		return ruleVerdict(v, f, viol)
	case f.Batch == nil:
		return awaitingBatch(v, f)
	}
	if p, ok := firstWrongHeld(res, f); ok {
		return badAllocation(v, f, res, p)
	}
	if missing := f.Held.missingRows(true); len(missing) > 0 {
		v.Status, v.Missing = StatusUnavailable, missing
		v.Reason = fmt.Sprintf("in round %d, %s not held and the data held proves nothing: an availability challenge is due",
			f.Round, rowList(missing))
		return v
	}
	v.Status = StatusValid
	v.Reason = fmt.Sprintf("the live batch (attempt %d) gives every providerAllocRoot of round %d's well-formed data", f.Batch.Attempt, f.Round)
	return v
}

// incomplete is the verdict of a round the watcher lacks fact for.
func incomplete(v Verdict, f *Facts, fact Fact) Verdict {
	v.Status, v.MissingFact = StatusIncomplete, fact
	v.Reason = fmt.Sprintf("round %d cannot be judged: its %s is unknown", f.Round, fact)
	if u, ok := f.lacks(fact); ok && u.Note != "" {
		v.Reason += " (" + u.Note + ")"
	}
	return v
}

// manifestMissing is the verdict while the manifest is not held: no row can
// be named, so its parts are what is needed.
func manifestMissing(v Verdict, f *Facts) Verdict {
	v.Missing = f.missingParts()
	if f.Batch == nil {
		v.Status = StatusAwaitingBatch
		v.Reason = fmt.Sprintf("round %d is committed with no live batch; its manifest is not held yet", f.Round)
		return v
	}
	v.Status = StatusUnavailable
	v.Reason = fmt.Sprintf("the manifest of round %d is not held, so no row can be named and nothing proven: an availability challenge of %d manifest part(s) is due",
		f.Round, len(v.Missing))
	return v
}

// missingParts lists the manifest parts not held (the manifest is not).
func (f *Facts) missingParts() []Object {
	n := 1
	if f.Commitment.ProviderCount > recompute.PartSize {
		n = 2
	}
	var out []Object
	for part := range n {
		if f.Held != nil && f.Held.parts[part] != nil {
			continue
		}
		out = append(out, Object{Kind: ObjectManifestPart, Key: f.Commitment.Root, Part: intp(part), Needed: true})
	}
	return out
}

// missingRows lists the rows not held (the manifest is).
func (h *Holdings) missingRows(needed bool) []Object {
	var out []Object
	for p, held := range h.held {
		if !held {
			out = append(out, Object{Kind: ObjectRow, Key: h.manifest.Headers[p].EntriesRoot, Provider: intp(p), Needed: needed})
		}
	}
	return out
}

// awaitingBatch is the verdict of a round with no live batch whose held
// data breaks no rule.
func awaitingBatch(v Verdict, f *Facts) Verdict {
	v.Status = StatusAwaitingBatch
	if v.Missing = f.Held.missingRows(true); len(v.Missing) > 0 {
		v.Reason = fmt.Sprintf("round %d is committed with no live batch; %s not held yet and the rows held break no rule",
			f.Round, rowList(v.Missing))
		return v
	}
	v.Reason = fmt.Sprintf("round %d is committed, its data is well formed, and no batch is live", f.Round)
	return v
}

// ruleVerdict is the verdict of held data that breaks a section 3 rule:
// fraud when a batch is live, malformed-commitments otherwise.
func ruleVerdict(v Verdict, f *Facts, viol *recompute.Violation) Verdict {
	v.Rule, v.Clause = viol.Rule, viol.Clause
	v.Provider = intp(viol.Provider)
	if viol.Rule.HasEntry() {
		v.Entry = intp(viol.Entry)
	}
	if viol.Rule == recompute.RuleResidualConsistency {
		v.OtherProvider, v.OtherEntry = intp(viol.OtherProvider), intp(viol.OtherEntry)
	}
	headers, entries := viol.EvidencePositions()
	v.Evidence = &Evidence{Headers: headers}
	for _, e := range entries {
		v.Evidence.Entries = append(v.Evidence.Entries, Position{Provider: e.P, Entry: e.J})
	}
	v.Missing = f.Held.missingRows(false)
	if f.Batch != nil {
		v.Status = StatusFraud
		v.Reason = fmt.Sprintf("the live batch (attempt %d) is over data that breaks %s: %s", f.Batch.Attempt, viol.Rule, viol.Msg)
	} else {
		v.Status = StatusMalformed
		v.Reason = fmt.Sprintf("round %d breaks %s, so honest operators will not sign it: %s", f.Round, viol.Rule, viol.Msg)
	}
	if len(v.Missing) > 0 {
		v.Reason += fmt.Sprintf(" (found while %s not held)", rowList(v.Missing))
	}
	return v
}

// firstWrongHeld returns the lowest held provider whose providerAllocRoot
// the batch claims wrong. The held data breaks no rule, so every held row
// is in range and its root was computed.
func firstWrongHeld(res *recompute.Result, f *Facts) (int, bool) {
	for p, held := range f.Held.held {
		if held && res.ProviderAllocRoots[p] != f.Batch.ProviderAllocRoots[p] {
			return p, true
		}
	}
	return 0, false
}

// rowList writes the rows of objects as "row 3 is" or "3 rows (providers
// 1, 4, 9) are", naming at most eight.
func rowList(objs []Object) string {
	if len(objs) == 1 {
		return fmt.Sprintf("row %d is", *objs[0].Provider)
	}
	var ps []string
	for _, o := range objs[:min(len(objs), 8)] {
		ps = append(ps, fmt.Sprint(*o.Provider))
	}
	more := ""
	if len(objs) > 8 {
		more = fmt.Sprintf(" and %d more", len(objs)-8)
	}
	return fmt.Sprintf("%d rows (providers %s%s) are", len(objs), strings.Join(ps, ", "), more)
}
