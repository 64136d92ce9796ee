package rpcpool

import (
	"errors"
	"fmt"
	"math/big"
	"net"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	gethnode "github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/denomwatch/denomwatch/internal/faultproxy"
)

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TestAgainstNode runs every method of the pool against a simulated node
// served over HTTP (behind a proxy dropping a third of the requests) and
// WebSocket (the backup), and checks the answers against the node's own
// client.
func TestAgainstNode(t *testing.T) {
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	from := crypto.PubkeyToAddress(key.PublicKey)
	httpPort, wsPort := freePort(t), freePort(t)
	sim := simulated.NewBackend(types.GenesisAlloc{from: {Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))}},
		func(nc *gethnode.Config, ec *ethconfig.Config) {
			nc.HTTPHost, nc.HTTPPort, nc.HTTPModules = "127.0.0.1", httpPort, []string{"eth", "net", "web3"}
			nc.WSHost, nc.WSPort, nc.WSModules = "127.0.0.1", wsPort, []string{"eth", "net", "web3"}
		})
	defer sim.Close()
	direct := sim.Client()
	proxy, err := faultproxy.New(fmt.Sprintf("http://127.0.0.1:%d", httpPort))
	if err != nil {
		t.Fatal(err)
	}
	defer proxy.Close()
	wsURL := fmt.Sprintf("ws://127.0.0.1:%d", wsPort)
	ctx := t.Context()
	p, err := Dial(ctx, []string{proxy.URL(), wsURL}, Options{CoolDown: time.Millisecond, MaxCoolDown: 2 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	proxy.SetSeed(11)
	if err := proxy.SetFaults(faultproxy.Fault{Kind: faultproxy.Drop, Probability: 0.3}); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}

	chainID, err := p.ChainID(ctx)
	must(err)
	nonce, err := p.PendingNonceAt(ctx, from)
	must(err)
	tip, err := p.SuggestGasTipCap(ctx)
	must(err)
	head, err := p.HeaderByNumber(ctx, nil)
	must(err)
	to := common.Address{0x42}
	gas, err := p.EstimateGas(ctx, ethereum.CallMsg{From: from, To: &to, Value: big.NewInt(1)})
	must(err)
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{
		ChainID: chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2))),
		Gas: gas, To: &to, Value: big.NewInt(1),
	})
	must(err)
	must(p.SendTransaction(ctx, tx))
	if n, err := p.PendingTransactionCount(ctx); err != nil || n != 1 {
		t.Fatalf("pending transactions %d %v", n, err)
	}
	if _, pending, err := p.TransactionByHash(ctx, tx.Hash()); err != nil || !pending {
		t.Fatalf("pending %v %v", pending, err)
	}
	// Not found, or "transaction indexing is in progress": the node's answer.
	if _, err := p.TransactionReceipt(ctx, tx.Hash()); err == nil || IsTransport(err) {
		t.Fatalf("receipt of a pending transaction: %v", err)
	}
	sim.Commit()

	receipt, err := p.TransactionReceipt(ctx, tx.Hash())
	must(err)
	if receipt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("receipt %+v", receipt)
	}
	number, err := p.BlockNumber(ctx)
	must(err)
	block, err := p.BlockByNumber(ctx, receipt.BlockNumber)
	must(err)
	byHash, err := p.BlockByHash(ctx, receipt.BlockHash)
	must(err)
	hdr, err := p.HeaderByHash(ctx, receipt.BlockHash)
	must(err)
	count, err := p.TransactionCount(ctx, receipt.BlockHash)
	must(err)
	inBlock, err := p.TransactionInBlock(ctx, receipt.BlockHash, 0)
	must(err)
	if number != receipt.BlockNumber.Uint64() || block.Hash() != receipt.BlockHash || byHash.Hash() != block.Hash() || hdr.Hash() != block.Hash() ||
		count != 1 || inBlock.Hash() != tx.Hash() {
		t.Fatalf("block %d %s %s %s, %d transactions, %s", number, block.Hash(), byHash.Hash(), hdr.Hash(), count, inBlock.Hash())
	}

	bal, err := p.BalanceAt(ctx, to, nil)
	must(err)
	pbal, err := p.PendingBalanceAt(ctx, to)
	must(err)
	n, err := p.NonceAt(ctx, from, nil)
	must(err)
	want, err := direct.BalanceAt(ctx, from, nil)
	must(err)
	got, err := p.BalanceAt(ctx, from, receipt.BlockNumber)
	must(err)
	if bal.Int64() != 1 || pbal.Int64() != 1 || n != nonce+1 || got.Cmp(want) != 0 {
		t.Fatalf("balances %v %v %v/%v, nonce %d", bal, pbal, got, want, n)
	}
	for name, f := range map[string]func() ([]byte, error){
		"code":            func() ([]byte, error) { return p.CodeAt(ctx, to, nil) },
		"code at hash":    func() ([]byte, error) { return p.CodeAtHash(ctx, to, receipt.BlockHash) },
		"pending code":    func() ([]byte, error) { return p.PendingCodeAt(ctx, to) },
		"storage":         func() ([]byte, error) { return p.StorageAt(ctx, to, common.Hash{}, nil) },
		"pending storage": func() ([]byte, error) { return p.PendingStorageAt(ctx, to, common.Hash{}) },
		"call":            func() ([]byte, error) { return p.CallContract(ctx, ethereum.CallMsg{To: &to}, nil) },
		"call at hash":    func() ([]byte, error) { return p.CallContractAtHash(ctx, ethereum.CallMsg{To: &to}, receipt.BlockHash) },
		"pending call":    func() ([]byte, error) { return p.PendingCallContract(ctx, ethereum.CallMsg{To: &to}) },
	} {
		if b, err := f(); err != nil || len(bytesTrim(b)) != 0 {
			t.Fatalf("%s: %x %v", name, b, err)
		}
	}
	logs, err := p.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: common.Big0, ToBlock: receipt.BlockNumber})
	must(err)
	if len(logs) != 0 {
		t.Fatalf("logs %v", logs)
	}
	if _, err := p.SuggestGasPrice(ctx); err != nil {
		t.Fatal(err)
	}
	if fh, err := p.FeeHistory(ctx, 1, nil, []float64{50}); err != nil || len(fh.BaseFee) == 0 {
		t.Fatalf("fee history %+v %v", fh, err)
	}
	var raw *types.Header
	must(p.CallContext(ctx, &raw, "eth_getHeaderByNumber", hexutil.EncodeBig(receipt.BlockNumber)))
	var rawTx hexutil.Bytes
	must(p.CallContext(ctx, &rawTx, "eth_getRawTransactionByBlockHashAndIndex", receipt.BlockHash, hexutil.Uint(0)))
	decoded := new(types.Transaction)
	must(decoded.UnmarshalBinary(rawTx))
	if raw.Hash() != block.Hash() || decoded.Hash() != tx.Hash() {
		t.Fatal("raw calls answered wrongly")
	}
	// Sending the transaction again is the node's answer, not a failover.
	if err := p.SendTransaction(ctx, tx); err == nil || IsTransport(err) {
		t.Fatalf("a resent transaction: %v", err)
	}
	if proxy.Stats().Injected() == 0 || p.Stats().Switches == 0 {
		t.Fatalf("no fault met: proxy %+v, pool %+v", proxy.Stats(), p.Stats())
	}

	// Subscriptions: on the preferred endpoint when it is a WebSocket one,
	// not over HTTP.
	if _, err := p.SubscribeNewHead(ctx, make(chan *types.Header)); err != nil && !errors.Is(err, rpc.ErrNotificationsUnsupported) {
		t.Fatal(err)
	}
	ws, err := Dial(ctx, []string{wsURL, proxy.URL()}, Options{})
	must(err)
	defer ws.Close()
	heads := make(chan *types.Header, 4)
	sub, err := ws.SubscribeNewHead(ctx, heads)
	must(err)
	defer sub.Unsubscribe()
	receipts := make(chan []*types.Receipt, 4)
	rsub, err := ws.SubscribeTransactionReceipts(ctx, nil, receipts)
	must(err)
	rsub.Unsubscribe()
	lsub, err := ws.SubscribeFilterLogs(ctx, ethereum.FilterQuery{}, make(chan types.Log))
	must(err)
	lsub.Unsubscribe()
	sim.Commit()
	select {
	case h := <-heads:
		if h.Number.Uint64() != number+1 {
			t.Fatalf("head %d, want %d", h.Number, number+1)
		}
	case err := <-sub.Err():
		t.Fatal(err)
	case <-time.After(10 * time.Second):
		t.Fatal("no new head")
	}
	proxy.Clear()
	primaryHTTP, err := Dial(ctx, []string{proxy.URL(), wsURL}, Options{})
	must(err)
	defer primaryHTTP.Close()
	if _, err := primaryHTTP.SubscribeNewHead(ctx, heads); !errors.Is(err, rpc.ErrNotificationsUnsupported) {
		t.Fatalf("subscription with an HTTP primary: %v", err)
	}
}

// bytesTrim drops leading zeros (an empty storage slot reads as 32 zeros).
func bytesTrim(b []byte) []byte {
	for len(b) > 0 && b[0] == 0 {
		b = b[1:]
	}
	return b
}
