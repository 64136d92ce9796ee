package e2e

import (
	"context"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/internal/devchain"
)

// gateCode deploys a contract that reverts with the custom error 0xdeadbeef
// when block.number is below its first calldata word, and stops otherwise:
//
//	PUSH1 0 CALLDATALOAD NUMBER LT PUSH1 9 JUMPI STOP
//	9: JUMPDEST PUSH4 0xdeadbeef PUSH1 0 MSTORE PUSH1 4 PUSH1 28 REVERT
const gateCode = "0x6017600c60003960176000f3" + "6000354310600957005b63deadbeef6000526004601cfd"

// nodeAnswers is how a node answered the questions where geth --dev and
// anvil were found to differ (RELIABILITY.md, "Two node implementations").
type nodeAnswers struct {
	// UnknownHTTP and UnknownWS are the JSON-RPC error codes of a method
	// the node lacks, over HTTP and over WebSocket.
	UnknownHTTP, UnknownWS int
	// HeaderByNumber: the node serves eth_getHeaderByNumber.
	HeaderByNumber bool
	// EstimatesAt is the block eth_estimateGas runs in without a block
	// argument: "latest" or "pending".
	EstimatesAt string
	// LogsPastHead: eth_getLogs answers a range ending past the head
	// (rather than refusing it).
	LogsPastHead bool
	// RevertData is the revert data a reverting estimate carries, decoded
	// by contracts.AsRevert (both nodes: "0xdeadbeef").
	RevertData string
	// GasCapped: a transaction asking for more than EIP-7825's 2^24 gas is
	// refused (anvil: only with --enable-tx-gas-limit, which startAnvil sets).
	GasCapped bool
}

// TestNodeDifferences pins the differences between geth --dev and anvil
// that denomwatch's code meets (and two answers they share that it relies
// on), so that a new version of either node that changes one is noticed.
func TestNodeDifferences(t *testing.T) {
	for _, tc := range []struct {
		name  string
		start startNode
		want  nodeAnswers
	}{
		{"geth", startGeth, nodeAnswers{UnknownHTTP: -32601, UnknownWS: -32601, HeaderByNumber: true, EstimatesAt: "latest", LogsPastHead: false, RevertData: "0xdeadbeef", GasCapped: true}},
		{"anvil", startAnvil, nodeAnswers{UnknownHTTP: -32601, UnknownWS: -32602, HeaderByNumber: false, EstimatesAt: "pending", LogsPastHead: true, RevertData: "0xdeadbeef", GasCapped: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			if got := askNode(ctx, t, tc.start(ctx, t, t.TempDir())); got != tc.want {
				t.Errorf("%s answered\n%+v\nwant\n%+v", tc.name, got, tc.want)
			}
		})
	}
}

// askNode deploys the gate contract from the node's unlocked account and
// asks the node the questions of nodeAnswers.
func askNode(ctx context.Context, t *testing.T, n *devNode) (a nodeAnswers) {
	t.Helper()
	chain, err := devchain.Start(ctx, devchain.Config{RPC: n.httpURL, PollInterval: 20 * time.Millisecond}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer chain.Close()
	rc, ws := n.client.Client(), dialRPC(ctx, t, n.wsURL)
	var accounts []common.Address
	if err := rc.CallContext(ctx, &accounts, "eth_accounts"); err != nil || len(accounts) == 0 {
		t.Fatalf("eth_accounts: %v %v", accounts, err)
	}
	from := accounts[0]
	var h common.Hash
	if err := rc.CallContext(ctx, &h, "eth_sendTransaction", map[string]any{"from": from, "data": gateCode, "gas": hexutil.Uint64(200_000)}); err != nil {
		t.Fatal(err)
	}
	r, err := chain.WaitSuccess(ctx, h)
	if err != nil {
		t.Fatal(err)
	}
	gate := r.ContractAddress
	t.Logf("the gate contract's deployment used %d gas", r.GasUsed)

	a.UnknownHTTP, a.UnknownWS = errorCode(rc.CallContext(ctx, nil, "eth_noSuchMethod")), errorCode(ws.CallContext(ctx, nil, "eth_noSuchMethod"))
	var header map[string]any
	a.HeaderByNumber = rc.CallContext(ctx, &header, "eth_getHeaderByNumber", "latest") == nil && header != nil
	a.EstimatesAt = estimatesAt(ctx, t, n, from, gate)

	head, err := n.client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, err = n.client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(head), ToBlock: new(big.Int).SetUint64(head + 100)})
	a.LogsPastHead = err == nil
	t.Logf("eth_getLogs to head+100: %v", err)

	never := new(big.Int).Lsh(big.NewInt(1), 255).FillBytes(make([]byte, 32))
	_, err = n.client.EstimateGas(ctx, ethereum.CallMsg{From: from, To: &gate, Data: never})
	var re *contracts.RevertError
	if errors.As(contracts.AsRevert(err), &re) {
		a.RevertData = hexutil.Encode(re.Data)
	}
	t.Logf("a reverting estimate: %v", err)

	err = rc.CallContext(ctx, &h, "eth_sendTransaction", map[string]any{"from": from, "to": gate, "gas": hexutil.Uint64(1<<24 + 1)})
	a.GasCapped = err != nil
	t.Logf("a transaction of 2^24+1 gas: %v", err)
	return a
}

// estimatesAt asks eth_estimateGas, without a block argument, whether
// block.number is already head+1: it is in the pending block, not in the
// latest. Asked again if the head moved meanwhile.
func estimatesAt(ctx context.Context, t *testing.T, n *devNode, from, gate common.Address) string {
	t.Helper()
	for range 5 {
		head, err := n.client.BlockNumber(ctx)
		if err != nil {
			t.Fatal(err)
		}
		next := new(big.Int).SetUint64(head + 1).FillBytes(make([]byte, 32))
		var gas hexutil.Uint64
		err = n.client.Client().CallContext(ctx, &gas, "eth_estimateGas", map[string]any{"from": from, "to": gate, "input": hexutil.Bytes(next)})
		if after, aerr := n.client.BlockNumber(ctx); aerr != nil || after != head {
			continue
		}
		if err == nil {
			return "pending"
		}
		return "latest"
	}
	t.Fatal("the head moved during every estimate")
	return ""
}

func dialRPC(ctx context.Context, t *testing.T, url string) *rpc.Client {
	t.Helper()
	c, err := rpc.DialContext(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

// errorCode is a JSON-RPC error's code, 0 for another error or none.
func errorCode(err error) int {
	var e rpc.Error
	if errors.As(err, &e) {
		return e.ErrorCode()
	}
	return 0
}
