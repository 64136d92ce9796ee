package metrics

import (
	"math/big"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/denomwatch/denomwatch/health"
)

// Metric names of the node's health, the challenger's funds and the build;
// a stable interface.
const (
	MetricBuildInfo          = "denomwatch_build_info"
	MetricHeadAge            = "denomwatch_head_age_seconds"
	MetricHeadTimestamp      = "denomwatch_head_timestamp_seconds"
	MetricNodeStalled        = "denomwatch_node_stalled"
	MetricNodeSyncing        = "denomwatch_node_syncing"
	MetricNodeSyncHighest    = "denomwatch_node_sync_highest_block"
	MetricNodeSyncCurrent    = "denomwatch_node_sync_current_block"
	MetricRPCLastSuccess     = "denomwatch_rpc_last_success_timestamp_seconds"
	MetricRPCEndpointHead    = "denomwatch_rpc_endpoint_head"
	MetricRPCEndpointLag     = "denomwatch_rpc_endpoint_lag_blocks"
	MetricRPCEndpointAgrees  = "denomwatch_rpc_endpoint_agrees"
	MetricRPCEndpointLies    = "denomwatch_rpc_endpoint_lies_total"
	MetricChallengerBalance  = "denomwatch_challenger_balance_wei"
	MetricChallengerProof    = "denomwatch_challenger_proof_cost_wei"
	MetricChallengerLowFunds = "denomwatch_challenger_balance_low"
)

// HealthSource is the node's health as the metrics read it at each scrape
// (health.Tracker).
type HealthSource interface {
	Signals() health.Signals
	Check() health.Verdict
}

// Endpoint is an RPC endpoint (redacted) and when it last answered (zero:
// never); from rpcpool.EndpointStats: Lies, the answers it was caught lying
// in, and, once a cross-check saw it (Checked), its Head, Lag behind the
// best head and whether it Agrees with the majority's hashes.
type Endpoint struct {
	Name        string
	LastSuccess time.Time
	Lies        uint64
	Checked     bool
	Head, Lag   uint64
	Agrees      bool
}

// SetBuildInfo sets denomwatch_build_info{version, commit, goversion} to 1.
func (m *Metrics) SetBuildInfo(version, commit, goVersion string) {
	g := prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: MetricBuildInfo,
		Help: "Always 1; the labels say which build of denomwatch runs.",
	}, []string{"version", "commit", "goversion"})
	g.WithLabelValues(version, commit, goVersion).Set(1)
	m.reg.MustRegister(g)
}

// RegisterHealth exports the node's health, read from h at each scrape:
// the head's age and timestamp, the stalled verdict, and the node's sync
// progress while it reports one. Call it once.
func (m *Metrics) RegisterHealth(h HealthSource) {
	m.reg.MustRegister(&healthCollector{h: h})
}

// RegisterRPCEndpoints exports each endpoint's last successful call, read
// from list at each scrape. Call it once.
func (m *Metrics) RegisterRPCEndpoints(list func() []Endpoint) {
	m.reg.MustRegister(&endpointCollector{list: list})
}

var (
	descHeadAge       = prometheus.NewDesc(MetricHeadAge, "Seconds since the node's head last moved (since start while no head was seen).", nil, nil)
	descHeadTimestamp = prometheus.NewDesc(MetricHeadTimestamp, "Timestamp of the node's head block, Unix seconds (absent while unknown).", nil, nil)
	descStalled       = prometheus.NewDesc(MetricNodeStalled, "1 while the node is stalled: no new head or no successful call for --stall-blocks block times, or syncing.", nil, nil)
	descSyncing       = prometheus.NewDesc(MetricNodeSyncing, "1 while the node reports (eth_syncing) that it is syncing.", nil, nil)
	descSyncHighest   = prometheus.NewDesc(MetricNodeSyncHighest, "The highest block the syncing node knows of (absent when not syncing).", nil, nil)
	descSyncCurrent   = prometheus.NewDesc(MetricNodeSyncCurrent, "The block the syncing node has reached (absent when not syncing).", nil, nil)
	descLastSuccess   = prometheus.NewDesc(MetricRPCLastSuccess, "When each RPC endpoint last answered a call, Unix seconds (absent while it never has).", []string{"endpoint"}, nil)
	descEndpointHead  = prometheus.NewDesc(MetricRPCEndpointHead, "Each RPC endpoint's head at the last cross-check (absent before one).", []string{"endpoint"}, nil)
	descEndpointLag   = prometheus.NewDesc(MetricRPCEndpointLag, "How far each RPC endpoint's head was behind the best verified head at the last cross-check.", []string{"endpoint"}, nil)
	descAgrees        = prometheus.NewDesc(MetricRPCEndpointAgrees, "1 while each RPC endpoint's hashes of the indexed blocks are the majority's (last cross-check).", []string{"endpoint"}, nil)
	descLies          = prometheus.NewDesc(MetricRPCEndpointLies, "Answers of each RPC endpoint that failed verification (rpc_endpoint_lying).", []string{"endpoint"}, nil)
)

type healthCollector struct{ h HealthSource }

func (c *healthCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descHeadAge, descHeadTimestamp, descStalled, descSyncing, descSyncHighest, descSyncCurrent} {
		ch <- d
	}
}

func (c *healthCollector) Collect(ch chan<- prometheus.Metric) {
	s, v := c.h.Signals(), c.h.Check()
	ch <- prometheus.MustNewConstMetric(descHeadAge, prometheus.GaugeValue, v.HeadAge.Seconds())
	if s.HeadTime != 0 {
		ch <- prometheus.MustNewConstMetric(descHeadTimestamp, prometheus.GaugeValue, float64(s.HeadTime))
	}
	ch <- prometheus.MustNewConstMetric(descStalled, prometheus.GaugeValue, b2f(v.Stalled))
	ch <- prometheus.MustNewConstMetric(descSyncing, prometheus.GaugeValue, b2f(s.Syncing != nil))
	if s.Syncing != nil {
		ch <- prometheus.MustNewConstMetric(descSyncHighest, prometheus.GaugeValue, float64(s.Syncing.Highest))
		ch <- prometheus.MustNewConstMetric(descSyncCurrent, prometheus.GaugeValue, float64(s.Syncing.Current))
	}
}

type endpointCollector struct{ list func() []Endpoint }

func (c *endpointCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descLastSuccess, descEndpointHead, descEndpointLag, descAgrees, descLies} {
		ch <- d
	}
}

func (c *endpointCollector) Collect(ch chan<- prometheus.Metric) {
	for _, e := range c.list() {
		if !e.LastSuccess.IsZero() {
			ch <- prometheus.MustNewConstMetric(descLastSuccess, prometheus.GaugeValue, float64(e.LastSuccess.UnixMilli())/1000, e.Name)
		}
		ch <- prometheus.MustNewConstMetric(descLies, prometheus.CounterValue, float64(e.Lies), e.Name)
		if e.Checked {
			ch <- prometheus.MustNewConstMetric(descEndpointHead, prometheus.GaugeValue, float64(e.Head), e.Name)
			ch <- prometheus.MustNewConstMetric(descEndpointLag, prometheus.GaugeValue, float64(e.Lag), e.Name)
			ch <- prometheus.MustNewConstMetric(descAgrees, prometheus.GaugeValue, b2f(e.Agrees), e.Name)
		}
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// fundsMetrics are the challenger key's balance gauges.
type fundsMetrics struct {
	balance, proofCost, low prometheus.Gauge
}

func (m *Metrics) registerFundsMetrics() {
	m.funds = fundsMetrics{
		balance: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: MetricChallengerBalance,
			Help: "The challenger key's balance, wei (a float: exact to about 16 digits), as the health job last read it.",
		}),
		proofCost: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: MetricChallengerProof,
			Help: "What one proof may cost at the current fees: --proof-gas at the fee cap a transaction would get, wei.",
		}),
		low: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: MetricChallengerLowFunds,
			Help: "1 while the balance pays fewer than --low-balance-proofs proofs.",
		}),
	}
	m.reg.MustRegister(m.funds.balance, m.funds.proofCost, m.funds.low)
}

// SetFunds records the challenger key's balance, the price of a proof and
// whether the balance is low.
func (m *Metrics) SetFunds(balance, proofCost *big.Int, low bool) {
	f := func(x *big.Int) float64 {
		if x == nil {
			return 0
		}
		v, _ := new(big.Float).SetInt(x).Float64()
		return v
	}
	m.funds.balance.Set(f(balance))
	m.funds.proofCost.Set(f(proofCost))
	m.funds.low.Set(b2f(low))
}

// Metric names of the disk; a stable interface.
const (
	MetricDiskFree     = "denomwatch_disk_free_bytes"
	MetricWritesPaused = "denomwatch_index_writes_paused"
)

var (
	descDiskFree = prometheus.NewDesc(MetricDiskFree, "Free bytes of the file system holding the index.", nil, nil)
	descPaused   = prometheus.NewDesc(MetricWritesPaused, "1 while the index refuses writes: the disk has less than --min-free-mb free.", nil, nil)
)

// RegisterDisk exports the index's disk space, read from space at each
// scrape (index.Store.Space). Call it once.
func (m *Metrics) RegisterDisk(space func() (free uint64, paused bool, err error)) {
	m.reg.MustRegister(diskCollector(space))
}

type diskCollector func() (uint64, bool, error)

func (c diskCollector) Describe(ch chan<- *prometheus.Desc) { ch <- descDiskFree; ch <- descPaused }

func (c diskCollector) Collect(ch chan<- prometheus.Metric) {
	free, paused, err := c()
	if err == nil {
		ch <- prometheus.MustNewConstMetric(descDiskFree, prometheus.GaugeValue, float64(free))
	}
	ch <- prometheus.MustNewConstMetric(descPaused, prometheus.GaugeValue, b2f(paused))
}
