package challenge

import (
	"crypto/ecdsa"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/challenge/solve"
	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"github.com/denomwatch/denomwatch/metrics"
)

var _ Observer = (*metrics.Metrics)(nil)

// TestUnderfunded: a key with nothing to pay a due proof with sends
// nothing, raises balance_low and the underfunded metric; funded, it
// proves the fraud before its deadline.
func TestUnderfunded(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.Rounds, cfg.ChallengeWindow = 2, 60
	cfg.Faults, _ = devnet.ParseFaults("2:amount@1.2")
	e := startEnv(t, cfg, 1)
	t.Cleanup(e.dumpLog)
	poor, err := crypto.ToECDSA(crypto.Keccak256([]byte("denomwatch v2 challenger test: poor")))
	if err != nil {
		t.Fatal(err)
	}
	obs := &recordingObserver{}
	e.background("executor", e.newExecutor(e.execConfig(), e.store, poor, obs).Run)
	testutil.WaitFor(t, "the underfunded metric and alert", time.Minute, 20*time.Millisecond, func() bool {
		obs.mu.Lock()
		short := obs.underfunded
		obs.mu.Unlock()
		return short && alertTypes(t, e.store)[alerts.BalanceLow] > 0
	})
	if n := e.nonce(poor); n != 0 {
		t.Fatalf("the poor key sent %d transactions", n)
	}
	e.transfer(e.keys[0], crypto.PubkeyToAddress(poor.PublicKey), big.NewInt(params.Ether))
	e.waitDevnet()
	r := e.waitSettled(e.store, batch{2, 0})[batch{2, 0}]
	if r.Final.State != solve.FinalConfirmed || e.nonce(poor) != 1 {
		t.Fatalf("record %+v, nonce %d", r.Final, e.nonce(poor))
	}
	obs.mu.Lock()
	defer obs.mu.Unlock()
	if obs.underfunded {
		t.Fatal("still underfunded once funded")
	}
}

// transfer sends value from key to `to` and waits for it to be mined.
func (e *env) transfer(key *ecdsa.PrivateKey, to common.Address, value *big.Int) {
	e.t.Helper()
	client := e.d.Client()
	chainID, err := client.ChainID(e.ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	nonce, err := client.PendingNonceAt(e.ctx, crypto.PubkeyToAddress(key.PublicKey))
	if err != nil {
		e.t.Fatal(err)
	}
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{ChainID: chainID, Nonce: nonce,
		GasTipCap: big.NewInt(params.GWei), GasFeeCap: big.NewInt(100 * params.GWei), Gas: params.TxGas, To: &to, Value: value})
	if err != nil {
		e.t.Fatal(err)
	}
	if err := client.SendTransaction(e.ctx, tx); err != nil {
		e.t.Fatal(err)
	}
	testutil.WaitFor(e.t, "the transfer mined", time.Minute, 10*time.Millisecond, func() bool {
		r, err := client.TransactionReceipt(e.ctx, tx.Hash())
		return err == nil && r.Status == types.ReceiptStatusSuccessful
	})
}
