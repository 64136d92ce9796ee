package alerts

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"gopkg.in/yaml.v3"

	"github.com/denomwatch/denomwatch/index"
)

// ErrConfig: the alerts configuration is invalid (every problem found is
// reported, each wrapping ErrConfig).
var ErrConfig = errors.New("invalid alerts config")

// Dispatcher defaults, used for zero Config fields.
const (
	DefaultMaxAttempts    = 12
	DefaultInitialBackoff = time.Second
	DefaultMaxBackoff     = 5 * time.Minute
	DefaultTimeout        = 10 * time.Second
	DefaultPollInterval   = time.Second
)

// Bounds of the configuration.
const (
	maxConfigFile     = 1 << 20
	maxSecretFile     = 4 << 10
	minSecretLen      = 16
	maxWebhooks       = 100
	maxAttemptsBound  = 100
	maxBackoffBound   = 24 * time.Hour
	maxTimeoutBound   = 5 * time.Minute
	maxPollBound      = time.Minute
	maxURLLen         = 2048
	maxFilterEntries  = 10_000
	redactedSecret    = "[REDACTED]"
	secretSourceNames = "secret, secret-env or secret-file"
)

// Secret is a webhook secret. It prints, logs and encodes (JSON, YAML,
// text) as "[REDACTED]"; only string(s) gives the secret itself.
type Secret string

// String redacts the secret.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return redactedSecret
}

// GoString redacts the secret (%#v).
func (s Secret) GoString() string { return `"` + s.String() + `"` }

// MarshalText redacts the secret (JSON, YAML).
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// LogValue redacts the secret (log/slog).
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// Webhook is one receiver of alerts.
type Webhook struct {
	// Name identifies the webhook in logs, metrics and the store's delivery
	// records: 1 to 64 letters, digits, '.', '_' or '-', unique.
	Name string
	// URL is where deliveries are POSTed: absolute, http or https. It may
	// carry a token, so logs show only its scheme and host.
	URL string
	// The HMAC secret: exactly one of Secret (inline), SecretEnv (the name
	// of an environment variable holding it) and SecretFile (a file holding
	// it; surrounding whitespace is trimmed). At least 16 bytes.
	Secret     Secret
	SecretEnv  string
	SecretFile string
	// Recipients, when set, restricts the webhook to events naming at least
	// one of these addresses in Event.Recipients.
	Recipients []common.Address
	// Types, when set, restricts the webhook to events of these types.
	Types []Type
	// Format is the body's format: FormatGeneric (the signed event, the
	// default), FormatSlack (a Slack incoming-webhook message; no secret,
	// the URL is the token) or FormatPagerDuty (a PagerDuty Events API v2
	// trigger, the secret being the integration's routing key, dedup_key
	// the event id; the URL defaults to PagerDutyURL).
	Format Format

	resolved Secret // the secret, from whichever source
}

// Format is a webhook body format. The values are a stable interface.
type Format string

// The webhook formats.
const (
	FormatGeneric   Format = "generic"
	FormatSlack     Format = "slack"
	FormatPagerDuty Format = "pagerduty"
)

// PagerDutyURL is the Events API v2 endpoint a pagerduty webhook posts to
// when its url is not set.
const PagerDutyURL = "https://events.pagerduty.com/v2/enqueue"

// String describes the webhook without its secret or URL path.
func (w Webhook) String() string {
	return fmt.Sprintf("webhook %s (%s)", w.Name, RedactURL(w.URL))
}

// GoString is String (%#v prints no secret either).
func (w Webhook) GoString() string { return w.String() }

// LogValue logs the webhook's name and redacted URL.
func (w Webhook) LogValue() slog.Value {
	return slog.GroupValue(slog.String("name", w.Name), slog.String("url", RedactURL(w.URL)))
}

// webhookView is what a webhook encodes as: no secret, the URL redacted.
type webhookView struct {
	Name       string           `json:"name" yaml:"name"`
	URL        string           `json:"url" yaml:"url"`
	Secret     Secret           `json:"secret,omitempty" yaml:"secret,omitempty"`
	SecretEnv  string           `json:"secretEnv,omitempty" yaml:"secret-env,omitempty"`
	SecretFile string           `json:"secretFile,omitempty" yaml:"secret-file,omitempty"`
	Recipients []common.Address `json:"recipients,omitempty" yaml:"recipients,omitempty"`
	Types      []Type           `json:"types,omitempty" yaml:"types,omitempty"`
	Format     Format           `json:"format,omitempty" yaml:"format,omitempty"`
}

func (w Webhook) view() webhookView {
	return webhookView{Name: w.Name, URL: RedactURL(w.URL), Secret: w.Secret, SecretEnv: w.SecretEnv,
		SecretFile: w.SecretFile, Recipients: w.Recipients, Types: w.Types, Format: w.Format}
}

// MarshalJSON encodes the webhook without its secret and with its URL
// redacted (RedactURL).
func (w Webhook) MarshalJSON() ([]byte, error) { return json.Marshal(w.view()) }

// MarshalYAML is MarshalJSON for YAML.
func (w Webhook) MarshalYAML() (any, error) { return w.view(), nil }

// RedactURL returns the scheme and host of a URL, with "/..." when it has
// more (a path, a query, credentials may hold a token).
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "(unparseable URL)"
	}
	out := u.Scheme + "://" + u.Host
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.User != nil || u.Fragment != "" {
		out += "/..."
	}
	return out
}

// Config configures the alert dispatcher. Zero durations and attempt
// counts take the defaults (WithDefaults).
type Config struct {
	Webhooks []Webhook
	// MaxAttempts is how many times a delivery is attempted before it is
	// dead-lettered (default 12, at most 100).
	MaxAttempts int
	// InitialBackoff and MaxBackoff bound the wait between attempts: it
	// doubles from InitialBackoff up to MaxBackoff, jittered by ±50% and
	// capped at MaxBackoff (defaults 1s and 5m; at most 24h).
	InitialBackoff time.Duration
	MaxBackoff     time.Duration
	// Timeout bounds one attempt, response included (default 10s, at most 5m).
	Timeout time.Duration
	// PollInterval is how often an idle dispatcher looks for new entries
	// besides Notify (default 1s, at most 1m).
	PollInterval time.Duration
}

// DefaultConfig is the configuration with no webhook and every default.
func DefaultConfig() Config { return Config{}.WithDefaults() }

// WithDefaults returns c with its zero fields set to the defaults.
func (c Config) WithDefaults() Config {
	if c.MaxAttempts == 0 {
		c.MaxAttempts = DefaultMaxAttempts
	}
	if c.InitialBackoff == 0 {
		c.InitialBackoff = DefaultInitialBackoff
	}
	if c.MaxBackoff == 0 {
		c.MaxBackoff = max(DefaultMaxBackoff, c.InitialBackoff)
	}
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	if c.PollInterval == 0 {
		c.PollInterval = DefaultPollInterval
	}
	return c
}

// knownTypes are the event types a webhook may filter on.
var knownTypes = []Type{
	FraudDetected, ChallengeSent, ChallengeConfirmed, ChallengeFailed, ProvenByOther,
	RoundUnavailable, RoundMalformed, DeadlineAtRisk, WatcherLagging, ReauditMismatch, DailyDigest,
	FraudFinalizedUnproven, NodeStalled, BalanceLow, RPCEndpointLying,
}

// Types returns every event type, in documentation order.
func Types() []Type { return slices.Clone(knownTypes) }

// Check validates c (with defaults for its zero fields); it does not read
// the secrets' environment variables or files (LoadConfig and NewDispatcher
// do). Every problem is reported, each wrapping ErrConfig.
func (c Config) Check() error {
	c = c.WithDefaults()
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{ErrConfig}, args...)...))
	}
	if c.MaxAttempts < 1 || c.MaxAttempts > maxAttemptsBound {
		bad("max-attempts %d is not 1 to %d", c.MaxAttempts, maxAttemptsBound)
	}
	if c.InitialBackoff < 0 || c.InitialBackoff > maxBackoffBound {
		bad("initial-backoff %s is not positive and at most %s", c.InitialBackoff, maxBackoffBound)
	}
	if c.MaxBackoff < c.InitialBackoff || c.MaxBackoff > maxBackoffBound {
		bad("max-backoff %s is not between initial-backoff (%s) and %s", c.MaxBackoff, c.InitialBackoff, maxBackoffBound)
	}
	if c.Timeout < 0 || c.Timeout > maxTimeoutBound {
		bad("timeout %s is not positive and at most %s", c.Timeout, maxTimeoutBound)
	}
	if c.PollInterval < 0 || c.PollInterval > maxPollBound {
		bad("poll-interval %s is not positive and at most %s", c.PollInterval, maxPollBound)
	}
	if len(c.Webhooks) > maxWebhooks {
		bad("%d webhooks, more than %d", len(c.Webhooks), maxWebhooks)
	}
	names := map[string]bool{}
	for i, w := range c.Webhooks {
		label := fmt.Sprintf("webhook %d", i+1)
		switch {
		case !index.ValidWebhookName(w.Name):
			bad("%s: name %q is not 1 to 64 letters, digits, '.', '_' or '-'", label, w.Name)
		case names[w.Name]:
			bad("%s: name %q is used twice", label, w.Name)
		default:
			label = fmt.Sprintf("webhook %q", w.Name)
		}
		names[w.Name] = true
		w.check(label, bad)
	}
	return errors.Join(errs...)
}

// check reports the problems of one webhook through bad; label names it.
func (w Webhook) check(label string, bad func(format string, args ...any)) {
	if err := checkURL(w.URL); err != nil {
		bad("%s: url: %v", label, err)
	}
	w.checkSecret(label, bad)
	if len(w.Recipients) > maxFilterEntries {
		bad("%s: more than %d recipients", label, maxFilterEntries)
	}
	seen := map[common.Address]bool{}
	for _, a := range w.Recipients {
		if a == (common.Address{}) {
			bad("%s: recipient %s is the zero address", label, a.Hex())
		} else if seen[a] {
			bad("%s: recipient %s is listed twice", label, a.Hex())
		}
		seen[a] = true
	}
	seenType := map[Type]bool{}
	for _, t := range w.Types {
		if !slices.Contains(knownTypes, t) {
			bad("%s: unknown event type %q (known: %s)", label, t, typeList())
		} else if seenType[t] {
			bad("%s: event type %q is listed twice", label, t)
		}
		seenType[t] = true
	}
}

// checkSecret checks the format and the secret's sources: exactly one
// (none for Slack, whose URL is its token; the routing key for PagerDuty).
func (w Webhook) checkSecret(label string, bad func(format string, args ...any)) {
	sources := 0
	for _, s := range []string{string(w.Secret), w.SecretEnv, w.SecretFile} {
		if s != "" {
			sources++
		}
	}
	switch w.Format {
	case "", FormatGeneric, FormatSlack, FormatPagerDuty:
	default:
		bad("%s: format %q is not generic, slack or pagerduty", label, w.Format)
	}
	switch {
	case sources == 0 && w.Format == FormatSlack:
	case sources == 0 && w.Format == FormatPagerDuty:
		bad("%s: no routing key: set one of %s to the PagerDuty integration's routing key", label, secretSourceNames)
	case sources == 0:
		bad("%s: no secret: set one of %s", label, secretSourceNames)
	case sources > 1:
		bad("%s: set only one of %s", label, secretSourceNames)
	}
	if w.Secret != "" && len(w.Secret) < minSecretLen {
		bad("%s: secret is shorter than %d bytes", label, minSecretLen)
	}
	if w.SecretEnv != "" && !validEnvName(w.SecretEnv) {
		bad("%s: secret-env %q is not an environment variable name", label, w.SecretEnv)
	}
	if strings.ContainsRune(w.SecretFile, 0) {
		bad("%s: secret-file holds a NUL byte", label)
	}
}

func typeList() string {
	s := make([]string, len(knownTypes))
	for i, t := range knownTypes {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}

func checkURL(raw string) error {
	if raw == "" {
		return errors.New("missing")
	}
	if len(raw) > maxURLLen {
		return fmt.Errorf("longer than %d bytes", maxURLLen)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return errors.New("does not parse") // the parser's message would repeat the URL
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Errorf("scheme %q is not http or https", u.Scheme)
	case u.Opaque != "" || u.Host == "":
		return errors.New("not an absolute URL with a host")
	case u.Fragment != "":
		return errors.New("has a fragment")
	}
	return nil
}

func validEnvName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || i > 0 && '0' <= c && c <= '9') {
			return false
		}
	}
	return s != "" && len(s) <= 256
}

// resolveSecrets returns c with each webhook's secret read from its source,
// and checks its length.
func (c Config) resolveSecrets(lookupEnv func(string) (string, bool), readFile func(string) ([]byte, error)) (Config, error) {
	c.Webhooks = slices.Clone(c.Webhooks)
	var errs []error
	for i := range c.Webhooks {
		w := &c.Webhooks[i]
		var s string
		switch {
		case w.Format == FormatSlack && w.Secret == "" && w.SecretEnv == "" && w.SecretFile == "":
			continue // Slack's URL is its token
		case w.Secret != "":
			s = string(w.Secret)
		case w.SecretEnv != "":
			v, ok := lookupEnv(w.SecretEnv)
			if !ok {
				errs = append(errs, fmt.Errorf("%w: webhook %q: environment variable %s is not set", ErrConfig, w.Name, w.SecretEnv))
				continue
			}
			s = strings.TrimSpace(v)
		case w.SecretFile != "":
			b, err := readFile(w.SecretFile)
			if err != nil {
				errs = append(errs, fmt.Errorf("%w: webhook %q: secret-file: %w", ErrConfig, w.Name, err))
				continue
			}
			s = strings.TrimSpace(string(b))
		}
		if len(s) < minSecretLen {
			errs = append(errs, fmt.Errorf("%w: webhook %q: the secret is shorter than %d bytes", ErrConfig, w.Name, minSecretLen))
			continue
		}
		w.resolved = Secret(s)
	}
	return c, errors.Join(errs...)
}

// readSecretFile reads a secret file of at most 4 KiB.
func readSecretFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxSecretFile+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxSecretFile {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, maxSecretFile)
	}
	return b, nil
}

// The file format (YAML, kebab-case keys like the other config files).
type fileConfig struct {
	MaxAttempts    int           `yaml:"max-attempts"`
	InitialBackoff string        `yaml:"initial-backoff"`
	MaxBackoff     string        `yaml:"max-backoff"`
	Timeout        string        `yaml:"timeout"`
	PollInterval   string        `yaml:"poll-interval"`
	Webhooks       []fileWebhook `yaml:"webhooks"`
}

type fileWebhook struct {
	Name       string   `yaml:"name"`
	URL        string   `yaml:"url"`
	Secret     string   `yaml:"secret"`
	SecretEnv  string   `yaml:"secret-env"`
	SecretFile string   `yaml:"secret-file"`
	Recipients []string `yaml:"recipients"`
	Types      []string `yaml:"types"`
	Format     string   `yaml:"format"`
}

// ParseConfig parses an alerts config file (YAML; the format is in
// WEBHOOKS.md), applies the defaults and checks the result. It is strict:
// unknown keys, a second document, a duration without a unit, an address
// that is not 20 bytes of hex (or whose mixed case is a wrong EIP-55
// checksum) and a file without webhooks are refused. It does no I/O: the
// secrets' environment variables and files are read by LoadConfig and
// NewDispatcher. Every error wraps ErrConfig.
func ParseConfig(data []byte) (cfg Config, err error) {
	if len(data) > maxConfigFile {
		return Config{}, fmt.Errorf("%w: larger than %d bytes", ErrConfig, maxConfigFile)
	}
	var f fileConfig
	if err := decodeYAML(data, &f); err != nil {
		return Config{}, err
	}
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{ErrConfig}, args...)...))
	}
	duration := func(key, s string) time.Duration {
		if s == "" {
			return 0
		}
		d, err := time.ParseDuration(s)
		if err != nil {
			bad("%s: %q is not a duration such as 500ms, 10s or 5m", key, s)
			return 0
		}
		if d <= 0 {
			bad("%s: %s is not positive", key, s)
			return 0
		}
		return d
	}
	if f.MaxAttempts < 0 {
		bad("max-attempts %d is negative", f.MaxAttempts)
		f.MaxAttempts = 0
	}
	cfg = Config{
		MaxAttempts:    f.MaxAttempts,
		InitialBackoff: duration("initial-backoff", f.InitialBackoff),
		MaxBackoff:     duration("max-backoff", f.MaxBackoff),
		Timeout:        duration("timeout", f.Timeout),
		PollInterval:   duration("poll-interval", f.PollInterval),
	}
	if len(f.Webhooks) == 0 {
		bad("no webhooks")
	}
	for i, fw := range f.Webhooks {
		w := Webhook{Name: fw.Name, URL: fw.URL, Secret: Secret(fw.Secret), SecretEnv: fw.SecretEnv, SecretFile: fw.SecretFile, Format: Format(fw.Format)}
		if w.Format == FormatPagerDuty && w.URL == "" {
			w.URL = PagerDutyURL
		}
		label := fmt.Sprintf("webhook %d", i+1)
		if index.ValidWebhookName(fw.Name) {
			label = fmt.Sprintf("webhook %q", fw.Name)
		}
		for _, r := range fw.Recipients {
			a, err := parseAddress(r)
			if err != nil {
				bad("%s: recipient %q: %v", label, r, err)
				continue
			}
			w.Recipients = append(w.Recipients, a)
		}
		for _, t := range fw.Types {
			w.Types = append(w.Types, Type(t))
		}
		cfg.Webhooks = append(cfg.Webhooks, w)
	}
	if len(errs) == 0 {
		if err := cfg.Check(); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return Config{}, errors.Join(errs...)
	}
	return cfg.WithDefaults(), nil
}

// decodeYAML decodes exactly one YAML document into v, refusing unknown
// keys.
func decodeYAML(data []byte, v any) (err error) {
	defer func() {
		// The YAML parser is third-party code fed untrusted bytes: a panic
		// in it becomes a classified error.
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: YAML parser failed: %v", ErrConfig, r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%w: empty file", ErrConfig)
		}
		return fmt.Errorf("%w: %v", ErrConfig, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return fmt.Errorf("%w: more than one YAML document", ErrConfig)
	}
	return nil
}

// parseAddress parses a 0x-prefixed hex address; mixed case must be a
// valid EIP-55 checksum.
func parseAddress(s string) (common.Address, error) {
	if !strings.HasPrefix(s, "0x") && !strings.HasPrefix(s, "0X") {
		return common.Address{}, errors.New("not 0x-prefixed hex")
	}
	if !common.IsHexAddress(s) {
		return common.Address{}, errors.New("not a 20-byte hex address")
	}
	a := common.HexToAddress(s)
	body := s[2:]
	if body != strings.ToLower(body) && body != strings.ToUpper(body) && a.Hex()[2:] != body {
		return common.Address{}, fmt.Errorf("wrong EIP-55 checksum (expected %s)", a.Hex())
	}
	return a, nil
}

// LoadConfig reads and parses the alerts config file at path
// (ParseConfig), then reads each webhook's secret from its environment
// variable or file, so that a missing one is reported now. Every error
// wraps ErrConfig and names the file; none shows a secret.
func LoadConfig(path string) (Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return Config{}, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxConfigFile+1))
	if err != nil {
		return Config{}, fmt.Errorf("%w: read %s: %w", ErrConfig, path, err)
	}
	cfg, err := ParseConfig(data)
	if err == nil {
		cfg, err = cfg.resolveSecrets(os.LookupEnv, readSecretFile)
	}
	if err != nil {
		return Config{}, fmt.Errorf("alerts config %s: %w", path, err)
	}
	return cfg, nil
}
