package main

import (
	"errors"
	"fmt"
	"math/big"
	"os"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/params"
	"github.com/urfave/cli/v2"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/challenge"
	"github.com/denomwatch/denomwatch/challenge/solve"
	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/internal/txmgr"
	"github.com/denomwatch/denomwatch/jobs"
)

// errRunConfig is wrapped by every problem runConfig.Check finds.
var errRunConfig = errors.New("invalid run configuration")

// runConfig is `denomwatch run`'s whole configuration: read from the flags
// once (runConfigFrom), checked (Check, then the environment by preflight)
// before anything starts, and only then built into a service.
type runConfig struct {
	// Devnet is the embedded devnet's configuration; nil with RPC.
	Devnet *devnet.Config
	// The chain: RPC endpoints (empty: the embedded devnet), the AVS and
	// its deployment block (with RPC), the expected chain id (0: any).
	RPC        []string
	Contract   common.Address
	StartBlock uint64
	ChainID    uint64
	// TrustRPC turns off the verification of what the endpoints serve
	// against block headers, and their cross-check (README "Trust model").
	TrustRPC bool
	// DASources are the data-availability sources (empty with the embedded
	// devnet: its store); DATimeout bounds one fetch from one source.
	DASources []string
	DATimeout time.Duration
	// Confirmations: -1 takes the chain's default (0 on id 1337, else 12).
	Confirmations int64
	PollInterval  time.Duration
	// BlockTime paces the health probe; the node is stalled after
	// StallBlocks block times without a head or a successful call.
	BlockTime   time.Duration
	StallBlocks uint64

	DataDir      string
	MinFreeBytes uint64

	// API is the HTTP API's configuration; Addr "" serves none. Admin
	// serves the admin endpoints too.
	API   api.Config
	Admin bool

	Key       txmgr.KeySource
	Challenge challenge.Config // AVS and ChainID are filled in once known
	// ChallengeConfirmationsSet: --challenge-confirmations was given (else
	// it is raised to the watcher's confirmations).
	ChallengeConfirmationsSet bool
	ProofGas                  uint64
	LowBalanceProofs          uint64

	Webhooks string // the webhook configuration file; "": no alerts
	Jobs     jobs.Config

	Log logConfig
}

// runConfigFrom reads run's flags. A malformed value, or a flag that does
// not apply (a devnet flag with --rpc), is a usage error.
func runConfigFrom(c *cli.Context) (runConfig, error) {
	rc := runConfig{
		ChainID: c.Uint64("chain-id"), Confirmations: c.Int64("confirmations"), PollInterval: c.Duration("poll-interval"),
		BlockTime: c.Duration("block-time"), StallBlocks: c.Uint64("stall-blocks"),
		DataDir: c.String("data-dir"), MinFreeBytes: c.Uint64("min-free-mb") << 20,
		Admin: c.Bool("admin-api"), Webhooks: c.String("webhooks"),
		ProofGas: c.Uint64("proof-gas"), LowBalanceProofs: c.Uint64("low-balance-proofs"),
		ChallengeConfirmationsSet: c.IsSet("challenge-confirmations"),
		DASources:                 splitList(c.String("da-sources")), DATimeout: c.Duration("da-timeout"),
		TrustRPC: c.Bool("trust-rpc"),
	}
	var err error
	if rc.Log, err = logConfigFrom(c); err != nil {
		return rc, err
	}
	rc.API = api.DefaultConfig()
	rc.API.Addr, rc.API.ReadyLag = c.String("api-addr"), c.Uint64("ready-lag")
	rc.API.CORSOrigins, rc.API.ExplorerURL = splitList(c.String("api-cors-origin")), c.String("explorer-url")
	rc.Key = txmgr.KeySource{File: c.String("challenger-key-file"), Keystore: c.String("challenger-keystore"), PasswordFile: c.String("challenger-password-file")}
	if _, ok := os.LookupEnv(challengerKeyEnv); ok {
		rc.Key.Env = challengerKeyEnv
	}
	if rc.Challenge, err = challengerConfig(c); err != nil {
		return rc, err
	}
	rc.Jobs = jobs.DefaultConfig()
	rc.Jobs.Reaudit, rc.Jobs.ReauditLookback = c.String("reaudit-schedule"), c.Uint64("reaudit-lookback")
	rc.Jobs.Lag, rc.Jobs.LagBlocks = c.String("lag-schedule"), c.Uint64("lag-alert-blocks")
	rc.Jobs.Digest, rc.Jobs.Prune, rc.Jobs.Retention = c.String("digest-schedule"), c.String("prune-schedule"), c.Duration("retention")

	if c.String("rpc") == "" {
		return rc, rc.devnetFrom(c)
	}
	if set := setFlags(c, embeddedDevnetFlags("")); len(set) > 0 {
		return rc, usageError("--%s: embedded devnet flags do not apply with --rpc (unset them, or drop --rpc)", strings.Join(set, ", --"))
	}
	rc.RPC = splitList(c.String("rpc"))
	if a := c.String("contract"); a != "" {
		if !common.IsHexAddress(a) {
			return rc, usageError("--contract %q is not an address", a)
		}
		rc.Contract = common.HexToAddress(a)
	}
	rc.StartBlock = c.Uint64("start-block")
	return rc, nil
}

// devnetFrom reads the embedded devnet's flags; --contract and
// --start-block belong to --rpc.
func (rc *runConfig) devnetFrom(c *cli.Context) error {
	for _, n := range []string{"contract", "start-block"} {
		if c.IsSet(n) {
			return usageError("--%s is for --rpc; without it the embedded devnet deploys its own AVS", n)
		}
	}
	cfg, err := devnetShape(c)
	if err != nil {
		return err
	}
	if err := cfg.Check(); err != nil {
		return usageError("%v", err)
	}
	rc.Devnet = &cfg
	if !c.IsSet("block-time") {
		rc.BlockTime = cfg.BlockInterval
	}
	return nil
}

// splitList splits a comma-separated flag value, dropping blanks; nil for
// none.
func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// setFlags returns the names of those of flags that are set (on the
// command line, in the environment or in the --config file).
func setFlags(c *cli.Context, flags []cli.Flag) []string {
	var out []string
	for _, f := range flags {
		if name := f.Names()[0]; c.IsSet(name) {
			out = append(out, name)
		}
	}
	return out
}

// challengerConfig is the challenger's configuration from run's flags;
// AVS and ChainID are set once known.
func challengerConfig(c *cli.Context) (challenge.Config, error) {
	cfg := challenge.DefaultConfig(common.Address{})
	cfg.DryRun = c.Bool("dry-run")
	cfg.Confirmations, cfg.BumpAfter, cfg.MaxBumps = c.Uint64("challenge-confirmations"), c.Uint64("bump-after-blocks"), c.Int("max-bumps")
	cfg.DeadlineAlertBlocks = c.Uint64("deadline-alert-blocks")
	cfg.MaxFeeCap = nil
	if g := c.Uint64("max-fee-gwei"); g > 0 {
		cfg.MaxFeeCap = new(big.Int).Mul(new(big.Int).SetUint64(g), big.NewInt(params.GWei))
	}
	if s := c.String("max-bond"); s != "" {
		v, err := parseWei(s)
		if err != nil {
			return cfg, usageError("--max-bond %q: %v", s, err)
		}
		cfg.MaxBond = v
	}
	return cfg, nil
}

// parseWei reads an amount of wei: a decimal integer, or a decimal number
// followed by gwei or ether (0.5ether).
func parseWei(s string) (*big.Int, error) {
	unit := big.NewInt(1)
	num := strings.TrimSpace(s)
	for _, u := range []struct {
		suffix string
		wei    int64
	}{{"gwei", params.GWei}, {"ether", params.Ether}, {"wei", 1}} {
		if rest, ok := strings.CutSuffix(num, u.suffix); ok {
			num, unit = strings.TrimSpace(rest), big.NewInt(u.wei)
			break
		}
	}
	r, ok := new(big.Rat).SetString(num)
	if !ok || r.Sign() < 0 {
		return nil, errors.New("not a non-negative amount (wei, or with gwei or ether)")
	}
	r.Mul(r, new(big.Rat).SetInt(unit))
	if !r.IsInt() {
		return nil, errors.New("not a whole number of wei")
	}
	return new(big.Int).Set(r.Num()), nil
}

// weiToGwei is v in gwei, rounded down (0 for nil).
func weiToGwei(v *big.Int) uint64 {
	if v == nil {
		return 0
	}
	return new(big.Int).Quo(v, big.NewInt(params.GWei)).Uint64()
}

// Check reports every problem of the configuration that needs no look at
// the environment (preflight does that), each wrapping errRunConfig.
func (rc *runConfig) Check() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{errRunConfig}, args...)...))
	}
	if rc.Devnet == nil {
		switch {
		case len(rc.RPC) == 0:
			bad("--rpc names no URL")
		case rc.Contract == (common.Address{}):
			bad("--rpc needs --contract, the AVS address")
		case len(rc.DASources) == 0:
			bad("--rpc needs --da-sources: where the rounds' manifests and rows are fetched (the coordinator's store, a mirror, another watcher's /v1/objects)")
		}
	} else if rc.ChainID != 0 && rc.ChainID != devnetChainID {
		bad("--chain-id %d: the embedded devnet is chain %d", rc.ChainID, devnetChainID)
	}
	if rc.DATimeout <= 0 {
		bad("--da-timeout must be positive")
	}
	if len(rc.DASources) > 0 {
		if _, err := da.NewClient(da.Options{Sources: rc.DASources}); err != nil {
			bad("--da-sources: %v", err)
		}
	}
	if rc.PollInterval <= 0 || rc.BlockTime <= 0 {
		bad("--poll-interval and --block-time must be positive")
	}
	if rc.StallBlocks < 2 {
		bad("--stall-blocks %d: at least 2 block times", rc.StallBlocks)
	}
	if rc.DataDir == "" {
		bad("--data-dir is empty")
	}
	if rc.API.Addr != "" {
		if err := rc.API.Check(); err != nil {
			bad("%s: %v", apiFlagOf(err), err)
		}
	} else if rc.Admin {
		bad("--admin-api needs --api-addr")
	}
	ch := rc.Challenge
	ch.AVS = common.Address{1} // the AVS is known later; check the rest
	if err := ch.Check(); err != nil {
		bad("challenger: %v", err)
	}
	if rc.ProofGas == 0 || rc.ProofGas > solve.MaxTxGas {
		bad("--proof-gas %d: between 1 and %d", rc.ProofGas, solve.MaxTxGas)
	}
	if err := rc.Jobs.Check(); err != nil {
		bad("%v", err)
	}
	return errors.Join(errs...)
}

// apiFlagOf names the flag an api.Config.Check error is about.
func apiFlagOf(err error) string {
	switch {
	case errors.Is(err, api.ErrCORSOrigin):
		return "--api-cors-origin"
	case errors.Is(err, api.ErrExplorerURL):
		return "--explorer-url"
	}
	return "--api-addr"
}

// devnetChainID is the embedded devnet's chain id.
const devnetChainID = 1337

// stallAfter is how long the node may go without a new head or a
// successful call.
func (rc *runConfig) stallAfter() time.Duration {
	return time.Duration(rc.StallBlocks) * rc.BlockTime
}
