package e2e

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/denomwatch/denomwatch/internal/testutil"
)

// anvilChainID is the chain id the tests give anvil: its own default
// (31337), stated so that a later default cannot change it.
const anvilChainID = 31337

// startAnvil starts Foundry's anvil (DENOMWATCH_ANVIL, the binary of the npm
// package pinned in e2e/anvil/package-lock.json, which make e2e installs and
// sets; the test is skipped without it) on a free port, and waits until it
// answers. anvil serves HTTP and WebSocket on the one port and keeps its
// chain in memory (dir is unused: the signature is startGeth's). Its flags:
//
//   - --block-time 1: a block a second, as geth --dev --dev.period 1;
//   - --hardfork osaka: the rules the contract is compiled for (anvil
//     1.7.1's default is "latest", Bpo1, a blob-parameter fork after Osaka);
//   - --enable-tx-gas-limit: EIP-7825's cap of 2^24 gas per transaction,
//     which Osaka makes a consensus rule and geth enforces, but anvil only
//     with this flag;
//   - its ten well-known dev accounts stay unlocked (eth_accounts and
//     eth_sendTransaction answer for them), so `denomwatch devnet --rpc`
//     funds itself from the first one as it does from geth's developer
//     account, with no --key.
func startAnvil(ctx context.Context, t *testing.T, dir string) *devNode {
	t.Helper()
	anvil := os.Getenv("DENOMWATCH_ANVIL")
	if anvil == "" {
		t.Skip("DENOMWATCH_ANVIL is not set (make e2e installs anvil from e2e/anvil/package-lock.json and sets it)")
	}
	port := testutil.FreePort(t)
	a := &devNode{httpURL: fmt.Sprintf("http://127.0.0.1:%d", port), wsURL: fmt.Sprintf("ws://127.0.0.1:%d", port)}
	a.proc = start(t, "anvil", nil, anvil, "--host", "127.0.0.1", "--port", fmt.Sprint(port), "--block-time", "1",
		"--hardfork", "osaka", "--enable-tx-gas-limit", "--chain-id", fmt.Sprint(anvilChainID))
	a.dial(ctx, t)
	return a
}
