package metrics

import (
	"math/big"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/denomwatch/denomwatch/index"
)

// Challenge metric names; a stable interface (dashboards, alerts).
const (
	MetricChallenges         = "denomwatch_challenges"
	MetricChallengeGasUsed   = "denomwatch_challenge_gas_used_total"
	MetricChallengeBountyWei = "denomwatch_challenge_bounty_wei_total"
)

// registerChallengeMetrics creates and registers the challenger's
// collectors; every state is exported, 0 when no challenge has it.
func (m *Metrics) registerChallengeMetrics() {
	m.challenges = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: MetricChallenges,
		Help: "Number of the challenger's fraud-proof challenges by state.",
	}, []string{"state"})
	m.challengeGas = prometheus.NewCounter(prometheus.CounterOpts{
		Name: MetricChallengeGasUsed,
		Help: "Gas used by the challenger's mined transactions (proofs, and cancellations of proofs no longer needed).",
	})
	m.challengeBounty = prometheus.NewCounter(prometheus.CounterOpts{
		Name: MetricChallengeBountyWei,
		Help: "Bounties earned by the challenger's proofs, in wei (a float: exact to about 16 digits).",
	})
	m.reg.MustRegister(m.challenges, m.challengeGas, m.challengeBounty)
	for _, st := range index.ChallengeStates {
		m.challenges.WithLabelValues(string(st)).Set(0)
	}
}

// SetChallenges replaces the challenges-by-state gauges with counts (every
// state exported, 0 when absent).
func (m *Metrics) SetChallenges(counts map[index.ChallengeState]int) {
	for _, st := range index.ChallengeStates {
		m.challenges.WithLabelValues(string(st)).Set(float64(counts[st]))
	}
	m.setExpired(counts)
}

// ChallengeGasUsed adds the gas of a mined challenge transaction.
func (m *Metrics) ChallengeGasUsed(gas uint64) { m.challengeGas.Add(float64(gas)) }

// ChallengeBounty adds a bounty earned, in wei.
func (m *Metrics) ChallengeBounty(wei *big.Int) {
	if wei == nil || wei.Sign() <= 0 {
		return
	}
	f, _ := new(big.Float).SetInt(wei).Float64()
	m.challengeBounty.Add(f)
}
