package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/index"
)

// allocationStore holds rounds 7 (correct batch), 8 (one amount wrong), 9
// (no batch), 10 (no stored commitment data), 11 (garbage commitment data)
// and 12 (batch data not stored).
func allocationStore(t testing.TB) (*fakeStore, map[uint64]*testRound) {
	t.Helper()
	store := newFakeStore()
	trs := map[uint64]*testRound{}
	add := func(tr *testRound) { trs[tr.n] = tr; store.put(tr) }

	add(newTestRound(t, 7, nil))
	k := entryIndex(t, trs[7], 1, recipients[2])
	add(newTestRound(t, 8, setAmount(k, 1)))

	nine := newTestRound(t, 9, nil)
	nine.record.Batches, nine.record.AllocationRoot = nil, nil
	nine.record.Verdict, nine.record.Reason = index.VerdictPending, "no batch yet"
	add(nine)

	ten := newTestRound(t, 10, nil)
	add(ten)
	delete(store.commitments, 10)

	eleven := newTestRound(t, 11, nil)
	eleven.record.Verdict, eleven.record.Rule = index.VerdictMalformed, "abi"
	add(eleven)
	store.commitments[11] = []byte("not abi")

	twelve := newTestRound(t, 12, nil)
	twelve.record.Verdict, twelve.record.Reason = index.VerdictUnavailable, "batch data not found"
	add(twelve)
	delete(store.batches, twelve.record.Batches[0].TxHash)
	return store, trs
}

func TestAllocationsEndpoint(t *testing.T) {
	store, trs := allocationStore(t)
	shared := recipients[2]
	lower := strings.ToLower(shared.Hex())
	tests := []struct {
		name    string
		path    string
		code    int
		n       int  // allocations
		amounts bool // published amounts present
		match   bool // every published amount equals the correct one
	}{
		{"correct batch", "/v1/recipients/" + lower + "/allocations?round=7", 200, 3, true, true},
		{"checksummed address", "/v1/recipients/" + shared.Hex() + "/allocations?round=7", 200, 3, true, true},
		{"upper-case address", "/v1/recipients/0x" + strings.ToUpper(lower[2:]) + "/allocations?round=7", 200, 3, true, true},
		{"wrong batch", "/v1/recipients/" + lower + "/allocations?round=8", 200, 3, true, false},
		{"no batch", "/v1/recipients/" + lower + "/allocations?round=9", 200, 3, false, false},
		{"batch data not stored", "/v1/recipients/" + lower + "/allocations?round=12", 200, 3, false, false},
		{"no entries", "/v1/recipients/" + stranger.Hex() + "/allocations?round=7", 200, 0, false, false},
		{"no round", "/v1/recipients/" + lower + "/allocations", 400, 0, false, false},
		{"empty round", "/v1/recipients/" + lower + "/allocations?round=", 400, 0, false, false},
		{"round twice", "/v1/recipients/" + lower + "/allocations?round=7&round=8", 400, 0, false, false},
		{"non-numeric round", "/v1/recipients/" + lower + "/allocations?round=seven", 400, 0, false, false},
		{"negative round", "/v1/recipients/" + lower + "/allocations?round=-7", 400, 0, false, false},
		{"short address", "/v1/recipients/0x1234/allocations?round=7", 400, 0, false, false},
		{"no 0x", "/v1/recipients/" + lower[2:] + "/allocations?round=7", 400, 0, false, false},
		{"not hex", "/v1/recipients/0x" + strings.Repeat("g", 40) + "/allocations?round=7", 400, 0, false, false},
		{"bad checksum", "/v1/recipients/" + badChecksum(shared) + "/allocations?round=7", 400, 0, false, false},
		{"unknown round", "/v1/recipients/" + lower + "/allocations?round=99", 404, 0, false, false},
		{"commitment data not stored", "/v1/recipients/" + lower + "/allocations?round=10", 409, 0, false, false},
		{"malformed commitment data", "/v1/recipients/" + lower + "/allocations?round=11", 409, 0, false, false},
	}
	s, _ := newTestServer(t, testConfig(), store, newFakeStatus(0, 0))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, s.Handler(), "GET", tt.path)
			if r.code != tt.code {
				t.Fatalf("status %d, want %d: %s", r.code, tt.code, r.body)
			}
			if tt.code != 200 {
				r.errorText(t)
				return
			}
			var got api.AllocationsResponse
			r.decode(t, &got)
			n := got.Round
			if got.Verdict != trs[n].record.Verdict || got.Allocations == nil || len(got.Allocations) != tt.n {
				t.Fatalf("round %d verdict %s, %d allocations; want %s, %d", n, got.Verdict, len(got.Allocations), trs[n].record.Verdict, tt.n)
			}
			mismatches := 0
			for _, a := range got.Allocations {
				if (a.Amount != nil) != tt.amounts || (a.Proof != nil) != tt.amounts || a.Verifies != tt.amounts {
					t.Errorf("index %d: amount %v, proof %v, verifies %t; want published %t", a.Index, a.Amount, a.Proof, a.Verifies, tt.amounts)
				}
				want := trs[n].res.Amount(a.Index)
				if !a.CorrectAmount.Eq(&want) {
					t.Errorf("index %d: correct amount %s, want %s", a.Index, a.CorrectAmount.Dec(), want.Dec())
				}
				if a.Amount != nil && !a.Amount.Eq(a.CorrectAmount) {
					mismatches++
				}
			}
			if tt.amounts && (mismatches == 0) != tt.match {
				t.Errorf("%d published amounts differ from the correct ones; want a difference: %t", mismatches, !tt.match)
			}

			// The raw JSON: stable keys, nulls where nothing is published.
			var raw struct {
				Round       uint64           `json:"round"`
				Recipient   string           `json:"recipient"`
				Verdict     string           `json:"verdict"`
				Allocations []map[string]any `json:"allocations"`
			}
			if err := json.Unmarshal(r.body, &raw); err != nil {
				t.Fatal(err)
			}
			if !strings.EqualFold(raw.Recipient, lower) && tt.n > 0 {
				t.Errorf("recipient %s", raw.Recipient)
			}
			for _, a := range raw.Allocations {
				for _, k := range []string{"provider", "providerIndex", "index", "amount", "correctAmount", "proof", "allocTreeRoot", "allocationRoot", "verifies"} {
					if _, ok := a[k]; !ok {
						t.Errorf("allocation lacks key %q: %v", k, a)
					}
				}
				if _, ok := a["correctAmount"].(string); !ok {
					t.Errorf("correctAmount %v is not a decimal string", a["correctAmount"])
				}
				if !tt.amounts && (a["amount"] != nil || a["proof"] != nil) {
					t.Errorf("amount %v, proof %v; want null", a["amount"], a["proof"])
				}
			}
		})
	}
}

func TestAllocationsEndpointStoreFailures(t *testing.T) {
	path := "/v1/recipients/" + recipients[2].Hex() + "/allocations?round=7"
	for _, method := range []string{"Round", "CommitmentData", "BatchData"} {
		t.Run(method, func(t *testing.T) {
			store, _ := allocationStore(t)
			store.fail[method] = true
			s, _ := newTestServer(t, testConfig(), store, newFakeStatus(0, 0))
			r := do(t, s.Handler(), "GET", path)
			if r.code != 503 {
				t.Fatalf("status %d, want 503: %s", r.code, r.body)
			}
			r.errorText(t)
		})
	}
}

// badChecksum returns a's EIP-55 form with the case of one letter flipped.
func badChecksum(a common.Address) string {
	h := []byte(a.Hex())
	for i := 2; i < len(h); i++ {
		switch {
		case h[i] >= 'a' && h[i] <= 'f':
			h[i] -= 'a' - 'A'
			return string(h)
		case h[i] >= 'A' && h[i] <= 'F':
			h[i] += 'a' - 'A'
			return string(h)
		}
	}
	panic("address without letters")
}

// TestAllocationsConcurrent runs more recipient queries at once than the
// server recomputes at once, over a real listener.
func TestAllocationsConcurrent(t *testing.T) {
	store, _ := allocationStore(t)
	cfg := testConfig()
	cfg.Addr = "127.0.0.1:0"
	s, _ := newTestServer(t, cfg, store, newFakeStatus(0, 0))
	if err := s.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	defer s.Stop(context.Background())
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			round := 7 + i%2
			resp, err := http.Get(fmt.Sprintf("http://%s/v1/recipients/%s/allocations?round=%d", s.Addr(), recipients[i%len(recipients)].Hex(), round))
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			var got api.AllocationsResponse
			if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || resp.StatusCode != 200 || len(got.Allocations) == 0 {
				errs <- fmt.Errorf("request %d: status %d, %d allocations, %v", i, resp.StatusCode, len(got.Allocations), err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
