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
	"github.com/denomwatch/denomwatch/recompute"
)

// allocationStore holds rounds 7 (honest batch), 8 (one amount wrong), 9
// (no batch), 10 (a row not held), 11 (malformed, signed), 12 (no
// allocations objects) and 13 (a v1 record).
func allocationStore(t testing.TB) (*fakeStore, map[uint64]*testRound) {
	t.Helper()
	store := newFakeStore()
	trs := map[uint64]*testRound{}
	add := func(tr *testRound) { trs[tr.n] = tr; store.put(tr) }

	add(newTestRound(t, 7, nil))
	add(newTestRound(t, 8, setAmount(1, entryOf(t, trs[7], 1, recipients[2]), 1)))
	nine := newTestRound(t, 9, nil)
	nine.record.Batches, nine.record.AllocationRoot = nil, nil
	nine.record.Verdict = index.VerdictAwaitingBatch
	add(nine)
	ten := newTestRound(t, 10, nil)
	ten.record.Verdict = index.VerdictUnavailable
	add(ten)
	store.drop(recompute.KindRow, ten.rd.Manifest.Headers[0].EntriesRoot)
	add(malformedRound(t, 11))
	twelve := newTestRound(t, 12, nil)
	add(twelve)
	for _, k := range allocKeys(twelve) {
		store.drop(k.kind, k.key)
	}
	store.rounds[13] = index.Round{Round: 13, Verdict: index.VerdictValid}
	return store, trs
}

func TestAllocationsEndpoint(t *testing.T) {
	store, _ := allocationStore(t)
	shared := recipients[2]
	lower := strings.ToLower(shared.Hex())
	path := func(n string) string { return "/v1/recipients/" + lower + "/allocations?round=" + n }
	tests := []struct {
		name    string
		path    string
		code    int
		data    api.DataState
		n       int // allocations
		amounts int // claimed amounts
		wrong   bool
	}{
		{"honest batch", path("7"), 200, api.DataComplete, 3, 3, false},
		{"checksummed address", "/v1/recipients/" + shared.Hex() + "/allocations?round=7", 200, api.DataComplete, 3, 3, false},
		{"upper-case address", "/v1/recipients/0x" + strings.ToUpper(lower[2:]) + "/allocations?round=7", 200, api.DataComplete, 3, 3, false},
		{"wrong batch", path("8"), 200, api.DataComplete, 3, 3, true},
		{"no batch", path("9"), 200, api.DataComplete, 3, 0, false},
		{"a row not held", path("10"), 200, api.DataUnavailable, 2, 2, false},
		{"malformed, signed", path("11"), 200, api.DataMalformed, 3, 3, true},
		{"no allocations objects", path("12"), 200, api.DataComplete, 3, 3, false},
		{"no entries", "/v1/recipients/" + stranger.Hex() + "/allocations?round=7", 200, api.DataComplete, 0, 0, false},
		{"no round", "/v1/recipients/" + lower + "/allocations", 400, "", 0, 0, false},
		{"empty round", path(""), 400, "", 0, 0, false},
		{"round twice", path("7&round=8"), 400, "", 0, 0, false},
		{"non-numeric round", path("seven"), 400, "", 0, 0, false},
		{"negative round", path("-7"), 400, "", 0, 0, false},
		{"short address", "/v1/recipients/0x1234/allocations?round=7", 400, "", 0, 0, false},
		{"no 0x", "/v1/recipients/" + lower[2:] + "/allocations?round=7", 400, "", 0, 0, false},
		{"not hex", "/v1/recipients/0x" + strings.Repeat("g", 40) + "/allocations?round=7", 400, "", 0, 0, false},
		{"bad checksum", "/v1/recipients/" + badChecksum(shared) + "/allocations?round=7", 400, "", 0, 0, false},
		{"unknown round", path("99"), 404, "", 0, 0, false},
		{"protocol v1 round", path("13"), 409, "", 0, 0, false},
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
			if got.Data != tt.data || got.Allocations == nil || len(got.Allocations) != tt.n || got.Wrong() != tt.wrong || got.Verdict != store.rounds[got.Round].Verdict {
				t.Fatalf("data %s, %d allocations, wrong %t, verdict %s; want %+v", got.Data, len(got.Allocations), got.Wrong(), got.Verdict, tt)
			}
			amounts := 0
			for _, a := range got.Allocations {
				if a.Amount != nil {
					amounts++
				}
			}
			if amounts != tt.amounts {
				t.Errorf("%d claimed amounts, want %d", amounts, tt.amounts)
			}
			var raw map[string]any
			r.decode(t, &raw)
			for _, k := range []string{"round", "recipient", "verdict", "data", "batch", "allocations"} {
				if _, ok := raw[k]; !ok {
					t.Errorf("no key %q in %s", k, r.body)
				}
			}
		})
	}
}

func TestAllocationsEndpointStoreFailures(t *testing.T) {
	path := "/v1/recipients/" + recipients[2].Hex() + "/allocations?round=7"
	for _, method := range []string{"Round", "Object"} {
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
