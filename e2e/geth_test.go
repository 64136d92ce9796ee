package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/denomwatch/denomwatch/internal/testutil"
)

// gethNode is a geth --dev node the test started, sealing a block a second.
type gethNode struct {
	proc           *proc
	httpURL, wsURL string
	client         *ethclient.Client
}

// startGeth starts geth --dev (DENOMWATCH_GETH, which make e2e sets; the
// test is skipped without it) with HTTP and WebSocket on free ports, and
// waits until it answers.
func startGeth(ctx context.Context, t *testing.T, dir string) *gethNode {
	t.Helper()
	geth := os.Getenv("DENOMWATCH_GETH")
	if geth == "" {
		t.Skip("DENOMWATCH_GETH is not set (make e2e installs geth and sets it)")
	}
	httpPort, wsPort, authPort := testutil.FreePort(t), testutil.FreePort(t), testutil.FreePort(t)
	g := &gethNode{httpURL: fmt.Sprintf("http://127.0.0.1:%d", httpPort), wsURL: fmt.Sprintf("ws://127.0.0.1:%d", wsPort)}
	g.proc = start(t, "geth", nil, geth, "--dev", "--dev.period", "1", "--datadir", filepath.Join(dir, "geth"), "--ipcdisable",
		"--http", "--http.addr", "127.0.0.1", "--http.port", fmt.Sprint(httpPort), "--http.api", "eth,net,web3",
		"--ws", "--ws.addr", "127.0.0.1", "--ws.port", fmt.Sprint(wsPort), "--ws.api", "eth,net,web3",
		"--authrpc.port", fmt.Sprint(authPort), "--port", "0", "--verbosity", "2")
	waitFor(t, "geth to answer", 30*time.Second, func() bool {
		c, err := ethclient.DialContext(ctx, g.httpURL)
		if err != nil {
			return false
		}
		if _, err := c.BlockNumber(ctx); err != nil {
			c.Close()
			return false
		}
		g.client = c
		return true
	})
	t.Cleanup(g.client.Close)
	return g
}
