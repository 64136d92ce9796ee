package devnet

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/params"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/internal/devchain"
)

// The protocol's bounds on a round (PROTOCOL.md section 2): at most 1024
// providers, at most 1024 entries in a row.
const (
	MaxProviders  = 1024
	MaxRowEntries = 1024
	// maxOperators is the registry's size (section 7.1).
	maxOperators = 256
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

	// DADir is the data-availability store the coordinator and the
	// aggregator publish to; DAPort serves it over HTTP on 127.0.0.1
	// (0: not served; the operators then read the directory).
	DADir  string
	DAPort int

	Operators  int
	StakeEther int64
	// The AVS's windows, in blocks (section 7.3).
	ChallengeWindow, ResolveWindow, RevealWindow uint64
	Rounds                                       int // 0: until the context is cancelled
	// RoundEvery is the number of blocks between two rounds' commitments.
	RoundEvery uint64

	// Round size: Providers rows over a pool of Recipients, EntriesPerRow
	// entries each (0: every recipient).
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

// DefaultConfig is what `denomwatch devnet` runs without flags: a quick demo
// size (12 providers x 60 recipients). The design's size is
// Providers 100, Recipients 1000 (10^5 entries).
func DefaultConfig() Config {
	return Config{
		HTTPPort:        8545,
		WSPort:          8546,
		BlockInterval:   time.Second,
		PollInterval:    100 * time.Millisecond,
		DADir:           "denomwatch-da",
		DAPort:          8547,
		Operators:       7,
		StakeEther:      32,
		ChallengeWindow: 20,
		ResolveWindow:   10,
		RevealWindow:    10,
		RoundEvery:      3,
		Providers:       12,
		Recipients:      60,
		Faults:          Schedule{},
		Describe:        "devnet.json",
	}
}

// ErrConfig is wrapped by every Check failure.
var ErrConfig = errors.New("invalid devnet configuration")

// Check validates the configuration.
func (c *Config) Check() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrConfig}, args...)...)
	}
	switch {
	case c.Operators < 1 || c.Operators > maxOperators-1:
		return bad("operators %d not in [1, %d] (one index is kept free for churn)", c.Operators, maxOperators-1)
	case c.StakeEther < 1:
		return bad("stake must be at least 1 ether")
	case c.ChallengeWindow < 1 || c.ResolveWindow < 1:
		return bad("the challenge and resolve windows must be at least 1 block")
	case c.Rounds < 0:
		return bad("rounds must not be negative")
	case c.RoundEvery < 1:
		return bad("blocks between rounds must be at least 1")
	case c.RPC == "" && c.BlockInterval <= 0:
		return bad("block interval must be positive")
	case c.PollInterval <= 0:
		return bad("poll interval must be positive")
	case c.DADir == "":
		return bad("a data-availability directory is needed")
	case c.Providers < 2 || c.Providers > MaxProviders:
		return bad("providers %d not in [2, %d]", c.Providers, MaxProviders)
	case c.Recipients < 2:
		return bad("recipients %d: at least 2", c.Recipients)
	case c.EntriesPerRow < 0 || c.EntriesPerRow > MaxRowEntries:
		return bad("entries per provider %d not in [0, %d] (0: every recipient)", c.EntriesPerRow, MaxRowEntries)
	case c.EntriesPerRow == 0 && c.Recipients > MaxRowEntries:
		return bad("%d recipients do not fit in a row of at most %d entries: set the entries per provider", c.Recipients, MaxRowEntries)
	case c.Recipients < c.EntriesPerRow:
		return bad("recipients (%d) must be at least the entries per provider (%d)", c.Recipients, c.EntriesPerRow)
	}
	for _, port := range []int{c.HTTPPort, c.WSPort, c.DAPort} {
		if port < 0 || port > 65535 {
			return bad("port %d not in [0, 65535]", port)
		}
	}
	return c.checkFaults()
}

// checkFaults checks that every fault's position lies inside the round.
func (c *Config) checkFaults() error {
	for r, f := range c.Faults {
		switch {
		case c.Rounds > 0 && r > uint64(c.Rounds):
			return fmt.Errorf("%w: fault for round %d but only %d rounds are run", ErrConfig, r, c.Rounds)
		case f.P >= c.Providers:
			return fmt.Errorf("%w: round %d: provider %d past the round's %d providers", ErrConfig, r, f.P, c.Providers)
		case f.J >= c.rowEntries():
			return fmt.Errorf("%w: round %d: entry %d past a row's %d entries", ErrConfig, r, f.J, c.rowEntries())
		}
	}
	return nil
}

// rowEntries is the number of entries in each generated row.
func (c *Config) rowEntries() int {
	if c.EntriesPerRow == 0 {
		return c.Recipients
	}
	return c.EntriesPerRow
}

// params are the AVS's deployment parameters: the protocol's defaults but
// for the windows, the stake and an exit delay just past the longest a batch
// can stay open.
func (c *Config) params(coordinator common.Address) contracts.Params {
	p := contracts.DefaultParams(coordinator)
	p.ChallengeWindow, p.ResolveWindow, p.RevealWindow = c.ChallengeWindow, c.ResolveWindow, c.RevealWindow
	p.ExitDelay = c.ChallengeWindow + c.ResolveWindow + c.RevealWindow + 1
	p.MinStake = c.stake()
	return p
}

func (c *Config) chainConfig() devchain.Config {
	return devchain.Config{
		RPC: c.RPC, HTTPPort: c.HTTPPort, WSPort: c.WSPort,
		BlockInterval: c.BlockInterval, PollInterval: c.PollInterval, Revert: contracts.AsRevert,
	}
}

func (c *Config) stake() *big.Int {
	return new(big.Int).Mul(big.NewInt(c.StakeEther), big.NewInt(params.Ether))
}

// ErrChain is wrapped by failures to start, reach or fund the chain.
var ErrChain = devchain.ErrChain

// TestingConfig is a small, fast devnet for the tests of anything that
// watches one (the devnet's, the watcher's, the challenger's): an embedded
// chain served nowhere with a block every 100 ms, windows of 40/20/20 blocks
// (wide enough for a test challenger on a loaded machine under the race
// detector), 4 operators, rounds of 5 providers x 8 entries over 12
// recipients, seed 42, its DA store and description in dir and the store
// served on 127.0.0.1:daPort.
func TestingConfig(dir string, daPort int) Config {
	cfg := DefaultConfig()
	cfg.HTTPPort, cfg.WSPort = 0, 0
	cfg.BlockInterval, cfg.PollInterval = 100*time.Millisecond, 10*time.Millisecond
	cfg.DADir, cfg.DAPort = filepath.Join(dir, "da"), daPort
	cfg.Operators, cfg.Providers, cfg.Recipients, cfg.EntriesPerRow = 4, 5, 12, 8
	cfg.ChallengeWindow, cfg.ResolveWindow, cfg.RevealWindow, cfg.RoundEvery = 40, 20, 20, 2
	cfg.Describe = filepath.Join(dir, "devnet.json")
	cfg.Seed = 42
	return cfg
}
