package challenge

import (
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/params"
)

// MaxTxGas is the most gas one transaction may use (EIP-7825): a fraud proof
// must fit in it.
const MaxTxGas = 1 << 24 // 16,777,216

// Defaults of Config.
const (
	DefaultConfirmations       = 2
	DefaultBumpAfterBlocks     = 3
	DefaultGasMargin           = 0.25
	DefaultPollInterval        = 2 * time.Second
	DefaultDeadlineAlertBlocks = 10
	DefaultMaxCandidates       = 4
	// DefaultMaxFeeCapGwei is the default MaxFeeCap, in gwei.
	DefaultMaxFeeCapGwei = 500
)

// Config configures a Challenger.
type Config struct {
	// ChainID is the chain the proofs are signed for; 0 takes the node's.
	// A node on another chain is refused (ErrConfig).
	ChainID uint64
	// AVS is the contract proven against.
	AVS common.Address
	// Confirmations: a mined proof is confirmed once the head is this many
	// blocks past its block (0: as soon as it is mined).
	Confirmations uint64
	// BumpAfterBlocks: a transaction not mined this many blocks after it
	// was sent is replaced, same nonce, fees at least 12.5% higher.
	BumpAfterBlocks uint64
	// MaxFeeCap caps the fee per gas, wei (nil or 0: no cap).
	MaxFeeCap *big.Int
	// GasMargin is added to the gas estimate: the limit is
	// estimate*(1+GasMargin), never above MaxTxGas or the block gas limit.
	GasMargin float64
	// PollInterval is the wait between two passes (Notify cuts it short).
	PollInterval time.Duration
	// DryRun builds and simulates every proof and records the result in
	// state dry-run; nothing is ever sent.
	DryRun bool
	// DeadlineAlertBlocks: a deadline_at_risk alert is raised once a
	// fraud's window closes within this many blocks with no proof mined
	// (0: never).
	DeadlineAlertBlocks uint64
	// MaxCandidates bounds the bad-allocation proofs (one per provider row
	// with a wrong amount, the smallest rows first) whose gas is measured
	// when several apply.
	MaxCandidates int
	// Clock is the time source for record timestamps and alerts (nil:
	// time.Now); tests inject their own.
	Clock func() time.Time
}

// DefaultConfig returns the defaults for the AVS at avs: 2 confirmations,
// replacement after 3 blocks, a 500 gwei fee cap, a 25% gas margin, a 2 s
// poll, an alert 10 blocks before an unproven deadline, up to 4 proofs
// measured.
func DefaultConfig(avs common.Address) Config {
	return Config{
		AVS:                 avs,
		Confirmations:       DefaultConfirmations,
		BumpAfterBlocks:     DefaultBumpAfterBlocks,
		MaxFeeCap:           new(big.Int).Mul(big.NewInt(DefaultMaxFeeCapGwei), big.NewInt(params.GWei)),
		GasMargin:           DefaultGasMargin,
		PollInterval:        DefaultPollInterval,
		DeadlineAlertBlocks: DefaultDeadlineAlertBlocks,
		MaxCandidates:       DefaultMaxCandidates,
	}
}

// Check reports the first invalid field, wrapping ErrConfig.
func (c *Config) Check() error {
	switch {
	case c.AVS == (common.Address{}):
		return fmt.Errorf("%w: no AVS address", ErrConfig)
	case c.BumpAfterBlocks == 0:
		return fmt.Errorf("%w: bump-after must be at least 1 block", ErrConfig)
	case c.MaxFeeCap != nil && c.MaxFeeCap.Sign() < 0:
		return fmt.Errorf("%w: negative max fee cap", ErrConfig)
	case c.GasMargin < 0 || c.GasMargin > 2 || c.GasMargin != c.GasMargin:
		return fmt.Errorf("%w: gas margin %v not in [0, 2]", ErrConfig, c.GasMargin)
	case c.PollInterval <= 0:
		return fmt.Errorf("%w: poll interval must be positive", ErrConfig)
	case c.MaxCandidates < 1 || c.MaxCandidates > 64:
		return fmt.Errorf("%w: max candidates %d not in [1, 64]", ErrConfig, c.MaxCandidates)
	}
	return nil
}
