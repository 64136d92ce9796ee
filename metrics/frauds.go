package metrics

import (
	"github.com/prometheus/client_golang/prometheus"
)

// Fraud metric names; a stable interface. They are counters: they never go
// down, so a fraud stays visible after its round is resubmitted and judged
// valid (denomwatch_rounds{verdict="fraud"} counts only rounds whose latest
// batch is fraudulent).
const (
	MetricFraudsDetected          = "denomwatch_frauds_detected_total"
	MetricFraudsProven            = "denomwatch_frauds_proven_total"
	MetricFraudsExpired           = "denomwatch_frauds_expired_total"
	MetricFraudsFinalizedUnproven = "denomwatch_frauds_finalized_unproven_total"
)

// fraudMetrics are the fraud counters and the last totals they were raised
// to (guarded by Metrics.mu).
type fraudMetrics struct {
	detected, proven, expired, finalized prometheus.Counter
	last                                 [4]int
}

func (m *Metrics) registerFraudMetrics() {
	c := func(name, help string) prometheus.Counter {
		return prometheus.NewCounter(prometheus.CounterOpts{Name: name, Help: help})
	}
	m.frauds = fraudMetrics{
		detected:  c(MetricFraudsDetected, "Fraudulent batches the index records (judged fraud, or voided by a proof), counted from the index at start."),
		proven:    c(MetricFraudsProven, "Fraudulent batches voided by a fraud proof (this challenger's or another's)."),
		expired:   c(MetricFraudsExpired, "This challenger's decision records settled expired: the deadline passed before its move voided the batch."),
		finalized: c(MetricFraudsFinalizedUnproven, "Fraudulent batches finalized with no proof: the signers got away with it."),
	}
	m.reg.MustRegister(m.frauds.detected, m.frauds.proven, m.frauds.expired, m.frauds.finalized)
}

// raise adds to c what total has above the last total seen at i: the
// counter follows a total that is recounted (after a restart, a
// reorganisation) without ever going down.
func (m *Metrics) raise(c prometheus.Counter, i, total int) {
	if d := total - m.frauds.last[i]; d > 0 {
		c.Add(float64(d))
	}
	m.frauds.last[i] = max(m.frauds.last[i], total)
}

// SetFrauds raises the fraud counters to the index's totals.
func (m *Metrics) SetFrauds(detected, proven, finalizedUnproven int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.raise(m.frauds.detected, 0, detected)
	m.raise(m.frauds.proven, 1, proven)
	m.raise(m.frauds.finalized, 3, finalizedUnproven)
}
