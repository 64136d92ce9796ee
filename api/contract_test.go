package api_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/devnettest"
	"github.com/denomwatch/denomwatch/recompute"
)

// runDevnet runs a v2 devnet (devnet.TestingConfig) of the given rounds and
// faults to its end.
func runDevnet(t *testing.T, rounds int, faults string) *devnet.Devnet {
	t.Helper()
	cfg := devnettest.Config(t)
	cfg.Rounds, cfg.Faults = rounds, devnettest.Faults(t, faults)
	return devnettest.RunToEnd(t, cfg, 3*time.Minute)
}

// devnetRound is round n of a devnet as a watcher holds it: the record
// (from the description, as the events give it) and every object the DA
// source serves, read and verified through the da client.
func devnetRound(t *testing.T, d *devnet.Devnet, n uint64) (index.Round, func(recompute.ObjectKind, common.Hash) ([]byte, bool)) {
	t.Helper()
	dr := d.Description().Rounds[n-1]
	rec := index.Round{Round: n, Protocol: index.ProtocolV2, CommitmentRoot: dr.CommitmentRoot, ProvidersRoot: dr.ProvidersRoot,
		ProviderCount: dr.Providers, EntryCount: int(dr.Entries)}
	for i, b := range dr.Batches {
		status := index.BatchVoided
		if i == len(dr.Batches)-1 {
			status = index.BatchLive
		}
		attempt := b.Attempt
		rec.Batches = append(rec.Batches, index.Batch{TxHash: b.Tx, Block: b.Block, AllocationRoot: b.AllocationRoot,
			AllocTreeRoot: recompute.NewTree(b.ProviderRoots).Root(), Status: status, Attempt: &attempt, ProviderAllocRoots: b.ProviderRoots})
	}
	objects := map[objectKey][]byte{}
	c, err := da.NewClient(da.Options{Sources: []string{d.DASource()}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	m, data, _, err := c.Manifest(ctx, dr.CommitmentRoot)
	if err != nil {
		t.Fatal(err)
	}
	objects[objectKey{recompute.KindManifest, dr.CommitmentRoot}] = data
	for p, r := range c.Rows(ctx, m) {
		objects[objectKey{recompute.KindRow, m.Headers[p].EntriesRoot}] = r.Data
		for _, b := range rec.Batches {
			if _, data, _, err := c.Allocations(ctx, b.ProviderAllocRoots[p], m.Headers[p].Provider, r.Row); err == nil {
				objects[objectKey{recompute.KindAllocations, b.ProviderAllocRoots[p]}] = data
			}
		}
	}
	return rec, func(kind recompute.ObjectKind, key common.Hash) ([]byte, bool) {
		b, ok := objects[objectKey{kind, key}]
		return b, ok
	}
}

// verifyOnChain calls the AVS's verifyAllocation with args.
func verifyOnChain(t *testing.T, d *devnet.Devnet, args *api.VerifyAllocationArgs) bool {
	t.Helper()
	num := func(s string) *big.Int {
		v, ok := new(big.Int).SetString(s, 10)
		if !ok {
			t.Fatalf("%q is not a decimal string", s)
		}
		return v
	}
	words := func(hs []common.Hash) [][32]byte {
		out := make([][32]byte, len(hs))
		for i := range hs {
			out[i] = hs[i]
		}
		return out
	}
	avs := d.AVS()
	data := contracts.ABI().PackVerifyAllocation(num(args.Round), num(args.P), num(args.J), args.Provider, args.Recipient, num(args.Amount),
		words(args.EntryProof), words(args.ProviderProof))
	out, err := d.Client().CallContract(t.Context(), ethereum.CallMsg{To: &avs, Data: data}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ok, err := contracts.ABI().UnpackVerifyAllocation(out)
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

// TestVerifyAllocationOnChain: on a devnet's chain, the verifyAllocation
// arguments the API gives for every entry of an honest round make the
// contract return true, and false with the amount changed; in a round whose
// colluding batch claims one wrong amount (amount@1.2), that allocation is
// wrong, yet its claim verifies on chain: the operators signed it.
func TestVerifyAllocationOnChain(t *testing.T) {
	d := runDevnet(t, 2, "2:amount@1.2")
	for n := uint64(1); n <= 2; n++ {
		rec, get := devnetRound(t, d, n)
		seen, wrong := map[common.Address]bool{}, 0
		recipientsOf(t, rec, get, func(r common.Address) {
			if seen[r] {
				return
			}
			seen[r] = true
			got, err := api.RecipientAllocations(rec, get, r)
			if err != nil || got.Data != api.DataComplete {
				t.Fatalf("round %d, %s: %+v, %v", n, r, got, err)
			}
			for _, a := range got.Allocations {
				if a.VerifyAllocation == nil || !a.Verifies || !verifyOnChain(t, d, a.VerifyAllocation) {
					t.Fatalf("round %d, provider %d entry %d: refused on chain (%+v)", n, a.ProviderIndex, a.Entry, a.VerifyAllocation)
				}
				if a.Wrong() {
					wrong++
					if n != 2 || a.ProviderIndex != 1 || a.Entry != 2 {
						t.Errorf("round %d, provider %d entry %d called wrong", n, a.ProviderIndex, a.Entry)
					}
				}
				bad := *a.VerifyAllocation
				bad.Amount = new(big.Int).Add(a.Amount.ToBig(), big.NewInt(1)).String()
				if verifyOnChain(t, d, &bad) {
					t.Fatalf("round %d: the amount plus one verifies", n)
				}
			}
		})
		if want := map[uint64]int{1: 0, 2: 1}[n]; wrong != want {
			t.Errorf("round %d: %d wrong allocations, want %d", n, wrong, want)
		}
	}
}

// recipientsOf calls f with the recipient of every entry of the round.
func recipientsOf(t *testing.T, rec index.Round, get func(recompute.ObjectKind, common.Hash) ([]byte, bool), f func(common.Address)) {
	t.Helper()
	data, _ := get(recompute.KindManifest, rec.CommitmentRoot)
	m, _, err := recompute.VerifyManifest(rec.CommitmentRoot, data)
	if err != nil {
		t.Fatal(err)
	}
	for p := range m.Headers {
		rowData, _ := get(recompute.KindRow, m.Headers[p].EntriesRoot)
		row, err := recompute.VerifyRow(&m.Headers[p], rowData)
		if err != nil {
			t.Fatal(err)
		}
		for j := range row.Len() {
			f(row.Entry(j).Recipient)
		}
	}
}
