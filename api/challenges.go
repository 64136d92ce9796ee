package api

import (
	"encoding/json"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/index"
)

// DecisionReader is what the API needs to show the v2 challenger's work;
// a Reader that also has it (*index.Store does) gets the decision records
// of each round it serves.
type DecisionReader interface {
	// GetSolveRecord returns the challenger's decision record of a batch,
	// or false.
	GetSolveRecord(round, attempt uint64) (index.SolveRecord, bool, error)
}

// Decision is the v2 challenger's decision record of one batch of a round
// (index.SolveRecord): the batch's attempt, whether the record is still
// open (not settled), and the record itself, challenge/solve.Record's JSON
// as the challenger stored it (version, round, attempt, state, move,
// history, challenges, refusals, simulation, replans, reopens, final).
// Field names are a stable interface.
type Decision struct {
	Attempt uint64          `json:"attempt"`
	Open    bool            `json:"open"`
	Record  json.RawMessage `json:"record"`
}

// WrongProviderRoot is a provider whose root in the live batch differs from
// the recomputed one.
type WrongProviderRoot struct {
	Provider int         `json:"provider"`
	Claimed  common.Hash `json:"claimed"`
	Correct  common.Hash `json:"correct"`
}

// ProviderRootsCheck compares the live (or finalized) batch's
// providerAllocRoots with the ones the round's objects give: Data as in
// RoundAllocations; Wrong every provider whose roots differ (empty when
// Data is not DataComplete: nothing can be said).
type ProviderRootsCheck struct {
	Attempt uint64              `json:"attempt"`
	Data    DataState           `json:"data"`
	Wrong   []WrongProviderRoot `json:"wrong"`
}

// RoundRecord is index.Round under a name that, embedded in RoundView,
// leaves the record's own Round field reachable.
type RoundRecord = index.Round

// RoundView is a round as /v1/rounds and /v1/rounds/{round} serve it: the
// index's record (its fields at the top level: for v2 the attempt of each
// batch, the judgement, availability challenges, reveals, frauds proven
// and notes), the challenger's decision records of its batches, and, on
// /v1/rounds/{round} only, the check of the batch's provider roots.
type RoundView struct {
	RoundRecord
	Decisions     []Decision          `json:"decisions,omitempty"`
	ProviderRoots *ProviderRootsCheck `json:"providerRoots,omitempty"`
}

// decisionReader returns the store's decision reader, if it has one.
func (s *Server) decisionReader() (DecisionReader, bool) {
	dr, ok := s.store.(DecisionReader)
	return dr, ok
}

// roundViews joins rounds with the decision records of their batches.
func (s *Server) roundViews(rounds []index.Round) ([]RoundView, error) {
	views := make([]RoundView, len(rounds))
	dr, ok := s.decisionReader()
	for i := range rounds {
		views[i].RoundRecord = rounds[i]
		if !ok {
			continue
		}
		ds, err := decisions(dr, &rounds[i])
		if err != nil {
			return nil, err
		}
		views[i].Decisions = ds
	}
	return views, nil
}

// decisions returns the decision records of r's batches, by attempt.
func decisions(dr DecisionReader, r *index.Round) ([]Decision, error) {
	var out []Decision
	seen := map[uint64]bool{}
	for _, b := range r.Batches {
		if b.Attempt == nil || seen[*b.Attempt] {
			continue
		}
		seen[*b.Attempt] = true
		rec, ok, err := dr.GetSolveRecord(r.Round, *b.Attempt)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, Decision{Attempt: rec.Attempt, Open: rec.Open, Record: rec.Record})
		}
	}
	return out, nil
}

// checkProviderRoots compares r's live batch's provider roots with the ones
// recomputed from the objects get holds; nil for a v1 round or a round
// without such a batch.
func checkProviderRoots(r *index.Round, get ObjectGetter) (*ProviderRootsCheck, error) {
	b := liveBatch(r)
	if r.Protocol != index.ProtocolV2 || b == nil || r.CommitmentRoot == (common.Hash{}) {
		return nil, nil
	}
	out := &ProviderRootsCheck{Attempt: derefU64(b.Attempt), Data: DataComplete, Wrong: []WrongProviderRoot{}}
	h := holdRound(r, get)
	if h.m == nil {
		out.Data = DataUnavailable
		return out, nil
	}
	res, viol, err := h.evaluate(r)
	switch {
	case err != nil:
		return nil, err
	case viol != nil:
		out.Data = DataMalformed
		return out, nil
	case len(h.missing) > 0:
		out.Data = DataUnavailable
		return out, nil
	}
	for p, claimed := range b.ProviderAllocRoots {
		if p < len(res.ProviderAllocRoots) && claimed != res.ProviderAllocRoots[p] {
			out.Wrong = append(out.Wrong, WrongProviderRoot{Provider: p, Claimed: claimed, Correct: res.ProviderAllocRoots[p]})
		}
	}
	return out, nil
}
