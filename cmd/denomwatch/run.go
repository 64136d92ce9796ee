package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/urfave/cli/v2"
	"golang.org/x/sync/errgroup"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/challenge"
	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/metrics"
	"github.com/denomwatch/denomwatch/rpcpool"
	"github.com/denomwatch/denomwatch/watcher"
)

// watchFlags are run's flags beyond the devnet's.
func watchFlags() []cli.Flag {
	def := api.DefaultConfig()
	return []cli.Flag{
		&cli.StringFlag{Name: "contract", Usage: "the AVS `ADDRESS` to watch (with --rpc)", EnvVars: []string{"DENOMWATCH_CONTRACT"}},
		&cli.Uint64Flag{Name: "start-block", Usage: "first `BLOCK` to read (the AVS's deployment block; with --rpc)", EnvVars: []string{"DENOMWATCH_START_BLOCK"}},
		&cli.StringFlag{Name: "data-dir", Value: "denomwatch-data", Usage: "`DIR` of the index (one Badger store per chain and contract below it)", EnvVars: []string{"DENOMWATCH_DATA_DIR"}},
		&cli.Int64Flag{Name: "confirmations", Value: -1, Usage: "read blocks this deep only (-1: 0 on a dev chain, id 1337, else 12)", EnvVars: []string{"DENOMWATCH_CONFIRMATIONS"}},
		&cli.DurationFlag{Name: "poll-interval", Value: time.Second, Usage: "how often to poll the head once caught up", EnvVars: []string{"DENOMWATCH_POLL_INTERVAL"}},
		&cli.StringFlag{Name: "api-addr", Value: def.Addr, Usage: "serve the HTTP API on `HOST:PORT` (\"\": no API)", EnvVars: []string{"DENOMWATCH_API_ADDR"}},
		&cli.Uint64Flag{Name: "ready-lag", Value: def.ReadyLag, Usage: "/readyz is ready within this many `BLOCKS` of the head", EnvVars: []string{"DENOMWATCH_READY_LAG"}},
		&cli.StringFlag{Name: "log-level", Value: "info", Usage: "debug, info, warn or error", EnvVars: []string{"DENOMWATCH_LOG_LEVEL"}},
	}
}

func logger(c *cli.Context) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.String("log-level"))); err != nil {
		return nil, usageError("--log-level %q: one of debug, info, warn, error", c.String("log-level"))
	}
	return slog.New(slog.NewTextHandler(c.App.ErrWriter, &slog.HandlerOptions{Level: level})), nil
}

// runMain is `denomwatch run`: without --rpc, the embedded devnet and a
// watcher of it; with --rpc, a watcher of the contract there.
func runMain(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageError("run takes no arguments, got %q", c.Args().Slice())
	}
	log, err := logger(c)
	if err != nil {
		return err
	}
	ctx := c.Context
	g, ctx := errgroup.WithContext(ctx)

	key, err := challengerKey(c, log)
	if err != nil {
		return err
	}
	metrics := metrics.New()
	opsMetrics := metrics
	var (
		chain      node
		avs        common.Address
		startBlock uint64
		chainID    uint64
	)
	if c.String("rpc") == "" {
		cfg, err := devnetConfig(c)
		if err != nil {
			return err
		}
		if key == nil && !c.Bool("dry-run") {
			// The embedded devnet funds a fresh challenger key, so that
			// `denomwatch run` proves the frauds it sees.
			if key, err = freshChallengerKey(); err != nil {
				return err
			}
			log.Info("challenger: a fresh key, funded by the embedded devnet", "address", crypto.PubkeyToAddress(key.PublicKey))
		}
		if key != nil {
			cfg.Fund = append(cfg.Fund, crypto.PubkeyToAddress(key.PublicKey))
		}
		cfg.Out, cfg.Log = c.App.Writer, log
		d, err := devnet.New(cfg)
		if err != nil {
			return usageError("%v", err)
		}
		defer d.Close()
		if err := d.Start(ctx); err != nil {
			return cli.Exit(fmt.Sprintf("devnet: %v", err), 1)
		}
		desc := d.Description()
		chain, avs, startBlock, chainID = d.Client(), desc.AVS, desc.StartBlock, desc.ChainID
		g.Go(func() error { return d.Run(ctx) })
	} else {
		if !common.IsHexAddress(c.String("contract")) {
			return usageError("--rpc needs --contract, the AVS address")
		}
		// One or more endpoints: calls fail over to the next healthy one.
		var urls []string
		for _, u := range strings.Split(c.String("rpc"), ",") {
			if u = strings.TrimSpace(u); u != "" {
				urls = append(urls, u)
			}
		}
		pool, err := rpcpool.Dial(ctx, urls, rpcpool.Options{Log: log, OnSwitch: func(from, to string, _ error) {
			opsMetrics.RPCSwitched(to)
		}})
		if err != nil {
			return cli.Exit(fmt.Sprintf("rpc: %v", err), 1)
		}
		defer pool.Close()
		id, err := pool.ChainID(ctx)
		if err != nil {
			return cli.Exit(fmt.Sprintf("chain id: %v", err), 1)
		}
		log.Info("rpc endpoints", "using", pool.Current(), "endpoints", len(urls))
		opsMetrics.RPCInUse(pool.Current())
		chain, avs, startBlock, chainID = pool, common.HexToAddress(c.String("contract")), c.Uint64("start-block"), id.Uint64()
	}
	confirmations := c.Int64("confirmations")
	if confirmations < 0 {
		confirmations = 12
		if chainID == 1337 {
			confirmations = 0
		}
	}

	dir := filepath.Join(c.String("data-dir"), fmt.Sprintf("%d-%s", chainID, strings.ToLower(avs.Hex())))
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return ioError(fmt.Errorf("data directory: %w", err))
	}
	store, err := index.Open(index.Options{Dir: dir, Logger: log, DeferSync: true})
	if err != nil {
		return cli.Exit(fmt.Sprintf("open the index in %s: %v", dir, err), 1)
	}
	defer store.Close()

	o, err := newOps(c, chainID, avs, store, opsMetrics, log)
	if err != nil {
		return err
	}
	var challengeStore challenge.Store = store
	if o.dispatcher == nil {
		challengeStore = discardAlerts{store}
	}
	ccfg := challengerConfig(c, avs, chainID)
	if !c.IsSet("challenge-confirmations") {
		// A proof counts as confirmed no shallower than the watcher reads:
		// a reorganisation that drops a confirmed proof is not followed up.
		ccfg.Confirmations = max(ccfg.Confirmations, uint64(confirmations))
	}
	ch, err := challenge.New(ccfg, chain, challengeStore, key, log, metrics)
	if err != nil {
		return usageError("challenger: %v", err)
	}
	switch {
	case key == nil:
		log.Warn("no challenger key: monitor-only, frauds are reported but not proven (set $" + challengerKeyEnv + ", --challenger-key-file or --challenger-keystore)")
	case c.Bool("dry-run"):
		log.Info("challenger in dry run: proofs are built and simulated, never sent", "address", ch.Address())
	default:
		log.Info("challenger ready", "address", ch.Address())
	}
	roundAlerts, onAlerts := o.roundAlerts()
	w, err := watcher.New(ctx, watcher.Config{
		AVS: avs, StartBlock: startBlock, Confirmations: uint64(confirmations),
		PollInterval: c.Duration("poll-interval"), Log: log,
		Alerts: roundAlerts, OnAlerts: onAlerts,
	}, chain, challenge.NotifyingStore{Store: store, Challenger: ch}, &watcher.CalldataSource{Chain: chain, AVS: avs}, metrics)
	if err != nil {
		return cli.Exit(fmt.Sprintf("watcher: %v", err), 1)
	}
	log.Info("watching", "avs", avs, "chain", chainID, "from", startBlock, "confirmations", confirmations, "index", dir)
	g.Go(func() error { return w.Run(ctx) })
	g.Go(func() error { return ch.Run(ctx) })
	if err := o.start(ctx, g, c, store, w, openChallenges(store, log), challengeCounts(store), log); err != nil {
		return err
	}

	if addr := c.String("api-addr"); addr != "" {
		acfg := api.DefaultConfig()
		acfg.Addr, acfg.ReadyLag = addr, c.Uint64("ready-lag")
		srv, err := api.New(acfg, store, w, metrics.Registry(), log)
		if err != nil {
			return usageError("api: %v", err)
		}
		if err := srv.Start(ctx); err != nil {
			return cli.Exit(fmt.Sprintf("api: %v", err), 1)
		}
		log.Info("serving the API", "addr", srv.Addr())
		g.Go(func() error {
			<-ctx.Done()
			stopCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			return srv.Stop(stopCtx)
		})
	}
	if err := g.Wait(); err != nil && !errors.Is(err, context.Canceled) {
		return cli.Exit(fmt.Sprintf("run: %v", err), 1)
	}
	return nil
}

// node is what the watcher and the challenger need from the chain: the
// embedded devnet's client or an ethclient.
type node interface {
	watcher.Chain
	challenge.Chain
}
