package alerts

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Render is the body a webhook of format f receives for ev, whose stored
// body is body: the body itself (generic, signed by the dispatcher), a
// Slack message, or a PagerDuty Events API v2 trigger whose routing key is
// secret and whose dedup_key is the event id. The same event always
// renders the same bytes, so every attempt sends the same body.
func Render(f Format, ev Event, body []byte, secret string) ([]byte, error) {
	switch f {
	case "", FormatGeneric:
		return body, nil
	case FormatSlack:
		return json.Marshal(slackMessage(ev))
	case FormatPagerDuty:
		return json.Marshal(pagerDutyEvent(ev, body, secret))
	}
	return nil, fmt.Errorf("%w: unknown format %q", ErrEvent, f)
}

// slackMessage is a Slack incoming-webhook message: one line of text
// (mrkdwn) naming the severity, the type, the chain and the AVS, then the
// event's message and id.
func slackMessage(ev Event) map[string]any {
	icon := map[Severity]string{SeverityCritical: ":rotating_light:", SeverityWarning: ":warning:", SeverityInfo: ":information_source:"}[ev.Severity]
	text := fmt.Sprintf("%s *[%s] %s* (chain %d, AVS `%s`)\n%s\n_event %s_",
		icon, strings.ToUpper(orDefault(string(ev.Severity), "info")), ev.Type, ev.ChainID, ev.AVS.Hex(), ev.Message, ev.ID)
	return map[string]any{"text": strings.TrimSpace(text)}
}

// pagerDutyMaxSummary is the Events API v2 limit on payload.summary.
const pagerDutyMaxSummary = 1024

// pagerDutyEvent is an Events API v2 trigger: dedup_key is the event id, so
// that PagerDuty folds every delivery of one event into one incident.
func pagerDutyEvent(ev Event, body []byte, routingKey string) map[string]any {
	summary := fmt.Sprintf("[%s] %s", ev.Type, ev.Message)
	if len(summary) > pagerDutyMaxSummary {
		summary = summary[:pagerDutyMaxSummary-3] + "..."
	}
	sev := string(ev.Severity)
	if sev == "" {
		sev = string(SeverityInfo)
	}
	var details any = json.RawMessage(body)
	if !json.Valid(body) {
		details = ev
	}
	return map[string]any{
		"routing_key":  routingKey,
		"event_action": "trigger",
		"dedup_key":    ev.ID,
		"payload": map[string]any{
			"summary":        summary,
			"source":         fmt.Sprintf("denomwatch chain %d AVS %s", ev.ChainID, ev.AVS.Hex()),
			"severity":       sev,
			"timestamp":      ev.CreatedAt.UTC().Format(time.RFC3339),
			"component":      ev.AVS.Hex(),
			"group":          fmt.Sprintf("chain-%d", ev.ChainID),
			"class":          string(ev.Type),
			"custom_details": details,
		},
	}
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}
