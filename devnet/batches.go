package devnet

import (
	"context"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/recompute"
)

// batch is a batch about to be signed: what it claims, and the amounts
// behind each provider root when the aggregator has them (to publish).
type batch struct {
	spec    contracts.BatchSpec
	amounts map[int][]uint256.Int
	honest  bool
	via     bool // through the forwarder
}

// submitHonest has the active operators check the round through the da
// client and, if it verifies and is well formed, sign and submit its batch.
// Otherwise the round is left without a batch, with the reason.
func (d *Devnet) submitHonest(ctx context.Context, rs *roundState) error {
	start := time.Now()
	res, v, err := d.check(ctx, rs.n, rs.commit.commitmentRoot)
	if err != nil {
		return err
	}
	d.timed(rs, func(tm *DescribedTimings) { tm.CheckMs = time.Since(start).Milliseconds() })
	if v != nil {
		rs.refused = string(v.Rule)
		d.desc.Rounds[rs.desc].Refused = v.Error()
		d.printf(rs, "the operators refuse to sign: %v", v)
		return nil
	}
	b := d.honestBatch(res, rs.attempt)
	b.honest = true
	b.via = rs.fault != nil && rs.fault.Kind == FaultForwarded
	start = time.Now()
	if err := d.submit(ctx, rs, b, d.active()); err != nil {
		return err
	}
	d.timed(rs, func(tm *DescribedTimings) { tm.SubmitMs = time.Since(start).Milliseconds() })
	tm := d.desc.Rounds[rs.desc].Timings
	d.printf(rs, "%d providers, %d entries (%.1f MB published in %d ms, committed in %d ms); checked by the operators in %d ms; batch %d signed by the %d active operators and submitted in %d ms%s",
		rs.commit.providers, rs.commit.entries, float64(tm.Bytes)/1e6, tm.PublishMs, tm.CommitMs, tm.CheckMs, rs.attempt, len(d.active()), tm.SubmitMs, viaText(b.via, d.forwarder))
	return nil
}

// timed records a timing of the round's first batch.
func (d *Devnet) timed(rs *roundState, set func(*DescribedTimings)) {
	if rs.attempt == 0 {
		set(&d.desc.Rounds[rs.desc].Timings)
	}
}

func viaText(via bool, forwarder common.Address) string {
	if !via {
		return ""
	}
	return fmt.Sprintf(", submitted through the forwarder contract %s", forwarder.Hex())
}

// submitColluding has a colluding quorum sign the batch the round's fault
// calls for, without checking anything.
func (d *Devnet) submitColluding(ctx context.Context, rs *roundState) error {
	// The honest operators' view, for the record: they would not sign.
	if _, v, err := d.check(ctx, rs.n, rs.commit.commitmentRoot); err != nil {
		return err
	} else if v != nil {
		d.desc.Rounds[rs.desc].Refused = v.Error()
	}
	b, err := d.colludingBatch(rs)
	if err != nil {
		return err
	}
	colluders, err := d.quorum(ctx)
	if err != nil {
		return err
	}
	if err := d.submit(ctx, rs, b, colluders); err != nil {
		return err
	}
	d.printf(rs, "FAULT %s: batch %d signed by %d/%d colluding operators", rs.fault, rs.attempt, len(colluders), len(d.active()))
	return nil
}

// colludingBatch is the batch a colluding quorum signs for the round's fault.
func (d *Devnet) colludingBatch(rs *roundState) (batch, error) {
	f, res := rs.fault, rs.res
	switch f.Kind {
	case FaultUnopenable:
		return batch{spec: d.madeUpSpec(rs)}, nil
	case FaultMalformed:
		return batch{spec: d.malformedSpec(rs)}, nil
	case FaultWithheldManifest:
		return d.honestBatch(res, rs.attempt), nil
	}
	b := d.honestBatch(res, rs.attempt)
	amounts, j := wrongAmounts(d.rng, *f, res, f.P)
	b.amounts[f.P], b.honest = amounts, false
	b.spec.ProviderAllocRoots[f.P] = recompute.ProviderAllocRoot(res.Manifest.Headers[f.P].Provider, res.Rows[f.P], amounts)
	d.desc.Rounds[rs.desc].FaultAt = &DescribedPosition{Provider: f.P, Entry: j}
	return b, nil
}

// honestBatch is the batch a well-formed round's evaluation determines at
// an attempt, with the amounts behind each provider root (a copy of the
// roots: a colluding batch changes one).
func (d *Devnet) honestBatch(res *recompute.Result, attempt uint64) batch {
	b := batch{spec: contracts.HonestSpec(d.domain, res, attempt), amounts: map[int][]uint256.Int{}}
	b.spec.ProviderAllocRoots = append([]common.Hash(nil), b.spec.ProviderAllocRoots...)
	for p := range res.Manifest.Headers {
		b.amounts[p] = res.RowAmounts(p)
	}
	return b
}

// madeUpSpec claims random provider roots for a round nobody can open.
func (d *Devnet) madeUpSpec(rs *roundState) contracts.BatchSpec {
	roots := make([]common.Hash, rs.commit.providers)
	for p := range roots {
		for i := 0; i < len(roots[p]); i += 8 {
			u := d.rng.Uint64()
			for j := range 8 {
				roots[p][i+j] = byte(u >> (8 * j))
			}
		}
	}
	return contracts.BatchSpec{Domain: d.domain, Round: rs.n, Attempt: rs.attempt, CommitmentRoot: rs.commit.commitmentRoot, ProviderAllocRoots: roots}
}

// malformedSpec allocates each row of a malformed round as if it were well
// formed, where its values allow (else a zero root): what colluders who
// never checked the data would sign.
func (d *Devnet) malformedSpec(rs *roundState) contracts.BatchSpec {
	m := rs.round.Manifest
	roots := make([]common.Hash, len(m.Headers))
	for p := range m.Headers {
		if _, amounts, err := recompute.AllocateRow(&m.Headers[p].Capacity, rs.round.Rows[p]); err == nil {
			roots[p] = recompute.ProviderAllocRoot(m.Headers[p].Provider, rs.round.Rows[p], amounts)
		}
	}
	return contracts.BatchSpec{Domain: d.domain, Round: rs.n, Attempt: rs.attempt, CommitmentRoot: rs.commit.commitmentRoot, ProviderAllocRoots: roots}
}

// submit publishes the batch's allocations objects, has signers sign it and
// sends it (through the forwarder for b.via), and records it.
func (d *Devnet) submit(ctx context.Context, rs *roundState, b batch, signerOps []*operatorSim) error {
	published, err := d.publishAllocations(rs, b)
	if err != nil {
		return err
	}
	ss, indices := signers(signerOps)
	signed, err := contracts.SignBatch(b.spec, ss)
	if err != nil {
		return err
	}
	to, data := d.avs, signed.Calldata()
	if b.via {
		if to, err = d.deployForwarder(ctx); err != nil {
			return err
		}
		data = forwarderABI.PackExecute(d.avs, data)
	}
	r, err := d.chain.Send(ctx, d.deployer, to, data, nil)
	if err != nil {
		return fmt.Errorf("submit batch %d: %w", b.spec.Attempt, err)
	}
	rs.live, rs.calldata = true, signed.Calldata()
	db := DescribedBatch{
		Tx: r.TxHash, Block: r.BlockNumber.Uint64(), Attempt: b.spec.Attempt, AllocationRoot: b.spec.AllocationRoot(),
		ProviderRoots: b.spec.ProviderAllocRoots, Signers: indices, Honest: b.honest, Allocations: published,
	}
	if b.via {
		db.Via = &d.forwarder
	}
	dr := &d.desc.Rounds[rs.desc]
	dr.Batches = append(dr.Batches, db)
	return nil
}

// publishAllocations puts each row's allocations object in the store, keyed
// by the batch's provider root, when the aggregator has the amounts.
func (d *Devnet) publishAllocations(rs *roundState, b batch) (bool, error) {
	if len(b.amounts) == 0 {
		return false, nil
	}
	for p, amounts := range b.amounts {
		if !rs.round.Manifest.Headers[p].NeedsRow() {
			continue
		}
		if err := d.store.Put(recompute.KindAllocations, b.spec.ProviderAllocRoots[p], recompute.EncodeAllocations(amounts)); err != nil {
			return false, fmt.Errorf("publish allocations: %w", err)
		}
	}
	return true, nil
}

var forwarderABI = bindings.NewForwarder()

// deployForwarder deploys, once, the forwarder contract owned by the
// aggregator, through which FaultForwarded batches are submitted.
func (d *Devnet) deployForwarder(ctx context.Context) (common.Address, error) {
	if d.forwarder != (common.Address{}) {
		return d.forwarder, nil
	}
	opts := bind.NewKeyedTransactor(d.deployer, d.chain.ChainID)
	opts.Context = ctx
	a, tx, err := bind.DeployContract(opts, common.FromHex(bindings.ForwarderMetaData.Bin), d.chain.Client, forwarderABI.PackConstructor(addr(d.deployer)))
	if err != nil {
		return common.Address{}, fmt.Errorf("deploy the forwarder: %w", contracts.AsRevert(err))
	}
	if _, err := d.chain.WaitSuccess(ctx, tx.Hash()); err != nil {
		return common.Address{}, fmt.Errorf("deploy the forwarder: %w", err)
	}
	d.forwarder = a
	return a, nil
}

// printf prints a line of the human summary about round rs.
func (d *Devnet) printf(rs *roundState, format string, args ...any) {
	fmt.Fprintf(d.out, "round %d: %s\n", rs.n, fmt.Sprintf(format, args...))
}
