package challenge

import (
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/challenge/solve"
	"github.com/denomwatch/denomwatch/recompute"
)

// ErrConfig wraps every configuration error (Check, or a chain that
// contradicts the configuration).
var ErrConfig = errors.New("invalid challenger configuration")

// ErrNoProof: the proof a verdict names cannot be built from the objects
// the executor can get now (tried again on the next pass).
var ErrNoProof = errors.New("the proof cannot be built")

// Config configures an Executor. DefaultConfig gives the defaults.
type Config struct {
	// AVS is the contract; ChainID the chain (0: the node's; another than
	// the node's is refused with ErrConfig).
	AVS     common.Address
	ChainID uint64
	// StartBlock is the first block whose logs are read for a record whose
	// batch the index does not show (the AVS's deployment block).
	StartBlock uint64
	// MonitorOnly: nothing is signed (also when New gets no key). DryRun:
	// moves are simulated, never sent.
	MonitorOnly, DryRun bool
	// MaxBond is the most this challenger puts at risk or loses in one
	// round's availability challenges, wei (nil: one bond).
	MaxBond *big.Int
	// Confirmations: an event is relied on once the head is this many
	// blocks past it.
	Confirmations uint64
	// BumpAfter: a move not mined this many blocks after its latest attempt
	// is replaced with fees 12.5% higher, at most MaxBumps times.
	BumpAfter uint64
	MaxBumps  int
	// MaxFeeCap caps the fee per gas, wei (nil or 0: no cap).
	MaxFeeCap *big.Int
	// GasMarginPct is added to an estimate for the gas limit.
	GasMarginPct uint64
	// PollInterval is the wait between passes (Notify cuts it short).
	PollInterval time.Duration
	// SettledDepth: a record settled on an event or a deadline is examined
	// again on every pass until the head is this many blocks past it (a
	// reorganisation that deep could take the fact away); a record settled
	// on a live batch (monitor-only, dry-run, failed) until the batch is
	// no longer live.
	SettledDepth uint64
	// DeadlineAlertBlocks: deadline_at_risk is raised once for a batch
	// judged fraudulent or unavailable that is still live this many blocks
	// (or fewer) before its deadline (0: never).
	DeadlineAlertBlocks uint64
	// Recompute tunes the recomputation proofs are built from.
	Recompute recompute.Options
	// Clock stamps alerts (nil: time.Now).
	Clock func() time.Time
}

// Defaults of Config.
const (
	DefaultPollInterval        = 2 * time.Second
	DefaultSettledDepth        = 64
	DefaultDeadlineAlertBlocks = 10
)

// DefaultConfig returns the defaults for the AVS at avs: solve's decision
// defaults (2 confirmations, a bump after 3 blocks, at most 5 bumps, a 500
// gwei fee cap, a 25% gas margin, one bond per round), a 2 s poll, settled
// records watched 64 blocks, deadline_at_risk 10 blocks before a deadline.
func DefaultConfig(avs common.Address) Config {
	d := solve.DefaultConfig()
	return Config{
		AVS: avs, Confirmations: d.Confirmations, BumpAfter: d.BumpAfter, MaxBumps: d.MaxBumps,
		MaxFeeCap: d.MaxFeeCap.ToBig(), GasMarginPct: d.GasMarginPct,
		PollInterval: DefaultPollInterval, SettledDepth: DefaultSettledDepth, DeadlineAlertBlocks: DefaultDeadlineAlertBlocks,
	}
}

// Check reports every invalid field, each wrapping ErrConfig.
func (c *Config) Check() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{ErrConfig}, args...)...))
	}
	if c.AVS == (common.Address{}) {
		bad("no AVS address")
	}
	if c.BumpAfter == 0 {
		bad("bump-after must be at least 1 block")
	}
	if c.MaxBumps < 0 {
		bad("negative max bumps")
	}
	if c.MaxFeeCap != nil && c.MaxFeeCap.Sign() < 0 {
		bad("negative max fee cap")
	}
	if c.MaxBond != nil && c.MaxBond.Sign() < 0 {
		bad("negative max bond")
	}
	if c.GasMarginPct > 200 {
		bad("gas margin %d%% above 200%%", c.GasMarginPct)
	}
	if c.PollInterval <= 0 {
		bad("poll interval must be positive")
	}
	return errors.Join(errs...)
}
