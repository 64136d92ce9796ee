// Package devchain drives the chain a devnet runs on: go-ethereum's simulated
// chain in-process (served over JSON-RPC on 127.0.0.1, blocks sealed on an
// interval, forkable for reorganisation tests) or an existing node such as
// geth --dev. It knows nothing of the AVS: callers pass calldata and decode
// reverts with their own contract package.
package devchain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"
)

// ErrChain is wrapped by failures to start, reach or fund the chain.
var ErrChain = errors.New("devnet chain")

// Config says which chain to drive.
type Config struct {
	// RPC is an existing node's JSON-RPC URL; "" runs the embedded simulated chain.
	RPC string
	// HTTPPort and WSPort serve the embedded chain on 127.0.0.1 (0: not served).
	HTTPPort, WSPort int
	// BlockInterval is how often the embedded chain seals a block.
	BlockInterval time.Duration
	// PollInterval is how often receipts and blocks are polled for.
	PollInterval time.Duration
	// Revert turns a failed gas estimation into the caller's contract error
	// (its decoded custom error); nil leaves it as go-ethereum returns it.
	Revert func(error) error
}

// Chain is the node a devnet drives: the embedded simulated chain or a
// remote one.
type Chain struct {
	Client  simulated.Client
	Sim     *simulated.Backend // nil for a remote node
	rpc     *rpc.Client        // remote only
	ChainID *big.Int
	HTTPURL string
	WSURL   string
	poll    time.Duration
	revert  func(error) error

	// sealing: the embedded chain's block loop, stopped around forks.
	interval    time.Duration
	stopSealing context.CancelFunc
	sealed      chan struct{}
}

// Start starts the embedded chain (cfg.RPC empty, funded accounts in its
// genesis, sealing at once) or dials cfg.RPC.
func Start(ctx context.Context, cfg Config, funded []common.Address) (*Chain, error) {
	if cfg.RPC != "" {
		return dialRemote(ctx, cfg)
	}
	c, err := startEmbedded(cfg, funded)
	if err != nil {
		return nil, err
	}
	c.startSealing()
	return c, nil
}

// Embedded reports whether the chain is the in-process simulated one.
func (c *Chain) Embedded() bool { return c.Sim != nil }

// startEmbedded starts the simulated chain with the given accounts funded,
// serving JSON-RPC on 127.0.0.1.
func startEmbedded(cfg Config, funded []common.Address) (_ *Chain, err error) {
	for _, port := range []int{cfg.HTTPPort, cfg.WSPort} {
		if port == 0 {
			continue
		}
		// simulated.NewBackend panics when it cannot listen: check first.
		l, lerr := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		if lerr != nil {
			return nil, fmt.Errorf("%w: cannot serve on 127.0.0.1:%d: %w", ErrChain, port, lerr)
		}
		l.Close()
	}
	alloc := types.GenesisAlloc{}
	balance := new(big.Int).Mul(big.NewInt(1_000_000_000), big.NewInt(params.Ether))
	for _, a := range funded {
		alloc[a] = types.Account{Balance: balance}
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: simulated chain failed to start: %v", ErrChain, r)
		}
	}()
	sim := simulated.NewBackend(alloc, func(nc *node.Config, ec *ethconfig.Config) {
		if cfg.HTTPPort != 0 {
			nc.HTTPHost, nc.HTTPPort = "127.0.0.1", cfg.HTTPPort
			nc.HTTPModules = []string{"eth", "net", "web3"}
		}
		if cfg.WSPort != 0 {
			nc.WSHost, nc.WSPort = "127.0.0.1", cfg.WSPort
			nc.WSModules = []string{"eth", "net", "web3"}
		}
	}, simulated.WithBlockGasLimit(60_000_000))
	c := &Chain{Client: sim.Client(), Sim: sim, poll: cfg.PollInterval, revert: cfg.Revert, interval: cfg.BlockInterval}
	if cfg.HTTPPort != 0 {
		c.HTTPURL = fmt.Sprintf("http://127.0.0.1:%d", cfg.HTTPPort)
	}
	if cfg.WSPort != 0 {
		c.WSURL = fmt.Sprintf("ws://127.0.0.1:%d", cfg.WSPort)
	}
	if c.ChainID, err = c.Client.ChainID(context.Background()); err != nil {
		sim.Close()
		return nil, fmt.Errorf("%w: chain id: %w", ErrChain, err)
	}
	return c, nil
}

// dialRemote connects to an existing node.
func dialRemote(ctx context.Context, cfg Config) (*Chain, error) {
	rc, err := rpc.DialContext(ctx, cfg.RPC)
	if err != nil {
		return nil, fmt.Errorf("%w: dial %s: %w", ErrChain, cfg.RPC, err)
	}
	c := &Chain{Client: ethclient.NewClient(rc), rpc: rc, HTTPURL: cfg.RPC, poll: cfg.PollInterval, revert: cfg.Revert}
	if c.ChainID, err = c.Client.ChainID(ctx); err != nil {
		rc.Close()
		return nil, fmt.Errorf("%w: chain id from %s: %w", ErrChain, cfg.RPC, err)
	}
	return c, nil
}

func (c *Chain) startSealing() {
	ctx, cancel := context.WithCancel(context.Background())
	c.stopSealing, c.sealed = cancel, make(chan struct{})
	go func() {
		defer close(c.sealed)
		c.seal(ctx)
	}()
}

// seal commits a block every interval until ctx ends (embedded chain only).
func (c *Chain) seal(ctx context.Context) {
	t := time.NewTicker(c.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			c.Sim.Commit()
		}
	}
}

// ForkThen makes the embedded chain's canonical head the block with hash
// parent, so that the blocks after it are replaced by the ones sealed from
// now on (a reorganisation, for tests), and runs then (which may send
// transactions for the new branch's first block) before sealing resumes.
func (c *Chain) ForkThen(parent common.Hash, then func() error) error {
	if c.Sim == nil {
		return fmt.Errorf("%w: only the embedded chain can fork", ErrChain)
	}
	c.stopSealing()
	<-c.sealed
	err := c.Sim.Fork(parent)
	if err == nil {
		err = then()
	}
	c.startSealing()
	return err
}

// Close stops the embedded chain, or disconnects from the node.
func (c *Chain) Close() {
	if c.stopSealing != nil {
		c.stopSealing()
		<-c.sealed
	}
	if c.Sim != nil {
		c.Sim.Close()
	}
	if c.rpc != nil {
		c.rpc.Close()
	}
}

// FundFromNode asks the node's first unlocked account (geth --dev's
// developer account, anvil's first dev account) to send amount to each address.
func (c *Chain) FundFromNode(ctx context.Context, amount *big.Int, to []common.Address) error {
	var accounts []common.Address
	if err := c.rpc.CallContext(ctx, &accounts, "eth_accounts"); err != nil || len(accounts) == 0 {
		return fmt.Errorf("%w: no funding key given and the node has no unlocked account (eth_accounts: %v)", ErrChain, err)
	}
	var hashes []common.Hash
	for _, a := range to {
		var h common.Hash
		tx := map[string]any{"from": accounts[0], "to": a, "value": (*hexutil.Big)(amount)}
		if err := c.rpc.CallContext(ctx, &h, "eth_sendTransaction", tx); err != nil {
			return fmt.Errorf("%w: fund %s from %s: %w", ErrChain, a, accounts[0], err)
		}
		hashes = append(hashes, h)
	}
	for _, h := range hashes {
		if _, err := c.Wait(ctx, h); err != nil {
			return err
		}
	}
	return nil
}

// Transfer sends value from key to each address and waits for them.
func (c *Chain) Transfer(ctx context.Context, key *ecdsa.PrivateKey, value *big.Int, to []common.Address) error {
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := c.Client.PendingNonceAt(ctx, from)
	if err != nil {
		return fmt.Errorf("%w: nonce of %s: %w", ErrChain, from, err)
	}
	tip, err := c.Client.SuggestGasTipCap(ctx)
	if err != nil {
		return fmt.Errorf("%w: gas tip: %w", ErrChain, err)
	}
	head, err := c.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("%w: head: %w", ErrChain, err)
	}
	feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
	signer := types.LatestSignerForChainID(c.ChainID)
	var hashes []common.Hash
	for i, a := range to {
		tx, err := types.SignNewTx(key, signer, &types.DynamicFeeTx{
			ChainID: c.ChainID, Nonce: nonce + uint64(i), GasTipCap: tip, GasFeeCap: feeCap, Gas: 21_000, To: &a, Value: value,
		})
		if err != nil {
			return err
		}
		if err := c.Client.SendTransaction(ctx, tx); err != nil {
			return fmt.Errorf("%w: fund %s: %w", ErrChain, a, err)
		}
		hashes = append(hashes, tx.Hash())
	}
	for _, h := range hashes {
		if _, err := c.Wait(ctx, h); err != nil {
			return err
		}
	}
	return nil
}

// Send sends calldata to the contract at to from key with value, and waits
// until it is mined. A call the chain refuses in gas estimation comes back as
// the error Config.Revert makes of it.
func (c *Chain) Send(ctx context.Context, key *ecdsa.PrivateKey, to common.Address, data []byte, value *big.Int) (*types.Receipt, error) {
	h, err := c.SendAsync(ctx, key, to, data, value)
	if err != nil {
		return nil, err
	}
	return c.WaitSuccess(ctx, h)
}

// SendAsync sends calldata to to from key with value without waiting. The
// gas limit is the node's estimate plus a fifth: the estimate is made
// against the head, and the transaction may be mined a few blocks later (a
// call through a contract, such as the forwarder's, can then need more).
func (c *Chain) SendAsync(ctx context.Context, key *ecdsa.PrivateKey, to common.Address, data []byte, value *big.Int) (common.Hash, error) {
	opts := bind.NewKeyedTransactor(key, c.ChainID)
	opts.Context, opts.Value = ctx, value
	var tx *types.Transaction
	gas, err := c.Client.EstimateGas(ctx, ethereum.CallMsg{From: opts.From, To: &to, Data: data, Value: value})
	if err == nil {
		opts.GasLimit = gas + gas/5
		tx, err = bind.Transact(bind.NewBoundContract(to, abi.ABI{}, c.Client, c.Client, c.Client), opts, data)
	}
	if err != nil {
		if c.revert != nil {
			return common.Hash{}, c.revert(err)
		}
		return common.Hash{}, err
	}
	return tx.Hash(), nil
}

// WaitSuccess waits for a transaction and fails if it reverted in its block.
func (c *Chain) WaitSuccess(ctx context.Context, h common.Hash) (*types.Receipt, error) {
	r, err := c.Wait(ctx, h)
	if err != nil {
		return nil, err
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return r, fmt.Errorf("%w: transaction %s failed in block %d", ErrChain, h, r.BlockNumber)
	}
	return r, nil
}

// maxReceiptErrors is how many failed receipt queries in a row (other than
// "not yet mined") wait tolerates.
const maxReceiptErrors = 20

// Wait polls for a transaction's receipt until ctx ends. "Not found" and
// geth's "transaction indexing is in progress" mean not yet; other errors are
// retried maxReceiptErrors times in a row.
func (c *Chain) Wait(ctx context.Context, h common.Hash) (*types.Receipt, error) {
	t := time.NewTicker(c.poll)
	defer t.Stop()
	failures := 0
	for {
		r, err := c.Client.TransactionReceipt(ctx, h)
		switch {
		case err == nil:
			return r, nil
		case errors.Is(err, ethereum.NotFound) || strings.Contains(err.Error(), "indexing is in progress"):
			failures = 0
		default:
			if failures++; failures >= maxReceiptErrors {
				return nil, fmt.Errorf("%w: receipt of %s: %w", ErrChain, h, err)
			}
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-t.C:
		}
	}
}

// WaitBlock waits until the head is past block n.
func (c *Chain) WaitBlock(ctx context.Context, n uint64) (uint64, error) {
	t := time.NewTicker(c.poll)
	defer t.Stop()
	for {
		head, err := c.Client.BlockNumber(ctx)
		if err != nil {
			return 0, fmt.Errorf("%w: block number: %w", ErrChain, err)
		}
		if head > n {
			return head, nil
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-t.C:
		}
	}
}
