package api

import (
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/index"
)

// ChallengeReader is what the API needs to show the challenger's work; a
// Reader that also has it (*index.Store does) gets a challenge object in
// each round it serves.
type ChallengeReader interface {
	// ChallengesBetween returns the challenges of rounds from..to
	// (inclusive), by round.
	ChallengesBetween(from, to uint64) ([]index.Challenge, error)
}

// RoundChallenge is the challenge object of a round: the challenger's fraud
// proof against one of its batches (the latest one challenged). Field names
// are a stable interface.
type RoundChallenge struct {
	State   index.ChallengeState `json:"state"`
	Kind    string               `json:"kind"`
	Index   uint64               `json:"index"`
	BatchTx common.Hash          `json:"batchTx"`
	// TxHash is the proof transaction mined, else the latest sent.
	TxHash   *common.Hash `json:"txHash,omitempty"`
	Attempts int          `json:"attempts"`
	Block    uint64       `json:"block,omitempty"`
	GasUsed  uint64       `json:"gasUsed"`
	// Bounty is what the proof paid the challenger, wei, decimal.
	Bounty        string `json:"bounty,omitempty"`
	DeadlineBlock uint64 `json:"deadlineBlock"`
	// ProvenBy and ProvenTx name another challenger's proof
	// (proven-by-other).
	ProvenBy *common.Address `json:"provenBy,omitempty"`
	ProvenTx *common.Hash    `json:"provenTx,omitempty"`
	Error    string          `json:"error,omitempty"`
	Updated  time.Time       `json:"updated"`
}

// RoundRecord is index.Round under a name that, embedded in RoundView,
// leaves the record's own Round field reachable.
type RoundRecord = index.Round

// RoundView is a round as /v1/rounds and /v1/rounds/{round} serve it: the
// index's record (its fields at the top level) and, when the challenger has
// challenged one of its batches, the challenge.
type RoundView struct {
	RoundRecord
	Challenge *RoundChallenge `json:"challenge,omitempty"`
}

// challengeReader returns the store's challenge reader, if it has one.
func (s *Server) challengeReader() (ChallengeReader, bool) {
	cr, ok := s.store.(ChallengeReader)
	return cr, ok
}

// roundViews joins rounds (of from..to) with their challenges.
func (s *Server) roundViews(rounds []index.Round, from, to uint64) ([]RoundView, error) {
	views := make([]RoundView, len(rounds))
	for i := range rounds {
		views[i].RoundRecord = rounds[i]
	}
	cr, ok := s.challengeReader()
	if !ok || len(rounds) == 0 {
		return views, nil
	}
	cs, err := cr.ChallengesBetween(from, to)
	if err != nil {
		return nil, err
	}
	byRound := map[uint64][]index.Challenge{}
	for _, c := range cs {
		byRound[c.Round] = append(byRound[c.Round], c)
	}
	for i := range views {
		views[i].Challenge = pickChallenge(&views[i].RoundRecord, byRound[views[i].Round])
	}
	return views, nil
}

// pickChallenge returns the challenge of the latest batch of r that has
// one (or, if none names a batch r shows, the one updated last).
func pickChallenge(r *index.Round, cs []index.Challenge) *RoundChallenge {
	if len(cs) == 0 {
		return nil
	}
	var pick *index.Challenge
	for i := len(r.Batches) - 1; i >= 0 && pick == nil; i-- {
		for j := range cs {
			if cs[j].BatchTx == r.Batches[i].TxHash {
				pick = &cs[j]
				break
			}
		}
	}
	if pick == nil {
		pick = &cs[0]
		for j := range cs {
			if cs[j].Updated.After(pick.Updated) {
				pick = &cs[j]
			}
		}
	}
	return &RoundChallenge{
		State: pick.State, Kind: pick.Kind, Index: pick.Index, BatchTx: pick.BatchTx, TxHash: pick.TxHash,
		Attempts: len(pick.Attempts), Block: pick.Block, GasUsed: pick.GasUsed, Bounty: pick.Bounty,
		DeadlineBlock: pick.DeadlineBlock, ProvenBy: pick.ProvenBy, ProvenTx: pick.ProvenTx, Error: pick.Error, Updated: pick.Updated,
	}
}
