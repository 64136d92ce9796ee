package txmgr

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
)

// FundingChain is what Funding reads from a node.
type FundingChain interface {
	FeeChain
	BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error)
}

// Funding is a challenger key's balance against the price of a proof.
type Funding struct {
	// Balance is the key's balance at the latest block, wei.
	Balance *big.Int
	// FeeCap is the fee cap per gas a proof sent now would get, wei (as
	// the transaction manager prices it).
	FeeCap *big.Int
	// ProofCost is ProofGas at FeeCap: what one proof may cost, wei.
	ProofCost *big.Int
	ProofGas  uint64
}

// Proofs is how many proofs the balance pays for at ProofCost.
func (f Funding) Proofs() uint64 {
	if f.ProofCost == nil || f.ProofCost.Sign() <= 0 {
		return ^uint64(0)
	}
	n := new(big.Int).Div(f.Balance, f.ProofCost)
	if !n.IsUint64() {
		return ^uint64(0)
	}
	return n.Uint64()
}

// ReadFunding reads the balance of account and prices a proof of proofGas
// at the fees a transaction would get now (capped by maxFeeCap).
func ReadFunding(ctx context.Context, chain FundingChain, account common.Address, proofGas uint64, maxFeeCap *big.Int) (Funding, error) {
	bal, err := chain.BalanceAt(ctx, account, nil)
	if err != nil {
		return Funding{}, fmt.Errorf("balance of %s: %w", account, err)
	}
	_, feeCap, err := SuggestFees(ctx, chain, maxFeeCap)
	if err != nil {
		return Funding{}, err
	}
	cost := new(big.Int).Mul(feeCap, new(big.Int).SetUint64(proofGas))
	return Funding{Balance: new(big.Int).Set(bal), FeeCap: feeCap, ProofCost: cost, ProofGas: proofGas}, nil
}
