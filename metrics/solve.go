package metrics

import (
	"math"
	"math/big"

	"github.com/prometheus/client_golang/prometheus"
)

// The v2 challenger's metric names (package challenge's Observer); a
// stable interface.
const (
	MetricDecisionRecords      = "denomwatch_decision_records"
	MetricChallengerBonds      = "denomwatch_challenger_bonds_wei"
	MetricChallengerOpenWork   = "denomwatch_challenger_open_work_wei"
	MetricChallengerUnderfund  = "denomwatch_challenger_underfunded"
	MetricChallengerBalanceNow = "denomwatch_challenger_pass_balance_wei"
)

// decisionStates are the states of a decision record (solve.State's
// values), each exported at 0 when no record has it.
var decisionStates = []string{"open", "proving", "challenging", "slashing", "refunding", "cancelling", "settled"}

// bondFates are the fates the bonds gauge is labelled with.
var bondFates = []string{"held", "lost", "returned"}

// solveMetrics are the v2 challenger's gauges.
type solveMetrics struct {
	records                    *prometheus.GaugeVec
	bonds                      *prometheus.GaugeVec
	openWork, underfunded, bal prometheus.Gauge
}

func (m *Metrics) registerSolveMetrics() {
	m.solve = solveMetrics{
		records: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: MetricDecisionRecords,
			Help: "The v2 challenger's decision records (one per batch it follows) by state.",
		}, []string{"state"}),
		bonds: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: MetricChallengerBonds,
			Help: "The v2 challenger's availability bonds by fate, wei: held by the contract, lost to resolvers, returned (with or without a bounty).",
		}, []string{"fate"}),
		openWork: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: MetricChallengerOpenWork,
			Help: "What the v2 challenger's next moves need (gas at the fee cap, and bonds), wei.",
		}),
		underfunded: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: MetricChallengerUnderfund,
			Help: "1 while the v2 challenger's key holds less than its open work needs.",
		}),
		bal: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: MetricChallengerBalanceNow,
			Help: "The v2 challenger key's balance as its last pass read it, wei (NaN: no key).",
		}),
	}
	m.reg.MustRegister(m.solve.records, m.solve.bonds, m.solve.openWork, m.solve.underfunded, m.solve.bal)
	for _, s := range decisionStates {
		m.solve.records.WithLabelValues(s).Set(0)
	}
	for _, f := range bondFates {
		m.solve.bonds.WithLabelValues(f).Set(0)
	}
}

// SetDecisionRecords replaces the decision records by state (every state
// exported, 0 when absent).
func (m *Metrics) SetDecisionRecords(byState map[string]int) {
	for _, s := range decisionStates {
		m.solve.records.WithLabelValues(s).Set(float64(byState[s]))
	}
}

// SetBonds replaces the bonds by fate, wei.
func (m *Metrics) SetBonds(held, lost, returned *big.Int) {
	for i, v := range []*big.Int{held, lost, returned} {
		m.solve.bonds.WithLabelValues(bondFates[i]).Set(weiFloat(v))
	}
}

// SetOpenWork records what the next moves need against the balance (nil:
// unknown) and whether the balance falls short.
func (m *Metrics) SetOpenWork(need, balance *big.Int, underfunded bool) {
	m.solve.openWork.Set(weiFloat(need))
	m.solve.underfunded.Set(b2f(underfunded))
	if balance == nil {
		m.solve.bal.Set(math.NaN())
		return
	}
	m.solve.bal.Set(weiFloat(balance))
}

// weiFloat is an amount as a float (exact to about 16 digits; 0 for nil).
func weiFloat(x *big.Int) float64 {
	if x == nil {
		return 0
	}
	v, _ := new(big.Float).SetInt(x).Float64()
	return v
}
