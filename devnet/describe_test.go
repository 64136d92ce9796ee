package devnet

import (
	"errors"
	"math/big"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/recompute"
)

// checkDescription checks a finished devnet's description against the
// chain (events, receipts, getRound) and the DA store.
func checkDescription(t *testing.T, ts *tester, desc Description) {
	t.Helper()
	if file, err := ReadDescription(ts.d.cfg.Describe); err != nil || len(file.Rounds) != len(desc.Rounds) || file.AVS != desc.AVS {
		t.Fatalf("the description file: %v", err)
	}
	store, err := da.OpenStore(desc.DA.Dir)
	if err != nil {
		t.Fatal(err)
	}
	checkOperators(t, ts, desc)
	for _, dr := range desc.Rounds {
		checkCommitment(t, ts, dr)
		checkObjects(t, store, dr)
		checkBatches(t, ts, dr)
	}
}

func checkOperators(t *testing.T, ts *tester, desc Description) {
	t.Helper()
	regs := ts.logs(bindings.DenominatorAllocationAVSOperatorRegisteredEventName, 0)
	if len(regs) != len(desc.Operators) {
		t.Fatalf("%d registrations on chain, %d described", len(regs), len(desc.Operators))
	}
	for i, l := range regs {
		ev, err := contracts.ABI().UnpackOperatorRegisteredEvent(&l)
		o := desc.Operators[i]
		if err != nil || ev.Operator != o.Address || ev.Index.Int64() != int64(o.Index) || l.BlockNumber != o.Registered || ev.PkG1[0].String() != o.PkG1[0] {
			t.Fatalf("operator %d: described %+v, registered %+v (%v)", i, o, ev, err)
		}
	}
}

func checkCommitment(t *testing.T, ts *tester, dr DescribedRound) {
	t.Helper()
	opened := ts.logs(bindings.DenominatorAllocationAVSRoundCommitmentsOpenedEventName, dr.Round)
	if len(opened) != 1 || opened[0].TxHash != dr.CommitTx || opened[0].BlockNumber != dr.CommitBlock {
		t.Fatalf("round %d: commitment events %+v", dr.Round, opened)
	}
	ev, _ := contracts.ABI().UnpackRoundCommitmentsOpenedEvent(&opened[0])
	v := ts.round(dr.Round)
	if ev.ProvidersRoot != dr.ProvidersRoot || ev.ProviderCount.Int64() != int64(dr.Providers) || ev.EntryCount.Uint64() != dr.Entries || v.CommitmentRoot != dr.CommitmentRoot {
		t.Fatalf("round %d: chain %+v, described %+v", dr.Round, ev, dr)
	}
}

// checkObjects: every object described as published is in the store and
// verifies; the manifest described is the commitment root's.
func checkObjects(t *testing.T, store *da.Store, dr DescribedRound) {
	t.Helper()
	for _, o := range dr.Published {
		kind, err := da.ParseKind(o.Kind)
		if err != nil {
			t.Fatal(err)
		}
		data, err := store.Get(kind, o.Key)
		if err != nil {
			t.Fatalf("round %d: published %s %s: %v", dr.Round, o.Kind, o.Key, err)
		}
		if kind == recompute.KindManifest {
			if o.Key != dr.CommitmentRoot {
				t.Fatalf("round %d: manifest key %s", dr.Round, o.Key)
			}
			if _, _, err := recompute.VerifyManifest(o.Key, data); err != nil {
				t.Fatalf("round %d: manifest: %v", dr.Round, err)
			}
		}
	}
	// A withheld object stays out of the store until a proof voids the
	// round's batch; then the coordinator publishes it.
	voided := len(dr.Batches) > 1 || (len(dr.Batches) == 1 && !dr.Finalized)
	for _, o := range dr.Withheld {
		kind, _ := da.ParseKind(o.Kind)
		_, err := store.Get(kind, o.Key)
		if present := err == nil; present != (voided && !o.TooLarge) || (!present && !errors.Is(err, da.ErrNotFound)) {
			t.Fatalf("round %d: withheld %s %s: in the store %v (%v), batch voided %v", dr.Round, o.Kind, o.Key, present, err, voided)
		}
	}
}

// checkBatches: each batch is the AllocationBatchDetails of its transaction.
func checkBatches(t *testing.T, ts *tester, dr DescribedRound) {
	t.Helper()
	details := ts.logs(bindings.DenominatorAllocationAVSAllocationBatchDetailsEventName, dr.Round)
	if len(details) != len(dr.Batches) {
		t.Fatalf("round %d: %d batches on chain, %d described", dr.Round, len(details), len(dr.Batches))
	}
	for i, b := range dr.Batches {
		ev, err := contracts.ABI().UnpackAllocationBatchDetailsEvent(&details[i])
		if err != nil || details[i].TxHash != b.Tx || details[i].BlockNumber != b.Block || ev.Attempt.Uint64() != b.Attempt ||
			!slices.Equal(hashes(ev.ProviderAllocRoots), b.ProviderRoots) || ev.SignerBitmap.Cmp(bitmap(b.Signers)) != 0 {
			t.Fatalf("round %d batch %d: chain %+v, described %+v (%v)", dr.Round, i, ev, b, err)
		}
		if got := recompute.AllocationRoot(dr.CommitmentRoot, common.Hash(ev.AllocTreeRoot)); got != b.AllocationRoot {
			t.Fatalf("round %d batch %d: allocation root %s, described %s", dr.Round, i, got, b.AllocationRoot)
		}
		if b.Honest && dr.CorrectAllocationRoot != b.AllocationRoot {
			t.Fatalf("round %d batch %d: honest but not the correct root", dr.Round, i)
		}
	}
	fin := ts.logs(bindings.DenominatorAllocationAVSRoundFinalizedEventName, dr.Round)
	if (len(fin) == 1) != dr.Finalized {
		t.Fatalf("round %d: %d finalizations on chain, described finalized %v", dr.Round, len(fin), dr.Finalized)
	}
}

func bitmap(indices []int) *big.Int {
	b := new(big.Int)
	for _, i := range indices {
		b.SetBit(b, i, 1)
	}
	return b
}
