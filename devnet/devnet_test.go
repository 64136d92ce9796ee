package devnet

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/denomwatch/denomwatch/internal/testutil"
)

// testConfig is TestingConfig in a test directory, its DA store on a free port.
func testConfig(t *testing.T) Config {
	t.Helper()
	return TestingConfig(t.TempDir(), testutil.FreePort(t))
}

// runDevnet runs cfg to the end (Rounds must be set) and returns the devnet
// (closed at the test's end) and its summary.
func runDevnet(t *testing.T, cfg Config) (*Devnet, string) {
	t.Helper()
	var out bytes.Buffer
	cfg.Out = &out
	d, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if err := d.Run(ctx); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	return d, out.String()
}
