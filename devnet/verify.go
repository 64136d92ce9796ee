package devnet

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/recompute"
)

// ErrMismatch is wrapped by every disagreement Verify finds.
var ErrMismatch = errors.New("the description disagrees with the chain or the store")

// Chain is what Verify reads of the chain.
type Chain interface {
	ethereum.LogFilterer
	ethereum.ContractCaller
}

// Verify checks every fact of a description against the chain (events and
// getRound) and the DA store at desc.DA.Dir: the operators' registrations,
// each round's commitment, its published objects (present and verifying)
// and withheld ones (absent until a proof voided the batch), each batch's
// details, and finalization.
func (desc *Description) Verify(ctx context.Context, c Chain) error {
	store, err := da.OpenStore(desc.DA.Dir)
	if err != nil {
		return err
	}
	v := verifier{ctx: ctx, c: c, desc: desc}
	if err := v.operators(); err != nil {
		return err
	}
	for i := range desc.Rounds {
		dr := &desc.Rounds[i]
		for _, check := range []func(*DescribedRound) error{v.commitment, func(dr *DescribedRound) error { return objects(store, dr) }, v.batches} {
			if err := check(dr); err != nil {
				return fmt.Errorf("%w: round %d: %w", ErrMismatch, dr.Round, err)
			}
		}
	}
	return nil
}

type verifier struct {
	ctx  context.Context
	c    Chain
	desc *Description
}

// logs returns the AVS's events of one kind for round n (0: every round).
func (v verifier) logs(event string, n uint64) ([]types.Log, error) {
	q := ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(v.desc.StartBlock), Addresses: []common.Address{v.desc.AVS},
		Topics: [][]common.Hash{{contracts.EventID(event)}}}
	if n > 0 {
		q.Topics = append(q.Topics, []common.Hash{common.BigToHash(new(big.Int).SetUint64(n))})
	}
	return v.c.FilterLogs(v.ctx, q)
}

func (v verifier) operators() error {
	regs, err := v.logs(bindings.DenominatorAllocationAVSOperatorRegisteredEventName, 0)
	if err != nil {
		return err
	}
	if len(regs) != len(v.desc.Operators) {
		return fmt.Errorf("%w: %d registrations on chain, %d described", ErrMismatch, len(regs), len(v.desc.Operators))
	}
	for i, l := range regs {
		ev, err := contracts.ABI().UnpackOperatorRegisteredEvent(&l)
		o := v.desc.Operators[i]
		if err != nil || ev.Operator != o.Address || ev.Index.Int64() != int64(o.Index) || l.BlockNumber != o.Registered || ev.PkG1[0].String() != o.PkG1[0] {
			return fmt.Errorf("%w: operator %d: described %+v, registered %+v (%v)", ErrMismatch, i, o, ev, err)
		}
	}
	return nil
}

func (v verifier) commitment(dr *DescribedRound) error {
	opened, err := v.logs(bindings.DenominatorAllocationAVSRoundCommitmentsOpenedEventName, dr.Round)
	if err != nil {
		return err
	}
	if len(opened) != 1 || opened[0].TxHash != dr.CommitTx || opened[0].BlockNumber != dr.CommitBlock {
		return fmt.Errorf("%d commitment events, not one in %s", len(opened), dr.CommitTx)
	}
	ev, err := contracts.ABI().UnpackRoundCommitmentsOpenedEvent(&opened[0])
	if err != nil {
		return err
	}
	out, err := v.c.CallContract(v.ctx, ethereum.CallMsg{To: &v.desc.AVS, Data: contracts.ABI().PackGetRound(new(big.Int).SetUint64(dr.Round))}, nil)
	if err != nil {
		return err
	}
	rv, err := contracts.ABI().UnpackGetRound(out)
	if err != nil {
		return err
	}
	if ev.ProvidersRoot != dr.ProvidersRoot || ev.ProviderCount.Int64() != int64(dr.Providers) || ev.EntryCount.Uint64() != dr.Entries || rv.CommitmentRoot != dr.CommitmentRoot {
		return fmt.Errorf("chain opened %x P %s E %s commitment %x; described %+v", ev.ProvidersRoot, ev.ProviderCount, ev.EntryCount, rv.CommitmentRoot, dr)
	}
	return nil
}

// objects: every object described as published is in the store and
// verifies against its key; a withheld one stays out of the store until a
// proof voids the round's batch, when the coordinator publishes it (unless
// it is too large for any store).
func objects(store *da.Store, dr *DescribedRound) error {
	for _, o := range dr.Published {
		kind, err := da.ParseKind(o.Kind)
		if err != nil {
			return err
		}
		data, err := store.Get(kind, o.Key)
		if err != nil {
			return fmt.Errorf("published %s %s: %w", o.Kind, o.Key, err)
		}
		if kind == recompute.KindManifest {
			if _, _, err := recompute.VerifyManifest(dr.CommitmentRoot, data); err != nil || o.Key != dr.CommitmentRoot {
				return fmt.Errorf("manifest %s: %v", o.Key, err)
			}
		}
	}
	voided := len(dr.Batches) > 1 || (len(dr.Batches) == 1 && !dr.Finalized)
	for _, o := range dr.Withheld {
		kind, err := da.ParseKind(o.Kind)
		if err != nil {
			return err
		}
		_, err = store.Get(kind, o.Key)
		if present := err == nil; present != (voided && !o.TooLarge) || (!present && !errors.Is(err, da.ErrNotFound)) {
			return fmt.Errorf("withheld %s %s: in the store %v (%v), batch voided %v", o.Kind, o.Key, present, err, voided)
		}
	}
	return nil
}

// batches: each described batch is the AllocationBatchDetails of its
// transaction, and the round is finalized exactly when described so.
func (v verifier) batches(dr *DescribedRound) error {
	details, err := v.logs(bindings.DenominatorAllocationAVSAllocationBatchDetailsEventName, dr.Round)
	if err != nil {
		return err
	}
	if len(details) != len(dr.Batches) {
		return fmt.Errorf("%d batches on chain, %d described", len(details), len(dr.Batches))
	}
	for i, b := range dr.Batches {
		if err := batchMatches(&details[i], dr, &b); err != nil {
			return fmt.Errorf("batch %d: %w", i, err)
		}
	}
	fin, err := v.logs(bindings.DenominatorAllocationAVSRoundFinalizedEventName, dr.Round)
	if err != nil {
		return err
	}
	if (len(fin) == 1) != dr.Finalized {
		return fmt.Errorf("%d finalizations on chain, described finalized %v", len(fin), dr.Finalized)
	}
	return nil
}

func batchMatches(l *types.Log, dr *DescribedRound, b *DescribedBatch) error {
	ev, err := contracts.ABI().UnpackAllocationBatchDetailsEvent(l)
	if err != nil {
		return err
	}
	roots := make([]common.Hash, len(ev.ProviderAllocRoots))
	for i, r := range ev.ProviderAllocRoots {
		roots[i] = r
	}
	bitmap := new(big.Int)
	for _, i := range b.Signers {
		bitmap.SetBit(bitmap, i, 1)
	}
	switch {
	case l.TxHash != b.Tx || l.BlockNumber != b.Block || ev.Attempt.Uint64() != b.Attempt:
		return fmt.Errorf("in %s block %d attempt %s; described %s block %d attempt %d", l.TxHash, l.BlockNumber, ev.Attempt, b.Tx, b.Block, b.Attempt)
	case !slices.Equal(roots, b.ProviderRoots) || ev.SignerBitmap.Cmp(bitmap) != 0:
		return fmt.Errorf("provider roots or signers differ from the described ones")
	case recompute.AllocationRoot(dr.CommitmentRoot, ev.AllocTreeRoot) != b.AllocationRoot:
		return fmt.Errorf("allocation root differs from the described %s", b.AllocationRoot)
	case b.Honest && dr.CorrectAllocationRoot != b.AllocationRoot:
		return fmt.Errorf("described honest, but not the correct allocation root")
	}
	return nil
}
