package index

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/ethereum/go-ethereum/common"
)

func testChallenge(round uint64, variant byte, state ChallengeState) Challenge {
	c := Challenge{
		Round:          round,
		BatchTx:        hashOf("batch", round, variant),
		AllocationRoot: hashOf("alloc", round, variant),
		Kind:           KindBadAllocation,
		Index:          round * 3,
		State:          state,
		Challenger:     common.HexToAddress("0xc0ffee"),
		DeadlineBlock:  100 + round,
		Created:        time.Unix(1_700_000_000, 0).UTC(),
		Updated:        time.Unix(1_700_000_000, 0).UTC(),
	}
	if state == ChallengeSending || state == ChallengeSent || state == ChallengeConfirmed {
		h := hashOf("proof", round, variant)
		c.TxHash = &h
		c.Attempts = []ChallengeAttempt{{TxHash: h, Nonce: 7, GasFeeCap: "2000", GasTipCap: "1000", Gas: 90_000, Raw: "0x02f8"}}
	}
	return c
}

// outbox returns the bodies in the outbox, by sequence number.
func outbox(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixOutbox, PrefetchValues: true})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			out = append(out, string(v))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func states(cs []Challenge) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = string(c.State)
	}
	return out
}

func TestChallengeRecords(t *testing.T) {
	s := openMem(t, 0)
	applyRange(t, s, 1, 12, 0)

	if _, ok, err := s.Challenge(5, hashOf("batch", 5, 0)); ok || err != nil {
		t.Fatalf("Challenge on an empty store: %v %v", ok, err)
	}
	puts := []Challenge{
		testChallenge(5, 0, ChallengePlanned),
		testChallenge(5, 1, ChallengeConfirmed),
		testChallenge(3, 0, ChallengeSent),
		testChallenge(9, 0, ChallengeFailed),
		testChallenge(11, 0, ChallengeDryRun),
	}
	for i, c := range puts {
		if err := s.PutChallenge(c, []byte(`{"n":`+string(rune('0'+i))+`}`)); err != nil {
			t.Fatalf("PutChallenge %d: %v", i, err)
		}
	}
	got, ok, err := s.Challenge(3, hashOf("batch", 3, 0))
	if err != nil || !ok {
		t.Fatalf("Challenge(3) = %v, %v", ok, err)
	}
	if got.State != ChallengeSent || len(got.Attempts) != 1 || got.Attempts[0].Nonce != 7 || *got.TxHash != hashOf("proof", 3, 0) || !got.Created.Equal(puts[2].Created) {
		t.Fatalf("Challenge(3) = %+v", got)
	}
	if n := len(outbox(t, s)); n != len(puts) {
		t.Fatalf("%d alerts enqueued, want %d", n, len(puts))
	}

	byRound, err := s.ChallengesByRound(5)
	if err != nil || len(byRound) != 2 {
		t.Fatalf("ChallengesByRound(5) = %v, %v", states(byRound), err)
	}
	between, err := s.ChallengesBetween(4, 9)
	if err != nil || strings.Join(states(between), ",") != strings.Join(states([]Challenge{byRound[0], byRound[1], puts[3]}), ",") {
		t.Fatalf("ChallengesBetween(4, 9) = %v, %v", states(between), err)
	}
	if none, err := s.ChallengesBetween(20, 30); err != nil || none == nil || len(none) != 0 {
		t.Fatalf("ChallengesBetween(20, 30) = %v, %v; want empty", none, err)
	}
	if _, err := s.ChallengesBetween(5, 4); !errors.Is(err, ErrRange) {
		t.Fatalf("ChallengesBetween(5, 4): %v, want ErrRange", err)
	}
	if _, err := s.ChallengesBetween(1, 20_000); !errors.Is(err, ErrRange) {
		t.Fatalf("ChallengesBetween(1, 20000): %v, want ErrRange", err)
	}
	all, err := s.Challenges()
	if err != nil || len(all) != 5 || all[0].Round != 3 || all[4].Round != 11 {
		t.Fatalf("Challenges() = %v, %v", states(all), err)
	}
	open, err := s.OpenChallenges()
	if err != nil || strings.Join(states(open), ",") != "sent,planned" {
		t.Fatalf("OpenChallenges() = %v, %v; want sent (round 3), planned (round 5)", states(open), err)
	}

	// planned -> confirmed: no longer open.
	c := puts[0]
	c.State, c.Attempts = ChallengeConfirmed, puts[1].Attempts
	if err := s.PutChallenge(c); err != nil {
		t.Fatal(err)
	}
	if open, _ := s.OpenChallenges(); len(open) != 1 || open[0].Round != 3 {
		t.Fatalf("OpenChallenges() after confirming round 5 = %v", states(open))
	}

	// A settled record keeps its state; nothing of the refused write lands.
	before := len(outbox(t, s))
	c.State = ChallengeSent
	if err := s.PutChallenge(c, []byte(`{"refused":true}`)); !errors.Is(err, ErrChallengeFinal) {
		t.Fatalf("PutChallenge over a confirmed one: %v, want ErrChallengeFinal", err)
	}
	if got, _, _ := s.Challenge(5, c.BatchTx); got.State != ChallengeConfirmed {
		t.Fatalf("state %s after a refused write", got.State)
	}
	if n := len(outbox(t, s)); n != before {
		t.Fatalf("a refused write enqueued %d alerts", n-before)
	}
	// The same state may be written again (a flag, the confirmation depth).
	c.State, c.DeadlineAlerted = ChallengeConfirmed, true
	if err := s.PutChallenge(c); err != nil {
		t.Fatalf("rewriting a confirmed record: %v", err)
	}
	// A dry-run record may be taken over by a challenger that sends.
	dry := puts[4]
	dry.State = ChallengePlanned
	if err := s.PutChallenge(dry); err != nil {
		t.Fatalf("planning over a dry run: %v", err)
	}

	// Invalid records and alerts are refused whole.
	bad := []struct {
		name   string
		c      Challenge
		alerts [][]byte
	}{
		{"unknown state", func() Challenge { c := testChallenge(7, 0, ChallengePlanned); c.State = "maybe"; return c }(), nil},
		{"unknown kind", func() Challenge { c := testChallenge(7, 0, ChallengePlanned); c.Kind = "bad-vibes"; return c }(), nil},
		{"sent without attempts", func() Challenge { c := testChallenge(7, 0, ChallengeSent); c.Attempts = nil; return c }(), nil},
		{"alert not JSON", testChallenge(7, 0, ChallengePlanned), [][]byte{[]byte("{not json")}},
	}
	for _, tt := range bad {
		if err := s.PutChallenge(tt.c, tt.alerts...); err == nil {
			t.Errorf("%s: PutChallenge accepted it", tt.name)
		}
		if _, ok, _ := s.Challenge(7, tt.c.BatchTx); ok {
			t.Errorf("%s: the record was written", tt.name)
		}
	}
	if err := s.Check(); err != nil {
		t.Fatalf("Check: %v", err)
	}
}

// TestChallengesSurviveRollback: challenges are side records, never undone
// by Rollback, and survive a reopen.
func TestChallengesSurviveRollback(t *testing.T) {
	dir := t.TempDir()
	s := openDir(t, dir, 0)
	applyRange(t, s, 1, 12, 0)
	c := testChallenge(5, 0, ChallengeSent)
	if err := s.PutChallenge(c, []byte(`{"type":"challenge_sent"}`)); err != nil {
		t.Fatal(err)
	}
	if err := s.Rollback(4); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Challenge(5, c.BatchTx); !ok || err != nil {
		t.Fatalf("challenge gone after Rollback: %v %v", ok, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openDir(t, dir, 0)
	got, ok, err := s.Challenge(5, c.BatchTx)
	if !ok || err != nil || got.State != ChallengeSent {
		t.Fatalf("after reopen: %+v %v %v", got, ok, err)
	}
	if open, err := s.OpenChallenges(); err != nil || len(open) != 1 {
		t.Fatalf("OpenChallenges after reopen: %v %v", states(open), err)
	}
	if n := len(outbox(t, s)); n != 1 {
		t.Fatalf("%d alerts after reopen, want 1", n)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestCheckChallenges(t *testing.T) {
	tests := []struct {
		name   string
		inject func(t *testing.T, s *Store)
		want   string
	}{
		{"does not decode", func(t *testing.T, s *Store) {
			setRaw(t, s, challengeKey(5, hashOf("batch", 5, 0)), []byte("{nope"))
		}, "does not decode"},
		{"under another round", func(t *testing.T, s *Store) {
			b, _ := json.Marshal(testChallenge(5, 0, ChallengePlanned))
			setRaw(t, s, challengeKey(6, hashOf("batch", 5, 0)), b)
		}, "holds the challenge of round 5"},
		{"under another batch", func(t *testing.T, s *Store) {
			b, _ := json.Marshal(testChallenge(5, 0, ChallengePlanned))
			setRaw(t, s, challengeKey(5, hashOf("batch", 5, 9)), b)
		}, "holds the challenge of round 5"},
		{"unknown state", func(t *testing.T, s *Store) {
			c := testChallenge(5, 0, ChallengePlanned)
			c.State = "lost"
			b, _ := json.Marshal(c)
			setRaw(t, s, challengeKey(5, c.BatchTx), b)
		}, `unknown state "lost"`},
		{"open bit missing", func(t *testing.T, s *Store) {
			c := testChallenge(5, 0, ChallengeSent)
			b, _ := json.Marshal(c)
			setRaw(t, s, challengeKey(5, c.BatchTx), b) // no user-meta bit
		}, "state sent but open bit false"},
		{"malformed key", func(t *testing.T, s *Store) {
			setRaw(t, s, append([]byte(nil), "v1/challenge/short"...), []byte("{}"))
		}, "malformed key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openMem(t, 0)
			applyRange(t, s, 1, 4, 0)
			tt.inject(t, s)
			err := s.Check()
			if !errors.Is(err, ErrInconsistent) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Check() = %v; want %q", err, tt.want)
			}
		})
	}
}
