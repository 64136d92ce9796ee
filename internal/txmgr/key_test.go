package txmgr

import (
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

func testKey(t testing.TB, name string) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("denomwatch challenge test " + name)))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func addrOf(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

func TestLoadKey(t *testing.T) {
	key := testKey(t, "load")
	secret := hex.EncodeToString(crypto.FromECDSA(key))
	dir := t.TempDir()
	write := func(name, content string, perm os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), perm); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, perm); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ks, err := keystore.EncryptKey(&keystore.Key{Address: addrOf(key), PrivateKey: key}, "hunter2", keystore.LightScryptN, keystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("DW_TEST_KEY", "0x"+secret+"\n")
	t.Setenv("DW_TEST_EMPTY", "")
	t.Setenv("DW_TEST_BAD", strings.Repeat("zz", 32))

	tests := []struct {
		name     string
		src      KeySource
		want     bool // a key
		warnings int
		err      string
	}{
		{"no source: monitor-only", KeySource{}, false, 0, ""},
		{"environment", KeySource{Env: "DW_TEST_KEY"}, true, 0, ""},
		{"file 0600", KeySource{File: write("k600", secret+"\n", 0o600)}, true, 0, ""},
		{"file 0644 warns", KeySource{File: write("k644", "0x"+secret, 0o644)}, true, 1, ""},
		{"keystore", KeySource{Keystore: write("ks", string(ks), 0o600), PasswordFile: write("pw", "hunter2\n", 0o600)}, true, 0, ""},
		{"keystore and password readable by others", KeySource{Keystore: write("ks2", string(ks), 0o640), PasswordFile: write("pw2", "hunter2", 0o604)}, true, 2, ""},
		{"wrong password", KeySource{Keystore: write("ks3", string(ks), 0o600), PasswordFile: write("pw3", "hunter3", 0o600)}, false, 0, "could not decrypt"},
		{"keystore without password", KeySource{Keystore: write("ks4", string(ks), 0o600)}, false, 0, "needs a password file"},
		{"password without keystore", KeySource{PasswordFile: write("pw4", "x", 0o600)}, false, 0, "without a keystore"},
		{"two sources", KeySource{Env: "DW_TEST_KEY", File: write("k2", secret, 0o600)}, false, 0, "not 2"},
		{"unset variable", KeySource{Env: "DW_TEST_UNSET"}, false, 0, "not set"},
		{"empty variable", KeySource{Env: "DW_TEST_EMPTY"}, false, 0, "not set or empty"},
		{"not hex", KeySource{Env: "DW_TEST_BAD"}, false, 0, "not a hex key"},
		{"short", KeySource{File: write("short", secret[:60], 0o600)}, false, 0, "60 hex digits"},
		{"zero key", KeySource{File: write("zero", strings.Repeat("0", 64), 0o600)}, false, 0, "not a valid secp256k1 key"},
		{"missing file", KeySource{File: filepath.Join(dir, "nope")}, false, 0, "no such file"},
		{"a directory", KeySource{File: dir}, false, 0, "not a regular file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, warnings, err := LoadKey(tt.src)
			if tt.err != "" {
				if !errors.Is(err, ErrKey) || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want ErrKey saying %q", err, tt.err)
				}
				if strings.Contains(err.Error(), secret[:16]) || strings.Contains(err.Error(), "zzzz") {
					t.Fatalf("the error quotes the key material: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if (k != nil) != tt.want || k != nil && addrOf(k) != addrOf(key) {
				t.Fatalf("key %v, want one: %v", k, tt.want)
			}
			if len(warnings) != tt.warnings {
				t.Fatalf("warnings %q, want %d", warnings, tt.warnings)
			}
			for _, w := range warnings {
				if !strings.Contains(w, "chmod 600") || strings.Contains(w, secret[:16]) {
					t.Fatalf("warning %q", w)
				}
			}
		})
	}
}
