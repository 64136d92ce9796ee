package contracts

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/params"

	"github.com/denomwatch/denomwatch/internal/v1/contracts/bindings"
)

// Params are the AVS's deploy-time parameters (PROTOCOL.md section 7).
type Params struct {
	Coordinator     common.Address
	ChallengeWindow uint64   // blocks after a batch's submission block
	ExitDelay       uint64   // blocks; must exceed ChallengeWindow
	QuorumBps       uint64   // signing stake / active stake, basis points
	SlashBps        uint64   // share of each signer's stake slashed on proven fraud
	BountyBps       uint64   // share of the slashed total paid to the challenger
	MinStake        *big.Int // wei
}

// DefaultParams are the protocol's defaults (quorum 6700, slash 1000, bounty
// 5000 basis points), a 100-block challenge window, a 200-block exit delay
// and a 1 ETH minimum stake.
func DefaultParams(coordinator common.Address) Params {
	return Params{
		Coordinator:     coordinator,
		ChallengeWindow: 100,
		ExitDelay:       200,
		QuorumBps:       6700,
		SlashBps:        1000,
		BountyBps:       5000,
		MinStake:        big.NewInt(params.Ether),
	}
}

// ErrInvalidParams is wrapped by every Params.Check failure.
var ErrInvalidParams = errors.New("invalid AVS parameters")

// Check applies the constructor's rules, so a deployment fails before it is sent.
func (p Params) Check() error {
	switch {
	case p.Coordinator == (common.Address{}):
		return fmt.Errorf("%w: zero coordinator", ErrInvalidParams)
	case p.ExitDelay <= p.ChallengeWindow:
		return fmt.Errorf("%w: exit delay %d must exceed the challenge window %d", ErrInvalidParams, p.ExitDelay, p.ChallengeWindow)
	case p.QuorumBps == 0 || p.QuorumBps > 10_000:
		return fmt.Errorf("%w: quorum %d bps not in [1, 10000]", ErrInvalidParams, p.QuorumBps)
	case p.SlashBps > 10_000 || p.BountyBps > 10_000:
		return fmt.Errorf("%w: slash %d or bounty %d bps above 10000", ErrInvalidParams, p.SlashBps, p.BountyBps)
	case p.MinStake == nil || p.MinStake.Sign() < 0:
		return fmt.Errorf("%w: minimum stake must be set and not negative", ErrInvalidParams)
	}
	return nil
}

// Binding returns the constructor argument.
func (p Params) Binding() bindings.DenominatorAllocationAVSParams {
	u := func(v uint64) *big.Int { return new(big.Int).SetUint64(v) }
	return bindings.DenominatorAllocationAVSParams{
		Coordinator:     p.Coordinator,
		ChallengeWindow: u(p.ChallengeWindow),
		ExitDelay:       u(p.ExitDelay),
		QuorumBps:       u(p.QuorumBps),
		SlashBps:        u(p.SlashBps),
		BountyBps:       u(p.BountyBps),
		MinStake:        new(big.Int).Set(p.MinStake),
	}
}
