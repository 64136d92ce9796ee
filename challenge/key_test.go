package challenge

import (
	"encoding/hex"
	"errors"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/index"
)

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

func TestConfigCheck(t *testing.T) {
	avs := common.HexToAddress("0xa75")
	if err := func() error { c := DefaultConfig(avs); return c.Check() }(); err != nil {
		t.Fatalf("defaults: %v", err)
	}
	tests := []struct {
		name string
		edit func(*Config)
	}{
		{"no AVS", func(c *Config) { c.AVS = common.Address{} }},
		{"bump after 0", func(c *Config) { c.BumpAfterBlocks = 0 }},
		{"negative fee cap", func(c *Config) { c.MaxFeeCap = big.NewInt(-1) }},
		{"negative margin", func(c *Config) { c.GasMargin = -0.1 }},
		{"huge margin", func(c *Config) { c.GasMargin = 3 }},
		{"NaN margin", func(c *Config) { c.GasMargin = math.NaN() }},
		{"no poll interval", func(c *Config) { c.PollInterval = 0 }},
		{"no candidates", func(c *Config) { c.MaxCandidates = 0 }},
	}
	for _, tt := range tests {
		c := DefaultConfig(avs)
		tt.edit(&c)
		if err := c.Check(); !errors.Is(err, ErrConfig) {
			t.Errorf("%s: %v, want ErrConfig", tt.name, err)
		}
		if _, err := New(c, nil, nil, nil, nil, nil); !errors.Is(err, ErrConfig) {
			t.Errorf("%s: New: %v, want ErrConfig", tt.name, err)
		}
	}
	if _, err := New(DefaultConfig(avs), nil, nil, nil, nil, nil); !errors.Is(err, ErrConfig) {
		t.Errorf("New without chain and store: %v", err)
	}
}

// TestAlertEvents: the challenger's alerts come from the alerts package's
// constructors: severity, recipients, a stable id per fact, the challenge.
func TestAlertEvents(t *testing.T) {
	avs := common.HexToAddress("0xa75")
	batch, tx := common.HexToHash("0xb1"), common.HexToHash("0x71")
	alice := common.HexToAddress("0xa11ce")
	c := &Challenger{cfg: Config{AVS: avs}, chainID: big.NewInt(1337), now: func() time.Time { return time.Unix(1_700_000_000, 0) }}
	rec := &index.Challenge{Round: 4, BatchTx: batch, Kind: index.KindBadAllocation, Index: 9, State: index.ChallengeConfirmed, TxHash: &tx,
		GasUsed: 150_000, Bounty: "12", DeadlineBlock: 40, Block: 31, Recipients: []common.Address{alice}}
	tests := []struct {
		typ      alerts.Type
		state    index.ChallengeState
		severity alerts.Severity
		want     []string
	}{
		{alerts.ChallengeConfirmed, index.ChallengeConfirmed, alerts.SeverityInfo, []string{`"challenge":{"state":"confirmed","txHash":"` + tx.Hex() + `","gasUsed":150000,"bounty":"12"}`}},
		{alerts.ChallengeSent, index.ChallengeSent, alerts.SeverityInfo, nil},
		{alerts.ChallengeFailed, index.ChallengeExpired, alerts.SeverityCritical, nil},
		{alerts.DeadlineAtRisk, index.ChallengeSent, alerts.SeverityCritical, []string{`"blocksLeft":9`}},
	}
	ids := map[string]bool{}
	for _, tc := range tests {
		r := *rec
		r.State = tc.state
		body, err := c.event(tc.typ, &r, 31, stateMessage(&r))
		if err != nil {
			t.Fatal(err)
		}
		again, _ := c.event(tc.typ, &r, 31, stateMessage(&r))
		ev, err := alerts.ParseEvent(body)
		if err != nil {
			t.Fatal(err)
		}
		if ev.Type != tc.typ || ev.Severity != tc.severity || len(ev.Recipients) != 1 || ev.Recipients[0] != alice ||
			*ev.Round != 4 || ev.Kind != index.KindBadAllocation || *ev.Index != 9 || ev.DeadlineBlock != 40 || ev.ChainID != 1337 || ev.Message == "" {
			t.Errorf("%s: %+v", tc.typ, ev)
		}
		if ids[ev.ID] || string(again) != string(body) {
			t.Errorf("%s: id %s not one per fact", tc.typ, ev.ID)
		}
		ids[ev.ID] = true
		for _, w := range tc.want {
			if !strings.Contains(string(body), w) {
				t.Errorf("%s: body lacks %s: %s", tc.typ, w, body)
			}
		}
	}
}
