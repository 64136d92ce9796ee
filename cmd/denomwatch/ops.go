package main

import (
	"context"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/challenge"
	"github.com/denomwatch/denomwatch/challenge/solve"
	"github.com/denomwatch/denomwatch/health"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/txmgr"
	"github.com/denomwatch/denomwatch/jobs"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/metrics"
	"github.com/denomwatch/denomwatch/rpcpool"
)

// discardableStore is the store the challenger and the jobs write to.
type discardableStore interface {
	challenge.Store
	jobs.Store
}

// discardAlerts is the store the challenger and the jobs see without
// webhooks: their alerts are dropped rather than left in an outbox nobody
// empties.
type discardAlerts struct{ *index.Store }

func (discardAlerts) Enqueue(bodies ...[]byte) ([]uint64, error) { return nil, nil }

// PutSolveRecord without webhooks keeps the record and drops its alerts.
func (d discardAlerts) PutSolveRecord(r index.SolveRecord, _ ...[]byte) error {
	return d.Store.PutSolveRecord(r)
}

// notifyingStore is the index as the watcher writes it, waking the
// challenger whenever a block it applies judges a round fraudulent or
// unavailable, so that the move does not wait for the next poll.
type notifyingStore struct {
	*index.Store
	wake func()
}

// Apply applies the block, then wakes the challenger if the block carries
// a verdict it acts on.
func (s notifyingStore) Apply(u *index.BlockUpdate) error {
	if err := s.Store.Apply(u); err != nil {
		return err
	}
	for i := range u.Rounds {
		if v := u.Rounds[i].Judgement; v != nil && (v.Status == judge.StatusFraud || v.Status == judge.StatusUnavailable) {
			s.wake()
			break
		}
	}
	return nil
}

// openChallenges reports whether a round has a decision record not yet
// settled (retention pruning keeps it).
func openChallenges(store *index.Store, log *slog.Logger) func(round uint64) bool {
	return func(round uint64) bool {
		recs, err := store.OpenSolveRecords()
		if err != nil {
			log.Warn("read the challenger's records; keeping the round", "round", round, "err", err)
			return true
		}
		for _, r := range recs {
			if r.Round == round {
				return true
			}
		}
		return false
	}
}

// challengeCounts tallies the challenger's decision records by state (and
// settled ones by final state) for the digest.
func challengeCounts(store *index.Store) func() map[string]uint64 {
	return func() map[string]uint64 {
		out := map[string]uint64{}
		if recs, err := store.SolveRecords(); err == nil {
			for state, n := range decisionStates(recs) {
				out["challenges."+state] = uint64(n)
			}
		}
		if n, err := store.DeadLetterCount(); err == nil {
			out["deadLetters"] = uint64(n)
		}
		return out
	}
}

// decisionStates counts decision records by state, a settled one by its
// final state (confirmed, expired, ...), one that does not decode as
// "unreadable".
func decisionStates(recs []index.SolveRecord) map[string]int {
	out := map[string]int{}
	for _, sr := range recs {
		r, err := solve.DecodeRecord(sr.Record)
		switch {
		case err != nil:
			out["unreadable"]++
		case r.Final != nil:
			out[string(r.Final.State)]++
		default:
			out[string(r.State)]++
		}
	}
	return out
}

// fundsReader reads the challenger's balance for the health job, and
// records it in the metrics.
func fundsReader(chain txmgr.FundingChain, addr common.Address, proofGas, lowProofs uint64, maxFeeCap *big.Int, m *metrics.Metrics) func(context.Context) (jobs.Funds, error) {
	return func(ctx context.Context) (jobs.Funds, error) {
		f, err := txmgr.ReadFunding(ctx, chain, addr, proofGas, maxFeeCap)
		if err != nil {
			return jobs.Funds{}, err
		}
		out := jobs.Funds{Address: addr, Balance: f.Balance, ProofCost: f.ProofCost, Proofs: f.Proofs(), LowProofs: lowProofs}
		m.SetFunds(f.Balance, f.ProofCost, out.Low())
		return out, nil
	}
}

// poolEndpoints lists the pool's endpoints with their last answer, for the
// metrics.
func poolEndpoints(p *rpcpool.Pool) func() []metrics.Endpoint {
	return func() []metrics.Endpoint {
		st := p.Stats()
		out := make([]metrics.Endpoint, len(st.Endpoints))
		for i, e := range st.Endpoints {
			out[i] = metrics.Endpoint{Name: e.URL, LastSuccess: e.LastAnswer, Lies: e.Lies,
				Checked: e.Checked, Head: e.Head, Lag: e.Lag, Agrees: e.Agrees}
		}
		return out
	}
}

// trackerEndpoint is the one endpoint of the embedded chain, its last
// success as the health probe saw it.
func trackerEndpoint(name string, t *health.Tracker) func() []metrics.Endpoint {
	return func() []metrics.Endpoint {
		var last time.Time
		if s := t.Signals(); !s.LastOK.IsZero() {
			last = s.LastOK
		}
		return []metrics.Endpoint{{Name: name, LastSuccess: last}}
	}
}
