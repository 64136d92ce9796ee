package main

import (
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/challenge"
	"github.com/denomwatch/denomwatch/jobs"
)

// Defaults of run's flags that no package owns.
const (
	defaultBlockTime        = 12 * time.Second
	defaultStallBlocks      = 10
	defaultProofGas         = 3_000_000
	defaultLowBalanceProofs = 3
	defaultMinFreeMB        = 256
	defaultDataDir          = "denomwatch-data"
	defaultDATimeout        = 30 * time.Second
)

// runFlags are `denomwatch run`'s flags, by category.
func runFlags() []cli.Flag {
	var flags []cli.Flag
	for _, group := range [][]cli.Flag{
		chainFlags(), indexFlags(), apiFlags(), challengerFlags(), opsFlags(),
		logFlags("info"), embeddedDevnetFlags(defaultRunFaults),
	} {
		flags = append(flags, group...)
	}
	return flags
}

func chainFlags() []cli.Flag {
	return inCategory(catChain,
		&cli.StringFlag{Name: "rpc", Usage: "watch the AVS on the node at `URLS` (comma-separated: tried in order, failing over) instead of the embedded devnet", EnvVars: env("rpc")},
		&cli.StringFlag{Name: "contract", Usage: "the AVS `ADDRESS` to watch (with --rpc)", EnvVars: env("contract")},
		&cli.Uint64Flag{Name: "start-block", Usage: "first `BLOCK` to read: the AVS's deployment block (with --rpc)", EnvVars: env("start-block")},
		&cli.StringFlag{Name: "da-sources", Usage: "where round objects are fetched, `SOURCES` in order of preference (comma-separated): http(s) base URLs, such as another watcher's http://HOST:PORT/v1/objects, or directories; needed with --rpc; without it: the embedded devnet's store", EnvVars: env("da-sources")},
		&cli.BoolFlag{Name: "trust-rpc", Usage: "believe the endpoints' answers without checking them against block headers and each other (fewer calls; a lying endpoint can then hide a fraud: see README, Trust model)", EnvVars: env("trust-rpc")},
		&cli.DurationFlag{Name: "da-timeout", Value: defaultDATimeout, Usage: "give up one fetch from one source after `DURATION` (the next source is tried)", EnvVars: env("da-timeout")},
		&cli.Uint64Flag{Name: "chain-id", Usage: "refuse to start unless the node serves chain `ID` (0: any)", EnvVars: env("chain-id")},
		&cli.Int64Flag{Name: "confirmations", Value: -1, Usage: "read blocks this many `BLOCKS` deep only (-1: 0 on a dev chain, id 1337, else 12)", EnvVars: env("confirmations")},
		&cli.DurationFlag{Name: "poll-interval", Value: time.Second, Usage: "poll the head every `DURATION` once caught up", EnvVars: env("poll-interval")},
		&cli.DurationFlag{Name: "block-time", Value: defaultBlockTime, Usage: "the chain's block `DURATION`: the node's health is probed at this pace (without --rpc: the devnet's --block-interval)", EnvVars: env("block-time")},
		&cli.Uint64Flag{Name: "stall-blocks", Value: defaultStallBlocks, Usage: "the node is stalled (not ready, node_stalled raised) after this many block times, `N`, without a new head or a successful call", EnvVars: env("stall-blocks")},
	)
}

func indexFlags() []cli.Flag {
	return inCategory(catIndex,
		&cli.StringFlag{Name: "data-dir", Value: defaultDataDir, Usage: "`DIR` of the index (one Badger store per chain and contract below it)", EnvVars: env("data-dir")},
		&cli.Uint64Flag{Name: "min-free-mb", Value: defaultMinFreeMB, Usage: "stop writing the index (and resume by itself) while the data directory's file system has less than `MB` free", EnvVars: env("min-free-mb")},
	)
}

func apiFlags() []cli.Flag {
	def := api.DefaultConfig()
	return inCategory(catAPI,
		&cli.StringFlag{Name: "api-addr", Value: def.Addr, Usage: "serve the HTTP API on `HOST:PORT` (\"\": no API)", EnvVars: env("api-addr")},
		&cli.Uint64Flag{Name: "ready-lag", Value: def.ReadyLag, Usage: "/readyz is ready within this many `BLOCKS` of the head (and while the node is not stalled)", EnvVars: env("ready-lag")},
		&cli.BoolFlag{Name: "admin-api", Usage: "serve the admin endpoints (/admin/deadletters: list, requeue) on --api-addr; keep the address private", EnvVars: env("admin-api")},
		&cli.StringFlag{Name: "api-cors-origin", Usage: "let pages of these `ORIGINS` (comma-separated scheme://host[:port], or * for any) read the API's GET answers (CORS; never the admin endpoints); none: CORS off", EnvVars: env("api-cors-origin")},
		&cli.StringFlag{Name: "explorer-url", Usage: "block explorer base `URL` (https://etherscan.io, say): the recipient page at / links a proof transaction to URL/tx/HASH; none: the page shows the hash to copy", EnvVars: env("explorer-url")},
	)
}

func challengerFlags() []cli.Flag {
	def := challenge.DefaultConfig(common.Address{})
	return inCategory(catChallenger,
		&cli.StringFlag{Name: "challenger-key-file", Usage: "challenger key from `FILE` (hex); or the key in $" + challengerKeyEnv + ", or --challenger-keystore; none: monitor-only", EnvVars: env("challenger-key-file")},
		&cli.StringFlag{Name: "challenger-keystore", Usage: "challenger key from a go-ethereum keystore `FILE`", EnvVars: env("challenger-keystore")},
		&cli.StringFlag{Name: "challenger-password-file", Usage: "`FILE` holding the keystore's password", EnvVars: env("challenger-password-file")},
		&cli.BoolFlag{Name: "dry-run", Usage: "build and simulate proofs and challenges, never send them", EnvVars: env("dry-run")},
		&cli.Uint64Flag{Name: "challenge-confirmations", Value: def.Confirmations, Usage: "an event the challenger acts on counts once this many `BLOCKS` deep (unset: the larger of this and --confirmations)", EnvVars: env("challenge-confirmations")},
		&cli.Uint64Flag{Name: "bump-after-blocks", Value: def.BumpAfter, Usage: "replace a move not mined after `BLOCKS` with fees 12.5% higher", EnvVars: env("bump-after-blocks")},
		&cli.IntFlag{Name: "max-bumps", Value: def.MaxBumps, Usage: "replace a move at most `N` times", EnvVars: env("max-bumps")},
		&cli.Uint64Flag{Name: "max-fee-gwei", Value: weiToGwei(def.MaxFeeCap), Usage: "never pay more than `GWEI` per gas for a move (0: no cap)", EnvVars: env("max-fee-gwei")},
		&cli.Uint64Flag{Name: "deadline-alert-blocks", Value: def.DeadlineAlertBlocks, Usage: "raise deadline_at_risk when a batch judged wrong is still live `BLOCKS` before its deadline (0: never)", EnvVars: env("deadline-alert-blocks")},
		&cli.StringFlag{Name: "max-bond", Usage: "put at most `WEI` at risk in one round's availability challenges (a decimal amount, or with the unit gwei or ether: 0.5ether; none: one bond, the contract's)", EnvVars: env("max-bond")},
		&cli.Uint64Flag{Name: "proof-gas", Value: defaultProofGas, Usage: "`GAS` one proof is budgeted at: the key must pay one at start, and balance_low is raised below --low-balance-proofs of them", EnvVars: env("proof-gas")},
		&cli.Uint64Flag{Name: "low-balance-proofs", Value: defaultLowBalanceProofs, Usage: "raise balance_low when the key's balance pays fewer than `N` proofs at the current fees", EnvVars: env("low-balance-proofs")},
	)
}

func opsFlags() []cli.Flag {
	def := jobs.DefaultConfig()
	return inCategory(catAlerts,
		&cli.StringFlag{Name: "webhooks", Usage: "webhook configuration `FILE` (YAML; see alerts/WEBHOOKS.md); none: no alerts", EnvVars: env("webhooks")},
		&cli.StringFlag{Name: "reaudit-schedule", Value: def.Reaudit, Usage: "cron `SPEC` of the re-audit of rounds in their window (\"\": off)", EnvVars: env("reaudit-schedule")},
		&cli.Uint64Flag{Name: "reaudit-lookback", Value: def.ReauditLookback, Usage: "re-audit rounds committed in the last `BLOCKS`", EnvVars: env("reaudit-lookback")},
		&cli.StringFlag{Name: "lag-schedule", Value: def.Lag, Usage: "cron `SPEC` of the health check: watcher lag, stalled node, challenger balance (\"\": off)", EnvVars: env("lag-schedule")},
		&cli.Uint64Flag{Name: "lag-alert-blocks", Value: def.LagBlocks, Usage: "raise watcher_lagging beyond this many `BLOCKS` behind the head", EnvVars: env("lag-alert-blocks")},
		&cli.StringFlag{Name: "digest-schedule", Value: def.Digest, Usage: "cron `SPEC` of the daily digest webhook, e.g. \"0 9 * * *\" (\"\": off)", EnvVars: env("digest-schedule")},
		&cli.StringFlag{Name: "prune-schedule", Value: def.Prune, Usage: "cron `SPEC` of retention pruning (\"\": off)", EnvVars: env("prune-schedule")},
		&cli.DurationFlag{Name: "retention", Value: def.Retention, Usage: "prune the data of settled rounds committed longer than `DURATION` ago (0: keep everything)", EnvVars: env("retention")},
	)
}

// logFlags are the logging flags, the level defaulting to defaultLevel.
func logFlags(defaultLevel string) []cli.Flag {
	return inCategory(catLogging,
		&cli.StringFlag{Name: "log-level", Value: defaultLevel, Usage: "`LEVEL`: debug, info, warn or error", EnvVars: env("log-level")},
		&cli.StringFlag{Name: "log-format", Aliases: []string{"log.format"}, Value: "text", Usage: "`FORMAT` of the log: text (key=value) or json (one object a line)", EnvVars: env("log-format")},
	)
}

// embeddedDevnetFlags are the flags of the devnet run embeds without --rpc;
// with --rpc, run refuses them.
func embeddedDevnetFlags(defaultFaults string) []cli.Flag {
	return inCategory(catDevnet, devnetFlags(defaultFaults)...)
}
