package metrics

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metric names of the data-availability client, per source (scheme and host
// only); a stable interface.
const (
	MetricDAFetches      = "denomwatch_da_fetches_total"
	MetricDAFailures     = "denomwatch_da_fetch_failures_total"
	MetricDABytes        = "denomwatch_da_fetched_bytes_total"
	MetricDAFetchSeconds = "denomwatch_da_fetch_seconds"
)

// daMetrics are the da client's collectors (Metrics implements da.Observer).
type daMetrics struct {
	fetches  *prometheus.CounterVec
	failures *prometheus.CounterVec
	bytes    *prometheus.CounterVec
	latency  *prometheus.HistogramVec
}

// registerDAMetrics creates and registers the da client's collectors.
func (m *Metrics) registerDAMetrics() {
	d := &m.da
	*d = daMetrics{
		fetches: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: MetricDAFetches,
			Help: "Object fetches from a data-availability source, by source (scheme and host only).",
		}, []string{"source"}),
		failures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: MetricDAFailures,
			Help: "Failed object fetches by source and reason (transport, timeout, not_found, invalid, too_large, http_status).",
		}, []string{"source", "reason"}),
		bytes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: MetricDABytes,
			Help: "Bytes read from a data-availability source, verified or not, by source.",
		}, []string{"source"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: MetricDAFetchSeconds,
			Help: "Time of one object fetch from a source, verification included, in seconds.",
			// 1 ms to about 4 minutes.
			Buckets: prometheus.ExponentialBuckets(0.001, 4, 10),
		}, []string{"source"}),
	}
	m.reg.MustRegister(d.fetches, d.failures, d.bytes, d.latency)
}

// DAFetch records one fetch from a data-availability source: reason is ""
// when the object verified, else the da client's failure reason.
func (m *Metrics) DAFetch(source, reason string, bytes int, d time.Duration) {
	m.da.fetches.WithLabelValues(source).Inc()
	if reason != "" {
		m.da.failures.WithLabelValues(source, reason).Inc()
	}
	m.da.bytes.WithLabelValues(source).Add(float64(bytes))
	m.da.latency.WithLabelValues(source).Observe(d.Seconds())
}
