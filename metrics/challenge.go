package metrics

import (
	"math"

	"github.com/prometheus/client_golang/prometheus"
)

// Challenge metric names; a stable interface (dashboards, alerts).
const (
	MetricChallengeGasUsed   = "denomwatch_challenge_gas_used_total"
	MetricOpenFrauds         = "denomwatch_frauds_open"
	MetricDeadlineBlocksLeft = "denomwatch_fraud_deadline_blocks_left"
	MetricDeadLetters        = "denomwatch_dead_letters"
)

// registerChallengeMetrics creates and registers the challenger's
// collectors (its decision records by state are denomwatch_decision_records,
// solve.go).
func (m *Metrics) registerChallengeMetrics() {
	m.challengeGas = prometheus.NewCounter(prometheus.CounterOpts{
		Name: MetricChallengeGasUsed,
		Help: "Gas used by the challenger's mined transactions (proofs, and cancellations of proofs no longer needed).",
	})
	m.openFrauds = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: MetricOpenFrauds,
		Help: "Live batches judged fraudulent or unavailable that no proof has voided yet.",
	})
	m.deadlineLeft = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: MetricDeadlineBlocksLeft,
		Help: "Blocks left before the deadline of the earliest of those batches (+Inf when there is none).",
	})
	m.deadlineLeft.Set(math.Inf(1))
	m.reg.MustRegister(m.challengeGas, m.openFrauds, m.deadlineLeft)
}

// SetOpenFrauds records the live batches judged wrong and not yet voided,
// and the blocks left before the earliest deadline.
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

// ChallengeExpired counts a decision record settled expired: the deadline
// passed before a move of this challenger voided the batch.
func (m *Metrics) ChallengeExpired() { m.frauds.expired.Inc() }
