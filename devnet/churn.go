package devnet

import (
	"context"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/params"

	"github.com/denomwatch/denomwatch/contracts"
)

// startChurn has the active operator with the highest index exit: it stops
// signing at once and may withdraw exitDelay blocks later (stepChurn), when
// a newcomer takes its index.
func (d *Devnet) startChurn(ctx context.Context) error {
	active := d.active()
	if len(active) < 2 {
		d.log.Warn("churn skipped: one active operator left")
		return nil
	}
	o := active[len(active)-1]
	r, err := d.chain.Send(ctx, o.key, d.avs, contracts.ABI().PackExit(), nil)
	if err != nil {
		return fmt.Errorf("operator %d exits: %w", o.index, err)
	}
	o.exitBlock = r.BlockNumber.Uint64()
	d.desc.Operators[o.desc].Exited = o.exitBlock
	d.churn = append(d.churn, o)
	fmt.Fprintf(d.out, "churn: operator %d (%s) exits in block %d; it may withdraw from block %d\n", o.index, o.addr.Hex(), o.exitBlock, o.exitBlock+d.params.ExitDelay)
	return nil
}

// stepChurn withdraws the exited operators whose delay has passed and
// registers a newcomer for each, which the registry gives the lowest free
// index: the one just freed.
func (d *Devnet) stepChurn(ctx context.Context, head uint64) error {
	var waiting []*operatorSim
	for _, o := range d.churn {
		if head < o.exitBlock+d.params.ExitDelay {
			waiting = append(waiting, o)
			continue
		}
		if err := d.replace(ctx, o); err != nil {
			return err
		}
	}
	d.churn = waiting
	return nil
}

// replace withdraws o and registers a new operator in its place.
func (d *Devnet) replace(ctx context.Context, o *operatorSim) error {
	r, err := d.chain.Send(ctx, o.key, d.avs, contracts.ABI().PackWithdraw(), nil)
	if err != nil {
		return fmt.Errorf("operator %d withdraws: %w", o.index, err)
	}
	d.desc.Operators[o.desc].Withdrawn = r.BlockNumber.Uint64()
	newcomer, err := d.newOperator()
	if err != nil {
		return err
	}
	fund := new(big.Int).Add(d.cfg.stake(), new(big.Int).Mul(big.NewInt(10), big.NewInt(params.Ether)))
	if err := d.chain.Transfer(ctx, d.deployer, fund, []common.Address{newcomer.addr}); err != nil {
		return err
	}
	freed := o.index
	d.ops = slices.DeleteFunc(d.ops, func(x *operatorSim) bool { return x == o })
	d.ops = append(d.ops, newcomer)
	if err := d.register(ctx, []*operatorSim{newcomer}); err != nil {
		return err
	}
	fmt.Fprintf(d.out, "churn: operator %d withdrew in block %d; %s registered and was given index %d\n", freed, r.BlockNumber, newcomer.addr.Hex(), newcomer.index)
	if newcomer.index != freed {
		return fmt.Errorf("the registry gave the newcomer index %d, not the freed %d", newcomer.index, freed)
	}
	return d.desc.write(d.cfg.Describe)
}
