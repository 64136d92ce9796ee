package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/denomwatch/denomwatch/internal/v1/devnet"
)

// fastDevnet are flags for a quick embedded devnet with no RPC server.
func fastDevnet(describe string, extra ...string) []string {
	return append([]string{"devnet", "--http-port", "0", "--ws-port", "0", "--block-interval", "20ms",
		"--challenge-window", "2", "--round-every", "1", "--providers", "3", "--recipients", "8", "--entries", "4",
		"--operators", "4", "--seed", "7", "--describe", describe}, extra...)
}

func TestDevnetCommand(t *testing.T) {
	describe := filepath.Join(t.TempDir(), "devnet.json")
	code, stdout, stderr := runCLI(t, nil, fastDevnet(describe, "--rounds", "4", "--faults", "2:amount,3:publication")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"seed 7", "round 2: 3 providers, 12 entries", "FAULT amount", "FAULT publication", "round 4: finalized", "all 4 rounds done"} {
		if !strings.Contains(stdout, want) {
			t.Fatalf("output lacks %q:\n%s", want, stdout)
		}
	}
	desc, err := devnet.ReadDescription(describe)
	if err != nil || len(desc.Rounds) != 4 || desc.Faults != "2:amount,3:publication" || desc.Rounds[1].Fault != "amount" {
		t.Fatalf("description %+v, %v", desc, err)
	}
}

func TestDevnetCommandErrors(t *testing.T) {
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
		{"bad faults", fastDevnet(describe, "--faults", "3:bogus"), exitUsage, "unknown kind"},
		{"round too large", fastDevnet(describe, "--providers", "40", "--entries", "40", "--recipients", "80"), exitUsage, "one transaction carries at most"},
		{"fault after the last round", fastDevnet(describe, "--rounds", "2", "--faults", "5:amount"), exitUsage, "only 2 rounds"},
		{"key without rpc", fastDevnet(describe, "--key", hexKey), exitUsage, "for --rpc"},
		{"bad key", fastDevnet(describe, "--rpc", "http://127.0.0.1:1", "--key", "0xzz"), exitUsage, "not a secp256k1"},
		{"both keys", fastDevnet(describe, "--rpc", "http://127.0.0.1:1", "--key", hexKey, "--keystore", ks), exitUsage, "not both"},
		{"wrong password", fastDevnet(describe, "--rpc", "http://127.0.0.1:1", "--keystore", ks, "--password-file", badPw), exitUsage, "keystore"},
		{"missing keystore", fastDevnet(describe, "--rpc", "http://127.0.0.1:1", "--keystore", filepath.Join(dir, "none")), exitIO, "read keystore"},
		// The right password gets as far as dialling the node.
		{"keystore read, node unreachable", fastDevnet(describe, "--rpc", "http://127.0.0.1:1", "--keystore", ks, "--password-file", pw), 1, "devnet chain"},
		{"bad fund address", fastDevnet(describe, "--fund", "0x12"), exitUsage, "not an address"},
		{"run with rpc, no contract", []string{"run", "--rpc", "http://127.0.0.1:1"}, exitUsage, "needs --contract"},
		{"run, bad log level", []string{"run", "--log-level", "loud"}, exitUsage, "log-level"},
		{"devnet argument", append(fastDevnet(describe), "extra"), exitUsage, "no arguments"},
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
