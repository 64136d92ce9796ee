package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/index"
)

var _ api.ChallengeReader = (*index.Store)(nil)

// challengeStore is a fakeStore with challenges.
type challengeStore struct {
	*fakeStore
	challenges []index.Challenge
	fail       bool
}

func (s *challengeStore) ChallengesBetween(from, to uint64) ([]index.Challenge, error) {
	if s.fail {
		return nil, errDisk
	}
	var out []index.Challenge
	for _, c := range s.challenges {
		if c.Round >= from && c.Round <= to {
			out = append(out, c)
		}
	}
	return out, nil
}

func TestRoundChallenge(t *testing.T) {
	voided, live := common.HexToHash("0xb0"), common.HexToHash("0xb1")
	proof := common.HexToHash("0xf00d")
	other, otherProof := common.HexToAddress("0x07"), common.HexToHash("0xf11d")
	store := &challengeStore{fakeStore: plainRounds(3)}
	r2 := store.rounds[2]
	r2.Batches = []index.Batch{{TxHash: voided, Status: index.BatchVoided}, {TxHash: live, Status: index.BatchLive}}
	store.rounds[2] = r2
	at := time.Unix(1_700_000_000, 0).UTC()
	store.challenges = []index.Challenge{
		{Round: 2, BatchTx: voided, Kind: index.KindBadAllocation, Index: 4, State: index.ChallengeConfirmed, TxHash: &proof,
			Attempts: []index.ChallengeAttempt{{TxHash: proof}, {TxHash: proof}}, GasUsed: 150_000, Bounty: "4800000000000000000", Block: 30, DeadlineBlock: 40, Updated: at},
		{Round: 3, BatchTx: common.HexToHash("0xb3"), Kind: index.KindBadPublication, State: index.ChallengeProvenByOther, ProvenBy: &other, ProvenTx: &otherProof,
			Error: "proven by someone else", DeadlineBlock: 50, Updated: at},
	}
	s, _ := newTestServer(t, testConfig(), store, newFakeStatus(0, 0))

	r := do(t, s.Handler(), "GET", "/v1/rounds/2")
	if r.code != 200 {
		t.Fatalf("status %d: %s", r.code, r.body)
	}
	var obj map[string]any
	r.decode(t, &obj)
	ch, ok := obj["challenge"].(map[string]any)
	if !ok {
		t.Fatalf("no challenge object: %s", r.body)
	}
	want := map[string]any{
		"state": "confirmed", "kind": "bad-allocation", "index": 4.0, "txHash": proof.Hex(), "attempts": 2.0,
		"gasUsed": 150000.0, "bounty": "4800000000000000000", "block": 30.0, "batchTx": voided.Hex(), "deadlineBlock": 40.0,
	}
	for k, v := range want {
		if ch[k] != v {
			t.Errorf("challenge.%s = %v, want %v", k, ch[k], v)
		}
	}
	if _, ok := ch["provenTx"]; ok {
		t.Errorf("a challenge proven by this watcher names another's proof: %v", ch)
	}
	if _, ok := ch["error"]; ok {
		t.Errorf("a confirmed challenge with an error: %v", ch)
	}
	if obj["round"] != 2.0 || obj["verdict"] != "valid" {
		t.Errorf("the round's own fields moved: %v", obj)
	}

	var list api.RoundsResponse
	do(t, s.Handler(), "GET", "/v1/rounds?from=1&to=3").decode(t, &list)
	if len(list.Rounds) != 3 || list.Rounds[0].Challenge != nil || list.Rounds[1].Challenge == nil || list.Rounds[2].Challenge == nil {
		t.Fatalf("rounds %+v", list.Rounds)
	}
	if c := list.Rounds[2].Challenge; c.State != index.ChallengeProvenByOther || c.ProvenBy == nil || *c.ProvenBy != other || c.ProvenTx == nil || *c.ProvenTx != otherProof || c.Error == "" || c.Attempts != 0 {
		t.Errorf("round 3 challenge %+v", c)
	}
	if list.Rounds[1].Round != 2 || list.Rounds[1].RoundRecord.Verdict != index.VerdictValid {
		t.Errorf("round 2 record %+v", list.Rounds[1].RoundRecord)
	}
	var raw struct{ Rounds []map[string]any }
	do(t, s.Handler(), "GET", "/v1/rounds?from=1&to=1").decode(t, &raw)
	if _, ok := raw.Rounds[0]["challenge"]; ok {
		t.Errorf("round 1 has no challenge, yet the key is served: %v", raw.Rounds[0])
	}

	store.fail = true
	for _, path := range []string{"/v1/rounds/2", "/v1/rounds?from=1&to=3"} {
		if r := do(t, s.Handler(), "GET", path); r.code != 503 || strings.Contains(string(r.body), errDisk.Error()) {
			t.Errorf("%s with failing challenges: %d %s", path, r.code, r.body)
		}
	}
}
