package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/internal/testutil"
)

// TestDevnetKeyErrors: the deployer key flags of devnet --rpc, and run's
// refusals of a half-given chain.
func TestDevnetKeyErrors(t *testing.T) {
	dir := t.TempDir()
	key, _ := crypto.GenerateKey()
	ksJSON, err := keystore.EncryptKey(&keystore.Key{PrivateKey: key, Address: crypto.PubkeyToAddress(key.PublicKey)}, "right", keystore.LightScryptN, keystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	ks, pw, badPw := filepath.Join(dir, "ks.json"), filepath.Join(dir, "pw"), filepath.Join(dir, "badpw")
	os.WriteFile(ks, ksJSON, 0o600)
	os.WriteFile(pw, []byte("right\n"), 0o600)
	os.WriteFile(badPw, []byte("wrong"), 0o600)
	describe := filepath.Join(dir, "d.json")
	hexKey := hexutil.Encode(crypto.FromECDSA(key))
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"key without rpc", fastDevnetV2(t, describe, "--key", hexKey), exitUsage, "for --rpc"},
		{"bad key", fastDevnetV2(t, describe, "--rpc", "http://127.0.0.1:1", "--key", "0xzz"), exitUsage, "not a secp256k1"},
		{"both keys", fastDevnetV2(t, describe, "--rpc", "http://127.0.0.1:1", "--key", hexKey, "--keystore", ks), exitUsage, "not both"},
		{"wrong password", fastDevnetV2(t, describe, "--rpc", "http://127.0.0.1:1", "--keystore", ks, "--password-file", badPw), exitUsage, "keystore"},
		{"missing keystore", fastDevnetV2(t, describe, "--rpc", "http://127.0.0.1:1", "--keystore", filepath.Join(dir, "none")), exitIO, "read keystore"},
		// The right password gets as far as dialling the node.
		{"keystore read, node unreachable", fastDevnetV2(t, describe, "--rpc", "http://127.0.0.1:1", "--keystore", ks, "--password-file", pw), 1, "devnet chain"},
		{"bad fund address", fastDevnetV2(t, describe, "--fund", "0x12"), exitUsage, "not an address"},
		{"run with rpc, no contract", []string{"run", "--rpc", "http://127.0.0.1:1"}, exitUsage, "needs --contract"},
		{"run with rpc, no DA source", []string{"run", "--rpc", "http://127.0.0.1:1", "--contract", "0x00000000000000000000000000000000000000aa"}, exitUsage, "needs --da-sources"},
		{"run, a DA source of no kind", []string{"run", "--da-sources", "ftp://x"}, exitUsage, "--da-sources"},
		{"run, bad log level", []string{"run", "--log-level", "loud"}, exitUsage, "log-level"},
		{"devnet argument", append(fastDevnetV2(t, describe), "extra"), exitUsage, "no arguments"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, nil, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.stderr) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, tc.code, tc.stderr)
			}
		})
	}
}

// TestDevnetFlagDefaults: the flags' defaults are devnet.DefaultConfig's.
func TestDevnetFlagDefaults(t *testing.T) {
	for _, name := range []string{"devnet", "run"} {
		got, _, err := parse(t, name)
		if err != nil {
			t.Fatal(err)
		}
		want := devnet.DefaultConfig()
		if name == "run" {
			want.Faults, _ = devnet.ParseFaults(defaultRunFaults)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: flags give %+v, DefaultConfig is %+v", name, got, want)
		}
	}
}

// fastDevnetV2 are flags for a quick protocol v2 devnet: embedded chain with
// no RPC server, its DA store in a test directory, served on a free port.
func fastDevnetV2(t *testing.T, describe string, extra ...string) []string {
	t.Helper()
	return append([]string{"devnet", "--http-port", "0", "--ws-port", "0", "--block-interval", "20ms",
		"--da-dir", filepath.Join(filepath.Dir(describe), "da"), "--da-port", strconv.Itoa(testutil.FreePort(t)),
		"--challenge-window", "4", "--resolve-window", "2", "--reveal-window", "2", "--round-every", "1",
		"--providers", "3", "--recipients", "8", "--entries", "4", "--operators", "4", "--seed", "7", "--describe", describe}, extra...)
}

func TestDevnetCommand(t *testing.T) {
	describe := filepath.Join(t.TempDir(), "devnet.json")
	code, stdout, stderr := runCLI(t, nil, fastDevnetV2(t, describe, "--rounds", "4", "--faults", "2:amount@1.2,3:malformed:mr-range")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"protocol v2", "seed 7", "rounds of 3 providers x 4 entries", "round 2: FAULT amount@1.2", "round 3: the operators refuse to sign: rule mr-range", "round 4: finalized", "all 4 rounds done"} {
		if !strings.Contains(stdout, want) {
			t.Fatalf("output lacks %q:\n%s", want, stdout)
		}
	}
	desc, err := devnet.ReadDescription(describe)
	if err != nil || desc.Protocol != 2 || len(desc.Rounds) != 4 || desc.Faults != "2:amount@1.2,3:malformed:mr-range" || desc.DA.URL == "" {
		t.Fatalf("description %+v, %v", desc, err)
	}
	if at := desc.Rounds[1].FaultAt; at == nil || at.Provider != 1 || at.Entry != 2 {
		t.Fatalf("round 2's fault at %+v", at)
	}
}

func TestDevnetCommandErrors(t *testing.T) {
	describe := filepath.Join(t.TempDir(), "d.json")
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"unknown fault", fastDevnetV2(t, describe, "--faults", "3:bogus"), "unknown kind"},
		{"unknown rule", fastDevnetV2(t, describe, "--faults", "3:malformed:nonsense"), "unknown rule"},
		{"malformed without a rule", fastDevnetV2(t, describe, "--faults", "3:malformed"), "takes a rule"},
		{"variant of another kind", fastDevnetV2(t, describe, "--faults", "3:amount:reveal"), "no variant"},
		{"entry of a whole-row fault", fastDevnetV2(t, describe, "--faults", "3:denominator@1.2"), "takes a provider"},
		{"provider past the round", fastDevnetV2(t, describe, "--faults", "3:amount@3"), "past the round's 3 providers"},
		{"entry past the row", fastDevnetV2(t, describe, "--faults", "3:amount@0.4"), "past a row's 4 entries"},
		{"too many providers", fastDevnetV2(t, describe, "--providers", "1025"), "providers 1025 not in"},
		{"a row past 1024 entries", fastDevnetV2(t, describe, "--recipients", "2000", "--entries", "0"), "do not fit in a row"},
		{"no DA directory", fastDevnetV2(t, describe, "--da-dir", ""), "data-availability directory"},
		{"fault after the last round", fastDevnetV2(t, describe, "--rounds", "2", "--faults", "5:amount"), "only 2 rounds"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, nil, tc.args...)
			if code != exitUsage || !strings.Contains(stderr, tc.stderr) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, exitUsage, tc.stderr)
			}
		})
	}
}
