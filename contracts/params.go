package contracts

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/params"

	"github.com/denomwatch/denomwatch/contracts/bindings"
)

// Params are the AVS's deploy-time parameters (PROTOCOL.md sections 7.1 to 7.3).
type Params struct {
	Coordinator      common.Address
	ChallengeWindow  uint64   // blocks after a batch's submission block
	ResolveWindow    uint64   // blocks after a challenge to resolve it
	RevealWindow     uint64   // blocks after a resolution in which fraud stays provable
	ExitDelay        uint64   // blocks; must exceed the three windows together
	QuorumBps        uint64   // signing stake / active stake, basis points
	SlashBps         uint64   // share of each signer's stake slashed
	BountyBps        uint64   // share of the slashed total paid to the challenger
	MinStake         *big.Int // wei
	AvailabilityBond *big.Int // wei, the least an availability challenge pays
}

// DefaultParams are the protocol's defaults (windows of 100, 50 and 50
// blocks, quorum 6700, slash 1000 and bounty 5000 basis points, a 0.05 ETH
// bond), an exit delay of 300 blocks and a 1 ETH minimum stake.
func DefaultParams(coordinator common.Address) Params {
	return Params{
		Coordinator:      coordinator,
		ChallengeWindow:  100,
		ResolveWindow:    50,
		RevealWindow:     50,
		ExitDelay:        300,
		QuorumBps:        6700,
		SlashBps:         1000,
		BountyBps:        5000,
		MinStake:         big.NewInt(params.Ether),
		AvailabilityBond: big.NewInt(params.Ether / 20),
	}
}

// ErrInvalidParams is wrapped by every Params.Check failure.
var ErrInvalidParams = errors.New("invalid AVS parameters")

// Check applies the constructor's rules, so that a deployment fails before it
// is sent.
func (p Params) Check() error {
	switch {
	case p.Coordinator == (common.Address{}):
		return fmt.Errorf("%w: zero coordinator", ErrInvalidParams)
	case p.ChallengeWindow == 0 || p.ResolveWindow == 0:
		return fmt.Errorf("%w: the challenge and resolve windows must be at least one block", ErrInvalidParams)
	case p.ExitDelay <= p.ChallengeWindow+p.ResolveWindow+p.RevealWindow:
		return fmt.Errorf("%w: exit delay %d must exceed challenge + resolve + reveal windows %d", ErrInvalidParams,
			p.ExitDelay, p.ChallengeWindow+p.ResolveWindow+p.RevealWindow)
	case p.QuorumBps == 0 || p.QuorumBps > 10_000:
		return fmt.Errorf("%w: quorum %d bps not in [1, 10000]", ErrInvalidParams, p.QuorumBps)
	case p.SlashBps > 10_000 || p.BountyBps > 10_000:
		return fmt.Errorf("%w: slash %d or bounty %d bps above 10000", ErrInvalidParams, p.SlashBps, p.BountyBps)
	case p.MinStake == nil || p.MinStake.Sign() < 0 || p.AvailabilityBond == nil || p.AvailabilityBond.Sign() < 0:
		return fmt.Errorf("%w: minimum stake and bond must be set and not negative", ErrInvalidParams)
	}
	return nil
}

// Binding returns the constructor argument.
func (p Params) Binding() bindings.AVSBaseParams {
	u := func(v uint64) *big.Int { return new(big.Int).SetUint64(v) }
	return bindings.AVSBaseParams{
		Coordinator:      p.Coordinator,
		ChallengeWindow:  u(p.ChallengeWindow),
		ResolveWindow:    u(p.ResolveWindow),
		RevealWindow:     u(p.RevealWindow),
		ExitDelay:        u(p.ExitDelay),
		QuorumBps:        u(p.QuorumBps),
		SlashBps:         u(p.SlashBps),
		BountyBps:        u(p.BountyBps),
		MinStake:         new(big.Int).Set(p.MinStake),
		AvailabilityBond: new(big.Int).Set(p.AvailabilityBond),
	}
}

// Deploy checks p and sends the AVS's deployment; the address is known before
// the transaction is mined.
func Deploy(opts *bind.TransactOpts, backend bind.ContractBackend, p Params) (common.Address, *types.Transaction, error) {
	if err := p.Check(); err != nil {
		return common.Address{}, nil, err
	}
	addr, tx, err := bind.DeployContract(opts, common.FromHex(bindings.DenominatorAllocationAVSMetaData.Bin), backend, avs.PackConstructor(p.Binding()))
	if err != nil {
		return common.Address{}, nil, fmt.Errorf("deploy the AVS: %w", AsRevert(err))
	}
	return addr, tx, nil
}
