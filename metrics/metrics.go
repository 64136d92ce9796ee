// Package metrics holds denomwatch's Prometheus collectors, on a registry of
// their own: the watcher's, the challenger's, the alert dispatcher's and the
// scheduled jobs', the data-availability client's, the node's health, the
// challenger's balance and the disk's. Each consumer declares the small observer interface it needs (and
// a no-op of it); *Metrics implements all of them. Metric names are a stable
// interface: the dashboard and the alert rules in configs/ use them.
package metrics

import (
	"slices"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/denomwatch/denomwatch/index"
)

// Metric names; a stable interface (dashboards, alerts).
const (
	MetricHeadBlock        = "denomwatch_head_block"
	MetricProcessedBlock   = "denomwatch_processed_block"
	MetricLagBlocks        = "denomwatch_lag_blocks"
	MetricRounds           = "denomwatch_rounds"
	MetricRecomputeSeconds = "denomwatch_recompute_seconds"
	MetricRPCErrors        = "denomwatch_rpc_errors_total"
)

// verdicts are the verdicts denomwatch_rounds always exports, 0 when no
// round has them, so that an alert on a verdict never sees a missing series.
var verdicts = []index.Verdict{
	index.VerdictValid, index.VerdictFraud, index.VerdictMalformed,
	index.VerdictUnavailable, index.VerdictPending,
}

// Metrics holds the watcher's Prometheus collectors, registered on a
// registry of their own (not the global one) together with the Go runtime
// and process collectors. Its methods are safe for concurrent use.
type Metrics struct {
	reg       *prometheus.Registry
	head      prometheus.Gauge
	processed prometheus.Gauge
	lag       prometheus.Gauge
	rounds    *prometheus.GaugeVec
	recompute prometheus.Histogram
	rpcErrors *prometheus.CounterVec
	// The challenger's (challenge.go).
	challengeGas prometheus.Counter
	openFrauds   prometheus.Gauge
	deadlineLeft prometheus.Gauge
	// The dispatcher's and the jobs' (ops.go).
	ops opsMetrics
	// The challenger key's balance (node.go).
	funds fundsMetrics
	// The fraud counters (frauds.go), guarded by mu.
	frauds fraudMetrics
	// The data-availability client's (da.go).
	da daMetrics
	// The v2 challenger's (solve.go).
	solve solveMetrics

	mu          sync.Mutex
	headN       uint64
	processedN  uint64
	verdictSeen map[index.Verdict]bool // labels of rounds set so far
}

// New returns the collectors, registered on a fresh registry.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		head: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: MetricHeadBlock,
			Help: "Number of the latest chain head block the watcher has seen.",
		}),
		processed: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: MetricProcessedBlock,
			Help: "Number of the last block the watcher has processed.",
		}),
		lag: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: MetricLagBlocks,
			Help: "Blocks between the chain head and the last processed block.",
		}),
		rounds: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: MetricRounds,
			Help: "Number of rounds by the watcher's verdict.",
		}, []string{"verdict"}),
		recompute: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: MetricRecomputeSeconds,
			Help: "Time to recompute a round from its commitment data, in seconds.",
			// 1ms to about 4 minutes: a round of 2^24 entries takes seconds.
			Buckets: prometheus.ExponentialBuckets(0.001, 4, 10),
		}),
		rpcErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: MetricRPCErrors,
			Help: "Number of failed RPC calls to the chain node, by method.",
		}, []string{"method"}),
		verdictSeen: make(map[index.Verdict]bool),
	}
	m.reg.MustRegister(
		m.head, m.processed, m.lag, m.rounds, m.recompute, m.rpcErrors,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	for _, v := range verdicts {
		m.rounds.WithLabelValues(string(v)).Set(0)
		m.verdictSeen[v] = true
	}
	m.registerChallengeMetrics()
	m.registerOpsMetrics()
	m.registerFundsMetrics()
	m.registerFraudMetrics()
	m.registerDAMetrics()
	m.registerSolveMetrics()
	return m
}

// Registry returns the registry the collectors are registered on.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// SetHead records the latest chain head seen and updates the lag.
func (m *Metrics) SetHead(n uint64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.headN = n
	m.head.Set(float64(n))
	m.lag.Set(float64(Lag(m.headN, m.processedN)))
}

// SetProcessed records the last processed block and updates the lag.
func (m *Metrics) SetProcessed(n uint64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.processedN = n
	m.processed.Set(float64(n))
	m.lag.Set(float64(Lag(m.headN, m.processedN)))
}

// SetRoundsByVerdict replaces the rounds-by-verdict gauges with counts. Every
// verdict of index is exported, 0 when absent from counts; a verdict outside
// them that an earlier call set and this one does not is removed.
func (m *Metrics) SetRoundsByVerdict(counts map[index.Verdict]int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for v := range m.verdictSeen {
		if _, ok := counts[v]; !ok && !slices.Contains(verdicts, v) {
			m.rounds.DeleteLabelValues(string(v))
			delete(m.verdictSeen, v)
		}
	}
	for _, v := range verdicts {
		m.rounds.WithLabelValues(string(v)).Set(float64(counts[v]))
	}
	for v, n := range counts {
		m.rounds.WithLabelValues(string(v)).Set(float64(n))
		m.verdictSeen[v] = true
	}
}

// ObserveRecompute records the duration of one round's recomputation.
func (m *Metrics) ObserveRecompute(d time.Duration) { m.recompute.Observe(d.Seconds()) }

// RPCError counts one failed RPC call of the given method.
func (m *Metrics) RPCError(method string) { m.rpcErrors.WithLabelValues(method).Inc() }

// Lag is head - processed, 0 when the processed block is ahead of the head
// last seen (the two are read at different moments).
func Lag(head, processed uint64) uint64 {
	if processed >= head {
		return 0
	}
	return head - processed
}
