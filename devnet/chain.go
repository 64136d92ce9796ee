package devnet

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

	"github.com/denomwatch/denomwatch/internal/v1/contracts"
)

// ErrChain is wrapped by failures to start, reach or fund the chain.
var ErrChain = errors.New("devnet chain")

// chain is the node the devnet drives: the embedded simulated chain or a
// remote one.
type chain struct {
	client  simulated.Client
	sim     *simulated.Backend // nil for a remote node
	rpc     *rpc.Client        // remote only
	chainID *big.Int
	httpURL string
	wsURL   string
	poll    time.Duration
}

// startEmbedded starts the simulated chain with the given accounts funded,
// serving JSON-RPC on 127.0.0.1.
func startEmbedded(cfg *Config, funded []common.Address) (_ *chain, err error) {
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
	c := &chain{client: sim.Client(), sim: sim, poll: cfg.PollInterval}
	if cfg.HTTPPort != 0 {
		c.httpURL = fmt.Sprintf("http://127.0.0.1:%d", cfg.HTTPPort)
	}
	if cfg.WSPort != 0 {
		c.wsURL = fmt.Sprintf("ws://127.0.0.1:%d", cfg.WSPort)
	}
	if c.chainID, err = c.client.ChainID(context.Background()); err != nil {
		sim.Close()
		return nil, fmt.Errorf("%w: chain id: %w", ErrChain, err)
	}
	return c, nil
}

// dialRemote connects to an existing node.
func dialRemote(ctx context.Context, cfg *Config) (*chain, error) {
	rc, err := rpc.DialContext(ctx, cfg.RPC)
	if err != nil {
		return nil, fmt.Errorf("%w: dial %s: %w", ErrChain, cfg.RPC, err)
	}
	c := &chain{client: ethclient.NewClient(rc), rpc: rc, httpURL: cfg.RPC, poll: cfg.PollInterval}
	if c.chainID, err = c.client.ChainID(ctx); err != nil {
		rc.Close()
		return nil, fmt.Errorf("%w: chain id from %s: %w", ErrChain, cfg.RPC, err)
	}
	return c, nil
}

// seal commits a block every interval until ctx ends (embedded chain only).
func (c *chain) seal(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			c.sim.Commit()
		}
	}
}

func (c *chain) close() {
	if c.sim != nil {
		c.sim.Close()
	}
	if c.rpc != nil {
		c.rpc.Close()
	}
}

// fundFromNode asks the node's first unlocked account (geth --dev's
// developer account) to send amount to each address.
func (c *chain) fundFromNode(ctx context.Context, amount *big.Int, to []common.Address) error {
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
		if _, err := c.wait(ctx, h); err != nil {
			return err
		}
	}
	return nil
}

// transfer sends value from key to each address and waits for them.
func (c *chain) transfer(ctx context.Context, key *ecdsa.PrivateKey, value *big.Int, to []common.Address) error {
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := c.client.PendingNonceAt(ctx, from)
	if err != nil {
		return fmt.Errorf("%w: nonce of %s: %w", ErrChain, from, err)
	}
	tip, err := c.client.SuggestGasTipCap(ctx)
	if err != nil {
		return fmt.Errorf("%w: gas tip: %w", ErrChain, err)
	}
	head, err := c.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("%w: head: %w", ErrChain, err)
	}
	feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
	signer := types.LatestSignerForChainID(c.chainID)
	var hashes []common.Hash
	for i, a := range to {
		tx, err := types.SignNewTx(key, signer, &types.DynamicFeeTx{
			ChainID: c.chainID, Nonce: nonce + uint64(i), GasTipCap: tip, GasFeeCap: feeCap, Gas: 21_000, To: &a, Value: value,
		})
		if err != nil {
			return err
		}
		if err := c.client.SendTransaction(ctx, tx); err != nil {
			return fmt.Errorf("%w: fund %s: %w", ErrChain, a, err)
		}
		hashes = append(hashes, tx.Hash())
	}
	for _, h := range hashes {
		if _, err := c.wait(ctx, h); err != nil {
			return err
		}
	}
	return nil
}

// send sends calldata to the AVS from key with value, and waits until it is
// mined. A call the chain refuses in gas estimation comes back as a
// *contracts.RevertError.
func (c *chain) send(ctx context.Context, key *ecdsa.PrivateKey, avs common.Address, data []byte, value *big.Int) (*types.Receipt, error) {
	h, err := c.sendAsync(ctx, key, avs, data, value)
	if err != nil {
		return nil, err
	}
	return c.waitSuccess(ctx, h)
}

// sendAsync sends calldata to the AVS from key with value without waiting.
func (c *chain) sendAsync(ctx context.Context, key *ecdsa.PrivateKey, avs common.Address, data []byte, value *big.Int) (common.Hash, error) {
	opts := bind.NewKeyedTransactor(key, c.chainID)
	opts.Context, opts.Value = ctx, value
	tx, err := bind.Transact(contracts.ABI().Instance(c.client, avs), opts, data)
	if err != nil {
		return common.Hash{}, contracts.AsRevert(err)
	}
	return tx.Hash(), nil
}

// waitSuccess waits for a transaction and fails if it reverted in its block.
func (c *chain) waitSuccess(ctx context.Context, h common.Hash) (*types.Receipt, error) {
	r, err := c.wait(ctx, h)
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

// wait polls for a transaction's receipt until ctx ends. "Not found" and
// geth's "transaction indexing is in progress" mean not yet; other errors are
// retried maxReceiptErrors times in a row.
func (c *chain) wait(ctx context.Context, h common.Hash) (*types.Receipt, error) {
	t := time.NewTicker(c.poll)
	defer t.Stop()
	failures := 0
	for {
		r, err := c.client.TransactionReceipt(ctx, h)
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

// waitBlock waits until the head is past block n.
func (c *chain) waitBlock(ctx context.Context, n uint64) (uint64, error) {
	t := time.NewTicker(c.poll)
	defer t.Stop()
	for {
		head, err := c.client.BlockNumber(ctx)
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
