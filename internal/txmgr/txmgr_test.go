package txmgr

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/txpool"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"
)

// simChain is a simulated chain that seals only when the test commits.
func simChain(t *testing.T, funded ...common.Address) (*simulated.Backend, simulated.Client) {
	t.Helper()
	alloc := types.GenesisAlloc{}
	for _, a := range funded {
		alloc[a] = types.Account{Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))}
	}
	sim := simulated.NewBackend(alloc, func(_ *node.Config, ec *ethconfig.Config) {}, simulated.WithBlockGasLimit(30_000_000))
	t.Cleanup(func() { _ = sim.Close() })
	sim.Commit()
	return sim, sim.Client()
}

func newManager(t *testing.T, cl simulated.Client, cfg TxConfig) *TxManager {
	t.Helper()
	key := testKey(t, "txmgr")
	if cfg.ChainID == nil {
		cfg.ChainID = big.NewInt(1337)
	}
	m, err := NewTxManager(cl, key, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestTxManager drives the manager against a simulated chain that seals
// when told: fees, broadcast outcomes, replacements with the same nonce,
// cancellations, receipts of every attempt, nonce tracking.
func TestTxManager(t *testing.T) {
	ctx := context.Background()
	key := testKey(t, "txmgr")
	sim, cl := simChain(t, addrOf(key))
	m := newManager(t, cl, TxConfig{GasMargin: 0.25})
	to := common.HexToAddress("0x5eed")

	// Fees: the suggested tip, a fee cap of 2*baseFee+tip.
	head, err := cl.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	tip, _ := cl.SuggestGasTipCap(ctx)
	n, _ := m.NextNonce()
	tx1, err := m.Sign(ctx, n, to, []byte{1, 2, 3}, 30_000)
	if err != nil {
		t.Fatal(err)
	}
	wantCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
	if tx1.GasTipCap().Cmp(tip) != 0 || tx1.GasFeeCap().Cmp(wantCap) != 0 || tx1.Nonce() != 0 || tx1.Gas() != 30_000 {
		t.Fatalf("tx: tip %s cap %s nonce %d; want tip %s cap %s nonce 0", tx1.GasTipCap(), tx1.GasFeeCap(), tx1.Nonce(), tip, wantCap)
	}
	m.Consume(n)
	if err := m.Broadcast(ctx, tx1); err != nil {
		t.Fatal(err)
	}
	// The node has it: sending it again is fine.
	if err := m.Broadcast(ctx, tx1); err != nil {
		t.Fatalf("rebroadcast: %v", err)
	}
	// A replacement below the +10% the pool asks is refused.
	cheap, err := m.sign(tx1.Nonce(), to, tx1.Data(), tx1.Gas(), new(big.Int).Add(tx1.GasTipCap(), big.NewInt(1)), new(big.Int).Add(tx1.GasFeeCap(), big.NewInt(1)))
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Broadcast(ctx, cheap); !errors.Is(err, ErrUnderpriced) || !errors.Is(err, txpool.ErrReplaceUnderpriced) {
		t.Fatalf("a cheap replacement: %v, want ErrUnderpriced", err)
	}
	// Replace: same nonce and call, both fees at least +12.5%.
	tx2, err := m.Replace(ctx, tx1, false)
	if err != nil {
		t.Fatal(err)
	}
	if tx2.Nonce() != tx1.Nonce() || tx2.To() == nil || *tx2.To() != to || string(tx2.Data()) != string(tx1.Data()) || tx2.Gas() != tx1.Gas() {
		t.Fatalf("replacement %+v is another call", tx2)
	}
	if !atLeastBumped(tx1.GasTipCap(), tx2.GasTipCap()) || !atLeastBumped(tx1.GasFeeCap(), tx2.GasFeeCap()) {
		t.Fatalf("fees %s/%s -> %s/%s", tx1.GasTipCap(), tx1.GasFeeCap(), tx2.GasTipCap(), tx2.GasFeeCap())
	}
	if err := m.Broadcast(ctx, tx2); err != nil {
		t.Fatalf("the replacement: %v", err)
	}
	sim.Commit()
	r, i, err := m.Receipt(ctx, []common.Hash{tx1.Hash(), tx2.Hash()})
	if err != nil || r == nil || i != 1 || r.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("receipt: %v %d %v; want the replacement's", r, i, err)
	}
	if mined, err := m.NonceMined(ctx, 0); err != nil || !mined {
		t.Fatalf("NonceMined(0) = %v, %v", mined, err)
	}
	// The first attempt can no longer be sent: its nonce is mined. (A
	// second block makes sure the pool has caught up with the first.)
	sim.Commit()
	if err := m.Broadcast(ctx, tx1); !errors.Is(err, ErrNonceTooLow) || !errors.Is(err, core.ErrNonceTooLow) {
		t.Fatalf("broadcast of a mined nonce: %v, want ErrNonceTooLow", err)
	}

	// A cancellation: a 0-value transfer to itself, same nonce, +12.5%.
	n, _ = m.NextNonce()
	if n != 1 {
		t.Fatalf("next nonce %d, want 1", n)
	}
	tx3, err := m.Sign(ctx, n, to, []byte{9}, 40_000)
	if err != nil {
		t.Fatal(err)
	}
	m.Consume(n)
	if err := m.Broadcast(ctx, tx3); err != nil {
		t.Fatal(err)
	}
	c, err := m.Replace(ctx, tx3, true)
	if err != nil {
		t.Fatal(err)
	}
	if c.Nonce() != tx3.Nonce() || *c.To() != m.From() || len(c.Data()) != 0 || c.Gas() != params.TxGas || c.Value().Sign() != 0 || !atLeastBumped(tx3.GasFeeCap(), c.GasFeeCap()) {
		t.Fatalf("cancellation %+v", c)
	}
	if err := m.Broadcast(ctx, c); err != nil {
		t.Fatal(err)
	}
	sim.Commit()
	if r, i, err := m.Receipt(ctx, []common.Hash{tx3.Hash(), c.Hash()}); err != nil || r == nil || i != 1 {
		t.Fatalf("the cancellation was not what got mined: %v %d %v", r, i, err)
	}
	if r, i, err := m.Receipt(ctx, []common.Hash{common.HexToHash("0xdead")}); err != nil || r != nil || i != -1 {
		t.Fatalf("receipt of an unknown transaction: %v %d %v", r, i, err)
	}

	// Sync takes the in-flight nonces into account (stored, not yet sent).
	if err := m.Sync(ctx, 6); err != nil {
		t.Fatal(err)
	}
	if n, _ := m.NextNonce(); n != 7 {
		t.Fatalf("after Sync(6): next nonce %d, want 7", n)
	}
	if err := m.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _ := m.NextNonce(); n != 2 {
		t.Fatalf("after Sync(): next nonce %d, want the node's 2", n)
	}
}

func atLeastBumped(old, new_ *big.Int) bool {
	return new(big.Int).Mul(new_, big.NewInt(8)).Cmp(new(big.Int).Mul(old, big.NewInt(9))) >= 0
}

func TestTxManagerFeeCapAndGas(t *testing.T) {
	ctx := context.Background()
	_, cl := simChain(t, addrOf(testKey(t, "txmgr")))
	head, _ := cl.HeaderByNumber(ctx, nil)
	tip, _ := cl.SuggestGasTipCap(ctx)
	capped := new(big.Int).Add(head.BaseFee, tip) // below 2*baseFee+tip
	m := newManager(t, cl, TxConfig{MaxFeeCap: capped, GasMargin: 0.5})
	tx, err := m.Sign(ctx, 0, common.HexToAddress("0x1"), nil, 21_000)
	if err != nil {
		t.Fatal(err)
	}
	if tx.GasFeeCap().Cmp(capped) != 0 {
		t.Fatalf("fee cap %s, want the maximum %s", tx.GasFeeCap(), capped)
	}
	// At the cap, no valid replacement exists.
	if _, err := m.Replace(ctx, tx, false); !errors.Is(err, ErrFeeCap) {
		t.Fatalf("Replace at the cap: %v, want ErrFeeCap", err)
	}

	tests := []struct {
		estimate, want uint64
		err            error
	}{
		{100_000, 150_000, nil},
		{12_000_000, 16_777_216, nil}, // the margin stops at the per-transaction cap
		{20_000_000, 0, ErrGasCap},    // above MaxTxGas
		{16_777_216, 16_777_216, nil}, // exactly the cap
		{16_777_217, 0, ErrGasCap},    // one above
		{0, 0, nil},
	}
	for _, tt := range tests {
		got, err := m.GasLimit(ctx, tt.estimate)
		if !errors.Is(err, tt.err) || got != tt.want {
			t.Errorf("GasLimit(%d) = %d, %v; want %d, %v", tt.estimate, got, err, tt.want, tt.err)
		}
	}
	if _, err := NewTxManager(cl, nil, TxConfig{ChainID: big.NewInt(1)}); !errors.Is(err, ErrConfig) {
		t.Fatalf("NewTxManager without a key: %v", err)
	}
}

func TestBump(t *testing.T) {
	for _, tt := range []struct{ in, want int64 }{{0, 1}, {1, 2}, {7, 8}, {8, 9}, {9, 11}, {1000, 1125}, {1001, 1127}} {
		if got := bump(big.NewInt(tt.in)); got.Int64() != tt.want {
			t.Errorf("bump(%d) = %s, want %d", tt.in, got, tt.want)
		}
	}
}

// rpcErr is a JSON-RPC error as a client decodes it: only the message.
type rpcErr string

func (e rpcErr) Error() string  { return string(e) }
func (e rpcErr) ErrorCode() int { return -32000 }

// TestSendError: send errors are classified against go-ethereum's exported
// errors, in-process or as their text over JSON-RPC, never by a substring.
func TestSendError(t *testing.T) {
	tests := []struct {
		err         error
		geth, class error
	}{
		{core.ErrNonceTooLow, core.ErrNonceTooLow, ErrNonceTooLow},
		{fmt.Errorf("%w: next nonce 3, tx nonce 2", core.ErrNonceTooLow), core.ErrNonceTooLow, ErrNonceTooLow},
		{rpcErr("nonce too low: next nonce 3, tx nonce 2"), core.ErrNonceTooLow, ErrNonceTooLow},
		{rpcErr("replacement transaction underpriced"), txpool.ErrReplaceUnderpriced, ErrUnderpriced},
		{rpcErr("transaction underpriced: tip needed 1, tip permitted 0"), txpool.ErrUnderpriced, ErrUnderpriced},
		{rpcErr("insufficient funds for gas * price + value: balance 0, tx cost 1, overshot 1"), core.ErrInsufficientFunds, ErrFunds},
		{rpcErr("already known"), txpool.ErrAlreadyKnown, nil},
	}
	for _, tt := range tests {
		got := SendError(tt.err)
		if !errors.Is(got, tt.geth) || (tt.class != nil && !errors.Is(got, tt.class)) {
			t.Errorf("SendError(%v) = %v; want %v and %v", tt.err, got, tt.geth, tt.class)
		}
	}
	// Text that merely contains an error's text is not that error.
	for _, e := range []error{rpcErr("my nonce too low story"), rpcErr("x: already known"), errors.New("nonce too low")} {
		got := SendError(e)
		for _, s := range []error{core.ErrNonceTooLow, txpool.ErrAlreadyKnown, ErrNonceTooLow} {
			if errors.Is(got, s) {
				t.Errorf("SendError(%q) is %v", e, s)
			}
		}
	}
	if SendError(nil) != nil {
		t.Error("SendError(nil) != nil")
	}
}
