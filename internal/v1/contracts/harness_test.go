package contracts

import (
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"

	"github.com/denomwatch/denomwatch/bls"
	"github.com/denomwatch/denomwatch/internal/v1/contracts/bindings"
	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// mainnetRules copies the dev chain's config and clears Bogota, the future
// fork the simulated chain enables by default (it reprices state access), so
// that gas figures follow the rules in force on mainnet (Osaka).
func mainnetRules(_ *node.Config, ec *ethconfig.Config) {
	cfg := *ec.Genesis.Config
	cfg.BogotaTime = nil
	ec.Genesis.Config = &cfg
	// eth_call's default 5 s bound aborted the heaviest differential call
	// on a loaded 2-core machine; the tests bound their own time.
	ec.RPCEVMTimeout = time.Minute
}

// chain is a simulated chain with the AVS deployed and funded accounts.
type chain struct {
	t        testing.TB
	sim      *simulated.Backend
	client   simulated.Client
	chainID  *big.Int
	addr     common.Address
	inst     *bind.BoundContract
	params   Params
	deployer *ecdsa.PrivateKey
	coord    *ecdsa.PrivateKey
	keys     []*ecdsa.PrivateKey // funded accounts for operators and challengers
}

func testKey(i int) *ecdsa.PrivateKey {
	var seed [8]byte
	binary.BigEndian.PutUint64(seed[:], uint64(i)+1)
	k, err := crypto.ToECDSA(crypto.Keccak256(seed[:]))
	if err != nil {
		panic(err)
	}
	return k
}

func addrOf(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

// newChain deploys the AVS with DefaultParams changed by edit, and funds
// accounts keys.
func newChain(t testing.TB, accounts int, edit func(*Params)) *chain {
	t.Helper()
	c := &chain{t: t, deployer: testKey(1_000_000), coord: testKey(1_000_001)}
	alloc := types.GenesisAlloc{}
	fund := new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(params.Ether))
	for _, k := range []*ecdsa.PrivateKey{c.deployer, c.coord} {
		alloc[addrOf(k)] = types.Account{Balance: fund}
	}
	for i := 0; i < accounts; i++ {
		k := testKey(i)
		c.keys = append(c.keys, k)
		alloc[addrOf(k)] = types.Account{Balance: fund}
	}
	c.sim = simulated.NewBackend(alloc, mainnetRules, simulated.WithBlockGasLimit(100_000_000))
	t.Cleanup(func() { c.sim.Close() })
	c.client = c.sim.Client()
	id, err := c.client.ChainID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	c.chainID = id
	c.params = DefaultParams(addrOf(c.coord))
	if edit != nil {
		edit(&c.params)
	}
	if err := c.params.Check(); err != nil {
		t.Fatal(err)
	}
	opts := bind.NewKeyedTransactor(c.deployer, c.chainID)
	addr, tx, err := bind.DeployContract(opts, common.FromHex(bindings.DenominatorAllocationAVSMetaData.Bin), c.client, avs.PackConstructor(c.params.Binding()))
	if err != nil {
		t.Fatal(AsRevert(err))
	}
	c.sim.Commit()
	if r := c.receipt(tx); r.Status != types.ReceiptStatusSuccessful {
		t.Fatal("deployment failed")
	}
	c.addr = addr
	c.inst = avs.Instance(c.client, addr)
	return c
}

// allMined reports whether every one of txs has a receipt.
func (c *chain) allMined(txs []*types.Transaction) bool {
	for _, tx := range txs {
		if _, err := c.client.TransactionReceipt(context.Background(), tx.Hash()); err != nil {
			return false
		}
	}
	return true
}

func (c *chain) receipt(tx *types.Transaction) *types.Receipt {
	c.t.Helper()
	r, err := c.client.TransactionReceipt(context.Background(), tx.Hash())
	if err != nil {
		c.t.Fatal(err)
	}
	return r
}

// send sends calldata to the AVS from key with value, mines it, and returns
// the receipt, or the decoded revert if gas estimation (which runs the call)
// fails.
func (c *chain) send(key *ecdsa.PrivateKey, data []byte, value *big.Int) (*types.Receipt, error) {
	c.t.Helper()
	opts := bind.NewKeyedTransactor(key, c.chainID)
	opts.Value = value
	tx, err := bind.Transact(c.inst, opts, data)
	if err != nil {
		return nil, AsRevert(err)
	}
	c.sim.Commit()
	r := c.receipt(tx)
	if r.Status != types.ReceiptStatusSuccessful {
		return r, fmt.Errorf("transaction %s failed in the block", tx.Hash())
	}
	return r, nil
}

// mustSend is send that fails the test on error.
func (c *chain) mustSend(key *ecdsa.PrivateKey, data []byte, value *big.Int) *types.Receipt {
	c.t.Helper()
	r, err := c.send(key, data, value)
	if err != nil {
		c.t.Fatal(err)
	}
	return r
}

// call runs a view.
func call[T any](c *chain, data []byte, unpack func([]byte) (T, error)) T {
	c.t.Helper()
	v, err := bind.Call(c.inst, nil, data, unpack)
	if err != nil {
		c.t.Fatal(AsRevert(err))
	}
	return v
}

func (c *chain) mine(n int) {
	for i := 0; i < n; i++ {
		c.sim.Commit()
	}
}

func (c *chain) blockNumber() uint64 {
	c.t.Helper()
	n, err := c.client.BlockNumber(context.Background())
	if err != nil {
		c.t.Fatal(err)
	}
	return n
}

func (c *chain) balance(a common.Address) *big.Int {
	c.t.Helper()
	b, err := c.client.BalanceAt(context.Background(), a, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	return b
}

// wantRevert fails unless err is a revert with the named custom error.
func wantRevert(t testing.TB, err error, name string) {
	t.Helper()
	if !errors.Is(err, ErrReverted) || RevertName(err) != name {
		t.Fatalf("got %v, want revert %s", err, name)
	}
}

// operator is a registered (or to-be-registered) operator.
type operator struct {
	key   *ecdsa.PrivateKey
	addr  common.Address
	sk    *bls.SecretKey
	index int
}

func newOperator(t testing.TB, key *ecdsa.PrivateKey, seed uint64) *operator {
	t.Helper()
	sk, err := bls.GenerateKey(rand.NewChaCha8([32]byte{byte(seed), byte(seed >> 8), byte(seed >> 16)}))
	if err != nil {
		t.Fatal(err)
	}
	return &operator{key: key, addr: addrOf(key), sk: sk, index: -1}
}

func (c *chain) registerCalldata(o *operator) []byte {
	pop := o.sk.ProvePossession(c.chainID, c.addr, o.addr)
	return avs.PackRegisterOperator(G1(o.sk.PublicG1()), G2(o.sk.PublicG2()), G1(pop))
}

// registerN registers operators on accounts 0..n-1 with the given stakes
// (ether; a single value is used for all).
func (c *chain) registerN(n int, stakeEther ...int64) []*operator {
	c.t.Helper()
	ops := make([]*operator, n)
	for i := range ops {
		o := newOperator(c.t, c.keys[i], uint64(i))
		s := stakeEther[0]
		if len(stakeEther) > 1 {
			s = stakeEther[i]
		}
		c.mustSend(o.key, c.registerCalldata(o), ether(s))
		o.index = i
		ops[i] = o
	}
	return ops
}

func ether(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(params.Ether)) }

// registerMany registers operators on accounts 0..n-1, each with stake wei,
// as registerN does but many to a block and without gas estimation (the
// registrations are independent), which keeps 256 of them fast.
func (c *chain) registerMany(n int, stake *big.Int) []*operator {
	c.t.Helper()
	const perBlock, gas = 64, 1_000_000 // a registration uses about 0.3M
	ops := make([]*operator, n)
	var txs []*types.Transaction
	flush := func() {
		c.sim.Commit()
		// The simulated chain's pool promotes sent transactions
		// asynchronously: on a loaded machine a block may be sealed before
		// all of them are pending. Seal again until every one is mined.
		for try := 0; try < 10 && !c.allMined(txs); try++ {
			time.Sleep(50 * time.Millisecond)
			c.sim.Commit()
		}
		for _, tx := range txs {
			if r := c.receipt(tx); r.Status != types.ReceiptStatusSuccessful {
				c.t.Fatalf("registration %s failed (gas used %d)", tx.Hash(), r.GasUsed)
			}
		}
		txs = txs[:0]
	}
	for i := range ops {
		o := newOperator(c.t, c.keys[i], uint64(i))
		opts := bind.NewKeyedTransactor(o.key, c.chainID)
		opts.Value, opts.GasLimit = stake, gas
		tx, err := bind.Transact(c.inst, opts, c.registerCalldata(o))
		if err != nil {
			c.t.Fatal(AsRevert(err))
		}
		txs = append(txs, tx)
		ops[i] = o
		if len(txs) == perBlock {
			flush()
		}
	}
	if len(txs) > 0 {
		flush()
	}
	// The order within a block is the miner's: read each index back.
	seen := map[int64]bool{}
	for _, o := range ops {
		idx := call(c, avs.PackOperatorIndex(o.addr), avs.UnpackOperatorIndex).Int64()
		if seen[idx] {
			c.t.Fatalf("index %d given twice", idx)
		}
		seen[idx] = true
		o.index = int(idx)
	}
	return ops
}

// active returns the registry's active set as SignBatch wants it.
func active(ops []*operator, exited ...int) map[int]bls.G1Point {
	m := make(map[int]bls.G1Point, len(ops))
	for _, o := range ops {
		m[o.index] = o.sk.PublicG1()
	}
	for _, i := range exited {
		delete(m, i)
	}
	return m
}

func signers(ops ...*operator) []Signer {
	out := make([]Signer, len(ops))
	for i, o := range ops {
		out[i] = Signer{Index: o.index, Key: o.sk}
	}
	return out
}

// round is a committed round with its recomputation.
type round struct {
	n   *big.Int
	c   *recompute.Commitments
	res *recompute.Result
}

// commit posts commitments cm as round n.
func (c *chain) commit(n uint64, cm *recompute.Commitments) *round {
	c.t.Helper()
	return c.post(n, cm, true)
}

// commitRootOnly posts round n's commitment root without its data (for
// rounds whose data is larger than one transaction may carry).
func (c *chain) commitRootOnly(n uint64, cm *recompute.Commitments) *round {
	c.t.Helper()
	return c.post(n, cm, false)
}

func (c *chain) post(n uint64, cm *recompute.Commitments, withData bool) *round {
	c.t.Helper()
	cm.Round.SetUint64(n)
	res, err := recompute.Compute(cm, recompute.Options{})
	if err != nil {
		c.t.Fatal(err)
	}
	var data []byte
	if withData {
		data = recompute.Encode(cm)
	}
	c.mustSend(c.coord, avs.PackCommitRound(new(big.Int).SetUint64(n), res.CommitmentRoot, data), nil)
	return &round{n: new(big.Int).SetUint64(n), c: cm, res: res}
}

// batch signs a batch for r publishing allocation data `data` under tree root
// treeRoot (the honest batch when data is r.res.AllocationData and treeRoot
// its root).
func (c *chain) batch(r *round, treeRoot [32]byte, data []byte, signing []*operator, act map[int]bls.G1Point) *Batch {
	c.t.Helper()
	allocationRoot := recompute.AllocationRoot(r.res.CommitmentRoot, treeRoot, crypto.Keccak256Hash(data))
	b, err := SignBatch(c.chainID, c.addr, r.n, treeRoot, allocationRoot, data, signers(signing...), act)
	if err != nil {
		c.t.Fatal(err)
	}
	return b
}

func (c *chain) honestBatch(r *round, signing []*operator, act map[int]bls.G1Point) *Batch {
	return c.batch(r, r.res.AllocTreeRoot, r.res.AllocationData, signing, act)
}

func (c *chain) getRound(r *round) bindings.DenominatorAllocationAVSRoundView {
	return call(c, avs.PackGetRound(r.n), avs.UnpackGetRound)
}

func (c *chain) stakeOf(o *operator) *big.Int {
	out := call(c, avs.PackOperatorAt(big.NewInt(int64(o.index))), avs.UnpackOperatorAt)
	return out.Stake
}

// bind2call runs calldata as an eth_call against the AVS at the latest block.
func bind2call(c *chain, data []byte) ([]byte, error) {
	out, err := c.inst.CallRaw(nil, data)
	return out, AsRevert(err)
}
