package api

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// Defaults of Config.
const (
	DefaultAddr     = "127.0.0.1:8080"
	DefaultReadyLag = 5
	DefaultMaxRange = 1000
)

// MaxMaxRange bounds Config.MaxRange, so that one /v1/rounds call cannot be
// configured to read the whole store.
const MaxMaxRange = 100_000

// ErrConfig is matched (errors.Is) by every error of Config.Check.
var ErrConfig = errors.New("invalid API config")

// ErrCORSOrigin and ErrExplorerURL name the field a Config.Check error is
// about (they come with ErrConfig).
var (
	ErrCORSOrigin  = errors.New("CORS origin")
	ErrExplorerURL = errors.New("explorer URL")
)

// Config configures the API server.
type Config struct {
	// Addr is the host:port to listen on; port 0 picks a free port.
	Addr string
	// ReadyLag is the largest number of blocks the watcher may trail the
	// chain head and still be ready: ready when Head - Processed <= ReadyLag.
	ReadyLag uint64
	// MaxRange is the largest number of rounds one /v1/rounds call returns.
	MaxRange uint64
	// CORSOrigins are the origins (scheme://host[:port], or "*" for any)
	// whose pages may read the API's GET and HEAD answers; none by default
	// (CORS off). The admin endpoints are never shared.
	CORSOrigins []string
	// ExplorerURL is a block explorer's base URL (https://etherscan.io, say):
	// the recipient page links a transaction to ExplorerURL/tx/HASH. ""
	// shows the hash with a copy button instead.
	ExplorerURL string
}

// DefaultConfig returns the default config: 127.0.0.1:8080, ready within 5
// blocks of the head, at most 1000 rounds per call.
func DefaultConfig() Config {
	return Config{Addr: DefaultAddr, ReadyLag: DefaultReadyLag, MaxRange: DefaultMaxRange}
}

// Check reports the first invalid field, wrapping ErrConfig.
func (c Config) Check() error {
	// An empty host listens on every interface: the operator's choice.
	_, port, err := net.SplitHostPort(c.Addr)
	if err != nil {
		return fmt.Errorf("%w: address %q is not host:port: %v", ErrConfig, c.Addr, err)
	}
	if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		return fmt.Errorf("%w: address %q has no valid port", ErrConfig, c.Addr)
	}
	if c.MaxRange == 0 || c.MaxRange > MaxMaxRange {
		return fmt.Errorf("%w: max range %d is not between 1 and %d", ErrConfig, c.MaxRange, MaxMaxRange)
	}
	for _, o := range c.CORSOrigins {
		if err := checkOrigin(o); err != nil {
			return fmt.Errorf("%w: %w %q: %w", ErrConfig, ErrCORSOrigin, o, err)
		}
	}
	if c.ExplorerURL != "" {
		if err := checkExplorerURL(c.ExplorerURL); err != nil {
			return fmt.Errorf("%w: %w %q: %w", ErrConfig, ErrExplorerURL, c.ExplorerURL, err)
		}
	}
	return nil
}

// checkOrigin accepts "*" or an origin as a browser sends it:
// http(s)://host[:port], lower case, nothing after the host.
func checkOrigin(o string) error {
	if o == "*" {
		return nil
	}
	u, err := url.Parse(o)
	switch {
	case err != nil:
		return err
	case u.Scheme != "http" && u.Scheme != "https":
		return errors.New("not http:// or https://")
	case u.Host == "" || u.User != nil || u.Path != "" || u.RawQuery != "" || u.Fragment != "" || strings.HasSuffix(o, "?") || strings.HasSuffix(o, "#"):
		return errors.New("an origin is scheme://host[:port], with no path, query or user")
	case o != strings.ToLower(o):
		return errors.New("browsers send origins in lower case")
	}
	return nil
}

// checkExplorerURL accepts an absolute http(s) URL without query or
// fragment (the page appends /tx/HASH).
func checkExplorerURL(s string) error {
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return err
	case u.Scheme != "http" && u.Scheme != "https":
		return errors.New("not http:// or https://")
	case u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(s, "?#"):
		return errors.New("want scheme://host[/path], with no query, fragment or user")
	}
	return nil
}
