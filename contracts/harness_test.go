package contracts

import (
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"fmt"
	"math/big"
	"math/rand/v2"
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

	"github.com/denomwatch/denomwatch/bls"
	"github.com/denomwatch/denomwatch/contracts/bindings"
)

// The chain the tests run on: go-ethereum's simulated backend with mainnet
// rules (Osaka). The simulated chain enables a future fork at genesis
// (Bogota, which reprices state access); mainnetRules clears it from a copy
// of the chain config so that gas figures mean something for mainnet.
func mainnetRules(_ *node.Config, ec *ethconfig.Config) {
	cfg := *ec.Genesis.Config
	cfg.BogotaTime = nil
	ec.Genesis.Config = &cfg
	// eth_call's default 5 s bound can abort the heaviest calls (a
	// 1024-entry row) on a loaded 2-core machine; the tests bound their
	// own time.
	ec.RPCEVMTimeout = time.Minute
}

// vectorChainID is the chain id of testdata/protocol-v2.json's batches;
// vectorDeployerKey is the well-known first development account whose first
// deployment lands at the vectors' AVS address.
const (
	vectorChainID     = 31337
	vectorDeployerKey = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
)

// withChainID sets the chain id (after mainnetRules has copied the config).
func withChainID(id int64) func(*node.Config, *ethconfig.Config) {
	return func(_ *node.Config, ec *ethconfig.Config) {
		ec.Genesis.Config.ChainID = big.NewInt(id)
	}
}

// chain is a simulated chain with the AVS and the protocol harness deployed
// and funded accounts.
type chain struct {
	t        testing.TB
	sim      *simulated.Backend
	client   simulated.Client
	chainID  *big.Int
	addr     common.Address // the AVS
	inst     *bind.BoundContract
	harness  *bind.BoundContract
	params   Params
	deployer *ecdsa.PrivateKey
	coord    *ecdsa.PrivateKey
	keys     []*ecdsa.PrivateKey // funded accounts for operators and challengers
}

// chainOptions changes newChain's defaults.
type chainOptions struct {
	accounts int
	edit     func(*Params)
	// vectors: chain id 31337 and the AVS at the vectors' address.
	vectors bool
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

func ether(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(params.Ether)) }

// newChain deploys the AVS (first, from the deployer's nonce 0) with
// DefaultParams changed by o.edit, then the harness, and funds o.accounts
// accounts.
func newChain(t testing.TB, o chainOptions) *chain {
	t.Helper()
	c := &chain{t: t, deployer: testKey(1_000_000), coord: testKey(1_000_001)}
	opts := []func(*node.Config, *ethconfig.Config){mainnetRules, simulated.WithBlockGasLimit(100_000_000)}
	if o.vectors {
		c.deployer, _ = crypto.HexToECDSA(vectorDeployerKey)
		opts = append(opts, withChainID(vectorChainID))
	}
	alloc := types.GenesisAlloc{}
	fund := ether(1_000_000)
	for _, k := range []*ecdsa.PrivateKey{c.deployer, c.coord} {
		alloc[addrOf(k)] = types.Account{Balance: fund}
	}
	for i := 0; i < o.accounts; i++ {
		k := testKey(i)
		c.keys = append(c.keys, k)
		alloc[addrOf(k)] = types.Account{Balance: fund}
	}
	c.sim = simulated.NewBackend(alloc, opts...)
	t.Cleanup(func() { c.sim.Close() })
	c.client = c.sim.Client()
	id, err := c.client.ChainID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	c.chainID = id
	c.params = DefaultParams(addrOf(c.coord))
	if o.edit != nil {
		o.edit(&c.params)
	}
	addr, tx, err := Deploy(c.opts(c.deployer, 0), c.client, c.params)
	if err != nil {
		t.Fatal(err)
	}
	hAddr, hTx, err := bind.DeployContract(c.opts(c.deployer, 1),
		common.FromHex(bindings.ProtocolHarnessMetaData.Bin), c.client, nil)
	if err != nil {
		t.Fatal(err)
	}
	c.seal(tx, hTx)
	for _, tx := range []*types.Transaction{tx, hTx} {
		if r := c.receipt(tx); r.Status != types.ReceiptStatusSuccessful {
			t.Fatal("deployment failed")
		}
	}
	c.addr = addr
	c.inst = avs.Instance(c.client, addr)
	c.harness = harnessABI.Instance(c.client, hAddr)
	return c
}

var harnessABI = bindings.NewProtocolHarness()

// opts returns transaction options for key with an explicit nonce: the
// account's nonce at the head plus ahead. The simulated chain's pool resets
// after each block asynchronously, so its pending nonce can lag; every test
// mines its transactions before the next, so the head's nonce is the one.
func (c *chain) opts(key *ecdsa.PrivateKey, ahead uint64) *bind.TransactOpts {
	c.t.Helper()
	n, err := c.client.NonceAt(context.Background(), addrOf(key), nil)
	if err != nil {
		c.t.Fatal(err)
	}
	opts := bind.NewKeyedTransactor(key, c.chainID)
	opts.Nonce = new(big.Int).SetUint64(n + ahead)
	return opts
}

func (c *chain) domain() Domain { return Domain{ChainID: c.chainID, AVS: c.addr} }

func (c *chain) receipt(tx *types.Transaction) *types.Receipt {
	c.t.Helper()
	r, err := c.client.TransactionReceipt(context.Background(), tx.Hash())
	if err != nil {
		c.t.Fatal(err)
	}
	return r
}

// send sends calldata to the AVS from key with value, mines it, and returns
// the receipt, or the decoded revert if gas estimation (which runs the call
// at the latest block) fails.
func (c *chain) send(key *ecdsa.PrivateKey, data []byte, value *big.Int) (*types.Receipt, error) {
	c.t.Helper()
	return c.sendTo(c.inst, key, data, value)
}

func (c *chain) sendTo(inst *bind.BoundContract, key *ecdsa.PrivateKey, data []byte, value *big.Int) (*types.Receipt, error) {
	c.t.Helper()
	opts := c.opts(key, 0)
	opts.Value = value
	tx, err := bind.Transact(inst, opts, data)
	if err != nil {
		return nil, AsRevert(err)
	}
	c.seal(tx)
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

// sendGas sends data with a fixed gas limit, so that no gas estimation runs
// (estimation executes the call at the latest block, not at the block the
// transaction lands in), mines one block and returns the receipt, which may
// record a failed transaction.
func (c *chain) sendGas(key *ecdsa.PrivateKey, data []byte, value *big.Int, gas uint64) *types.Receipt {
	c.t.Helper()
	opts := c.opts(key, 0)
	opts.Value, opts.GasLimit = value, gas
	tx, err := bind.Transact(c.inst, opts, data)
	if err != nil {
		c.t.Fatal(AsRevert(err))
	}
	c.seal(tx)
	return c.receipt(tx)
}

// call runs a view of the AVS.
func call[T any](c *chain, data []byte, unpack func([]byte) (T, error)) T {
	c.t.Helper()
	return callOn(c, c.inst, data, unpack)
}

// hcall runs a view of the harness.
func hcall[T any](c *chain, data []byte, unpack func([]byte) (T, error)) T {
	c.t.Helper()
	return callOn(c, c.harness, data, unpack)
}

func callOn[T any](c *chain, inst *bind.BoundContract, data []byte, unpack func([]byte) (T, error)) T {
	c.t.Helper()
	v, err := bind.Call(inst, nil, data, unpack)
	if err != nil {
		c.t.Fatal(AsRevert(err))
	}
	return v
}

// callAt runs data from `from` with value as an eth_call against the AVS in
// the state after block n, with block.number == n, and returns its output or
// its revert.
func (c *chain) callAt(from common.Address, data []byte, value *big.Int, n uint64) ([]byte, error) {
	c.t.Helper()
	msg := ethereum.CallMsg{From: from, To: &c.addr, Data: data, Value: value}
	out, err := c.client.CallContract(context.Background(), msg, new(big.Int).SetUint64(n))
	return out, AsRevert(err)
}

// sendAt sends data so that it lands in block n (> head), with a fixed gas
// limit: gas estimation would run it at the head, one block early. A failed
// transaction's revert is replayed at block n, whose state it did not change.
func (c *chain) sendAt(n uint64, key *ecdsa.PrivateKey, data []byte, value *big.Int) (*types.Receipt, error) {
	c.t.Helper()
	c.mineTo(n - 1)
	r := c.sendGas(key, data, value, 15_000_000)
	if r.BlockNumber.Uint64() != n {
		c.t.Fatalf("landed in block %d, not %d", r.BlockNumber, n)
	}
	if r.Status == types.ReceiptStatusSuccessful {
		return r, nil
	}
	if _, err := c.callAt(addrOf(key), data, value, n); err != nil {
		return r, err
	}
	c.t.Fatalf("transaction failed in block %d but its replay succeeds", n)
	return nil, nil
}

// seal seals a block once every one of txs is pending. The simulated
// chain's pool promotes sent transactions asynchronously, so a block sealed
// at once may miss them on a loaded machine (a receipt "not found").
func (c *chain) seal(txs ...*types.Transaction) {
	c.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for _, tx := range txs {
		from, err := types.Sender(types.LatestSignerForChainID(tx.ChainId()), tx)
		if err != nil {
			c.t.Fatal(err)
		}
		for {
			n, err := c.client.PendingNonceAt(context.Background(), from)
			if err == nil && n > tx.Nonce() || time.Now().After(deadline) {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	c.sim.Commit()
}

func (c *chain) mine(n int) {
	for i := 0; i < n; i++ {
		c.sim.Commit()
	}
}

// mineTo mines until the head is block n (n >= head).
func (c *chain) mineTo(n uint64) {
	c.t.Helper()
	head := c.blockNumber()
	if head > n {
		c.t.Fatalf("head %d is already past %d", head, n)
	}
	c.mine(int(n - head))
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

// gasCost is what a transaction's sender paid for gas.
func gasCost(r *types.Receipt) *big.Int {
	return new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice)
}

// wantRevert fails unless err is a revert whose typed error is T; it
// returns the error's fields.
func wantRevert[T any](t testing.TB, err error) *T {
	t.Helper()
	v, ok := RevertAs[T](err)
	if !ok {
		var zero T
		t.Fatalf("got %v, want revert %T", err, zero)
	}
	return v
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
	sk, err := bls.GenerateKey(rand.NewChaCha8([32]byte{byte(seed), byte(seed >> 8), byte(seed >> 16), 2}))
	if err != nil {
		t.Fatal(err)
	}
	return &operator{key: key, addr: addrOf(key), sk: sk, index: -1}
}

// register registers o with stake wei and reads back its index.
func (c *chain) register(o *operator, stake *big.Int) *types.Receipt {
	c.t.Helper()
	r := c.mustSend(o.key, RegisterCalldata(c.domain(), o.addr, o.sk), stake)
	o.index = int(call(c, avs.PackOperatorIndex(o.addr), avs.UnpackOperatorIndex).Int64())
	return r
}

// registerN registers operators on accounts 0..n-1 with the given stakes in
// ether (one value for all, or one each).
func (c *chain) registerN(n int, stakeEther ...int64) []*operator {
	c.t.Helper()
	ops := make([]*operator, n)
	for i := range ops {
		s := stakeEther[0]
		if len(stakeEther) > 1 {
			s = stakeEther[i]
		}
		ops[i] = newOperator(c.t, c.keys[i], uint64(i))
		c.register(ops[i], ether(s))
	}
	return ops
}

// registerMany registers operators on accounts 0..n-1, each with stake wei,
// many to a block without gas estimation (the registrations are independent),
// which keeps 256 of them fast.
func (c *chain) registerMany(n int, stake *big.Int) []*operator {
	c.t.Helper()
	const perBlock, gas = 64, 1_000_000 // a registration uses about 0.35M
	ops := make([]*operator, n)
	var txs []*types.Transaction
	flush := func() {
		c.seal(txs...)
		for _, tx := range txs {
			if r := c.receipt(tx); r.Status != types.ReceiptStatusSuccessful {
				c.t.Fatalf("registration %s failed (gas used %d)", tx.Hash(), r.GasUsed)
			}
		}
		txs = txs[:0]
	}
	for i := range ops {
		ops[i] = newOperator(c.t, c.keys[i], uint64(i))
		opts := c.opts(ops[i].key, 0)
		opts.Value, opts.GasLimit = stake, gas
		tx, err := bind.Transact(c.inst, opts, RegisterCalldata(c.domain(), ops[i].addr, ops[i].sk))
		if err != nil {
			c.t.Fatal(AsRevert(err))
		}
		if txs = append(txs, tx); len(txs) == perBlock {
			flush()
		}
	}
	if len(txs) > 0 {
		flush()
	}
	for _, o := range ops { // the order within a block is the miner's
		o.index = int(call(c, avs.PackOperatorIndex(o.addr), avs.UnpackOperatorIndex).Int64())
	}
	return ops
}

// deployForwarder deploys a Forwarder owned by owner: a contract caller of the AVS.
func (c *chain) deployForwarder(owner *ecdsa.PrivateKey) common.Address {
	c.t.Helper()
	addr, tx, err := bind.DeployContract(c.opts(owner, 0), common.FromHex(bindings.ForwarderMetaData.Bin),
		c.client, forwarder.PackConstructor(addrOf(owner)))
	if err != nil {
		c.t.Fatal(err)
	}
	c.seal(tx)
	if c.receipt(tx).Status != types.ReceiptStatusSuccessful {
		c.t.Fatal("forwarder deployment failed")
	}
	return addr
}

// forward sends data to the AVS through the Forwarder fwd (owned by owner).
func (c *chain) forward(owner *ecdsa.PrivateKey, fwd common.Address, data []byte, value *big.Int) *types.Receipt {
	c.t.Helper()
	r, err := c.sendTo(forwarder.Instance(c.client, fwd), owner, forwarder.PackExecute(c.addr, data), value)
	if err != nil {
		c.t.Fatal(err)
	}
	return r
}

func signers(ops ...*operator) []Signer {
	out := make([]Signer, len(ops))
	for i, o := range ops {
		out[i] = Signer{Index: o.index, Key: o.sk}
	}
	return out
}

func (c *chain) stakeOf(o *operator) *big.Int {
	return call(c, avs.PackOperatorAt(big.NewInt(int64(o.index))), avs.UnpackOperatorAt).Stake
}

func (c *chain) getRound(n uint64) bindings.DenominatorAllocationAVSRoundView {
	return call(c, avs.PackGetRound(u64(n)), avs.UnpackGetRound)
}

// eventsOf returns the receipt's logs of one AVS event, unpacked.
func eventsOf[T any](t testing.TB, r *types.Receipt, name string, unpack func(*types.Log) (*T, error)) []*T {
	t.Helper()
	var out []*T
	for _, l := range r.Logs {
		if len(l.Topics) == 0 || l.Topics[0] != EventID(name) {
			continue
		}
		ev, err := unpack(l)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ev)
	}
	return out
}

// oneEvent is eventsOf for an event that must appear exactly once.
func oneEvent[T any](t testing.TB, r *types.Receipt, name string, unpack func(*types.Log) (*T, error)) *T {
	t.Helper()
	evs := eventsOf(t, r, name, unpack)
	if len(evs) != 1 {
		t.Fatalf("%d %s events, want 1", len(evs), name)
	}
	return evs[0]
}

func eqBig(a, b *big.Int) bool { return a != nil && b != nil && a.Cmp(b) == 0 }
