package devnet

import (
	"context"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/contracts/bindings"
)

// settle answers the availability challenges raised up to head, resubmits
// for rounds whose batch a proof voided, finalizes rounds past their
// deadline, and moves the churn on.
func (d *Devnet) settle(ctx context.Context, head uint64) error {
	if err := d.answerChallenges(ctx, head); err != nil {
		return err
	}
	ns := make([]uint64, 0, len(d.rounds))
	for n, rs := range d.rounds {
		if rs.live {
			ns = append(ns, n)
		}
	}
	slices.Sort(ns)
	for _, n := range ns {
		if err := d.settleRound(ctx, d.rounds[n], head); err != nil {
			return fmt.Errorf("round %d: %w", n, err)
		}
	}
	return d.stepChurn(ctx, head)
}

// settleRound follows one round with a live batch: voided, or due to finalize.
func (d *Devnet) settleRound(ctx context.Context, rs *roundState, head uint64) error {
	v, err := d.roundView(ctx, rs.n, nil)
	if err != nil {
		return err
	}
	switch {
	case v.Attempt.Uint64() > rs.attempt:
		return d.onVoided(ctx, rs, v.Attempt.Uint64())
	case head <= v.Deadline.Uint64() || v.OpenChallenges.Sign() > 0:
		return nil
	}
	r, err := d.chain.Send(ctx, d.deployer, d.avs, contracts.ABI().PackFinalizeRound(new(big.Int).SetUint64(rs.n)), nil)
	if err != nil {
		if isRevert[bindings.DenominatorAllocationAVSNoLiveBatch](err) || isRevert[bindings.DenominatorAllocationAVSFinalizeTooEarly](err) || isRevert[bindings.DenominatorAllocationAVSChallengesOpen](err) {
			return nil // voided or challenged meanwhile: seen next block
		}
		return fmt.Errorf("finalize: %w", err)
	}
	rs.live, rs.finalized = false, true
	d.desc.Rounds[rs.desc].Finalized = true
	d.printf(rs, "finalized in block %d", r.BlockNumber)
	return d.desc.write(d.cfg.Describe)
}

func isRevert[T any](err error) bool {
	_, ok := contracts.RevertAs[T](err)
	return ok
}

// onVoided handles a batch a proof voided: a replay fault sends it again
// (the chain must refuse it), the withheld objects are published, and the
// honest operators sign the round if they can.
func (d *Devnet) onVoided(ctx context.Context, rs *roundState, attempt uint64) error {
	rs.live = false
	d.printf(rs, "batch %d voided by a proof", rs.attempt)
	if rs.fault != nil && rs.fault.Kind == FaultReplay {
		d.replay(ctx, rs)
	}
	rs.attempt = attempt
	for _, o := range rs.withheld {
		if err := d.store.Put(o.Kind, o.Key, o.Data); err != nil {
			return fmt.Errorf("publish withheld %s: %w", o.Kind, err)
		}
	}
	rs.withheld = nil
	if rs.round == nil {
		rs.refused = "unavailable-manifest"
		d.desc.Rounds[rs.desc].Refused = "no data opens the committed providers root: no honest batch can be signed"
		d.printf(rs, "nothing opens its root: no honest batch")
		return d.desc.write(d.cfg.Describe)
	}
	if err := d.submitHonest(ctx, rs); err != nil {
		return err
	}
	return d.desc.write(d.cfg.Describe)
}

// replay sends the voided batch again, unchanged, and records the chain's
// refusal (its attempt is spent, section 2). A replay the chain accepted
// would be a protocol failure: it is recorded as such.
func (d *Devnet) replay(ctx context.Context, rs *roundState) {
	dr := &d.desc.Rounds[rs.desc]
	_, err := d.chain.SendAsync(ctx, d.deployer, d.avs, rs.calldata, nil)
	refusal := "ACCEPTED (the chain took a voided batch again)"
	if err != nil {
		refusal = err.Error()
	}
	dr.Replays = append(dr.Replays, DescribedReplay{Attempt: rs.attempt, Refusal: refusal})
	d.printf(rs, "FAULT replay: the voided batch %d sent again: %s", rs.attempt, refusal)
}

// answerChallenges resolves the availability challenges raised since the
// last scan, of the objects the devnet is willing to show.
func (d *Devnet) answerChallenges(ctx context.Context, head uint64) error {
	if head <= d.scanned {
		return nil
	}
	from := max(d.scanned+1, d.desc.StartBlock)
	logs, err := d.chain.Client.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(head),
		Addresses: []common.Address{d.avs},
		Topics:    [][]common.Hash{{contracts.EventID(bindings.DenominatorAllocationAVSAvailabilityChallengedEventName)}},
	})
	if err != nil {
		return fmt.Errorf("%w: availability challenges: %w", ErrChain, err)
	}
	for i := range logs {
		ev, err := contracts.ABI().UnpackAvailabilityChallengedEvent(&logs[i])
		if err != nil {
			return fmt.Errorf("availability challenge log: %w", err)
		}
		if err := d.answer(ctx, ev); err != nil {
			return err
		}
	}
	d.scanned = head
	return nil
}

// answer resolves one challenge if its round is ours, its batch the live one
// and the object one the round's fault does not keep back.
func (d *Devnet) answer(ctx context.Context, ev *bindings.DenominatorAllocationAVSAvailabilityChallenged) error {
	rs, ok := d.rounds[ev.Round.Uint64()]
	kind, index := contracts.ObjectKind(ev.Kind), ev.Index.Uint64()
	if !ok || rs.round == nil || ev.Attempt.Uint64() != rs.attempt || !rs.live || !rs.answers(kind, index) {
		return nil
	}
	data, err := d.resolution(rs, kind, int(index))
	if err != nil {
		return err
	}
	r, err := d.chain.Send(ctx, d.deployer, d.avs, data, nil)
	if err != nil {
		// Resolved by someone else, or too late: the chain has the last word.
		d.log.Warn("could not resolve an availability challenge", "round", rs.n, "kind", kind, "index", index, "err", err)
		return nil
	}
	dr := &d.desc.Rounds[rs.desc]
	dr.Resolutions = append(dr.Resolutions, DescribedResolution{Tx: r.TxHash, Attempt: rs.attempt, Kind: kindName(kind), Index: index})
	d.printf(rs, "availability challenge of %s %d answered in block %d", kindName(kind), index, r.BlockNumber)
	return d.desc.write(d.cfg.Describe)
}

// answers reports whether the devnet shows a challenged object: always, but
// for what a withholding fault without Reveal keeps back.
func (rs *roundState) answers(kind contracts.ObjectKind, index uint64) bool {
	if rs.fault == nil || rs.fault.Reveal {
		return true
	}
	switch rs.fault.Kind {
	case FaultWithheldManifest:
		return kind != contracts.ObjectManifestPart
	case FaultWithheldRow:
		return kind != contracts.ObjectRow || index != uint64(rs.fault.P)
	}
	return true
}

// resolution packs the resolution of a challenged object.
func (d *Devnet) resolution(rs *roundState, kind contracts.ObjectKind, index int) ([]byte, error) {
	if kind == contracts.ObjectManifestPart {
		r, err := contracts.NewManifestResolution(rs.res.Manifest, rs.res.ProvidersTree, index)
		if err != nil {
			return nil, err
		}
		return r.Calldata(), nil
	}
	r, err := contracts.NewRowResolution(rs.res, index)
	if err != nil {
		return nil, err
	}
	return r.Calldata(), nil
}

func kindName(k contracts.ObjectKind) string {
	if k == contracts.ObjectManifestPart {
		return "manifest-part"
	}
	return "row"
}
