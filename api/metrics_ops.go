package api

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

// OpsMetrics are the alert dispatcher's and the jobs' collectors, on the
// registry of the Metrics they were made from. They implement
// alerts.Observer and jobs.Observer.
type OpsMetrics struct {
	deliveries        *prometheus.CounterVec
	outboxDepth       prometheus.Gauge
	reauditRounds     prometheus.Gauge
	reauditMismatches prometheus.Counter
	reauditRuns       prometheus.Counter
	pruned            prometheus.Counter
	rpcSwitches       *prometheus.CounterVec
	rpcInUse          *prometheus.GaugeVec
}

// NewOpsMetrics registers the dispatcher's and the jobs' collectors on m's
// registry. Call it once per Metrics.
func NewOpsMetrics(m *Metrics) *OpsMetrics {
	o := &OpsMetrics{
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
	return o
}

// Delivered, Failed and DeadLettered count a webhook's delivery attempts.
func (o *OpsMetrics) Delivered(webhook string) {
	o.deliveries.WithLabelValues(webhook, "delivered").Inc()
}
func (o *OpsMetrics) Failed(webhook string) { o.deliveries.WithLabelValues(webhook, "failed").Inc() }
func (o *OpsMetrics) DeadLettered(webhook string) {
	o.deliveries.WithLabelValues(webhook, "dead-lettered").Inc()
}

// QueueDepth sets the outbox depth.
func (o *OpsMetrics) QueueDepth(n int) { o.outboxDepth.Set(float64(n)) }

// ReauditDone records a re-audit's outcome.
func (o *OpsMetrics) ReauditDone(checked, mismatches int) {
	o.reauditRuns.Inc()
	o.reauditRounds.Set(float64(checked))
	o.reauditMismatches.Add(float64(mismatches))
}

// Pruned counts rounds pruned.
func (o *OpsMetrics) Pruned(rounds int) { o.pruned.Add(float64(rounds)) }

// RPCSwitched counts a switch of the RPC endpoint in use to to (redacted)
// and marks it in use.
func (o *OpsMetrics) RPCSwitched(to string) {
	o.rpcSwitches.WithLabelValues(to).Inc()
	o.RPCInUse(to)
}

// RPCInUse marks endpoint (redacted) as the one in use.
func (o *OpsMetrics) RPCInUse(endpoint string) {
	o.rpcInUse.Reset()
	o.rpcInUse.WithLabelValues(endpoint).Set(1)
}
