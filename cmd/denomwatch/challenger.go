package main

import (
	"crypto/ecdsa"
	"log/slog"
	"math/big"
	"os"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"
	"github.com/urfave/cli/v2"

	"github.com/denomwatch/denomwatch/challenge"
	"github.com/denomwatch/denomwatch/index"
)

// challengerKeyEnv holds the challenger key (hex) when it comes from the
// environment; there is no flag for the key itself, which would show in ps.
const challengerKeyEnv = "DENOMWATCH_CHALLENGER_KEY"

// challengerFlags are run's flags for the challenger.
func challengerFlags() []cli.Flag {
	def := challenge.DefaultConfig(common.Address{})
	return []cli.Flag{
		&cli.StringFlag{Name: "challenger-key-file", Usage: "challenger key from `FILE` (hex); or the key in $" + challengerKeyEnv + ", or --challenger-keystore; none: monitor-only", EnvVars: []string{"DENOMWATCH_CHALLENGER_KEY_FILE"}},
		&cli.StringFlag{Name: "challenger-keystore", Usage: "challenger key from a go-ethereum keystore `FILE`", EnvVars: []string{"DENOMWATCH_CHALLENGER_KEYSTORE"}},
		&cli.StringFlag{Name: "challenger-password-file", Usage: "`FILE` holding the keystore's password", EnvVars: []string{"DENOMWATCH_CHALLENGER_PASSWORD_FILE"}},
		&cli.BoolFlag{Name: "dry-run", Usage: "build and simulate fraud proofs, never send them", EnvVars: []string{"DENOMWATCH_DRY_RUN"}},
		&cli.Uint64Flag{Name: "challenge-confirmations", Value: def.Confirmations, Usage: "a mined proof is confirmed this many `BLOCKS` deep (unset: the larger of this and --confirmations)", EnvVars: []string{"DENOMWATCH_CHALLENGE_CONFIRMATIONS"}},
		&cli.Uint64Flag{Name: "bump-after-blocks", Value: def.BumpAfterBlocks, Usage: "replace a proof not mined after `BLOCKS` with higher fees", EnvVars: []string{"DENOMWATCH_BUMP_AFTER_BLOCKS"}},
		&cli.Uint64Flag{Name: "max-fee-gwei", Value: challenge.DefaultMaxFeeCapGwei, Usage: "never pay more than `GWEI` per gas for a proof (0: no cap)", EnvVars: []string{"DENOMWATCH_MAX_FEE_GWEI"}},
		&cli.Uint64Flag{Name: "deadline-alert-blocks", Value: def.DeadlineAlertBlocks, Usage: "raise deadline_at_risk when a fraud's window closes within `BLOCKS` unproven (0: never)", EnvVars: []string{"DENOMWATCH_DEADLINE_ALERT_BLOCKS"}},
	}
}

// challengerKey reads the challenger key from the environment, a file or a
// keystore; nil means monitor-only. It never logs the key.
func challengerKey(c *cli.Context, log *slog.Logger) (*ecdsa.PrivateKey, error) {
	src := challenge.KeySource{File: c.String("challenger-key-file"), Keystore: c.String("challenger-keystore"), PasswordFile: c.String("challenger-password-file")}
	if _, ok := os.LookupEnv(challengerKeyEnv); ok {
		src.Env = challengerKeyEnv
	}
	key, warnings, err := challenge.LoadKey(src)
	if err != nil {
		return nil, usageError("challenger key: %v", err)
	}
	for _, w := range warnings {
		log.Warn("challenger key: " + w)
	}
	return key, nil
}

// freshChallengerKey makes a key for the embedded devnet, which funds it.
func freshChallengerKey() (*ecdsa.PrivateKey, error) {
	return crypto.GenerateKey()
}

// challengerConfig is the challenger's configuration from run's flags.
func challengerConfig(c *cli.Context, avs common.Address, chainID uint64) challenge.Config {
	cfg := challenge.DefaultConfig(avs)
	cfg.ChainID, cfg.DryRun = chainID, c.Bool("dry-run")
	cfg.Confirmations, cfg.BumpAfterBlocks = c.Uint64("challenge-confirmations"), c.Uint64("bump-after-blocks")
	cfg.DeadlineAlertBlocks = c.Uint64("deadline-alert-blocks")
	cfg.MaxFeeCap = nil
	if g := c.Uint64("max-fee-gwei"); g > 0 {
		cfg.MaxFeeCap = new(big.Int).Mul(new(big.Int).SetUint64(g), big.NewInt(params.GWei))
	}
	return cfg
}

// openChallenges reports whether a round has a challenge not yet settled
// (retention pruning keeps it).
func openChallenges(store *index.Store, log *slog.Logger) func(round uint64) bool {
	return func(round uint64) bool {
		chs, err := store.ChallengesByRound(round)
		if err != nil {
			log.Warn("read challenges; keeping the round", "round", round, "err", err)
			return true
		}
		for _, ch := range chs {
			if !ch.State.Terminal() {
				return true
			}
		}
		return false
	}
}

// challengeCounts tallies challenge records by state for the digest.
func challengeCounts(store *index.Store) func() map[string]uint64 {
	return func() map[string]uint64 {
		out := map[string]uint64{}
		chs, err := store.Challenges()
		if err != nil {
			return out
		}
		for _, ch := range chs {
			out["challenges."+string(ch.State)]++
		}
		if n, err := store.DeadLetterCount(); err == nil {
			out["deadLetters"] = uint64(n)
		}
		return out
	}
}
