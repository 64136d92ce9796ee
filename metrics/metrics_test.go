package metrics_test

import (
	"math/big"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/metrics"
)

// scrape returns the text exposition of m's registry.
func scrape(t *testing.T, m *metrics.Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	promhttp.HandlerFor(m.Registry(), promhttp.HandlerOpts{}).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != 200 {
		t.Fatalf("scrape: %d %s", rec.Code, rec.Body)
	}
	return rec.Body.String()
}

func TestMetricsLagAndVerdicts(t *testing.T) {
	m := metrics.New()
	scrape := func() string { return scrape(t, m) }

	m.SetProcessed(50) // ahead of the head seen so far: lag 0, not negative
	if !strings.Contains(scrape(), "denomwatch_lag_blocks 0\n") {
		t.Error("lag is not 0 while processed is ahead of the head")
	}
	m.SetHead(58)
	if !strings.Contains(scrape(), "denomwatch_lag_blocks 8\n") {
		t.Error("lag is not 8 after SetHead(58)")
	}

	m.SetRoundsByVerdict(map[index.Verdict]int{"odd": 1, index.VerdictFraud: 3})
	if b := scrape(); !strings.Contains(b, `denomwatch_rounds{verdict="odd"} 1`) || !strings.Contains(b, `denomwatch_rounds{verdict="fraud"} 3`) {
		t.Error("rounds by verdict not exported")
	}
	m.SetRoundsByVerdict(map[index.Verdict]int{index.VerdictValid: 1})
	b := scrape()
	if strings.Contains(b, `verdict="odd"`) {
		t.Error("a verdict absent from the latest counts is still exported")
	}
	if !strings.Contains(b, `denomwatch_rounds{verdict="fraud"} 0`) || !strings.Contains(b, `denomwatch_rounds{verdict="valid"} 1`) {
		t.Error("known verdicts are not reset to the latest counts")
	}
}

func TestChallengeMetrics(t *testing.T) {
	m := metrics.New()
	if body := scrape(t, m); !strings.Contains(body, metrics.MetricDeadlineBlocksLeft+" +Inf") || !strings.Contains(body, metrics.MetricOpenFrauds+" 0") {
		t.Errorf("no open fraud is not exported as 0 and +Inf:\n%s", body)
	}
	m.ChallengeGasUsed(150_000)
	m.ChallengeGasUsed(50_000)
	m.SetOpenFrauds(2, 7)
	body := scrape(t, m)
	for _, want := range []string{
		metrics.MetricChallengeGasUsed + " 200000",
		metrics.MetricOpenFrauds + " 2",
		metrics.MetricDeadlineBlocksLeft + " 7",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

// TestFraudCounters: the fraud counters follow the index's totals up and
// never come down (a fraud proven and resubmitted stays counted; a recount
// after a reorganisation or a restart does not lower them).
func TestFraudCounters(t *testing.T) {
	m := metrics.New()
	m.SetFrauds(2, 1, 0)
	m.SetFrauds(2, 2, 0)
	m.SetFrauds(1, 1, 0) // a reorganisation removed one
	m.SetFrauds(3, 2, 1)
	m.ChallengeExpired()
	body := scrape(t, m)
	for _, want := range []string{
		metrics.MetricFraudsDetected + " 3",
		metrics.MetricFraudsProven + " 2",
		metrics.MetricFraudsFinalizedUnproven + " 1",
		metrics.MetricFraudsExpired + " 1",
	} {
		if !strings.Contains(body, want+"\n") {
			t.Errorf("metrics lack %q", want)
		}
	}
}

// TestSolveMetrics: the v2 challenger's records by state (every state at 0
// first), bonds by fate, open work against the balance.
func TestSolveMetrics(t *testing.T) {
	m := metrics.New()
	if b := scrape(t, m); !strings.Contains(b, metrics.MetricDecisionRecords+`{state="proving"} 0`) ||
		!strings.Contains(b, metrics.MetricChallengerBonds+`{fate="lost"} 0`) {
		t.Fatalf("states and fates not exported at 0:\n%s", b)
	}
	m.SetDecisionRecords(map[string]int{"settled": 4, "challenging": 1})
	m.SetBonds(big.NewInt(5e16), big.NewInt(1e17), big.NewInt(0))
	m.SetOpenWork(big.NewInt(3e15), big.NewInt(1e15), true)
	b := scrape(t, m)
	for _, want := range []string{
		metrics.MetricDecisionRecords + `{state="settled"} 4`,
		metrics.MetricDecisionRecords + `{state="challenging"} 1`,
		metrics.MetricDecisionRecords + `{state="open"} 0`,
		metrics.MetricChallengerBonds + `{fate="held"} 5e+16`,
		metrics.MetricChallengerBonds + `{fate="lost"} 1e+17`,
		metrics.MetricChallengerOpenWork + " 3e+15",
		metrics.MetricChallengerUnderfund + " 1",
		metrics.MetricChallengerBalanceNow + " 1e+15",
	} {
		if !strings.Contains(b, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	m.SetOpenWork(big.NewInt(0), nil, false)
	if b := scrape(t, m); !strings.Contains(b, metrics.MetricChallengerUnderfund+" 0") || !strings.Contains(b, metrics.MetricChallengerBalanceNow+" NaN") {
		t.Error("underfunded or an unknown balance not reset")
	}
}
