package alerts

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"gopkg.in/yaml.v3"
)

const goodConfig = `
max-attempts: 5
initial-backoff: 500ms
max-backoff: 2m
timeout: 3s
poll-interval: 250ms
webhooks:
  - name: ops
    url: https://alerts.example.com/hooks/denomwatch?token=abc
    secret: an-inline-secret-of-32-bytes-xx
  - name: alice.recipient
    url: http://127.0.0.1:9000/
    secret-env: ALICE_WEBHOOK_SECRET
    recipients:
      - 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed
      - "0x00000000000000000000000000000000000000aa"
    types: [fraud_detected, deadline_at_risk]
  - name: from-file
    url: https://example.org/x
    secret-file: /run/secrets/hook
`

func TestParseConfig(t *testing.T) {
	cfg, err := ParseConfig([]byte(goodConfig))
	if err != nil {
		t.Fatalf("ParseConfig(good) = %v", err)
	}
	if cfg.MaxAttempts != 5 || cfg.InitialBackoff != 500*time.Millisecond || cfg.MaxBackoff != 2*time.Minute ||
		cfg.Timeout != 3*time.Second || cfg.PollInterval != 250*time.Millisecond || len(cfg.Webhooks) != 3 {
		t.Fatalf("parsed %+v", cfg)
	}
	alice := cfg.Webhooks[1]
	if alice.SecretEnv != "ALICE_WEBHOOK_SECRET" || len(alice.Recipients) != 2 ||
		alice.Recipients[0] != common.HexToAddress("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed") ||
		len(alice.Types) != 2 || alice.Types[1] != DeadlineAtRisk {
		t.Fatalf("webhook alice.recipient = %+v", alice)
	}
	if err := cfg.Check(); err != nil {
		t.Fatalf("Check of a parsed config: %v", err)
	}

	minimal, err := ParseConfig([]byte("webhooks:\n- {name: a, url: 'https://h', secret: 0123456789abcdef}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d := DefaultConfig(); minimal.MaxAttempts != d.MaxAttempts || minimal.InitialBackoff != time.Second ||
		minimal.MaxBackoff != 5*time.Minute || minimal.Timeout != 10*time.Second || minimal.PollInterval != time.Second {
		t.Fatalf("defaults not applied: %+v", minimal)
	}
}

func TestParseConfigErrors(t *testing.T) {
	hook := func(extra string) string {
		return "webhooks:\n  - name: a\n    url: https://h.example/x\n    secret: 0123456789abcdef\n" + extra
	}
	tests := []struct {
		name, yaml string
		want       string // in the message
	}{
		{"empty file", "", "empty file"},
		{"only a comment", "# nothing\n", "empty file"},
		{"not YAML", "webhooks: [", "did not find expected"},
		{"not a mapping", "- a\n- b\n", "cannot unmarshal"},
		{"unknown top-level key", hook("retries: 3\n"), "field retries not found"},
		{"unknown webhook key", hook("    secrets: x\n"), "field secrets not found"},
		{"second document", hook("---\nwebhooks: []\n"), "more than one YAML document"},
		{"duplicate key", "max-attempts: 2\nmax-attempts: 3\n" + hook(""), "already defined"},
		{"no webhooks", "max-attempts: 3\n", "no webhooks"},
		{"empty webhook list", "webhooks: []\n", "no webhooks"},
		{"negative max-attempts", "max-attempts: -1\n" + hook(""), "max-attempts -1 is negative"},
		{"too many attempts", "max-attempts: 101\n" + hook(""), "max-attempts 101 is not 1 to 100"},
		{"attempts not a number", "max-attempts: many\n" + hook(""), "cannot unmarshal"},
		{"duration without unit", "timeout: 10\n" + hook(""), `timeout: "10" is not a duration`},
		{"bad duration", "initial-backoff: soon\n" + hook(""), "initial-backoff"},
		{"negative duration", "max-backoff: -1s\n" + hook(""), "max-backoff: -1s is not positive"},
		{"backoff bounds crossed", "initial-backoff: 10s\nmax-backoff: 1s\n" + hook(""), "max-backoff 1s is not between"},
		{"timeout too long", "timeout: 1h\n" + hook(""), "timeout 1h0m0s"},
		{"poll too slow", "poll-interval: 2m\n" + hook(""), "poll-interval 2m0s"},
		{"missing name", "webhooks:\n- {url: 'https://h', secret: 0123456789abcdef}\n", `webhook 1: name ""`},
		{"name with a space", "webhooks:\n- {name: 'a b', url: 'https://h', secret: 0123456789abcdef}\n", `name "a b" is not`},
		{"name with a slash", "webhooks:\n- {name: 'a/b', url: 'https://h', secret: 0123456789abcdef}\n", `name "a/b" is not`},
		{"duplicate name", hook("  - {name: a, url: 'https://h', secret: 0123456789abcdef}\n"), `name "a" is used twice`},
		{"missing url", "webhooks:\n- {name: a, secret: 0123456789abcdef}\n", "url: missing"},
		{"relative url", "webhooks:\n- {name: a, url: /hook, secret: 0123456789abcdef}\n", `scheme "" is not http or https`},
		{"ftp url", "webhooks:\n- {name: a, url: 'ftp://h/x', secret: 0123456789abcdef}\n", `scheme "ftp"`},
		{"url without host", "webhooks:\n- {name: a, url: 'https:///x', secret: 0123456789abcdef}\n", "not an absolute URL with a host"},
		{"opaque url", "webhooks:\n- {name: a, url: 'https:h', secret: 0123456789abcdef}\n", "not an absolute URL with a host"},
		{"url with a fragment", "webhooks:\n- {name: a, url: 'https://h/#x', secret: 0123456789abcdef}\n", "has a fragment"},
		{"unparseable url", "webhooks:\n- {name: a, url: 'https://h/%zz', secret: 0123456789abcdef}\n", "url: does not parse"},
		{"no secret", "webhooks:\n- {name: a, url: 'https://h'}\n", "no secret: set one of"},
		{"two secrets", "webhooks:\n- {name: a, url: 'https://h', secret: 0123456789abcdef, secret-env: X}\n", "set only one of"},
		{"short inline secret", "webhooks:\n- {name: a, url: 'https://h', secret: short}\n", "shorter than 16 bytes"},
		{"bad env name", "webhooks:\n- {name: a, url: 'https://h', secret-env: '1X'}\n", `secret-env "1X"`},
		{"recipient not hex", hook("    recipients: [alice]\n"), `recipient "alice": not 0x-prefixed hex`},
		{"recipient too short", hook("    recipients: ['0x1234']\n"), "not a 20-byte hex address"},
		{"recipient bad checksum", hook("    recipients: ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD']\n"), "wrong EIP-55 checksum"},
		{"recipient zero", hook("    recipients: ['0x0000000000000000000000000000000000000000']\n"), "zero address"},
		{"recipient twice", hook("    recipients: ['0x00000000000000000000000000000000000000aa', '0x00000000000000000000000000000000000000AA']\n"), "listed twice"},
		{"unknown type", hook("    types: [fraud]\n"), `unknown event type "fraud"`},
		{"type twice", hook("    types: [fraud_detected, fraud_detected]\n"), `"fraud_detected" is listed twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseConfig([]byte(tt.yaml))
			if !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ParseConfig = %v; want ErrConfig with %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "0123456789abcdef") {
				t.Fatalf("the error shows the secret: %v", err)
			}
		})
	}
	t.Run("every problem reported", func(t *testing.T) {
		_, err := ParseConfig([]byte("webhooks:\n- {name: a, url: 'ftp://h'}\n- {name: a, url: 'https://h', secret: 0123456789abcdef}\n"))
		for _, want := range []string{`scheme "ftp"`, "no secret", "used twice"} {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("error %v lacks %q", err, want)
			}
		}
	})
	t.Run("too large", func(t *testing.T) {
		_, err := ParseConfig(bytes.Repeat([]byte("#"), maxConfigFile+1))
		if !errors.Is(err, ErrConfig) {
			t.Fatalf("ParseConfig(2 MB) = %v", err)
		}
	})
}

func TestLoadConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	secretFile := write("secret", "  a-secret-from-a-file-0123\n")
	t.Setenv("DW_TEST_SECRET", "a-secret-from-the-env-0123")
	path := write("alerts.yaml", fmt.Sprintf(`webhooks:
  - {name: env, url: "https://h/a", secret-env: DW_TEST_SECRET}
  - {name: file, url: "https://h/b", secret-file: %q}
  - {name: inline, url: "https://h/c", secret: an-inline-secret-0123}
`, secretFile))
	cfg, err := LoadConfig(path)
	if err != nil {
		t.Fatalf("LoadConfig: %v", err)
	}
	for i, want := range []string{"a-secret-from-the-env-0123", "a-secret-from-a-file-0123", "an-inline-secret-0123"} {
		if got := string(cfg.Webhooks[i].resolved); got != want {
			t.Errorf("webhook %s: secret %q, want %q", cfg.Webhooks[i].Name, got, want)
		}
	}

	tests := []struct {
		name, content string
		want          string
	}{
		{"env var unset", `webhooks: [{name: a, url: "https://h", secret-env: DW_TEST_UNSET_VAR}]`, "environment variable DW_TEST_UNSET_VAR is not set"},
		{"env var short", `webhooks: [{name: a, url: "https://h", secret-env: DW_TEST_SHORT}]`, "shorter than 16 bytes"},
		{"file missing", `webhooks: [{name: a, url: "https://h", secret-file: /nonexistent/secret}]`, "no such file"},
		{"file empty", fmt.Sprintf(`webhooks: [{name: a, url: "https://h", secret-file: %q}]`, write("empty", "\n")), "shorter than 16 bytes"},
		{"file too large", fmt.Sprintf(`webhooks: [{name: a, url: "https://h", secret-file: %q}]`, write("large", strings.Repeat("x", 5000))), "larger than 4096 bytes"},
		{"invalid config", `webhooks: [{name: a}]`, "url: missing"},
	}
	t.Setenv("DW_TEST_SHORT", "short")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(tt.name+".yaml", tt.content)
			_, err := LoadConfig(p)
			if !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), p) {
				t.Fatalf("LoadConfig = %v; want ErrConfig naming the file with %q", err, tt.want)
			}
		})
	}
	if _, err := LoadConfig(filepath.Join(dir, "missing.yaml")); !errors.Is(err, ErrConfig) || !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("LoadConfig(missing) = %v", err)
	}
}

// No way of printing, logging or encoding a config shows a secret or a
// URL's token.
func TestConfigRedaction(t *testing.T) {
	const secret, token = "super-secret-value-0123", "tok-987654"
	cfg := Config{Webhooks: []Webhook{{Name: "ops", URL: "https://h.example/hook/" + token + "?k=" + token, Secret: secret}}}
	cfg, err := cfg.resolveSecrets(os.LookupEnv, readSecretFile)
	if err != nil {
		t.Fatal(err)
	}
	var logBuf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logBuf, nil))
	log.Info("config", "cfg", cfg, "webhook", cfg.Webhooks[0], "secret", cfg.Webhooks[0].Secret)
	log.Info("text", "webhook", cfg.Webhooks[0])
	slog.New(slog.NewTextHandler(&logBuf, nil)).Info("text", "webhook", cfg.Webhooks[0], "secret", cfg.Webhooks[0].resolved)
	js, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ys, err := yaml.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	outputs := map[string]string{
		"%v": fmt.Sprintf("%v", cfg), "%+v": fmt.Sprintf("%+v", cfg), "%#v": fmt.Sprintf("%#v", cfg),
		"%s": fmt.Sprintf("%s", cfg.Webhooks[0].Secret), "%x": fmt.Sprintf("%x", cfg.Webhooks[0].Secret),
		"%v webhook": fmt.Sprint(cfg.Webhooks[0]), "%+v webhook": fmt.Sprintf("%+v", cfg.Webhooks[0]),
		"json": string(js), "yaml": string(ys), "slog": logBuf.String(),
	}
	for name, out := range outputs {
		if strings.Contains(out, secret) || strings.Contains(out, fmt.Sprintf("%x", secret)) {
			t.Errorf("%s shows the secret: %s", name, out)
		}
	}
	for _, name := range []string{"%v webhook", "%+v webhook", "slog"} {
		if strings.Contains(outputs[name], token) {
			t.Errorf("%s shows the URL's token: %s", name, outputs[name])
		}
		if !strings.Contains(outputs[name], "https://h.example/...") {
			t.Errorf("%s lacks the redacted URL: %s", name, outputs[name])
		}
	}
	if !strings.Contains(string(js), redactedSecret) {
		t.Errorf("JSON lacks the redaction mark: %s", js)
	}
}

func FuzzParseConfig(f *testing.F) {
	f.Add([]byte(goodConfig))
	f.Add([]byte("webhooks:\n- {name: a, url: 'https://h', secret: 0123456789abcdef}\n"))
	f.Add([]byte("webhooks:\n- {name: a, url: 'https://h', secret-env: X, recipients: ['0x00000000000000000000000000000000000000aa'], types: [daily_digest]}\n"))
	f.Add([]byte("max-attempts: 3\ntimeout: 1s\nwebhooks: []\n"))
	f.Add([]byte("a: &a [*a]\n"))
	f.Add([]byte("webhooks:\n- &x {name: a, url: 'https://h', secret: 0123456789abcdef}\n- *x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := ParseConfig(data)
		if err != nil {
			if !errors.Is(err, ErrConfig) {
				t.Fatalf("unclassified error: %v", err)
			}
			return
		}
		if err := cfg.Check(); err != nil {
			t.Fatalf("accepted config does not check: %v", err)
		}
		if len(cfg.Webhooks) == 0 {
			t.Fatal("accepted a config without webhooks")
		}
		if cfg.MaxAttempts == 0 || cfg.InitialBackoff == 0 || cfg.MaxBackoff == 0 || cfg.Timeout == 0 || cfg.PollInterval == 0 {
			t.Fatalf("accepted config lacks defaults: %+v", cfg)
		}
	})
}
