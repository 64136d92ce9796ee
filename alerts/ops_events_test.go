package alerts

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/index"
)

// TestFraudFinalizedUnproven: a fraudulent batch finalized raises
// fraud_finalized_unproven, critical, once; a valid or voided batch
// finalized raises nothing.
func TestFraudFinalizedUnproven(t *testing.T) {
	live := testRound(7, index.VerdictFraud, "b1")
	final := testRound(7, index.VerdictFraud, "b1")
	final.Batches[0].Status = index.BatchFinalized
	events := ForRound(testMeta, &live, final, []common.Address{alice})
	if len(events) != 1 || events[0].Type != FraudFinalizedUnproven || events[0].Severity != SeverityCritical ||
		*events[0].Round != 7 || *events[0].BatchTx != testHash("b1") || len(events[0].Recipients) != 1 || !strings.Contains(events[0].Message, "finalized unproven") {
		t.Fatalf("events %+v", events)
	}
	if again := ForRound(testMeta, &final, final, nil); len(again) != 0 {
		t.Fatalf("raised again: %+v", again)
	}
	// Seen for the first time already finalized (a backfill): both events.
	if both := ForRound(testMeta, nil, final, nil); len(both) != 2 || both[0].Type != FraudDetected || both[1].Type != FraudFinalizedUnproven {
		t.Fatalf("new round: %+v", both)
	}
	valid := testRound(8, index.VerdictValid, "b2")
	validFinal := valid
	validFinal.Batches = []index.Batch{valid.Batches[0]}
	validFinal.Batches[0].Status = index.BatchFinalized
	if es := ForRound(testMeta, &valid, validFinal, nil); len(es) != 0 {
		t.Fatalf("a valid batch finalized: %+v", es)
	}
	if err := knownTypesHave(FraudFinalizedUnproven, NodeStalled, BalanceLow, RPCEndpointLying); err != "" {
		t.Fatal(err)
	}
}

func knownTypesHave(ts ...Type) string {
	for _, typ := range ts {
		found := false
		for _, k := range Types() {
			found = found || k == typ
		}
		if !found {
			return "webhooks cannot filter on " + string(typ)
		}
	}
	return ""
}

// TestOpsEvents: node_stalled and balance_low, their severity and ids.
func TestOpsEvents(t *testing.T) {
	a := NodeStalledEvent(testMeta, 100, "no-new-head", "no new head for 2m0s")
	b := NodeStalledEvent(testMeta, 100, "no-new-head", "no new head for 3m0s")
	c := NodeStalledEvent(testMeta, 140, "no-new-head", "no new head for 2m0s")
	if a.ID != b.ID || a.ID == c.ID || a.Severity != SeverityCritical || a.Block != 100 || !idPattern.MatchString(a.ID) {
		t.Fatalf("node_stalled: %+v %+v %+v", a, b, c)
	}
	acct := common.HexToAddress("0xc4a1")
	low := BalanceLowEvent(testMeta, acct, "250", "100", 2, 3)
	empty := BalanceLowEvent(testMeta, acct, "0", "100", 0, 3)
	if low.Severity != SeverityWarning || empty.Severity != SeverityCritical || low.ID == empty.ID || low.Data["proofs"] != uint64(2) {
		t.Fatalf("balance_low: %+v %+v", low, empty)
	}
	for _, e := range []Event{a, low} {
		if _, err := e.Marshal(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestRPCEndpointLyingEvent: critical, the endpoint and kind in data, one
// id per endpoint, kind and block.
func TestRPCEndpointLyingEvent(t *testing.T) {
	a := RPCEndpointLyingEvent(testMeta, "http://a", "logs", 7, "a log left out")
	b := RPCEndpointLyingEvent(testMeta, "http://a", "logs", 7, "told again")
	c := RPCEndpointLyingEvent(testMeta, "http://a", "logs", 8, "a log left out")
	if a.Type != RPCEndpointLying || a.Severity != SeverityCritical || a.Block != 7 || a.Data["endpoint"] != "http://a" || a.Data["kind"] != "logs" ||
		!strings.Contains(a.Message, "http://a lied") || a.Check() != nil {
		t.Fatalf("event %+v", a)
	}
	if a.ID != b.ID || a.ID == c.ID {
		t.Fatalf("ids %s %s %s", a.ID, b.ID, c.ID)
	}
}
