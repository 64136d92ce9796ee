package metrics_test

import (
	"encoding/json"
	"math/big"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/denomwatch/denomwatch/health"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/metrics"
)

// exported returns the names of every metric family the daemon exports,
// with every optional collector registered and every vector given a label.
func exported(t *testing.T) map[string]bool {
	t.Helper()
	m := metrics.New()
	m.SetBuildInfo("v", "c", "go")
	tr := health.NewTracker(time.Minute, nil)
	tr.HeadSeen(5)
	tr.HeadTime(5, 1_800_000_000)
	tr.CallSucceeded()
	tr.SetSyncing(&health.Sync{Current: 1, Highest: 2})
	m.RegisterHealth(tr)
	m.RegisterRPCEndpoints(func() []metrics.Endpoint {
		return []metrics.Endpoint{{Name: "http://n", LastSuccess: time.Now(), Checked: true}}
	})
	m.RegisterDisk(func() (uint64, bool, error) { return 1, false, nil })
	m.RegisterDeadLetters(func() (int, error) { return 0, nil })
	m.SetFunds(big.NewInt(1), big.NewInt(1), false)
	m.Delivered("w")
	m.RPCError("eth_call")
	m.RPCSwitched("http://n")
	m.ObserveRecompute(time.Millisecond)
	m.SetRoundsByVerdict(map[index.Verdict]int{})
	fams, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, f := range fams {
		out[f.GetName()] = true
	}
	return out
}

var metricName = regexp.MustCompile(`denomwatch_[a-z_]+`)

// checkNames reports the denomwatch metrics expr uses that are not
// exported (histogram series resolve to their family).
func checkNames(t *testing.T, where, expr string, names map[string]bool) {
	for _, n := range metricName.FindAllString(expr, -1) {
		base := n
		for _, suffix := range []string{"_bucket", "_sum", "_count"} {
			if b := strings.TrimSuffix(n, suffix); b != n && names[b] {
				base = b
			}
		}
		if !names[base] {
			t.Errorf("%s uses %s, which denomwatch does not export", where, n)
		}
	}
}

// TestShippedMonitoring: the Grafana dashboard and the Prometheus rules in
// configs/ use only metrics the daemon exports, and the dashboard is
// well-formed (promtool checks the rules themselves in .ci/run).
func TestShippedMonitoring(t *testing.T) {
	names := exported(t)
	b, err := os.ReadFile("../configs/grafana/denomwatch.json")
	if err != nil {
		t.Fatal(err)
	}
	var dash struct {
		UID    string `json:"uid"`
		Panels []struct {
			ID         int    `json:"id"`
			Type       string `json:"type"`
			Title      string `json:"title"`
			Datasource *struct {
				UID string `json:"uid"`
			} `json:"datasource"`
			GridPos struct{ X, Y, W, H int } `json:"gridPos"`
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	if err := json.Unmarshal(b, &dash); err != nil {
		t.Fatal(err)
	}
	ids, exprs := map[int]bool{}, 0
	for _, p := range dash.Panels {
		if ids[p.ID] || p.GridPos.X+p.GridPos.W > 24 || p.Title == "" {
			t.Errorf("panel %d %q: duplicate id or off the grid", p.ID, p.Title)
		}
		ids[p.ID] = true
		if p.Type == "row" {
			continue
		}
		if p.Datasource == nil || p.Datasource.UID != "${datasource}" || len(p.Targets) == 0 {
			t.Errorf("panel %q: no templated datasource or no query", p.Title)
		}
		for _, tg := range p.Targets {
			exprs++
			checkNames(t, "dashboard panel "+p.Title, tg.Expr, names)
			if !strings.Contains(tg.Expr, `instance=~"$instance"`) {
				t.Errorf("panel %q: %s ignores the instance variable", p.Title, tg.Expr)
			}
		}
	}
	if dash.UID == "" || exprs < 30 {
		t.Fatalf("dashboard uid %q, %d queries", dash.UID, exprs)
	}

	b, err = os.ReadFile("../configs/prometheus/denomwatch.rules.yml")
	if err != nil {
		t.Fatal(err)
	}
	var rules struct {
		Groups []struct {
			Rules []struct {
				Alert string `yaml:"alert"`
				Expr  string `yaml:"expr"`
			} `yaml:"rules"`
		} `yaml:"groups"`
	}
	if err := yaml.Unmarshal(b, &rules); err != nil {
		t.Fatal(err)
	}
	alerts := map[string]bool{}
	for _, g := range rules.Groups {
		for _, r := range g.Rules {
			alerts[r.Alert] = true
			checkNames(t, "rule "+r.Alert, r.Expr, names)
		}
	}
	for _, want := range []string{"DenomwatchNodeStalled", "DenomwatchLagging", "DenomwatchFraudDetected", "DenomwatchFraudFinalizedUnproven",
		"DenomwatchFraudDeadlineAtRisk", "DenomwatchChallengerBalanceLow", "DenomwatchOutboxBacklog", "DenomwatchDeadLetters", "DenomwatchDiskFull"} {
		if !alerts[want] {
			t.Errorf("no alert rule %s", want)
		}
	}
}
