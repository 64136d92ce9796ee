package main

import (
	"github.com/denomwatch/denomwatch/alerts"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/denomwatch/denomwatch/devnet"
)

// parse runs the named command with args and returns its devnet config and
// the raw context values of extra flags, without running anything.
func parse(t *testing.T, name string, args ...string) (devnet.Config, map[string]string, error) {
	t.Helper()
	var (
		got   devnet.Config
		extra = map[string]string{}
		err   error
	)
	app := newApp(nil, nil, nil)
	app.ExitErrHandler = func(*cli.Context, error) {}
	for _, c := range app.Commands {
		if c.Name == name {
			c.Action = func(c *cli.Context) error {
				for _, f := range []string{"rpc", "contract", "data-dir", "api-addr", "ready-lag", "confirmations", "log-level"} {
					if c.Command.Name == "run" {
						extra[f] = c.String(f)
					}
				}
				if c.Command.Name == "run" {
					got, err = devnetShape(c)
				} else {
					got, err = devnetCommandConfig(c)
				}
				return err
			}
		}
	}
	runErr := app.Run(append([]string{"denomwatch", name}, args...))
	if err == nil {
		err = runErr
	}
	return got, extra, err
}

func TestConfigFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(file, []byte("operators: 3\nfaults: \"2:amount\"\nblock-interval: 250ms\nproviders: 5\nready-lag: 9\n"), 0o600)

	cfg, extra, err := parse(t, "run", "--config", file)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Operators != 3 || cfg.Faults.String() != "2:amount" || cfg.BlockInterval != 250*time.Millisecond || cfg.Providers != 5 || extra["ready-lag"] != "9" {
		t.Fatalf("from the file: %+v %v", cfg, extra)
	}
	// An environment variable wins over the file, a flag over both (the
	// devnet command has no ready-lag: a file of its own).
	file = filepath.Join(t.TempDir(), "d.yaml")
	os.WriteFile(file, []byte("operators: 3\nfaults: \"2:amount\"\nblock-interval: 250ms\nproviders: 5\n"), 0o600)
	t.Setenv("DENOMWATCH_OPERATORS", "5")
	if cfg, _, err = parse(t, "devnet", "--config", file); err != nil || cfg.Operators != 5 || cfg.Providers != 5 {
		t.Fatalf("env over file: %+v %v", cfg, err)
	}
	if cfg, _, err = parse(t, "devnet", "--config", file, "--operators", "6"); err != nil || cfg.Operators != 6 {
		t.Fatalf("flag over env and file: %+v %v", cfg, err)
	}
}

func TestExampleConfigs(t *testing.T) {
	files, err := filepath.Glob("../../configs/*.yaml")
	if err != nil || len(files) < 2 {
		t.Fatalf("example configs: %v %v", files, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			cfg, extra, err := parse(t, "run", "--config", f)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(f, "devnet") {
				// The devnet example spells out the defaults.
				def := devnet.DefaultConfig()
				def.Faults, _ = devnet.ParseFaults(defaultRunFaults)
				if cfg.Operators != def.Operators || cfg.Faults.String() != def.Faults.String() || cfg.ChallengeWindow != def.ChallengeWindow {
					t.Fatalf("devnet example %+v", cfg)
				}
			} else if extra["rpc"] == "" || extra["contract"] == "" || extra["confirmations"] != "12" {
				t.Fatalf("public template: %v", extra)
			}
		})
	}
}

func TestConfigFileErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("operators: [not, a, number\n"), 0o600)
	for _, args := range [][]string{
		{"devnet", "--config", bad},
		{"devnet", "--config", filepath.Join(t.TempDir(), "missing.yaml")},
	} {
		code, stdout, stderr := runCLI(t, nil, args...)
		if code != exitUsage || stdout != "" || !strings.Contains(stderr, "--config") {
			t.Fatalf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}

// TestExampleWebhookConfigs: the webhook examples parse.
func TestExampleWebhookConfigs(t *testing.T) {
	files, err := filepath.Glob("../../configs/webhooks/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("webhook examples: %v %v", files, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if cfg, err := alerts.ParseConfig(b); err != nil || len(cfg.Webhooks) == 0 {
			t.Fatalf("%s: %v", f, err)
		}
	}
}
