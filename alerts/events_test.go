package alerts

import (
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/index"
)

var (
	testAVS   = common.HexToAddress("0x00000000000000000000000000000000000a0a05")
	testNow   = time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	testMeta  = Meta{ChainID: 1337, AVS: testAVS, Now: func() time.Time { return testNow }}
	alice     = common.HexToAddress("0x00000000000000000000000000000000000a11ce")
	bob       = common.HexToAddress("0x0000000000000000000000000000000000000b0b")
	idPattern = regexp.MustCompile(`^[0-9a-f]{32}$`)
)

func testHash(s string) common.Hash { return common.BytesToHash([]byte(s)) }

// testRound is round n with one batch and verdict v.
func testRound(n uint64, v index.Verdict, batchTx string) index.Round {
	idx := uint64(7)
	r := index.Round{
		Round: n, Verdict: v, CommitTx: testHash("commit"), CommitBlock: 100, DeadlineBlock: 150,
		Batches: []index.Batch{{TxHash: testHash(batchTx), Block: 110, DeadlineBlock: 160, Status: index.BatchLive}},
	}
	switch v {
	case index.VerdictFraud:
		r.Kind, r.Index, r.Claimed, r.Correct = index.KindBadAllocation, &idx, "5", "7"
	case index.VerdictUnavailable:
		r.Reason = "batch data not published"
	case index.VerdictMalformed:
		r.Rule, r.Batches = "sorted-providers", nil
	case index.VerdictPending:
		r.Reason = "awaiting a batch"
	}
	return r
}

func ptr[T any](v T) *T { return &v }

func TestForRound(t *testing.T) {
	fraud := testRound(5, index.VerdictFraud, "b1")
	tests := []struct {
		name       string
		prev       *index.Round
		cur        index.Round
		want       Type // "" for none
		severity   Severity
		msgContain string
	}{
		{"new fraud", nil, fraud, FraudDetected, SeverityCritical, "allocates 5 at index 7 where the correct amount is 7 (bad allocation). Challenge deadline: block 160."},
		{"pending becomes fraud", ptr(testRound(5, index.VerdictPending, "b1")), fraud, FraudDetected, SeverityCritical, "Fraud in round 5"},
		{"fraud stays fraud", ptr(fraud), fraud, "", "", ""},
		{"new fraudulent batch", ptr(fraud), testRound(5, index.VerdictFraud, "b2"), FraudDetected, SeverityCritical, "Fraud in round 5"},
		{"voided fraud first seen", nil, func() index.Round {
			r := fraud
			r.Batches = []index.Batch{r.Batches[0]}
			r.Batches[0].Status = index.BatchVoided
			return r
		}(), FraudDetected, SeverityInfo, "already voided"},
		{"malformed and signed", nil, func() index.Round {
			r := fraud
			r.Kind, r.Rule, r.Index, r.Claimed, r.Correct = "entry-order", "entry-order", nil, "", ""
			return r
		}(), FraudDetected, SeverityCritical, "signed over data that breaks rule entry-order (malformed commitments, signed)"},
		{"becomes unavailable", ptr(testRound(5, index.VerdictPending, "b1")), testRound(5, index.VerdictUnavailable, "b1"), RoundUnavailable, SeverityWarning, "unavailable (batch data not published)"},
		{"unavailable stays", ptr(testRound(5, index.VerdictUnavailable, "b1")), testRound(5, index.VerdictUnavailable, "b1"), "", "", ""},
		{"malformed", nil, testRound(5, index.VerdictMalformed, ""), RoundMalformed, SeverityWarning, "malformed commitments (rule sorted-providers)"},
		{"malformed stays", ptr(testRound(5, index.VerdictMalformed, "")), testRound(5, index.VerdictMalformed, ""), "", "", ""},
		{"malformed again once its signed batch is voided", func() *index.Round {
			r := testRound(5, index.VerdictFraud, "b1")
			r.Kind, r.Rule = "sorted-providers", "sorted-providers"
			return &r
		}(), testRound(5, index.VerdictMalformed, "b1"), "", "", ""},
		{"malformed with a batch first seen", nil, testRound(5, index.VerdictMalformed, "b1"), RoundMalformed, SeverityWarning, "malformed commitments (rule sorted-providers)"},
		{"valid", nil, testRound(5, index.VerdictValid, "b1"), "", "", ""},
		{"fraud becomes valid", ptr(fraud), testRound(5, index.VerdictValid, "b1"), "", "", ""},
		{"pending", nil, testRound(5, index.VerdictPending, "b1"), "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := ForRound(testMeta, tt.prev, tt.cur, []common.Address{alice, bob, alice})
			if tt.want == "" {
				if len(evs) != 0 {
					t.Fatalf("ForRound = %+v, want nothing", evs)
				}
				return
			}
			if len(evs) != 1 {
				t.Fatalf("ForRound = %d events, want one %s", len(evs), tt.want)
			}
			e := evs[0]
			if e.Type != tt.want || e.Severity != tt.severity || !strings.Contains(e.Message, tt.msgContain) {
				t.Fatalf("event %s %s %q; want %s %s containing %q", e.Type, e.Severity, e.Message, tt.want, tt.severity, tt.msgContain)
			}
			if !idPattern.MatchString(e.ID) || e.ChainID != 1337 || e.AVS != testAVS || !e.CreatedAt.Equal(testNow) ||
				e.SchemaVersion != SchemaVersion || e.Round == nil || *e.Round != 5 || e.Verdict != string(tt.cur.Verdict) {
				t.Fatalf("event %+v", e)
			}
			if len(e.Recipients) != 2 || e.Recipients[0] != alice || e.Recipients[1] != bob {
				t.Fatalf("recipients %v, want [alice bob]", e.Recipients)
			}
			if tt.cur.Verdict == index.VerdictMalformed {
				if e.BatchTx != nil || e.Block != tt.cur.CommitBlock || e.DeadlineBlock != 0 {
					t.Fatalf("a malformed round's event carries batch fields: %v %d %d", e.BatchTx, e.Block, e.DeadlineBlock)
				}
			} else if len(tt.cur.Batches) > 0 {
				b := tt.cur.Batches[len(tt.cur.Batches)-1]
				if e.BatchTx == nil || *e.BatchTx != b.TxHash || e.Block != b.Block || e.DeadlineBlock != b.DeadlineBlock {
					t.Fatalf("batch fields: %v %d %d", e.BatchTx, e.Block, e.DeadlineBlock)
				}
			}
			// Regenerated later (another clock): the same id.
			later := testMeta
			later.Now = func() time.Time { return testNow.Add(time.Hour) }
			again := ForRound(later, tt.prev, tt.cur, nil)
			if len(again) != 1 || again[0].ID != e.ID {
				t.Fatalf("regenerated id %v, want %s", again, e.ID)
			}
			b, err := e.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			back, err := ParseEvent(b)
			if err != nil || back.ID != e.ID || back.Message != e.Message || (e.Index != nil) != (back.Index != nil) || e.Index != nil && *back.Index != *e.Index {
				t.Fatalf("ParseEvent(Marshal) = %+v, %v", back, err)
			}
		})
	}
}

// ForRound's event copies what it takes from the round: changing the round
// afterwards changes nothing.
func TestForRoundDoesNotAlias(t *testing.T) {
	r := testRound(5, index.VerdictFraud, "b1")
	e := ForRound(testMeta, nil, r, []common.Address{alice})[0]
	*r.Index = 99
	r.Batches[0].TxHash = testHash("other")
	if *e.Index != 7 || *e.BatchTx != testHash("b1") {
		t.Fatalf("event changed with the round: index %d batch %s", *e.Index, e.BatchTx)
	}
}

// Ids are distinct across types, rounds, batches, chains and AVSs, and
// stable for the same inputs.
func TestEventIDs(t *testing.T) {
	other := Meta{ChainID: 1, AVS: testAVS}
	otherAVS := Meta{ChainID: 1337, AVS: alice}
	tx := testHash("proof")
	day := time.Date(2026, 3, 4, 23, 0, 0, 0, time.UTC)
	events := map[string]Event{
		"fraud r5":          ForRound(testMeta, nil, testRound(5, index.VerdictFraud, "b1"), nil)[0],
		"fraud r6":          ForRound(testMeta, nil, testRound(6, index.VerdictFraud, "b1"), nil)[0],
		"fraud r5 b2":       ForRound(testMeta, nil, testRound(5, index.VerdictFraud, "b2"), nil)[0],
		"fraud r5 chain 1":  ForRound(other, nil, testRound(5, index.VerdictFraud, "b1"), nil)[0],
		"fraud r5 avs":      ForRound(otherAVS, nil, testRound(5, index.VerdictFraud, "b1"), nil)[0],
		"unavailable r5":    ForRound(testMeta, nil, testRound(5, index.VerdictUnavailable, "b1"), nil)[0],
		"malformed r5":      ForRound(testMeta, nil, testRound(5, index.VerdictMalformed, ""), nil)[0],
		"sent":              ChallengeEvent(testMeta, ChallengeSent, 5, testHash("b1"), Challenge{State: "sent", TxHash: &tx}, 160, nil),
		"confirmed":         ChallengeEvent(testMeta, ChallengeConfirmed, 5, testHash("b1"), Challenge{State: "confirmed", TxHash: &tx, GasUsed: 1, Bounty: "10"}, 160, nil),
		"failed a":          ChallengeEvent(testMeta, ChallengeFailed, 5, testHash("b1"), Challenge{State: "failed", Error: "a"}, 160, nil),
		"failed b":          ChallengeEvent(testMeta, ChallengeFailed, 5, testHash("b1"), Challenge{State: "failed", Error: "b"}, 160, nil),
		"proven by other":   ChallengeEvent(testMeta, ProvenByOther, 5, testHash("b1"), Challenge{State: "proven-by-other", TxHash: &tx}, 160, nil),
		"deadline":          DeadlineAtRiskEvent(testMeta, 5, testHash("b1"), 160, 150, nil),
		"lagging 100":       WatcherLaggingEvent(testMeta, 200, 100, 100),
		"lagging 101":       WatcherLaggingEvent(testMeta, 201, 101, 100),
		"reaudit":           ReauditMismatchEvent(testMeta, 5, testHash("b1"), index.VerdictValid, index.VerdictFraud, "entry 7"),
		"digest":            DigestEvent(testMeta, day, map[string]uint64{"fraud": 1, "valid": 20}),
		"digest next day":   DigestEvent(testMeta, day.Add(2*time.Hour), nil),
		"new event (other)": func() Event { e := NewEvent(testMeta, "custom_type", "5"); e.Message = "m"; return e }(),
	}
	seen := map[string]string{}
	for name, e := range events {
		if !idPattern.MatchString(e.ID) {
			t.Errorf("%s: id %q", name, e.ID)
		}
		if prev, dup := seen[e.ID]; dup {
			t.Errorf("%s and %s share id %s", name, prev, e.ID)
		}
		seen[e.ID] = name
		if e.Message == "" || e.CreatedAt.IsZero() {
			t.Errorf("%s: no message or time: %+v", name, e)
		}
		if _, err := e.Marshal(); err != nil {
			t.Errorf("%s: Marshal: %v", name, err)
		}
	}
	// Stable: the same inputs, the same id (a known value: the id is a
	// stable interface).
	if a, b := WatcherLaggingEvent(testMeta, 1, 100, 1), WatcherLaggingEvent(Meta{ChainID: 1337, AVS: testAVS}, 9, 100, 9); a.ID != b.ID {
		t.Fatalf("lagging ids differ for the same processed block: %s %s", a.ID, b.ID)
	}
	if id := EventID(FraudDetected, 1, common.Address{}, "1"); id != EventID(FraudDetected, 1, common.Address{}, "1") || id == EventID(FraudDetected, 1, common.Address{}, "1", "") {
		t.Fatal("EventID is not stable, or ignores an empty part")
	}
	// Length prefixes: moving a boundary between parts changes the id.
	if EventID(FraudDetected, 1, common.Address{}, "ab", "c") == EventID(FraudDetected, 1, common.Address{}, "a", "bc") {
		t.Fatal("EventID is ambiguous across part boundaries")
	}
	if d := events["deadline"]; d.Data["blocksLeft"] != uint64(10) || d.Severity != SeverityCritical {
		t.Fatalf("deadline event %+v", d)
	}
	if d := events["digest"]; !strings.Contains(d.Message, "2026-03-04: fraud 1, valid 20") {
		t.Fatalf("digest message %q", d.Message)
	}
	if f := events["failed a"]; f.Severity != SeverityCritical || !strings.Contains(f.Message, "failed: a") || f.Challenge.Error != "a" {
		t.Fatalf("failed event %+v", f)
	}
}

func TestEventMarshal(t *testing.T) {
	good := NewEvent(testMeta, FraudDetected, "x")
	tests := []struct {
		name string
		e    Event
		ok   bool
	}{
		{"good", good, true},
		{"no id", func() Event { e := good; e.ID = ""; return e }(), false},
		{"id with a newline", func() Event { e := good; e.ID = "a\nb"; return e }(), false},
		{"id too long", func() Event { e := good; e.ID = strings.Repeat("a", 129); return e }(), false},
		{"no type", func() Event { e := good; e.Type = ""; return e }(), false},
		{"type with a space", func() Event { e := good; e.Type = "a b"; return e }(), false},
		{"data that does not encode", func() Event { e := good; e.Data = map[string]any{"c": make(chan int)}; return e }(), false},
		{"schema version filled in", func() Event { e := good; e.SchemaVersion = 0; return e }(), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.e.Marshal()
			if !tt.ok {
				if !errors.Is(err, ErrEvent) {
					t.Fatalf("Marshal = %v, want ErrEvent", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			if m["schemaVersion"] != float64(SchemaVersion) || m["id"] != good.ID || m["type"] != "fraud_detected" {
				t.Fatalf("body %s", b)
			}
			// Fields that do not apply are left out; the fixed ones are there.
			for _, k := range []string{"round", "batchTx", "recipients", "challenge", "data"} {
				if _, ok := m[k]; ok {
					t.Errorf("body has %q: %s", k, b)
				}
			}
			for _, k := range []string{"id", "type", "schemaVersion", "createdAt", "chainId", "avs", "message"} {
				if _, ok := m[k]; !ok {
					t.Errorf("body lacks %q: %s", k, b)
				}
			}
		})
	}
	for _, body := range []string{`{`, `[]`, `{"id":"x"}`, `{"type":"fraud_detected"}`, `{"id":"a b","type":"t"}`, `"str"`} {
		if _, err := ParseEvent([]byte(body)); !errors.Is(err, ErrEvent) {
			t.Errorf("ParseEvent(%s) = %v, want ErrEvent", body, err)
		}
	}
	all, err := MarshalAll([]Event{good, good})
	if err != nil || len(all) != 2 {
		t.Fatalf("MarshalAll = %d, %v", len(all), err)
	}
	if _, err := MarshalAll([]Event{good, {}}); !errors.Is(err, ErrEvent) {
		t.Fatalf("MarshalAll with a bad event = %v", err)
	}
}
