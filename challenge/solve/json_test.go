package solve

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/holiman/uint256"
)

// fullRecord sets every field of a record.
func fullRecord() Record {
	r := rec(inFlightMove(chalT(rowK, 2), 1040), cancelling, withBonds(bond(openChal(rowK, 1, true, 1010), FateLost)),
		outOfGas(bad2, 500_000, 1045), settledAs(FinalExpired, deadlineB))
	r.Move.OutOfGasRetry, r.Move.Replacements = true, 2
	r.History = []Move{{Target: bad2, Nonce: 4, GasLimit: 500_000, Attempts: []Attempt{{Tx: h("a"), FeeCap: gwei(1), TipCap: gwei(1), SentBlock: 1}},
		End: &Ending{How: EndReverted, Tx: h("a"), Block: 2, BlockHash: h("b2"), GasUsed: 500_000, Revert: "x", OutOfGas: true}}}
	r.Refusals[0].Tx = h("a")
	r.Simulation = &Simulation{Target: proofT(entryOrder(1, 3)), Block: 9}
	r.Replans, r.Reopens = 1, 2
	r.Final.Basis = Basis{Kind: BasisFraudProven, Tx: h("p"), Block: 3, BlockHash: h("b3"), By: rival, Deadline: 4, Mode: ModeSend}
	r.Final.At = 5
	return r
}

// TestRecordJSON: a record survives its JSON, every key is camelCase,
// amounts are decimal strings, and another version is refused.
func TestRecordJSON(t *testing.T) {
	r := fullRecord()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeRecord(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(normal(t, back), normal(t, r)) {
		t.Fatalf("round trip:\n%s\n%+v", b, back)
	}
	var tree any
	if err := json.Unmarshal(b, &tree); err != nil {
		t.Fatal(err)
	}
	camel(t, "", tree)
	if !strings.Contains(string(b), `"bond":"50000000000000000"`) || !strings.Contains(string(b), `"version":1`) {
		t.Fatalf("amounts or version: %s", b)
	}
	for _, bad := range []string{`{"version":2}`, `{}`, `{"version":"1"}`} {
		if _, err := DecodeRecord([]byte(bad)); err == nil || (bad != `{"version":"1"}` && !errors.Is(err, ErrVersion)) {
			t.Errorf("%s: %v", bad, err)
		}
	}
}

// normal re-encodes a record into a generic tree, so that equal amounts
// compare equal.
func normal(t *testing.T, r Record) any {
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// camel fails t on a key that does not start with a lower-case letter.
func camel(t *testing.T, path string, v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, sub := range v {
			if k == "" || !unicode.IsLower(rune(k[0])) || strings.ContainsAny(k, "_-") {
				t.Errorf("key %s.%s is not camelCase", path, k)
			}
			camel(t, path+"."+k, sub)
		}
	case []any:
		for _, sub := range v {
			camel(t, path+"[]", sub)
		}
	}
}

// TestOrder: records are served by their next move's deadline (a
// challenge's window end before a proof's later deadline), then by the
// batch's deadline, then by round; records with nothing to send last. And
// OpenWork adds up what their moves need.
func TestOrder(t *testing.T) {
	recAt := func(round uint64) Record { return NewRecord(round, tAttempt) }
	factsAt := func(round uint64, f Facts) Facts {
		f.Round = round
		if f.Verdict != nil {
			v := *f.Verdict
			v.Round = round
			f.Verdict = &v
		}
		return f
	}
	recs := []Record{recAt(1), recAt(2), recAt(3), recAt(4), recAt(5)}
	fs := []Facts{
		factsAt(1, facts(1050, valid())),                            // nothing to send
		factsAt(2, facts(1050, badAlloc(2), deadline(1150))),        // prove by 1150
		factsAt(3, facts(1050, unavailable(row(1, true)))),          // challenge by 1100
		factsAt(4, facts(1050, badAlloc(2), balance(gwei(1)))),      // underfunded proof by 1100
		factsAt(5, facts(1050, unavailable(row(1, true)), noBatch)), // no batch
	}
	got := Order(recs, fs)
	want := []int{2, 3, 1, 0, 4}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
	if got := Order(recs, fs[:2]); len(got) != 2 {
		t.Fatalf("order of unequal slices %v", got)
	}
	// The proof, the challenge with its bond, and the underfunded proof.
	if got, want := OpenWork(recs, fs), uint256.NewInt(5e15+51e15+5e15); !got.Eq(want) {
		t.Fatalf("open work %s, want %s", got, want)
	}
}

// TestConfigCheck: the defaults pass; each invalid field fails with
// ErrConfig.
func TestConfigCheck(t *testing.T) {
	if err := DefaultConfig().Check(); err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(*Config){
		"no bond":           func(c *Config) { c.Bond = nil },
		"bump after 0":      func(c *Config) { c.BumpAfter = 0 },
		"negative bumps":    func(c *Config) { c.MaxBumps = -1 },
		"no resolve window": func(c *Config) { c.ResolveWindow = 0 },
		"margin 300%":       func(c *Config) { c.GasMarginPct = 300 },
	} {
		c := DefaultConfig()
		edit(&c)
		if err := c.Check(); !errors.Is(err, ErrConfig) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// FuzzDecodeRecord: a stored record's bytes, whatever they are, decode or
// fail with an error, never a panic; what decodes encodes to JSON that
// decodes to the same record.
func FuzzDecodeRecord(f *testing.F) {
	full, err := json.Marshal(fullRecord())
	if err != nil {
		f.Fatal(err)
	}
	empty, _ := json.Marshal(NewRecord(3, 1))
	for _, seed := range [][]byte{full, empty, []byte(`{"version":1}`), []byte(`{"version":99}`), []byte(`null`), []byte(`{"version":1,"move":{"attempts":[{}]}}`)} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := DecodeRecord(b)
		if err != nil {
			return
		}
		again, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("a decoded record does not encode: %v", err)
		}
		back, err := DecodeRecord(again)
		if err != nil {
			t.Fatalf("a re-encoded record does not decode: %v", err)
		}
		if twice, _ := json.Marshal(back); string(twice) != string(again) {
			t.Fatalf("the record changed through its JSON:\n%s\n%s", again, twice)
		}
	})
}
