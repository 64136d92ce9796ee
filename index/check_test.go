package index

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	// Blocks 1..12 of the test chain: round 5 (blocks 10, 11) ends with a
	// fraud verdict and a batch with its data.
	setup := func(t *testing.T) *Store {
		s := openMem(t, 0)
		applyRange(t, s, 1, 12, 0)
		if err := s.Check(); err != nil {
			t.Fatalf("Check on a clean store: %v", err)
		}
		return s
	}
	round5 := func(t *testing.T, s *Store) Round {
		r, ok, err := s.Round(5)
		if !ok || err != nil || len(r.Batches) != 1 {
			t.Fatalf("Round(5) = %+v, %v, %v", r, ok, err)
		}
		return r
	}
	putRound := func(t *testing.T, s *Store, r Round) {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		setRaw(t, s, roundKey(r.Round), b)
	}
	tests := []struct {
		name   string
		inject func(t *testing.T, s *Store)
		want   []string // in the error message
	}{
		{"round does not decode", func(t *testing.T, s *Store) {
			setRaw(t, s, roundKey(5), []byte("{not json"))
		}, []string{"round 5 does not decode"}},
		{"round under another number", func(t *testing.T, s *Store) {
			r := round5(t, s)
			b, _ := json.Marshal(r)
			setRaw(t, s, roundKey(77), b)
		}, []string{"round stored under 77 is round 5", "round 77 (fraud) has no commitment data"}},
		{"batch data missing", func(t *testing.T, s *Store) {
			deleteRaw(t, s, bdataKey(round5(t, s).Batches[0].TxHash))
		}, []string{"has DataAvailable but no stored data"}},
		{"commitment data missing", func(t *testing.T, s *Store) {
			deleteRaw(t, s, cdataKey(5))
		}, []string{"round 5 (fraud) has no commitment data"}},
		{"a v2 verdict in a v1 record", func(t *testing.T, s *Store) {
			r := round5(t, s)
			r.Verdict = VerdictAwaitingBatch
			putRound(t, s, r)
		}, []string{`round 5 has the v2 verdict "awaiting-batch" in a v1 record`}},
		{"unknown verdict", func(t *testing.T, s *Store) {
			r := round5(t, s)
			r.Verdict = "maybe"
			putRound(t, s, r)
		}, []string{`unknown verdict "maybe"`}},
		{"checkpoint hash missing", func(t *testing.T, s *Store) {
			deleteRaw(t, s, blockKey(12))
		}, []string{"the checkpoint's block 12 has no stored hash", "block 12 has undo records but no stored hash"}},
		{"checkpoint hash differs", func(t *testing.T, s *Store) {
			setRaw(t, s, blockKey(12), make([]byte, 32))
		}, []string{"the checkpoint's block 12 has hash"}},
		{"block after the checkpoint", func(t *testing.T, s *Store) {
			setRaw(t, s, blockKey(13), make([]byte, 32))
		}, []string{"block 13 is stored after the checkpoint"}},
		{"undo record of an unstored block", func(t *testing.T, s *Store) {
			setRaw(t, s, undoKey(9, 0), undoRecord{key: keyCheckpoint}.encode())
			deleteRaw(t, s, blockKey(9))
		}, []string{"block 9 has undo records but no stored hash"}},
		{"undo records after the checkpoint", func(t *testing.T, s *Store) {
			setRaw(t, s, undoKey(40, 0), undoRecord{key: keyCheckpoint}.encode())
		}, []string{"undo record v1/undo/40/0 is of a block after the checkpoint", "block 40 has undo records but no stored hash"}},
		{"undo record does not decode", func(t *testing.T, s *Store) {
			setRaw(t, s, undoKey(12, 1), []byte{7})
		}, []string{"v1/undo/12/1: undo record does not decode"}},
		{"undo without the checkpoint first", func(t *testing.T, s *Store) {
			deleteRaw(t, s, undoKey(11, 0))
		}, []string{"the undo records of block 11 do not begin with the checkpoint's"}},
		{"operator under another index", func(t *testing.T, s *Store) {
			setRaw(t, s, opKey(9), []byte(`{"index":2}`))
		}, []string{"operator stored under index 9 has index 2"}},
		{"key outside the schema", func(t *testing.T, s *Store) {
			setRaw(t, s, []byte("v1/junk"), []byte("x"))
			setRaw(t, s, []byte("v1/round/short"), []byte("{}"))
		}, []string{`key "v1/junk" is not in the schema`, `malformed key "v1/round/short"`}},
		{"schema version", func(t *testing.T, s *Store) {
			setRaw(t, s, keySchema, []byte("9"))
		}, []string{`schema version "9"`}},
		{"checkpoint does not decode", func(t *testing.T, s *Store) {
			setRaw(t, s, keyCheckpoint, []byte("[]"))
		}, []string{"checkpoint does not decode"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := setup(t)
			tc.inject(t, s)
			err := s.Check()
			if !errors.Is(err, ErrInconsistent) {
				t.Fatalf("Check = %v, want ErrInconsistent", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Check error lacks %q:\n%v", w, err)
				}
			}
		})
	}

	t.Run("data without any block", func(t *testing.T) {
		s := openMem(t, 0)
		setRaw(t, s, cdataKey(1), []byte{1})
		err := s.Check()
		if !errors.Is(err, ErrInconsistent) || !strings.Contains(err.Error(), "no block is applied") {
			t.Errorf("Check = %v", err)
		}
	})
	t.Run("many problems are capped", func(t *testing.T) {
		s := openMem(t, 0)
		for i := range uint32(150) {
			setRaw(t, s, opKey(i), []byte("x"))
		}
		err := s.Check()
		if !errors.Is(err, ErrInconsistent) || !strings.Contains(err.Error(), "and 200 more problems") {
			t.Errorf("Check = %.300v", err)
		}
	})
}

// TestCheckV2Records: a v2 record keeps its data as objects (no commitment
// data) and may carry the v2 verdicts; a v1 record's JSON is unchanged by
// the v2 fields (all omitted when unset).
func TestCheckV2Records(t *testing.T) {
	s := openMem(t, 0)
	applyRange(t, s, 1, 12, 0)
	for n, v := range map[uint64]Verdict{20: VerdictAwaitingBatch, 21: VerdictIncomplete, 22: VerdictValid, 23: VerdictPending} {
		r := Round{Round: n, Verdict: v, Protocol: ProtocolV2, Signers: []Signer{}, Batches: []Batch{}}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		setRaw(t, s, roundKey(n), b)
	}
	if err := s.Check(); err != nil {
		t.Fatalf("v2 records: %v", err)
	}
	r, _, _ := s.Round(5)
	b, _ := json.Marshal(r)
	for _, key := range []string{"protocol", "providersRoot", "availabilityChallenges", "reveals", "fraudsProven", "notes", "judgement", "judgedFacts", "attempt", "providerAllocRoots", "signersUnknown"} {
		if strings.Contains(string(b), `"`+key+`"`) {
			t.Fatalf("a v1 record has %q: %s", key, b)
		}
	}
}
