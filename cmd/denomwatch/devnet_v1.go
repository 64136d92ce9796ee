package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/denomwatch/denomwatch/internal/v1/devnet"
)

// defaultRunFaults is the fault schedule `denomwatch run` gives its embedded devnet.
const defaultRunFaults = "3:amount,5:publication,8:denominator,11:conservation,14:withheld,17:malformed-commitments,20:forwarded"

// devnetShapeFlags are the devnet's own flags: the embedded chain, the
// deployment, the rounds and their faults (no category: each command sets
// its own).
func devnetShapeFlags(defaultFaults string) []cli.Flag {
	def := devnet.DefaultConfig()
	return []cli.Flag{
		&cli.IntFlag{Name: "http-port", Value: def.HTTPPort, Usage: "embedded chain: JSON-RPC over HTTP on 127.0.0.1:`PORT` (0: none)", EnvVars: env("http-port")},
		&cli.IntFlag{Name: "ws-port", Value: def.WSPort, Usage: "embedded chain: JSON-RPC over WebSocket on 127.0.0.1:`PORT` (0: none)", EnvVars: env("ws-port")},
		&cli.DurationFlag{Name: "block-interval", Value: def.BlockInterval, Usage: "embedded chain: seal a block every `DURATION`", EnvVars: env("block-interval")},
		&cli.IntFlag{Name: "operators", Value: def.Operators, Usage: "`N` operators to register", EnvVars: env("operators")},
		&cli.Int64Flag{Name: "stake", Value: def.StakeEther, Usage: "each operator's stake in `ETH`", EnvVars: env("stake")},
		&cli.Uint64Flag{Name: "challenge-window", Value: def.ChallengeWindow, Usage: "challenge window in `BLOCKS`", EnvVars: env("challenge-window")},
		&cli.IntFlag{Name: "rounds", Value: def.Rounds, Usage: "`N` rounds to run, then exit once all are settled (0: until stopped)", EnvVars: env("rounds")},
		&cli.Uint64Flag{Name: "round-every", Value: def.RoundEvery, Usage: "`BLOCKS` between two rounds", EnvVars: env("round-every")},
		&cli.IntFlag{Name: "providers", Value: def.Providers, Usage: "`N` providers per round", EnvVars: env("providers")},
		&cli.IntFlag{Name: "recipients", Value: def.Recipients, Usage: "`N` recipients in the pool", EnvVars: env("recipients")},
		&cli.IntFlag{Name: "entries", Value: def.EntriesPerRow, Usage: "`N` entries per provider (the density: entries / recipients)", EnvVars: env("entries")},
		&cli.StringFlag{Name: "faults", Value: defaultFaults, Usage: "fault schedule `ROUND:KIND[@INDEX],...`; kinds: amount, denominator, conservation, publication, withheld, malformed-commitments, forwarded", EnvVars: env("faults")},
		&cli.Uint64Flag{Name: "seed", Value: def.Seed, Usage: "`SEED` of keys and rounds, for a reproducible run (0: fresh)", EnvVars: env("seed")},
		&cli.StringFlag{Name: "describe", Value: def.Describe, Usage: "write the deployment's JSON description to `FILE` (\"\": none)", EnvVars: env("describe")},
		&cli.StringFlag{Name: "fund", Usage: "extra `ADDRESSES` (comma-separated) to fund with 1000 ETH, such as a challenger's", EnvVars: env("fund")},
	}
}

// devnetV1Command runs the protocol v1 devnet, which `denomwatch run`
// embeds until the watcher speaks v2; hidden, for the v1 end-to-end tests.
func devnetV1Command() *cli.Command {
	flags := append(append(deployFlags(), inCategory("DEVNET", devnetShapeFlags("")...)...), logFlags("warn")...)
	flags, before := withConfigFile(flags)
	return &cli.Command{
		Name:   "devnet-v1",
		Hidden: true,
		Usage:  "run the protocol v1 devnet (what `run` embeds until the watcher moves to v2)",
		Description: `Starts go-ethereum's simulated chain in-process and serves its JSON-RPC on
127.0.0.1 (or, with --rpc, deploys onto an existing node such as geth --dev),
deploys the AVS, registers operators with fresh BN254 keys and stake, and runs
rounds: the coordinator posts commitments, the operators recompute and sign,
the aggregator submits the batch, and rounds are finalized after their
challenge window. Rounds named in --faults are signed wrong by a colluding
quorum. Writes a JSON description of the deployment (--describe) and prints
a line per event. Stops on a signal or, with --rounds, when every round is settled.`,
		Flags:        flags,
		Before:       before,
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			return runDevnetV1(c)
		},
	}
}

// devnetConfig maps the devnet-v1 command's flags onto devnet.Config.
func devnetConfig(c *cli.Context) (devnet.Config, error) {
	cfg, err := devnetShape(c)
	if err != nil {
		return cfg, err
	}
	cfg.RPC = c.String("rpc")
	key, err := fundingKey(c)
	if err != nil {
		return cfg, err
	}
	cfg.Key = key
	if cfg.RPC == "" && cfg.Key != nil {
		return cfg, usageError("--key and --keystore are for --rpc; the embedded chain funds its own accounts")
	}
	if err := cfg.Check(); err != nil {
		return cfg, usageError("%v", err)
	}
	return cfg, nil
}

// devnetShape maps the devnet's shape flags (devnetShapeFlags) onto
// devnet.Config; the caller checks it.
func devnetShape(c *cli.Context) (devnet.Config, error) {
	cfg := devnet.DefaultConfig()
	cfg.HTTPPort, cfg.WSPort = c.Int("http-port"), c.Int("ws-port")
	cfg.BlockInterval = c.Duration("block-interval")
	cfg.Operators, cfg.StakeEther = c.Int("operators"), c.Int64("stake")
	cfg.ChallengeWindow, cfg.Rounds, cfg.RoundEvery = c.Uint64("challenge-window"), c.Int("rounds"), c.Uint64("round-every")
	cfg.Providers, cfg.Recipients, cfg.EntriesPerRow = c.Int("providers"), c.Int("recipients"), c.Int("entries")
	cfg.Seed, cfg.Describe = c.Uint64("seed"), c.String("describe")
	faults, err := devnet.ParseFaults(c.String("faults"))
	if err != nil {
		return cfg, usageError("--faults: %v", err)
	}
	cfg.Faults = faults
	cfg.Fund, err = fundAddresses(c.String("fund"))
	if err != nil {
		return cfg, err
	}
	return cfg, nil
}

func runDevnetV1(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageError("%s takes no arguments, got %q", c.Command.Name, c.Args().Slice())
	}
	cfg, err := devnetConfig(c)
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
	ctx := c.Context
	if err := d.Start(ctx); err != nil {
		if errors.Is(err, context.Canceled) {
			return nil
		}
		return cli.Exit(fmt.Sprintf("devnet: %v", err), 1)
	}
	if err := d.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return cli.Exit(fmt.Sprintf("devnet: %v", err), 1)
	}
	return nil
}
