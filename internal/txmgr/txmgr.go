package txmgr

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/txpool"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"
)

// MaxTxGas is the most gas one transaction may use (EIP-7825).
const MaxTxGas = 1 << 24 // 16,777,216

// TxChain is what the TxManager needs from a node (go-ethereum's ethclient
// and the simulated chain's client satisfy it).
type TxChain interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	SuggestGasTipCap(ctx context.Context) (*big.Int, error)
	PendingNonceAt(ctx context.Context, account common.Address) (uint64, error)
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
	SendTransaction(ctx context.Context, tx *types.Transaction) error
	TransactionReceipt(ctx context.Context, txHash common.Hash) (*types.Receipt, error)
}

// TxConfig configures a TxManager.
type TxConfig struct {
	ChainID *big.Int
	// MaxFeeCap caps the fee per gas, wei (nil or 0: no cap).
	MaxFeeCap *big.Int
	// GasMargin is added to gas estimates: limit = estimate*(1+GasMargin).
	GasMargin float64
}

// TxManager signs, sends and follows the transactions of one key: it owns
// the key's nonce, sets EIP-1559 fees (tip from the node's suggestion, fee
// cap 2*baseFee+tip, capped by MaxFeeCap), sizes gas limits from estimates,
// and builds replacements (same nonce, fees at least 12.5% higher). It
// keeps no record of its own: the caller persists each signed transaction
// before broadcasting it, and tells the manager which nonces are in flight
// after a restart (Sync). It is meant for one goroutine.
type TxManager struct {
	chain  TxChain
	key    *ecdsa.PrivateKey
	from   common.Address
	signer types.Signer
	cfg    TxConfig
	next   uint64
	synced bool
}

// NewTxManager returns a manager for key; call Sync before NextNonce.
func NewTxManager(chain TxChain, key *ecdsa.PrivateKey, cfg TxConfig) (*TxManager, error) {
	if chain == nil || key == nil || cfg.ChainID == nil || cfg.ChainID.Sign() <= 0 {
		return nil, fmt.Errorf("%w: the transaction manager needs a chain, a key and a chain id", ErrConfig)
	}
	return &TxManager{
		chain:  chain,
		key:    key,
		from:   crypto.PubkeyToAddress(key.PublicKey),
		signer: types.LatestSignerForChainID(cfg.ChainID),
		cfg:    cfg,
	}, nil
}

// From is the key's address.
func (m *TxManager) From() common.Address { return m.from }

// Sync sets the next nonce to the node's pending nonce of the key, or past
// the highest nonce in flight (transactions stored but perhaps unknown to
// the node, after a restart), whichever is higher.
func (m *TxManager) Sync(ctx context.Context, inflight ...uint64) error {
	n, err := m.chain.PendingNonceAt(ctx, m.from)
	if err != nil {
		return fmt.Errorf("pending nonce of %s: %w", m.from, err)
	}
	for _, f := range inflight {
		n = max(n, f+1)
	}
	m.next, m.synced = n, true
	return nil
}

// NextNonce is the nonce the next new transaction takes.
func (m *TxManager) NextNonce() (uint64, error) {
	if !m.synced {
		return 0, errors.New("transaction manager: nonce not synced")
	}
	return m.next, nil
}

// Consume marks nonce as taken (its transaction is stored): the next new
// transaction takes a higher one.
func (m *TxManager) Consume(nonce uint64) {
	if nonce >= m.next {
		m.next = nonce + 1
	}
}

// GasLimit is the limit for a transaction whose gas was estimated at
// estimate: estimate*(1+GasMargin), at most MaxTxGas and the latest block's
// gas limit. An estimate above those fails with ErrGasCap.
func (m *TxManager) GasLimit(ctx context.Context, estimate uint64) (uint64, error) {
	head, err := m.chain.HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("latest header: %w", err)
	}
	limit := uint64(MaxTxGas)
	if head.GasLimit > 0 {
		limit = min(limit, head.GasLimit)
	}
	if estimate > limit {
		return 0, fmt.Errorf("%w: estimated %d gas, at most %d allowed", ErrGasCap, estimate, limit)
	}
	margin := uint64(float64(estimate) * m.cfg.GasMargin)
	return min(estimate+margin, limit), nil
}

// Fees returns the tip and fee cap a new transaction gets now: the node's
// suggested tip, and 2*baseFee+tip, both under MaxFeeCap.
func (m *TxManager) Fees(ctx context.Context) (tip, feeCap *big.Int, err error) {
	return SuggestFees(ctx, m.chain, m.cfg.MaxFeeCap)
}

// FeeChain is what fee suggestions need from a node.
type FeeChain interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	SuggestGasTipCap(ctx context.Context) (*big.Int, error)
}

// SuggestFees is the tip and fee cap a new transaction gets now: the
// node's suggested tip, and 2*baseFee+tip, both under maxFeeCap (nil or 0:
// no cap).
func SuggestFees(ctx context.Context, chain FeeChain, maxFeeCap *big.Int) (tip, feeCap *big.Int, err error) {
	tip, err = chain.SuggestGasTipCap(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("suggested tip: %w", err)
	}
	head, err := chain.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("latest header: %w", err)
	}
	base := new(big.Int)
	if head.BaseFee != nil {
		base.Set(head.BaseFee)
	}
	feeCap = new(big.Int).Add(new(big.Int).Mul(base, big.NewInt(2)), tip)
	if c := maxFeeCap; c != nil && c.Sign() > 0 && feeCap.Cmp(c) > 0 {
		feeCap = new(big.Int).Set(c)
	}
	if tip.Cmp(feeCap) > 0 {
		tip = new(big.Int).Set(feeCap)
	}
	return new(big.Int).Set(tip), feeCap, nil
}

// Sign signs a new transaction to `to` with data and a gas limit, at nonce,
// with fresh fees. It does not consume the nonce (see Consume).
func (m *TxManager) Sign(ctx context.Context, nonce uint64, to common.Address, data []byte, gas uint64) (*types.Transaction, error) {
	tip, feeCap, err := m.Fees(ctx)
	if err != nil {
		return nil, err
	}
	return m.sign(nonce, to, data, gas, tip, feeCap)
}

func (m *TxManager) sign(nonce uint64, to common.Address, data []byte, gas uint64, tip, feeCap *big.Int) (*types.Transaction, error) {
	return m.SignCall(Call{Nonce: nonce, To: to, Data: data, Gas: gas, TipCap: tip, FeeCap: feeCap})
}

// Call is a transaction to sign with every field given.
type Call struct {
	Nonce          uint64
	To             common.Address
	Data           []byte
	Value          *big.Int // nil: none
	Gas            uint64
	TipCap, FeeCap *big.Int
}

// SignCall signs c as an EIP-1559 transaction of the key. It does not
// consume the nonce (see Consume).
func (m *TxManager) SignCall(c Call) (*types.Transaction, error) {
	value := new(big.Int)
	if c.Value != nil {
		value.Set(c.Value)
	}
	to := c.To
	tx, err := types.SignNewTx(m.key, m.signer, &types.DynamicFeeTx{
		ChainID: m.cfg.ChainID, Nonce: c.Nonce, GasTipCap: new(big.Int).Set(c.TipCap), GasFeeCap: new(big.Int).Set(c.FeeCap),
		Gas: c.Gas, To: &to, Value: value, Data: c.Data,
	})
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	return tx, nil
}

// bump returns ceil(v*9/8), and at least v+1: the smallest fee every node
// accepts as a replacement (geth asks +10%, others +12.5%).
func bump(v *big.Int) *big.Int {
	n := new(big.Int).Mul(v, big.NewInt(9))
	n.Add(n, big.NewInt(7))
	n.Div(n, big.NewInt(8))
	if n.Cmp(v) <= 0 {
		n.Add(v, common.Big1)
	}
	return n
}

func maxBig(a, b *big.Int) *big.Int {
	if a.Cmp(b) >= 0 {
		return new(big.Int).Set(a)
	}
	return new(big.Int).Set(b)
}

// Replace signs a replacement of prev: the same nonce, and the same call
// unless cancel is set, in which case it is a 0-value transfer to the key's
// own address (which only consumes the nonce). Both fees rise by at least
// 12.5%, and to the current suggestion if that is higher; a MaxFeeCap that
// forbids such a rise fails with ErrFeeCap.
func (m *TxManager) Replace(ctx context.Context, prev *types.Transaction, cancel bool) (*types.Transaction, error) {
	tip, feeCap, err := m.Fees(ctx)
	if err != nil {
		return nil, err
	}
	minTip, minCap := bump(prev.GasTipCap()), bump(prev.GasFeeCap())
	tip = maxBig(tip, minTip)
	feeCap = maxBig(feeCap, minCap)
	if c := m.cfg.MaxFeeCap; c != nil && c.Sign() > 0 && feeCap.Cmp(c) > 0 {
		if c.Cmp(minCap) < 0 {
			return nil, fmt.Errorf("%w: replacing %s needs a fee cap of %s wei, the maximum is %s", ErrFeeCap, prev.Hash().Hex(), minCap, c)
		}
		feeCap = new(big.Int).Set(c)
	}
	if tip.Cmp(feeCap) > 0 {
		tip = new(big.Int).Set(feeCap)
	}
	if tip.Cmp(minTip) < 0 {
		return nil, fmt.Errorf("%w: replacing %s needs a tip of %s wei, the fee cap allows %s", ErrFeeCap, prev.Hash().Hex(), minTip, tip)
	}
	return m.SignReplacement(prev, cancel, tip, feeCap)
}

// SignReplacement signs a replacement of prev with the fees given: the
// same nonce, and the same call (value included) unless cancel is set, in
// which case it is a 0-value transfer to the key's own address. The caller
// chose fees a node accepts as a replacement (at least 12.5% higher).
func (m *TxManager) SignReplacement(prev *types.Transaction, cancel bool, tip, feeCap *big.Int) (*types.Transaction, error) {
	if cancel {
		return m.sign(prev.Nonce(), m.from, nil, params.TxGas, tip, feeCap)
	}
	if prev.To() == nil {
		return nil, errors.New("replace: a contract creation")
	}
	return m.SignCall(Call{Nonce: prev.Nonce(), To: *prev.To(), Data: prev.Data(), Value: prev.Value(), Gas: prev.Gas(), TipCap: tip, FeeCap: feeCap})
}

// Broadcast sends a signed transaction. A transaction the node already has
// is a success. A nonce already mined fails with ErrNonceTooLow, fees the
// node refuses with ErrUnderpriced, a balance too low with ErrFunds; each
// also wraps go-ethereum's own error (core.ErrNonceTooLow,
// txpool.ErrUnderpriced or txpool.ErrReplaceUnderpriced,
// core.ErrInsufficientFunds), as SendError classifies it.
func (m *TxManager) Broadcast(ctx context.Context, tx *types.Transaction) error {
	err := SendError(m.chain.SendTransaction(ctx, tx))
	switch {
	case err == nil, errors.Is(err, txpool.ErrAlreadyKnown):
		return nil
	case errors.Is(err, ErrNonceTooLow), errors.Is(err, ErrUnderpriced):
		return fmt.Errorf("send %s (nonce %d): %w", tx.Hash().Hex(), tx.Nonce(), err)
	}
	return fmt.Errorf("send %s: %w", tx.Hash().Hex(), err)
}

// Receipt looks up the receipt of each of hashes (the attempts of one
// nonce) and returns the first one mined with its position, or nil and -1
// when none is.
func (m *TxManager) Receipt(ctx context.Context, hashes []common.Hash) (*types.Receipt, int, error) {
	return FirstMined(ctx, m.chain, hashes)
}

// FirstMined returns the receipt of the first of hashes the chain has mined,
// with its position, or nil and -1 when none is.
func FirstMined(ctx context.Context, chain TxChain, hashes []common.Hash) (*types.Receipt, int, error) {
	for i, h := range hashes {
		r, err := chain.TransactionReceipt(ctx, h)
		switch {
		case err == nil && r != nil:
			return r, i, nil
		case err == nil, errors.Is(err, ethereum.NotFound), err != nil && strings.Contains(err.Error(), "indexing is in progress"):
			continue
		default:
			return nil, -1, fmt.Errorf("receipt of %s: %w", h.Hex(), err)
		}
	}
	return nil, -1, nil
}

// NonceMined reports whether a transaction of the key with nonce n is mined
// in the latest block or before.
func (m *TxManager) NonceMined(ctx context.Context, n uint64) (bool, error) {
	mined, err := m.chain.NonceAt(ctx, m.from, nil)
	if err != nil {
		return false, fmt.Errorf("nonce of %s: %w", m.from, err)
	}
	return mined > n, nil
}

// DecodeRaw decodes a stored signed transaction (0x-hex, EIP-2718).
func DecodeRaw(raw string) (*types.Transaction, error) {
	b, err := hexutil.Decode(raw)
	if err != nil {
		return nil, fmt.Errorf("stored transaction is not hex: %w", err)
	}
	tx := new(types.Transaction)
	if err := tx.UnmarshalBinary(b); err != nil {
		return nil, fmt.Errorf("stored transaction does not decode: %w", err)
	}
	return tx, nil
}

// EncodeRaw encodes a signed transaction for storage.
func EncodeRaw(tx *types.Transaction) (string, error) {
	b, err := tx.MarshalBinary()
	if err != nil {
		return "", err
	}
	return hexutil.Encode(b), nil
}
