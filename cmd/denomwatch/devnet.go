package main

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/urfave/cli/v2"

	"github.com/denomwatch/denomwatch/devnet"
)

func devnetCommand() *cli.Command {
	flags := append(append(deployFlags(), inCategory("DEVNET", devnetFlags(devnet.DefaultConfig().Faults.String())...)...), logFlags("warn")...)
	flags, before := withConfigFile(flags)
	return &cli.Command{
		Name:  "devnet",
		Usage: "run a working AVS (protocol v2) with honest and dishonest operators on an embedded chain (or an existing node)",
		Description: `Starts go-ethereum's simulated chain in-process and serves its JSON-RPC on
127.0.0.1 (or, with --rpc, deploys onto an existing node such as geth --dev),
deploys the AVS, registers operators with fresh BN254 keys and stake, and runs
rounds: the coordinator publishes each round's manifest and rows to the
data-availability store (--da-dir, served over HTTP on --da-port) and commits
their root; the operators read the round back through the da client, check it
against the on-chain root, recompute and sign; the aggregator submits the
batch and publishes its allocations; rounds are finalized after their
window, and availability challenges of published data are answered.

Rounds named in --faults go wrong, ROUND:FAULT,... where FAULT is one of
  amount[@P[.J]]           a colluding quorum signs entry J of row P off
  denominator[@P]          row P allocated with twice its denominator
  conservation[@P]         row P hands out more than its capacity
  malformed:RULE[:signed]  the round breaks a section 3 rule; honest operators
                           refuse it (with :signed colluders sign it anyway)
  withheld-row[@P][:reveal]     row P kept back, a wrong allocation of it signed;
                           :reveal answers an availability challenge with it
  withheld-manifest[:reveal]    the manifest kept back, the round signed
  unopenable               a root no data opens, signed anyway
  forwarded                an honest batch submitted through a contract
  replay                   an amount fault whose voided batch is sent again
  churn                    an operator exits, withdraws; a newcomer takes its index
(P and J left out: chosen at random). Writes a JSON description of the
deployment (--describe) and prints a line per event. Stops on a signal or,
with --rounds, when every round is settled.`,
		Flags:        flags,
		Before:       before,
		OnUsageError: onUsageError,
		Action:       runDevnet,
	}
}

// devnetFlags are the devnet's own flags: the embedded chain, the DA store,
// the deployment, the rounds and their faults (defaultFaults: the schedule
// without --faults). No category: each command sets its own.
func devnetFlags(defaultFaults string) []cli.Flag {
	def := devnet.DefaultConfig()
	return []cli.Flag{
		&cli.IntFlag{Name: "http-port", Value: def.HTTPPort, Usage: "embedded chain: JSON-RPC over HTTP on 127.0.0.1:`PORT` (0: none)", EnvVars: env("http-port")},
		&cli.IntFlag{Name: "ws-port", Value: def.WSPort, Usage: "embedded chain: JSON-RPC over WebSocket on 127.0.0.1:`PORT` (0: none)", EnvVars: env("ws-port")},
		&cli.DurationFlag{Name: "block-interval", Value: def.BlockInterval, Usage: "embedded chain: seal a block every `DURATION`", EnvVars: env("block-interval")},
		&cli.StringFlag{Name: "da-dir", Value: def.DADir, Usage: "publish round objects to the store in `DIR`", EnvVars: env("da-dir")},
		&cli.IntFlag{Name: "da-port", Value: def.DAPort, Usage: "serve the store over HTTP on 127.0.0.1:`PORT` (0: not served; operators read the directory)", EnvVars: env("da-port")},
		&cli.IntFlag{Name: "operators", Value: def.Operators, Usage: "`N` operators to register", EnvVars: env("operators")},
		&cli.Int64Flag{Name: "stake", Value: def.StakeEther, Usage: "each operator's stake in `ETH`", EnvVars: env("stake")},
		&cli.Uint64Flag{Name: "challenge-window", Value: def.ChallengeWindow, Usage: "challenge window in `BLOCKS`", EnvVars: env("challenge-window")},
		&cli.Uint64Flag{Name: "resolve-window", Value: def.ResolveWindow, Usage: "`BLOCKS` to answer an availability challenge", EnvVars: env("resolve-window")},
		&cli.Uint64Flag{Name: "reveal-window", Value: def.RevealWindow, Usage: "`BLOCKS` a revealed object stays provable", EnvVars: env("reveal-window")},
		&cli.IntFlag{Name: "rounds", Value: def.Rounds, Usage: "`N` rounds to run, then exit once all are settled (0: until stopped)", EnvVars: env("rounds")},
		&cli.Uint64Flag{Name: "round-every", Value: def.RoundEvery, Usage: "`BLOCKS` between two rounds", EnvVars: env("round-every")},
		&cli.IntFlag{Name: "providers", Value: def.Providers, Usage: "`N` providers per round (the design's size: 100)", EnvVars: env("providers")},
		&cli.IntFlag{Name: "recipients", Value: def.Recipients, Usage: "`N` recipients in the pool (the design's size: 1000)", EnvVars: env("recipients")},
		&cli.IntFlag{Name: "entries", Value: def.EntriesPerRow, Usage: "`N` entries per provider (0: every recipient)", EnvVars: env("entries")},
		&cli.StringFlag{Name: "faults", Value: defaultFaults, Usage: "fault schedule `ROUND:FAULT,...` (see the description)", EnvVars: env("faults")},
		&cli.Uint64Flag{Name: "seed", Value: def.Seed, Usage: "`SEED` of keys and rounds, for a reproducible run (0: fresh)", EnvVars: env("seed")},
		&cli.StringFlag{Name: "describe", Value: def.Describe, Usage: "write the deployment's JSON description to `FILE` (\"\": none)", EnvVars: env("describe")},
		&cli.StringFlag{Name: "fund", Usage: "extra `ADDRESSES` (comma-separated) to fund with 1000 ETH, such as a challenger's", EnvVars: env("fund")},
	}
}

// devnetCommandConfig maps the devnet command's flags onto devnet.Config
// and checks it.
func devnetCommandConfig(c *cli.Context) (devnet.Config, error) {
	cfg, err := devnetShape(c)
	if err != nil {
		return cfg, err
	}
	cfg.RPC = c.String("rpc")
	if cfg.Key, err = fundingKey(c); err != nil {
		return cfg, err
	}
	if cfg.RPC == "" && cfg.Key != nil {
		return cfg, usageError("--key and --keystore are for --rpc; the embedded chain funds its own accounts")
	}
	if err := cfg.Check(); err != nil {
		return cfg, usageError("%v", err)
	}
	return cfg, nil
}

// devnetShape maps the devnet's own flags (devnetFlags) onto devnet.Config;
// the caller checks it.
func devnetShape(c *cli.Context) (devnet.Config, error) {
	cfg := devnet.DefaultConfig()
	cfg.HTTPPort, cfg.WSPort, cfg.BlockInterval = c.Int("http-port"), c.Int("ws-port"), c.Duration("block-interval")
	cfg.DADir, cfg.DAPort = c.String("da-dir"), c.Int("da-port")
	cfg.Operators, cfg.StakeEther = c.Int("operators"), c.Int64("stake")
	cfg.ChallengeWindow, cfg.ResolveWindow, cfg.RevealWindow = c.Uint64("challenge-window"), c.Uint64("resolve-window"), c.Uint64("reveal-window")
	cfg.Rounds, cfg.RoundEvery = c.Int("rounds"), c.Uint64("round-every")
	cfg.Providers, cfg.Recipients, cfg.EntriesPerRow = c.Int("providers"), c.Int("recipients"), c.Int("entries")
	cfg.Seed, cfg.Describe = c.Uint64("seed"), c.String("describe")
	var err error
	if cfg.Faults, err = devnet.ParseFaults(c.String("faults")); err != nil {
		return cfg, usageError("--faults: %v", err)
	}
	if cfg.Fund, err = fundAddresses(c.String("fund")); err != nil {
		return cfg, err
	}
	return cfg, nil
}

// fundAddresses parses --fund.
func fundAddresses(s string) ([]common.Address, error) {
	if s == "" {
		return nil, nil
	}
	var out []common.Address
	for _, a := range strings.Split(s, ",") {
		a = strings.TrimSpace(a)
		if !common.IsHexAddress(a) {
			return nil, usageError("--fund: %q is not an address", a)
		}
		out = append(out, common.HexToAddress(a))
	}
	return out, nil
}

func runDevnet(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageError("%s takes no arguments, got %q", c.Command.Name, c.Args().Slice())
	}
	cfg, err := devnetCommandConfig(c)
	if err != nil {
		return err
	}
	lc, err := logConfigFrom(c)
	if err != nil {
		return err
	}
	cfg.Out, cfg.Log = c.App.Writer, lc.logger(c.App.ErrWriter)
	d, err := devnet.New(cfg)
	if err != nil {
		return usageError("%v", err)
	}
	defer d.Close()
	if err := d.Start(c.Context); err != nil {
		if errors.Is(err, context.Canceled) {
			return nil
		}
		return cli.Exit(fmt.Sprintf("devnet: %v", err), 1)
	}
	if err := d.Run(c.Context); err != nil && !errors.Is(err, context.Canceled) {
		return cli.Exit(fmt.Sprintf("devnet: %v", err), 1)
	}
	return nil
}

// deployFlags are the devnet command's flags for deploying onto an existing
// node.
func deployFlags() []cli.Flag {
	return inCategory(catDeploy,
		&cli.StringFlag{Name: "rpc", Usage: "deploy onto an existing node at `URL` instead of the embedded chain", EnvVars: env("rpc")},
		&cli.StringFlag{Name: "key", Usage: "funding and deployer key on --rpc, `HEX` (prefer the environment variable)", EnvVars: env("key", "DENOMWATCH_DEVNET_KEY")},
		&cli.StringFlag{Name: "keystore", Usage: "funding key on --rpc from a go-ethereum keystore `FILE`", EnvVars: env("keystore", "DENOMWATCH_DEVNET_KEYSTORE")},
		&cli.StringFlag{Name: "password-file", Usage: "`FILE` holding the keystore's password", EnvVars: env("password-file", "DENOMWATCH_DEVNET_PASSWORD_FILE")},
	)
}

// fundingKey reads the deployer key from --key (or its environment
// variable) or from --keystore with --password-file. It never logs the key.
func fundingKey(c *cli.Context) (*ecdsa.PrivateKey, error) {
	hexKey, ks := c.String("key"), c.String("keystore")
	switch {
	case hexKey != "" && ks != "":
		return nil, usageError("give --key or --keystore, not both")
	case hexKey != "":
		k, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(hexKey), "0x"))
		if err != nil {
			return nil, usageError("--key is not a secp256k1 private key in hex")
		}
		return k, nil
	case ks != "":
		raw, err := os.ReadFile(ks)
		if err != nil {
			return nil, ioError(fmt.Errorf("read keystore: %w", err))
		}
		var password string
		if pf := c.String("password-file"); pf != "" {
			pw, err := os.ReadFile(pf)
			if err != nil {
				return nil, ioError(fmt.Errorf("read password file: %w", err))
			}
			password = strings.TrimRight(string(pw), "\r\n")
		}
		k, err := keystore.DecryptKey(raw, password)
		if err != nil {
			return nil, usageError("keystore %s: %v", ks, err)
		}
		return k.PrivateKey, nil
	}
	return nil, nil
}
