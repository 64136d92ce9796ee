package api_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/recompute"
)

// FuzzRoundsQuery: arbitrary from/to parameters, and arbitrary raw query
// strings, never cause a 500 or a panic; a 200 holds at most MaxRange rounds,
// all inside the range it reports, and every answer is JSON.
func FuzzRoundsQuery(f *testing.F) {
	for _, s := range []struct {
		from, to       string
		hasFrom, hasTo bool
		raw            string
	}{
		{"1", "5", true, true, ""},
		{"5", "1", true, true, ""},
		{"", "", false, false, ""},
		{"", "", true, true, ""},
		{"-1", "abc", true, true, ""},
		{"18446744073709551615", "", true, false, ""},
		{"", "18446744073709551615", false, true, ""},
		{"0", "18446744073709551615", true, true, ""},
		{"18446744073709551616", "1e3", true, true, ""},
		{"", "", false, false, "from=%zz&to=1;2"},
		{"", "", false, false, "from=1&from=2"},
		{"", "", false, false, "to=+3&from=0x1"},
	} {
		f.Add(s.from, s.to, s.hasFrom, s.hasTo, s.raw)
	}
	cfg := testConfig() // MaxRange 10
	s, _ := newTestServer(f, cfg, plainRounds(30), newFakeStatus(0, 0))
	h := s.Handler()
	f.Fuzz(func(t *testing.T, from, to string, hasFrom, hasTo bool, raw string) {
		q := url.Values{}
		if hasFrom {
			q.Set("from", from)
		}
		if hasTo {
			q.Set("to", to)
		}
		for _, rawQuery := range []string{q.Encode(), raw} {
			req := httptest.NewRequest("GET", "/v1/rounds", nil)
			req.URL.RawQuery = rawQuery
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			switch rec.Code {
			case http.StatusOK:
				var got struct {
					From, To uint64
					Rounds   []struct{ Round uint64 }
				}
				if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
					t.Fatalf("query %q: 200 with a body that is not JSON: %v", rawQuery, err)
				}
				if got.From > got.To || got.To-got.From >= cfg.MaxRange || uint64(len(got.Rounds)) > cfg.MaxRange {
					t.Fatalf("query %q: range %d..%d with %d rounds", rawQuery, got.From, got.To, len(got.Rounds))
				}
				for _, r := range got.Rounds {
					if r.Round < got.From || r.Round > got.To {
						t.Fatalf("query %q: round %d outside %d..%d", rawQuery, r.Round, got.From, got.To)
					}
				}
			case http.StatusBadRequest:
				var e struct{ Error string }
				if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == "" {
					t.Fatalf("query %q: 400 without an error sentence: %q", rawQuery, rec.Body.Bytes())
				}
			default:
				t.Fatalf("query %q: status %d: %s", rawQuery, rec.Code, rec.Body.Bytes())
			}
		}
	})
}

// FuzzPathParams: arbitrary round and address path segments and round
// query values (and the same as an object's kind and key) never cause a 500
// or a panic.
func FuzzPathParams(f *testing.F) {
	f.Add("7", "0xabcdef0000000000000000000000000000000003", "7")
	f.Add("-1", "0xABCDEF0000000000000000000000000000000003", "")
	f.Add("99", "0xAbcdef0000000000000000000000000000000003", "99")
	f.Add("%zz", "abcdef0000000000000000000000000000000003", "x")
	f.Add("1/2", "0x", "18446744073709551616")
	f.Add("3", "0x00000000000000000000000000000000000000000000000000000000000000ff", "row")
	store, _ := allocationStore(f)
	s, _ := newTestServer(f, testConfig(), store, newFakeStatus(0, 0))
	h := s.Handler()
	f.Fuzz(func(t *testing.T, round, address, queryRound string) {
		targets := []string{
			"/v1/rounds/" + url.PathEscape(round),
			"/v1/recipients/" + url.PathEscape(address) + "/allocations?" + url.Values{"round": {queryRound}}.Encode(),
			"/v1/objects/" + url.PathEscape(queryRound) + "/" + url.PathEscape(address),
		}
		for _, target := range targets {
			req := httptest.NewRequest("GET", "/", nil)
			u, err := url.Parse(target)
			if err != nil {
				continue
			}
			req.URL = u
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code >= 500 {
				t.Fatalf("%s: status %d: %s", target, rec.Code, rec.Body.Bytes())
			}
			if !json.Valid(rec.Body.Bytes()) {
				t.Fatalf("%s: body is not JSON: %q", target, rec.Body.Bytes())
			}
		}
	})
}

// FuzzRecipientAllocations: whatever bytes a getter returns under a key
// (a lying source), RecipientAllocations never panics, and an allocation
// it calls verified does verify against the batch's root.
func FuzzRecipientAllocations(f *testing.F) {
	tr := newTestRound(f, 7, nil)
	keys := make([]objectKey, 0, len(tr.objects))
	for k := range tr.objects {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b objectKey) int { return bytes.Compare(a.key[:], b.key[:]) })
	for i, k := range keys {
		f.Add(uint8(i), tr.objects[k])
	}
	f.Add(uint8(0), []byte{})
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		lie := keys[int(which)%len(keys)]
		get := func(kind recompute.ObjectKind, key common.Hash) ([]byte, bool) {
			if kind == lie.kind && key == lie.key {
				return data, true
			}
			b, ok := tr.objects[objectKey{kind, key}]
			return b, ok
		}
		got, err := api.RecipientAllocations(tr.record, get, recipients[2])
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range got.Allocations {
			if !a.Verifies {
				continue
			}
			ap := &recompute.AllocProof{P: a.ProviderIndex, J: a.Entry, Provider: a.Provider, Recipient: a.Recipient, Amount: *a.Amount, EntryProof: a.EntryProof, ProviderProof: a.ProviderProof}
			if !recompute.VerifyAllocation(tr.tree.Root(), len(providers), ap) || a.Wrong() {
				t.Fatalf("a lying %s object made allocation (%d, %d) verify wrongly", lie.kind, a.ProviderIndex, a.Entry)
			}
		}
	})
}
