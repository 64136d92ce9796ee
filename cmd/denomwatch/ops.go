package main

import (
	"context"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/health"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/txmgr"
	"github.com/denomwatch/denomwatch/internal/v1/challenge"
	"github.com/denomwatch/denomwatch/jobs"
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

// PutChallenge without webhooks keeps the record and drops its alerts.
func (d discardAlerts) PutChallenge(ch index.Challenge, _ ...[]byte) error {
	return d.Store.PutChallenge(ch)
}

// openChallenges reports whether a round has a challenge not yet settled
// (retention pruning keeps it).
func openChallenges(store *index.Store, log *slog.Logger) func(round uint64) bool {
	return func(round uint64) bool {
		chs, err := store.ChallengesByRound(round)
		if err != nil {
			log.Warn("read challenges; keeping the round", "round", round, "err", err)
			return true
		}
		for _, ch := range chs {
			if !ch.State.Terminal() {
				return true
			}
		}
		return false
	}
}

// challengeCounts tallies challenge records by state for the digest.
func challengeCounts(store *index.Store) func() map[string]uint64 {
	return func() map[string]uint64 {
		out := map[string]uint64{}
		chs, err := store.Challenges()
		if err != nil {
			return out
		}
		for _, ch := range chs {
			out["challenges."+string(ch.State)]++
		}
		if n, err := store.DeadLetterCount(); err == nil {
			out["deadLetters"] = uint64(n)
		}
		return out
	}
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
			out[i] = metrics.Endpoint{Name: e.URL, LastSuccess: e.LastAnswer}
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
