package alerts

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestPresetConfig: a slack webhook needs no secret; a pagerduty one needs
// a routing key and defaults its URL; an unknown format is refused.
func TestPresetConfig(t *testing.T) {
	cfg, err := ParseConfig([]byte(`webhooks:
  - name: chat
    format: slack
    url: https://hooks.slack.com/services/T000/B000/XXXX
  - name: oncall
    format: pagerduty
    secret: 0123456789abcdef0123456789abcdef
`))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Webhooks[0].Format != FormatSlack || cfg.Webhooks[1].URL != PagerDutyURL {
		t.Fatalf("%+v", cfg.Webhooks)
	}
	if _, err := cfg.resolveSecrets(func(string) (string, bool) { return "", false }, readSecretFile); err != nil {
		t.Fatalf("resolve: %v", err)
	}
	for body, want := range map[string]string{
		"webhooks:\n  - name: x\n    format: pagerduty\n":                                                        "no routing key",
		"webhooks:\n  - name: x\n    format: teams\n    url: https://x.example\n    secret: 0123456789abcdef0\n": `format "teams"`,
	} {
		if _, err := ParseConfig([]byte(body)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", body, err, want)
		}
	}
}

// TestPresetDeliveries: the dispatcher posts a Slack message (unsigned) and
// a PagerDuty Events v2 trigger whose dedup_key is the event id, the same
// bytes on every attempt.
func TestPresetDeliveries(t *testing.T) {
	r := newReceiver(t, func(path string, n int) int {
		if n == 0 {
			return http.StatusInternalServerError // one retry each
		}
		return http.StatusAccepted
	})
	s := openStore(t, "")
	ev := fraudEvents(3, 3, alice)[0]
	enqueue(t, s, ev)
	slack := Webhook{Name: "chat", URL: r.srv.URL + "/slack", Format: FormatSlack}
	pd := Webhook{Name: "oncall", URL: r.srv.URL + "/pd", Format: FormatPagerDuty, Secret: "R0UT1NGKEY0123456789abcdef012345"}
	start(t, newDispatcher(t, fastConfig(slack, pd), s, nil, nil))
	eventually(t, "both delivered", func() bool { return len(r.acked("/slack")) == 1 && len(r.acked("/pd")) == 1 })

	sl := r.requests("/slack")
	var msg struct{ Text string }
	if len(sl) != 2 || json.Unmarshal(sl[1].body, &msg) != nil || string(sl[0].body) != string(sl[1].body) {
		t.Fatalf("slack requests %+v", sl)
	}
	for _, want := range []string{"[CRITICAL] fraud_detected", "chain 1337", ev.ID, "Fraud in round 3"} {
		if !strings.Contains(msg.Text, want) {
			t.Errorf("slack text lacks %q: %s", want, msg.Text)
		}
	}
	if sl[1].sigErr == nil {
		t.Error("a slack delivery carries a signature")
	}
	p := r.requests("/pd")
	var pe struct {
		RoutingKey  string `json:"routing_key"`
		EventAction string `json:"event_action"`
		DedupKey    string `json:"dedup_key"`
		Payload     struct {
			Summary, Source, Severity, Timestamp, Component, Group, Class string
			CustomDetails                                                 Event `json:"custom_details"`
		}
	}
	if len(p) != 2 || json.Unmarshal(p[1].body, &pe) != nil || string(p[0].body) != string(p[1].body) {
		t.Fatalf("pagerduty requests %+v", p)
	}
	if pe.RoutingKey != string(pd.Secret) || pe.EventAction != "trigger" || pe.DedupKey != ev.ID || pe.Payload.Severity != "critical" ||
		pe.Payload.Class != "fraud_detected" || pe.Payload.CustomDetails.ID != ev.ID || !strings.HasPrefix(pe.Payload.Summary, "[fraud_detected] Fraud in round 3") {
		t.Fatalf("pagerduty event %+v", pe)
	}
	if _, err := time.Parse(time.RFC3339, pe.Payload.Timestamp); err != nil {
		t.Fatal(err)
	}
}
