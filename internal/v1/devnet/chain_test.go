package devnet

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"

	"github.com/denomwatch/denomwatch/internal/v1/contracts"
	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// TestDescriptionMatchesChain checks every field of the JSON file against
// the chain.
func TestDescriptionMatchesChain(t *testing.T) {
	cfg := testConfig(t)
	cfg.Rounds = 3
	cfg.Faults = Schedule{2: {Kind: FaultConservation, Index: -1}}
	d, _ := runDevnet(t, cfg)
	desc, err := ReadDescription(cfg.Describe)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	cl := d.chain.Client
	if desc.ChainID != 1337 || desc.Faults != "2:conservation" || len(desc.Operators) != cfg.Operators || len(desc.Rounds) != 3 {
		t.Fatalf("description %+v", desc)
	}
	r, err := cl.TransactionReceipt(ctx, desc.DeployTx)
	if err != nil || r.ContractAddress != desc.AVS || r.BlockNumber.Uint64() != desc.StartBlock {
		t.Fatalf("deploy receipt %+v, %v", r, err)
	}
	abi := contracts.ABI()
	if got := call(t, d, abi.PackCoordinator(), abi.UnpackCoordinator); got != desc.Coordinator {
		t.Fatalf("coordinator %s, described %s", got, desc.Coordinator)
	}
	if got := call(t, d, abi.PackChallengeWindow(), abi.UnpackChallengeWindow); got.Uint64() != desc.Params.ChallengeWindow {
		t.Fatalf("challenge window %s", got)
	}
	if got := call(t, d, abi.PackOperatorCount(), abi.UnpackOperatorCount); got.Int64() != int64(len(desc.Operators)) {
		t.Fatalf("operator count %s", got)
	}
	for _, o := range desc.Operators {
		got := call(t, d, abi.PackOperatorAt(big.NewInt(int64(o.Index))), abi.UnpackOperatorAt)
		if got.Op.Addr != o.Address || got.Stake.String() != o.Stake || got.PkG1.X.String() != o.PkG1[0] || got.PkG1.Y.String() != o.PkG1[1] {
			t.Fatalf("operator %d on chain %+v, described %+v", o.Index, got, o)
		}
	}
	for _, dr := range desc.Rounds {
		v := call(t, d, abi.PackGetRound(new(big.Int).SetUint64(dr.Round)), abi.UnpackGetRound)
		last := dr.Batches[len(dr.Batches)-1]
		if v.CommitmentRoot != dr.CommitmentRoot || !dr.Finalized || v.Status != 3 || v.AllocationRoot != last.AllocationRoot {
			t.Fatalf("round %d on chain %+v, described %+v", dr.Round, v, dr)
		}
		for _, tx := range []struct {
			h     common.Hash
			block uint64
		}{{dr.CommitTx, dr.CommitBlock}, {last.Tx, last.Block}} {
			r, err := cl.TransactionReceipt(ctx, tx.h)
			if err != nil || r.BlockNumber.Uint64() != tx.block || r.Status != types.ReceiptStatusSuccessful {
				t.Fatalf("round %d: tx %s receipt %v %v", dr.Round, tx.h, r, err)
			}
		}
		if (dr.Fault == "") != last.Honest || (last.AllocationRoot == dr.CorrectAllocationRoot) != last.Honest {
			t.Fatalf("round %d: honesty %+v", dr.Round, dr)
		}
	}
}

// hostChain is another process's node as far as the devnet can tell: a
// simulated chain serving HTTP, sealing a block every 20ms, with key funded.
func hostChain(t *testing.T, key *ecdsa.PrivateKey) string {
	t.Helper()
	port := testutil.FreePort(t)
	sim := simulated.NewBackend(types.GenesisAlloc{
		crypto.PubkeyToAddress(key.PublicKey): {Balance: new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(params.Ether))},
	}, func(nc *node.Config, _ *ethconfig.Config) {
		nc.HTTPHost, nc.HTTPPort, nc.HTTPModules = "127.0.0.1", port, []string{"eth", "net", "web3"}
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				sim.Commit()
			}
		}
	}()
	t.Cleanup(func() { cancel(); <-done; sim.Close() })
	return fmt.Sprintf("http://127.0.0.1:%d", port)
}

// TestRemoteNode runs the devnet against a node reached over JSON-RPC, as on geth --dev.
func TestRemoteNode(t *testing.T) {
	key, _ := crypto.GenerateKey()
	url := hostChain(t, key)

	cfg := testConfig(t)
	cfg.RPC, cfg.Rounds = url, 2
	cfg.Faults = Schedule{2: {Kind: FaultAmount, Index: -1}}
	noKey := cfg
	d, err := New(noKey)
	if err != nil {
		t.Fatal(err)
	}
	// Without a key, the node must have an unlocked account; this one has none.
	if err := d.Start(context.Background()); !errors.Is(err, ErrChain) {
		t.Fatalf("start without a key: %v", err)
	}
	d.Close()

	cfg.Key = key
	d, out := runDevnet(t, cfg)
	desc := d.Description()
	if desc.RPCURL != url || len(desc.Rounds) != 2 || !desc.Rounds[0].Finalized || !desc.Rounds[1].Finalized || desc.Rounds[1].Batches[0].Honest {
		t.Fatalf("remote devnet: %+v\n%s", desc, out)
	}
}

// TestResubmitAfterFraudProof: a challenger proves round 1's batch wrong
// inside the window; the devnet sees the round reopen, the honest operators
// resubmit, and the round finalizes with the right root.
func TestResubmitAfterFraudProof(t *testing.T) {
	challenger, _ := crypto.GenerateKey()
	cfg := testConfig(t)
	cfg.Rounds, cfg.ChallengeWindow = 1, 40
	cfg.Faults = Schedule{1: {Kind: FaultAmount, Index: 5}}
	cfg.Fund = []common.Address{crypto.PubkeyToAddress(challenger.PublicKey)}
	d, ctx, _ := startDevnet(t, cfg)
	runErr := make(chan error, 1)
	go func() { runErr <- d.Run(ctx) }()

	cl, avs, abi := d.chain.Client, d.avs, contracts.ABI()
	// Wait for the batch, as a watcher would: from the contract's logs.
	var (
		logs []types.Log
		err  error
	)
	for len(logs) == 0 {
		logs, err = cl.FilterLogs(ctx, ethereum.FilterQuery{Addresses: []common.Address{avs}, Topics: [][]common.Hash{{abi.GetABI().Events["AllocationBatchSubmitted"].ID}}})
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	commitLogs, err := cl.FilterLogs(ctx, ethereum.FilterQuery{Addresses: []common.Address{avs}, Topics: [][]common.Hash{{abi.GetABI().Events["NewRoundCommitments"].ID}}})
	if err != nil || len(commitLogs) != 1 {
		t.Fatalf("commit logs %v %v", commitLogs, err)
	}
	input := func(h common.Hash, method string) []any {
		tx, _, err := cl.TransactionByHash(ctx, h)
		if err != nil {
			t.Fatal(err)
		}
		args, err := abi.GetABI().Methods[method].Inputs.Unpack(tx.Data()[4:])
		if err != nil {
			t.Fatal(err)
		}
		return args
	}
	c, err := recompute.Decode(input(commitLogs[0].TxHash, "commitRound")[2].([]byte))
	if err != nil {
		t.Fatal(err)
	}
	res, err := recompute.Compute(c, recompute.Options{})
	if err != nil {
		t.Fatal(err)
	}
	published := input(logs[0].TxHash, "submitAllocationBatch")[2].([]byte)
	tree, _ := recompute.AllocTreeFromData(published, 1)
	k, _ := res.FirstDifference(published)
	p, j, _ := res.Locate(k)
	proof, err := contracts.NewBadAllocation(big.NewInt(1), c, res, published, tree, p, j)
	if err != nil {
		t.Fatal(err)
	}
	opts := bind.NewKeyedTransactor(challenger, d.chain.ChainID)
	opts.Context = ctx
	tx, err := bind.Transact(abi.Instance(cl, avs), opts, proof.Calldata())
	if err != nil {
		t.Fatal(contracts.AsRevert(err))
	}
	if r, err := d.chain.Wait(ctx, tx.Hash()); err != nil || r.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("proof receipt %v %v", r, err)
	}
	if err := <-runErr; err != nil {
		t.Fatal(err)
	}
	dr := d.Description().Rounds[0]
	if len(dr.Batches) != 2 || dr.Batches[0].Honest || !dr.Batches[1].Honest || !dr.Finalized {
		t.Fatalf("round after the proof: %+v", dr)
	}
	v := call(t, d, abi.PackGetRound(big.NewInt(1)), abi.UnpackGetRound)
	if v.Status != 3 || v.AllocationRoot != res.AllocationRoot || v.VoidedBatches.Int64() != 1 {
		t.Fatalf("on chain: %+v", v)
	}
}
