package devnet

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/bls"
	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/recompute"
)

// operatorSim is one simulated operator: its account, its BLS key and where
// it stands in the registry.
type operatorSim struct {
	index     int // -1 until registered
	key       *ecdsa.PrivateKey
	addr      common.Address
	bls       *bls.SecretKey
	exitBlock uint64 // 0 while active
	desc      int    // index in Description.Operators
}

func (o *operatorSim) active() bool { return o.index >= 0 && o.exitBlock == 0 }

func (d *Devnet) newOperator() (*operatorSim, error) {
	k := d.newKey()
	sk, err := bls.GenerateKey(d.keyRand)
	if err != nil {
		return nil, err
	}
	return &operatorSim{index: -1, key: k, addr: addr(k), bls: sk}, nil
}

// register registers ops, each from its own account with its stake, all
// sent at once, and records the index the registry gave each.
func (d *Devnet) register(ctx context.Context, ops []*operatorSim) error {
	txs := make([]common.Hash, len(ops))
	for i, o := range ops {
		var err error
		if txs[i], err = d.chain.SendAsync(ctx, o.key, d.avs, contracts.RegisterCalldata(d.domain, o.addr, o.bls), d.cfg.stake()); err != nil {
			return fmt.Errorf("register operator %s: %w", o.addr.Hex(), err)
		}
	}
	for i, o := range ops {
		rc, err := d.chain.WaitSuccess(ctx, txs[i])
		if err != nil {
			return fmt.Errorf("register operator %s: %w", o.addr.Hex(), err)
		}
		// At the registration's block: a node may answer "latest" from a
		// block before the one it just gave the receipt of.
		got, err := call(ctx, d, rc.BlockNumber, contracts.ABI().PackOperatorIndex(o.addr), contracts.ABI().UnpackOperatorIndex)
		if err != nil {
			return fmt.Errorf("operator %s's index: %w", o.addr.Hex(), err)
		}
		o.index, o.desc = int(got.Int64()), len(d.desc.Operators)
		d.desc.Operators = append(d.desc.Operators, d.describeOperator(o, rc.BlockNumber.Uint64()))
	}
	slices.SortFunc(d.ops, func(a, b *operatorSim) int { return a.index - b.index })
	return nil
}

func (d *Devnet) describeOperator(o *operatorSim, block uint64) DescribedOperator {
	g1, g2 := o.bls.PublicG1().Words(), o.bls.PublicG2().Words()
	return DescribedOperator{
		Index: o.index, Address: o.addr, Stake: d.cfg.stake().String(), Registered: block,
		PkG1: [2]string{g1[0].String(), g1[1].String()},
		PkG2: [4]string{g2[0].String(), g2[1].String(), g2[2].String(), g2[3].String()},
	}
}

// call runs a view of the AVS at block (nil: latest) and unpacks its result.
func call[T any](ctx context.Context, d *Devnet, block *big.Int, data []byte, unpack func([]byte) (T, error)) (T, error) {
	v, err := bind.Call(contracts.ABI().Instance(d.chain.Client, d.avs), &bind.CallOpts{Context: ctx, BlockNumber: block}, data, unpack)
	return v, contracts.AsRevert(err)
}

// roundView reads round n's state at block (nil: latest).
func (d *Devnet) roundView(ctx context.Context, n uint64, block *big.Int) (bindings.DenominatorAllocationAVSRoundView, error) {
	v, err := call(ctx, d, block, contracts.ABI().PackGetRound(new(big.Int).SetUint64(n)), contracts.ABI().UnpackGetRound)
	if err != nil {
		return bindings.DenominatorAllocationAVSRoundView{}, fmt.Errorf("round %d's state: %w", n, err)
	}
	return v, nil
}

// active returns the active operators, by index.
func (d *Devnet) active() []*operatorSim {
	var out []*operatorSim
	for _, o := range d.ops {
		if o.active() {
			out = append(out, o)
		}
	}
	return out
}

// quorum returns the fewest active operators, by index, whose stake meets
// the quorum as the contract counts it now: colluders slashed by earlier
// proofs weigh less, so more of them are needed.
func (d *Devnet) quorum(ctx context.Context) ([]*operatorSim, error) {
	ops := d.active()
	stakes := make([]*big.Int, len(ops))
	total := new(big.Int)
	for i, o := range ops {
		v, err := call(ctx, d, nil, contracts.ABI().PackOperatorAt(big.NewInt(int64(o.index))), contracts.ABI().UnpackOperatorAt)
		if err != nil {
			return nil, fmt.Errorf("operator %d's stake: %w", o.index, err)
		}
		stakes[i] = v.Stake
		total.Add(total, v.Stake)
	}
	need := new(big.Int).Mul(total, new(big.Int).SetUint64(d.params.QuorumBps))
	signing := new(big.Int)
	for i := range ops {
		signing.Add(signing, stakes[i])
		if new(big.Int).Mul(signing, big.NewInt(10_000)).Cmp(need) >= 0 {
			return ops[:i+1], nil
		}
	}
	return ops, nil
}

// check is what an honest operator does before it signs round n: it reads
// the manifest and the rows from the devnet's DA source through the da
// client, verifying each against its key and the manifest against the
// on-chain commitment root, and recomputes the round. A violation (an object
// it cannot obtain, or a broken rule) means it signs nothing.
func (d *Devnet) check(ctx context.Context, n uint64, commitment common.Hash) (*recompute.Result, *recompute.Violation, error) {
	m, manifest, _, err := d.reader.Manifest(ctx, commitment)
	if ctx.Err() != nil {
		return nil, nil, ctx.Err()
	}
	rows := map[common.Hash][]byte{}
	if err == nil {
		for _, r := range d.reader.Rows(ctx, m) {
			if r.Err == nil {
				rows[recompute.EntriesRoot(r.Row)] = r.Data
			}
		}
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
	}
	// Without a manifest (err != nil) EvaluateObjects reports it unavailable.
	res, v := recompute.EvaluateObjects(commitment, manifest, uint256.NewInt(n), func(k common.Hash) []byte { return rows[k] }, recompute.Options{})
	return res, v, nil
}

// signers are the signer list of a batch.
func signers(ops []*operatorSim) ([]contracts.Signer, []int) {
	ss, idx := make([]contracts.Signer, len(ops)), make([]int, len(ops))
	for i, o := range ops {
		ss[i], idx[i] = contracts.Signer{Index: o.index, Key: o.bls}, o.index
	}
	slices.Sort(idx)
	return ss, idx
}
