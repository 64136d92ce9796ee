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

// devNode is a development node the test started (geth --dev or anvil),
// sealing a block a second.
type devNode struct {
	proc           *proc
	httpURL, wsURL string
	client         *ethclient.Client
}

// startNode is startGeth or startAnvil.
type startNode func(ctx context.Context, t *testing.T, dir string) *devNode

// startGeth starts geth --dev (DENOMWATCH_GETH, which make e2e sets; the
// test is skipped without it) with HTTP and WebSocket on free ports, and
// waits until it answers.
func startGeth(ctx context.Context, t *testing.T, dir string) *devNode {
	t.Helper()
	geth := os.Getenv("DENOMWATCH_GETH")
	if geth == "" {
		t.Skip("DENOMWATCH_GETH is not set (make e2e installs geth and sets it)")
	}
	httpPort, wsPort, authPort := testutil.FreePort(t), testutil.FreePort(t), testutil.FreePort(t)
	g := &devNode{httpURL: fmt.Sprintf("http://127.0.0.1:%d", httpPort), wsURL: fmt.Sprintf("ws://127.0.0.1:%d", wsPort)}
	g.proc = start(t, "geth", nil, geth, "--dev", "--dev.period", "1", "--datadir", filepath.Join(dir, "geth"), "--ipcdisable",
		"--http", "--http.addr", "127.0.0.1", "--http.port", fmt.Sprint(httpPort), "--http.api", "eth,net,web3",
		"--ws", "--ws.addr", "127.0.0.1", "--ws.port", fmt.Sprint(wsPort), "--ws.api", "eth,net,web3",
		"--authrpc.port", fmt.Sprint(authPort), "--port", "0", "--verbosity", "2")
	g.dial(ctx, t)
	return g
}

// dial waits until the node answers eth_blockNumber over HTTP and keeps the
// client, closed when the test ends.
func (n *devNode) dial(ctx context.Context, t *testing.T) {
	t.Helper()
	waitFor(t, n.proc.name+" to answer", 30*time.Second, func() bool {
		if n.proc.exited() {
			t.Fatalf("%s exited: %v\n%s", n.proc.name, n.proc.err, n.proc.tail(20))
		}
		c, err := ethclient.DialContext(ctx, n.httpURL)
		if err != nil {
			return false
		}
		if _, err := c.BlockNumber(ctx); err != nil {
			c.Close()
			return false
		}
		n.client = c
		return true
	})
	t.Cleanup(n.client.Close)
}
