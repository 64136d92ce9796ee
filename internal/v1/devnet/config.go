package devnet

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/params"

	"github.com/denomwatch/denomwatch/internal/devchain"
	"github.com/denomwatch/denomwatch/internal/v1/contracts"
	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// Round sizes are bounded by what one transaction may carry: a round's
// commitment data rides in commitRound's calldata (protocol v1) and a
// transaction is at most 128 KiB in the txpool of geth and the simulated chain.
const (
	maxTxSize = 128 << 10
	// txOverhead is room for commitRound's ABI head and the transaction envelope.
	txOverhead = 1024
)

// Config configures a devnet. DefaultConfig gives the values of the CLI.
type Config struct {
	// RPC is an existing node's JSON-RPC URL; "" runs the embedded simulated chain.
	RPC string
	// Key funds and deploys on an existing node (RPC set). Without it the
	// node's first unlocked account (geth --dev's) is asked to fund a fresh key.
	Key *ecdsa.PrivateKey
	// HTTPPort and WSPort serve the embedded chain on 127.0.0.1 (WSPort 0: no WebSocket).
	HTTPPort int
	WSPort   int
	// BlockInterval is how often the embedded chain seals a block.
	BlockInterval time.Duration
	// PollInterval is how often receipts and blocks are polled for.
	PollInterval time.Duration

	Operators       int
	StakeEther      int64
	ChallengeWindow uint64 // blocks
	Rounds          int    // 0: until the context is cancelled
	// RoundEvery is the number of blocks between two rounds' commitments.
	RoundEvery uint64

	// Round size: Providers rows of EntriesPerRow entries each, over a pool of
	// Recipients.
	Providers     int
	Recipients    int
	EntriesPerRow int

	// Fund lists extra accounts (a watcher's challenger, say) to fund with
	// 1000 ETH each: in the embedded chain's genesis, or by transfer.
	Fund []common.Address

	Faults Schedule
	// Seed fixes keys and rounds for a reproducible run; 0 draws fresh ones.
	Seed     uint64
	Describe string // path of the JSON description; "" for none

	Log *slog.Logger
	Out io.Writer // the human summary; nil for none
}

// DefaultConfig is what `denomwatch devnet` runs without flags.
func DefaultConfig() Config {
	return Config{
		HTTPPort:        8545,
		WSPort:          8546,
		BlockInterval:   time.Second,
		PollInterval:    100 * time.Millisecond,
		Operators:       7,
		StakeEther:      32,
		ChallengeWindow: 20,
		RoundEvery:      3,
		Providers:       12,
		Recipients:      80,
		EntriesPerRow:   40,
		Faults:          Schedule{},
		Describe:        "devnet.json",
	}
}

// ErrConfig is wrapped by every Check failure.
var ErrConfig = errors.New("invalid devnet configuration")

// Check validates the configuration, including that a round fits in one transaction.
func (c *Config) Check() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrConfig}, args...)...)
	}
	switch {
	case c.Operators < 1 || c.Operators > 256:
		return bad("operators %d not in [1, 256]", c.Operators)
	case c.StakeEther < 1:
		return bad("stake must be at least 1 ether")
	case c.ChallengeWindow < 1:
		return bad("challenge window must be at least 1 block")
	case c.Rounds < 0:
		return bad("rounds must not be negative")
	case c.RoundEvery < 1:
		return bad("blocks between rounds must be at least 1")
	case c.RPC == "" && c.BlockInterval <= 0:
		return bad("block interval must be positive")
	case c.PollInterval <= 0:
		return bad("poll interval must be positive")
	case c.Providers < 1 || c.Providers > recompute.MaxProviders:
		return bad("providers %d not in [1, %d]", c.Providers, recompute.MaxProviders)
	case c.EntriesPerRow < 1 || c.EntriesPerRow > recompute.MaxEntriesPerProvider:
		return bad("entries per provider %d not in [1, %d]", c.EntriesPerRow, recompute.MaxEntriesPerProvider)
	case c.Recipients < c.EntriesPerRow:
		return bad("recipients (%d) must be at least the entries per provider (%d)", c.Recipients, c.EntriesPerRow)
	case c.RPC == "" && (c.HTTPPort < 0 || c.HTTPPort > 65535 || c.WSPort < 0 || c.WSPort > 65535):
		return bad("ports must be in [0, 65535]")
	}
	if size := c.CommitmentSize(); size+txOverhead > maxTxSize {
		return bad("a round of %d providers x %d entries is %d bytes of commitment data; one transaction carries at most %d (about %d entries in all): use fewer providers or entries (larger rounds need off-chain data availability, a later protocol version)",
			c.Providers, c.EntriesPerRow, size, maxTxSize-txOverhead, (maxTxSize-txOverhead-96)/96)
	}
	for r, f := range c.Faults {
		if c.Rounds > 0 && r > uint64(c.Rounds) {
			return bad("fault for round %d but only %d rounds are run", r, c.Rounds)
		}
		switch f.Kind {
		case FaultAmount:
			if f.Index >= c.Providers*c.EntriesPerRow {
				return bad("round %d: amount index %d past the round's %d entries", r, f.Index, c.Providers*c.EntriesPerRow)
			}
		case FaultDenominator, FaultConservation:
			if f.Index >= c.Providers {
				return bad("round %d: provider %d past the round's %d providers", r, f.Index, c.Providers)
			}
		}
	}
	return nil
}

// CommitmentSize is the size of a round's commitment data.
func (c *Config) CommitmentSize() int {
	return recompute.EncodedSize(c.Providers, c.Providers*c.EntriesPerRow)
}

// ErrChain is wrapped by failures to start, reach or fund the chain.
var ErrChain = devchain.ErrChain

func (c *Config) chainConfig() devchain.Config {
	return devchain.Config{
		RPC: c.RPC, HTTPPort: c.HTTPPort, WSPort: c.WSPort,
		BlockInterval: c.BlockInterval, PollInterval: c.PollInterval, Revert: contracts.AsRevert,
	}
}

func (c *Config) stake() *big.Int {
	return new(big.Int).Mul(big.NewInt(c.StakeEther), big.NewInt(params.Ether))
}
