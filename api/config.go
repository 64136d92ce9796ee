package api

import (
	"errors"
	"fmt"
	"net"
	"strconv"
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

// Config configures the API server.
type Config struct {
	// Addr is the host:port to listen on; port 0 picks a free port.
	Addr string
	// ReadyLag is the largest number of blocks the watcher may trail the
	// chain head and still be ready: ready when Head - Processed <= ReadyLag.
	ReadyLag uint64
	// MaxRange is the largest number of rounds one /v1/rounds call returns.
	MaxRange uint64
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
	return nil
}
