package main

import (
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/challenge"
	"github.com/denomwatch/denomwatch/jobs"
)

// allFlags returns every flag of every command and subcommand, by command
// path.
func allFlags() map[string][]cli.Flag {
	out := map[string][]cli.Flag{}
	var walk func(prefix string, cmds []*cli.Command)
	walk = func(prefix string, cmds []*cli.Command) {
		for _, c := range cmds {
			name := strings.TrimSpace(prefix + " " + c.Name)
			out[name] = c.Flags
			walk(name, c.Subcommands)
		}
	}
	walk("", newApp(nil, nil, nil).Commands)
	return out
}

// TestEveryFlagHasEnvVar: every flag of every command reads DENOMWATCH_ and
// its name in capitals ('-' and '.' as '_') first, and every flag taking a
// value names its placeholder.
func TestEveryFlagHasEnvVar(t *testing.T) {
	n := 0
	for cmd, flags := range allFlags() {
		for _, f := range flags {
			df := f.(cli.DocGenerationFlag)
			name := f.Names()[0]
			want := "DENOMWATCH_" + strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(name))
			if envs := df.GetEnvVars(); len(envs) == 0 || envs[0] != want {
				t.Errorf("%s --%s: environment variables %v, want %s first", cmd, name, envs, want)
			}
			if ph, _ := splitPlaceholder(df.GetUsage()); df.TakesValue() && (ph == "" || ph != strings.ToUpper(ph)) {
				t.Errorf("%s --%s: no placeholder in capitals in its usage %q", cmd, name, df.GetUsage())
			}
			n++
		}
	}
	if n < 60 {
		t.Fatalf("only %d flags seen", n)
	}
}

// TestHelp: --help groups run's flags by category, shows placeholders (not
// go-ethereum's "value") and no backticks, and every flag with its
// environment variable.
func TestHelp(t *testing.T) {
	for _, cmd := range []string{"run", "devnet", "audit", "check", "deadletters list", "deadletters requeue", "healthcheck", "da serve"} {
		args := append(strings.Fields(cmd), "--help")
		code, stdout, stderr := runCLI(t, nil, args...)
		if code != 0 {
			t.Fatalf("%s --help: exit %d %s", cmd, code, stderr)
		}
		if strings.Contains(stdout, "`") || regexp.MustCompile(`--[a-z.-]+ value\b`).MatchString(stdout) {
			t.Errorf("%s --help has backticks or a 'value' placeholder:\n%s", cmd, stdout)
		}
		for _, f := range allFlags()[cmd] {
			if !strings.Contains(stdout, "--"+f.Names()[0]) || !strings.Contains(stdout, "$"+envFor(f.Names()[0])) {
				t.Errorf("%s --help lacks --%s or its variable", cmd, f.Names()[0])
			}
		}
	}
	_, stdout, _ := runCLI(t, nil, "run", "--help")
	for _, cat := range []string{catChain, catIndex, catAPI, catChallenger, catAlerts, catLogging, catConfig, catDevnet} {
		if !strings.Contains(stdout, "   "+cat+"\n") {
			t.Errorf("run --help lacks the category %q", cat)
		}
	}
	if !strings.Contains(stdout, "--rpc URLS") || !strings.Contains(stdout, "--api-addr HOST:PORT") {
		t.Errorf("run --help placeholders:\n%s", stdout)
	}
}

// TestVersion: --version and the version command print the version and
// the commit stamped at build time.
func TestVersion(t *testing.T) {
	defer func(v, c string) { version, commit = v, c }(version, commit)
	version, commit = "v1.2.3", "0123abcd"
	for _, args := range [][]string{{"--version"}, {"version"}} {
		code, stdout, stderr := runCLI(t, nil, args...)
		if code != 0 || !strings.HasPrefix(stdout, "denomwatch v1.2.3 (commit 0123abcd, go") {
			t.Fatalf("%v: exit %d %q %q", args, code, stdout, stderr)
		}
	}
	version, commit = "", ""
	if bi := readBuildInfo(); bi.Version == "" || bi.Commit == "" || bi.GoVersion == "" {
		t.Fatalf("unstamped build info %+v", bi)
	}
}

// TestConfigTypos: a --config key that names no flag is refused, named,
// with the flag it probably meant; nothing starts.
func TestConfigTypos(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	data := filepath.Join(dir, "data")
	tests := []struct {
		name, cmd, body string
		want            []string
	}{
		{"misspelt", "run", "oprators: 3\napi-addr: 127.0.0.1:0\n", []string{`unknown key "oprators"`, `did you mean "operators"`}},
		{"two typos", "run", "confirmatons: 12\nstart_block: 5\n", []string{`unknown key "confirmatons" (did you mean "confirmations"?)`, `unknown key "start_block" (did you mean "start-block"?)`}},
		{"no such flag", "run", "rpc-url: http://x\n", []string{`unknown key "rpc-url"`}},
		{"a run flag given to devnet", "devnet", "ready-lag: 3\n", []string{`unknown key "ready-lag"`}},
		{"config in config", "run", "config: other.yaml\n", []string{`unknown key "config"`}},
		{"a list, not a mapping", "run", "- operators\n", []string{"not a YAML mapping"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{tc.cmd, "--config", write(tc.name+".yaml", tc.body), "--describe", ""}
			if tc.cmd == "run" {
				args = append(args, "--data-dir", data)
			}
			code, _, stderr := runCLI(t, nil, args...)
			if code != exitUsage {
				t.Fatalf("exit %d, want %d: %s", code, exitUsage, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q: %s", w, stderr)
				}
			}
		})
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Fatalf("the data directory was created: %v", err)
	}
}

// TestRunRefusesMisplacedFlags: flags that do not apply are refused before
// anything starts, not ignored: the embedded devnet's with --rpc (on the
// command line, in the environment, in a config file), the devnet's
// deployment key (not a flag of run), --contract without --rpc.
func TestRunRefusesMisplacedFlags(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	cfgFile := filepath.Join(dir, "c.yaml")
	os.WriteFile(cfgFile, []byte("faults: \"2:amount\"\n"), 0o600)
	rpc := []string{"run", "--rpc", "http://127.0.0.1:1", "--contract", "0x00000000000000000000000000000000000000a1", "--data-dir", data}
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"devnet flag", nil, append(rpc, "--operators", "3"), "--operators: embedded devnet flags do not apply with --rpc"},
		{"two devnet flags", nil, append(rpc, "--block-interval", "1s", "--http-port", "9"), "--http-port, --block-interval"},
		{"devnet flag in the environment", map[string]string{"DENOMWATCH_SEED": "4"}, rpc, "--seed: embedded devnet flags"},
		{"devnet flag in a config file", nil, append(rpc, "--config", cfgFile), "--faults: embedded devnet flags"},
		{"deployment key", nil, append(rpc, "--key", "0x01"), "flag provided but not defined: -key"},
		{"contract without rpc", nil, []string{"run", "--contract", "0x00000000000000000000000000000000000000a1", "--data-dir", data}, "--contract is for --rpc"},
		{"chain id of the devnet", nil, []string{"run", "--chain-id", "1", "--data-dir", data, "--describe", ""}, "--chain-id 1: the embedded devnet is chain 1337"},
		{"bad contract", nil, []string{"run", "--rpc", "http://127.0.0.1:1", "--contract", "0x12", "--data-dir", data}, `--contract "0x12" is not an address`},
		{"rpc without contract", nil, []string{"run", "--rpc", "http://127.0.0.1:1", "--data-dir", data}, "--rpc needs --contract"},
		{"bad schedule", nil, append(rpc, "--digest-schedule", "at nine"), `digest schedule "at nine"`},
		{"bad log format", nil, append(rpc, "--log-format", "xml"), `--log-format "xml"`},
		{"admin without api", nil, append(rpc, "--admin-api", "--api-addr", ""), "--admin-api needs --api-addr"},
		{"CORS origin with a path", nil, append(rpc, "--api-cors-origin", "https://a.example/x"), `--api-cors-origin: invalid API config: CORS origin "https://a.example/x"`},
		{"CORS origin in the environment", map[string]string{"DENOMWATCH_API_CORS_ORIGIN": "https://a.example,a.example"}, rpc, `--api-cors-origin: invalid API config: CORS origin "a.example"`},
		{"explorer without a scheme", nil, append(rpc, "--explorer-url", "etherscan.io"), `--explorer-url: invalid API config: explorer URL "etherscan.io"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			code, _, stderr := runCLI(t, nil, tc.args...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, exitUsage, tc.want)
			}
		})
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Fatalf("the data directory was created: %v", err)
	}
}

// TestBusyPortBeforeSideEffects: a port another process holds is found
// before anything starts: no devnet deployed (no description written), no
// data directory created, exit 2 naming the flag and the address.
func TestBusyPortBeforeSideEffects(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	busy := ln.Addr().(*net.TCPAddr).Port
	dir := t.TempDir()
	data, describe, daDir := filepath.Join(dir, "data"), filepath.Join(dir, "devnet.json"), filepath.Join(dir, "da")
	base := []string{"run", "--data-dir", data, "--describe", describe, "--da-dir", daDir, "--http-port", "0", "--ws-port", "0", "--da-port", "0"}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{append(base, "--api-addr", fmt.Sprintf("127.0.0.1:%d", busy)), fmt.Sprintf("--api-addr 127.0.0.1:%d: the address is not free", busy)},
		{append(base, "--api-addr", "", "--http-port", fmt.Sprint(busy)), fmt.Sprintf("--http-port 127.0.0.1:%d: the address is not free", busy)},
		{append(base, "--api-addr", "", "--ws-port", fmt.Sprint(busy)), fmt.Sprintf("--ws-port 127.0.0.1:%d", busy)},
		{append(base, "--api-addr", "", "--da-port", fmt.Sprint(busy)), fmt.Sprintf("--da-port 127.0.0.1:%d", busy)},
	} {
		code, stdout, stderr := runCLI(t, nil, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Fatalf("%v: exit %d, stderr %q; want %q", tc.args, code, stderr, tc.want)
		}
		if stdout != "" {
			t.Fatalf("the devnet printed: %s", stdout)
		}
	}
	for _, p := range []string{data, describe, daDir} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Fatalf("%s exists: a side effect before the port check (%v)", p, err)
		}
	}
}

// TestRunPreflight: the data directory, the key and the webhooks are
// checked before anything starts.
func TestRunPreflight(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a-file")
	os.WriteFile(file, []byte("x"), 0o600)
	badHooks := filepath.Join(dir, "hooks.yaml")
	os.WriteFile(badHooks, []byte("webhooks:\n  - name: x\n    url: ftp://nope\n    secret: short\n"), 0o600)
	describe := filepath.Join(dir, "devnet.json")
	base := []string{"run", "--describe", describe, "--da-dir", filepath.Join(dir, "da"), "--http-port", "0", "--ws-port", "0", "--da-port", "0", "--api-addr", "127.0.0.1:0"}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"data dir under a file", append(base, "--data-dir", filepath.Join(file, "data")), "--data-dir: " + file + " is not a directory"},
		{"no room", append(base, "--data-dir", filepath.Join(dir, "d"), "--min-free-mb", "1000000000"), "less than --min-free-mb 1000000000"},
		{"missing key file", append(base, "--data-dir", filepath.Join(dir, "d"), "--challenger-key-file", filepath.Join(dir, "none")), "challenger key"},
		{"bad webhooks", append(base, "--data-dir", filepath.Join(dir, "d"), "--webhooks", badHooks), "--webhooks"},
		{"missing webhooks", append(base, "--data-dir", filepath.Join(dir, "d"), "--webhooks", filepath.Join(dir, "none.yaml")), "--webhooks"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, nil, tc.args...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, exitUsage, tc.want)
			}
		})
	}
	if _, err := os.Stat(describe); !os.IsNotExist(err) {
		t.Fatal("the devnet started")
	}
}

// TestRunFlagDefaults: run's flags default to the packages' defaults (the
// API's, the jobs', the challenger's), and the embedded devnet's block
// interval paces the health probe.
func TestRunFlagDefaults(t *testing.T) {
	capture := func(args ...string) runConfig {
		t.Helper()
		var got runConfig
		var gotErr error
		app := newApp(nil, io.Discard, io.Discard)
		for _, c := range app.Commands {
			if c.Name == "run" {
				c.Action = func(c *cli.Context) error { got, gotErr = runConfigFrom(c); return gotErr }
			}
		}
		if err := app.Run(append([]string{"denomwatch", "run"}, args...)); err != nil || gotErr != nil {
			t.Fatalf("%v %v", err, gotErr)
		}
		return got
	}
	rc := capture("--rpc", "http://127.0.0.1:1", "--contract", "0x00000000000000000000000000000000000000a1", "--da-sources", "http://127.0.0.1:2")
	if !reflect.DeepEqual(rc.API, api.DefaultConfig()) {
		t.Errorf("API %+v, want %+v", rc.API, api.DefaultConfig())
	}
	if !reflect.DeepEqual(rc.Jobs, jobs.DefaultConfig()) {
		t.Errorf("jobs %+v, want %+v", rc.Jobs, jobs.DefaultConfig())
	}
	if want := challenge.DefaultConfig(common.Address{}); !reflect.DeepEqual(rc.Challenge, want) {
		t.Errorf("challenger %+v, want %+v", rc.Challenge, want)
	}
	if rc.BlockTime != defaultBlockTime || rc.StallBlocks != defaultStallBlocks || rc.MinFreeBytes != defaultMinFreeMB<<20 || rc.Devnet != nil || rc.Confirmations != -1 {
		t.Errorf("run config %+v", rc)
	}
	if err := rc.Check(); err != nil {
		t.Errorf("the defaults do not check: %v", err)
	}
	dev := capture("--block-interval", "250ms")
	if dev.Devnet == nil || dev.BlockTime != 250*time.Millisecond {
		t.Errorf("embedded: block time %s", dev.BlockTime)
	}
}
