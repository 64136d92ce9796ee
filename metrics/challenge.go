package metrics

import (
	"math"
	"math/big"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/denomwatch/denomwatch/index"
)

// Challenge metric names; a stable interface (dashboards, alerts).
const (
	MetricChallenges         = "denomwatch_challenges"
	MetricChallengeGasUsed   = "denomwatch_challenge_gas_used_total"
	MetricChallengeBountyWei = "denomwatch_challenge_bounty_wei_total"
	MetricOpenFrauds         = "denomwatch_frauds_open"
	MetricDeadlineBlocksLeft = "denomwatch_fraud_deadline_blocks_left"
	MetricDeadLetters        = "denomwatch_dead_letters"
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
	m.openFrauds = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: MetricOpenFrauds,
		Help: "Frauds seen and not yet proven (no proof of this challenger mined) whose challenge window is open.",
	})
	m.deadlineLeft = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: MetricDeadlineBlocksLeft,
		Help: "Blocks left before the window of the earliest unproven fraud closes (+Inf when there is none).",
	})
	m.deadlineLeft.Set(math.Inf(1))
	m.reg.MustRegister(m.challenges, m.challengeGas, m.challengeBounty, m.openFrauds, m.deadlineLeft)
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

// SetOpenFrauds records the frauds not yet proven and the blocks left
// before the earliest window closes.
func (m *Metrics) SetOpenFrauds(n int, blocksLeft float64) {
	m.openFrauds.Set(float64(n))
	m.deadlineLeft.Set(blocksLeft)
}

// RegisterDeadLetters exports the dead letters stored, counted at each
// scrape (index.Store.DeadLetterCount). Call it once.
func (m *Metrics) RegisterDeadLetters(count func() (int, error)) {
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: MetricDeadLetters,
		Help: "Alerts given up after their webhook's max-attempts, stored as dead letters (denomwatch deadletters list|requeue).",
	}, func() float64 {
		n, err := count()
		if err != nil {
			return math.NaN()
		}
		return float64(n)
	}))
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
