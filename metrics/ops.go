package metrics

import (
	"github.com/prometheus/client_golang/prometheus"
)

// Metric names of the alert dispatcher and the scheduled jobs; a stable
// interface.
const (
	MetricWebhookDeliveries = "denomwatch_webhook_deliveries_total"
	MetricOutboxDepth       = "denomwatch_alert_outbox_depth"
	MetricReauditRounds     = "denomwatch_reaudit_rounds"
	MetricReauditMismatches = "denomwatch_reaudit_mismatches_total"
	MetricReauditRuns       = "denomwatch_reaudit_runs_total"
	MetricPrunedRounds      = "denomwatch_pruned_rounds_total"
	MetricRPCSwitches       = "denomwatch_rpc_endpoint_switches_total"
	MetricRPCInUse          = "denomwatch_rpc_endpoint_in_use"
)

// opsMetrics are the alert dispatcher's and the jobs' collectors (Metrics
// implements alerts.Observer and jobs.Observer with them).
type opsMetrics struct {
	deliveries        *prometheus.CounterVec
	outboxDepth       prometheus.Gauge
	reauditRounds     prometheus.Gauge
	reauditMismatches prometheus.Counter
	reauditRuns       prometheus.Counter
	pruned            prometheus.Counter
	rpcSwitches       *prometheus.CounterVec
	rpcInUse          *prometheus.GaugeVec
}

// registerOpsMetrics creates and registers the dispatcher's and the jobs'
// collectors.
func (m *Metrics) registerOpsMetrics() {
	o := &m.ops
	*o = opsMetrics{
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: MetricWebhookDeliveries,
			Help: "Webhook delivery attempts by webhook and result (delivered, failed, dead-lettered).",
		}, []string{"webhook", "result"}),
		outboxDepth: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: MetricOutboxDepth,
			Help: "Alerts in the outbox not yet delivered to every webhook.",
		}),
		reauditRounds: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: MetricReauditRounds,
			Help: "Rounds the last re-audit recomputed.",
		}),
		reauditMismatches: prometheus.NewCounter(prometheus.CounterOpts{
			Name: MetricReauditMismatches,
			Help: "Rounds whose stored verdict a re-audit did not reproduce (should stay 0).",
		}),
		reauditRuns: prometheus.NewCounter(prometheus.CounterOpts{
			Name: MetricReauditRuns,
			Help: "Re-audits run.",
		}),
		pruned: prometheus.NewCounter(prometheus.CounterOpts{
			Name: MetricPrunedRounds,
			Help: "Rounds whose data retention pruning deleted.",
		}),
	}
	o.rpcSwitches = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: MetricRPCSwitches,
		Help: "Switches of the RPC endpoint in use, by the endpoint switched to (scheme and host only).",
	}, []string{"to"})
	o.rpcInUse = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: MetricRPCInUse,
		Help: "1 for the RPC endpoint in use (scheme and host only).",
	}, []string{"endpoint"})
	m.reg.MustRegister(o.deliveries, o.outboxDepth, o.reauditRounds, o.reauditMismatches, o.reauditRuns, o.pruned, o.rpcSwitches, o.rpcInUse)
}

// Delivered, Failed and DeadLettered count a webhook's delivery attempts.
func (m *Metrics) Delivered(webhook string) {
	m.ops.deliveries.WithLabelValues(webhook, "delivered").Inc()
}
func (m *Metrics) Failed(webhook string) { m.ops.deliveries.WithLabelValues(webhook, "failed").Inc() }
func (m *Metrics) DeadLettered(webhook string) {
	m.ops.deliveries.WithLabelValues(webhook, "dead-lettered").Inc()
}

// QueueDepth sets the outbox depth.
func (m *Metrics) QueueDepth(n int) { m.ops.outboxDepth.Set(float64(n)) }

// ReauditDone records a re-audit's outcome.
func (m *Metrics) ReauditDone(checked, mismatches int) {
	m.ops.reauditRuns.Inc()
	m.ops.reauditRounds.Set(float64(checked))
	m.ops.reauditMismatches.Add(float64(mismatches))
}

// Pruned counts rounds pruned.
func (m *Metrics) Pruned(rounds int) { m.ops.pruned.Add(float64(rounds)) }

// RPCSwitched counts a switch of the RPC endpoint in use to to (redacted)
// and marks it in use.
func (m *Metrics) RPCSwitched(to string) {
	m.ops.rpcSwitches.WithLabelValues(to).Inc()
	m.RPCInUse(to)
}

// RPCInUse marks endpoint (redacted) as the one in use.
func (m *Metrics) RPCInUse(endpoint string) {
	m.ops.rpcInUse.Reset()
	m.ops.rpcInUse.WithLabelValues(endpoint).Set(1)
}
