package contracts

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/bls"
	"github.com/denomwatch/denomwatch/internal/v1/contracts/bindings"
	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// Helpers shared by registration_test.go, batch_test.go and differential_test.go.

// fieldP is the BN254 base field modulus p.
var fieldP, _ = new(big.Int).SetString("21888242871839275222246405745257275088696311157297823662689037894645226208583", 10)

// sendGas sends data with a fixed gas limit, so that no gas estimation runs
// (estimation executes the call at the latest block, not at the block the
// transaction lands in), mines one block and returns the receipt, which may
// record a failed transaction.
func (c *chain) sendGas(key *ecdsa.PrivateKey, data []byte, value *big.Int, gas uint64) *types.Receipt {
	c.t.Helper()
	opts := bind.NewKeyedTransactor(key, c.chainID)
	opts.Value = value
	opts.GasLimit = gas
	tx, err := bind.Transact(c.inst, opts, data)
	if err != nil {
		c.t.Fatal(AsRevert(err))
	}
	c.sim.Commit()
	return c.receipt(tx)
}

// callAt runs data from `from` as an eth_call against the state after block
// n, with block.number == n, and returns its output or its decoded revert.
func (c *chain) callAt(from common.Address, data []byte, n uint64) ([]byte, error) {
	c.t.Helper()
	out, err := c.client.CallContract(context.Background(), ethereum.CallMsg{From: from, To: &c.addr, Data: data}, new(big.Int).SetUint64(n))
	return out, AsRevert(err)
}

// gasCost is what a transaction's sender paid for gas.
func gasCost(r *types.Receipt) *big.Int {
	return new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice)
}

// wantRevertArgs is wantRevert that also checks the custom error's arguments,
// compared as exact decimal or hex strings (see sprint), so that an int in a
// test table matches the *big.Int a uint256 decodes to.
func wantRevertArgs(t testing.TB, err error, name string, args ...any) {
	t.Helper()
	wantRevert(t, err, name)
	var re *RevertError
	if !errors.As(err, &re) {
		t.Fatalf("%v is not a *RevertError", err)
	}
	if len(re.Args) != len(args) {
		t.Fatalf("%s has %d arguments %v, want %v", name, len(re.Args), re.Args, args)
	}
	for i := range args {
		if got, want := sprint(re.Args[i]), sprint(args[i]); got != want {
			t.Fatalf("%s argument %d = %s, want %s", name, i, got, want)
		}
	}
}

func sprint(v any) string {
	switch x := v.(type) {
	case *big.Int:
		return x.String()
	case int:
		return big.NewInt(int64(x)).String()
	case int64:
		return big.NewInt(x).String()
	case uint64:
		return new(big.Int).SetUint64(x).String()
	case uint8:
		return big.NewInt(int64(x)).String()
	case common.Address:
		return x.Hex()
	case [32]byte:
		return common.Hash(x).Hex()
	case common.Hash:
		return x.Hex()
	}
	return fmt.Sprintf("unsupported %T %v", v, v)
}

func eqBig(a, b *big.Int) bool { return a != nil && b != nil && a.Cmp(b) == 0 }

// eqG1 compares a binding point with a bls point.
func eqG1(a bindings.BN254G1Point, b bls.G1Point) bool { return eqBig(a.X, b.X) && eqBig(a.Y, b.Y) }

func keyHash(p bls.G1Point) common.Hash {
	var buf [64]byte
	p.X.FillBytes(buf[:32])
	p.Y.FillBytes(buf[32:])
	return crypto.Keccak256Hash(buf[:])
}

func sumG1(t testing.TB, pts ...bls.G1Point) bls.G1Point {
	t.Helper()
	s, err := bls.AggregateG1(pts...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Registry views.

func (c *chain) activeBitmap() *big.Int {
	return call(c, avs.PackActiveBitmap(), avs.UnpackActiveBitmap)
}

func (c *chain) activeStake() *big.Int {
	return call(c, avs.PackActiveStake(), avs.UnpackActiveStake)
}

func (c *chain) activeApk() bindings.BN254G1Point {
	return call(c, avs.PackActiveApk(), avs.UnpackActiveApk)
}

func (c *chain) operatorCount() int64 {
	return call(c, avs.PackOperatorCount(), avs.UnpackOperatorCount).Int64()
}

func (c *chain) operatorAt(i int) bindings.OperatorAtOutput {
	return call(c, avs.PackOperatorAt(big.NewInt(int64(i))), avs.UnpackOperatorAt)
}

// bitmapOf returns the bitmap with the given bits set.
func bitmapOf(bits ...int) *big.Int {
	b := new(big.Int)
	for _, i := range bits {
		b.SetBit(b, i, 1)
	}
	return b
}

// registerStake registers o (not yet registered) with stake wei.
func (c *chain) registerStake(o *operator, stake *big.Int, index int) *types.Receipt {
	c.t.Helper()
	r := c.mustSend(o.key, c.registerCalldata(o), stake)
	o.index = index
	return r
}

// ---------------------------------------------------------------- tests

func TestRegisterAccepted(t *testing.T) {
	c := newChain(t, 3, nil)
	regSig := crypto.Keccak256Hash([]byte("OperatorRegistered(address,uint256,uint256,uint256[2],uint256[4])"))
	stakes := []*big.Int{
		new(big.Int).Set(c.params.MinStake), // exactly the minimum
		new(big.Int).Add(ether(2), big.NewInt(123_456_789)),
		ether(7),
	}
	var ops []*operator
	var pks []bls.G1Point
	total := new(big.Int)
	for i, stake := range stakes {
		o := newOperator(t, c.keys[i], uint64(100+i))
		balBefore := c.balance(c.addr)
		rcpt := c.registerStake(o, stake, i)
		ops = append(ops, o)
		pks = append(pks, o.sk.PublicG1())
		total.Add(total, stake)

		if len(rcpt.Logs) != 1 || rcpt.Logs[0].Topics[0] != regSig || rcpt.Logs[0].Address != c.addr {
			t.Fatalf("operator %d: logs %+v", i, rcpt.Logs)
		}
		ev, err := avs.UnpackOperatorRegisteredEvent(rcpt.Logs[0])
		if err != nil {
			t.Fatal(err)
		}
		pk1, pk2 := o.sk.PublicG1().Words(), o.sk.PublicG2().Words()
		if ev.Operator != o.addr || ev.Index.Int64() != int64(i) || !eqBig(ev.Stake, stake) {
			t.Fatalf("operator %d: event %+v", i, ev)
		}
		for k := range pk1 {
			if !eqBig(ev.PkG1[k], pk1[k]) {
				t.Fatalf("operator %d: event pkG1 %v, want %v", i, ev.PkG1, pk1)
			}
		}
		for k := range pk2 {
			if !eqBig(ev.PkG2[k], pk2[k]) {
				t.Fatalf("operator %d: event pkG2 %v, want %v (EIP-197 order)", i, ev.PkG2, pk2)
			}
		}

		at := c.operatorAt(i)
		if at.Op.Addr != o.addr || !at.Op.Active || at.Op.ExitBlock != 0 || at.Op.Withdrawn ||
			!eqBig(at.Stake, stake) || !eqG1(at.PkG1, o.sk.PublicG1()) {
			t.Fatalf("operatorAt(%d) = %+v", i, at)
		}
		if idx := call(c, avs.PackOperatorIndex(o.addr), avs.UnpackOperatorIndex); idx.Int64() != int64(i) {
			t.Fatalf("operatorIndex = %v, want %d", idx, i)
		}
		if n := c.operatorCount(); n != int64(i+1) {
			t.Fatalf("operatorCount = %d, want %d", n, i+1)
		}
		wantBitmap := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(i+1)), big.NewInt(1))
		if got := c.activeBitmap(); !eqBig(got, wantBitmap) {
			t.Fatalf("activeBitmap = %b, want %b", got, wantBitmap)
		}
		if got := c.activeStake(); !eqBig(got, total) {
			t.Fatalf("activeStake = %v, want %v", got, total)
		}
		if got, want := c.activeApk(), sumG1(t, pks...); !eqG1(got, want) {
			t.Fatalf("activeApk = %+v, want sum of pkG1 %v", got, want)
		}
		if !call(c, avs.PackKeyRegistered(keyHash(o.sk.PublicG1())), avs.UnpackKeyRegistered) {
			t.Fatal("keyRegistered false for a registered key")
		}
		if d := new(big.Int).Sub(c.balance(c.addr), balBefore); !eqBig(d, stake) {
			t.Fatalf("AVS balance grew by %v, want the stake %v", d, stake)
		}
	}
	// The contract's popMessage is bls.PopMessage.
	o := ops[1]
	got := call(c, avs.PackPopMessage(o.addr, G1(o.sk.PublicG1())), avs.UnpackPopMessage)
	if want := bls.PopMessage(c.chainID, c.addr, o.addr, o.sk.PublicG1()); got != want {
		t.Fatalf("popMessage %x, want %x", got, want)
	}
}

func TestRegisterRejected(t *testing.T) {
	c := newChain(t, 3, nil)
	o0 := newOperator(t, c.keys[0], 200)
	c.registerStake(o0, ether(5), 0)

	min := c.params.MinStake
	o1 := newOperator(t, c.keys[1], 201) // the newcomer, on account 1
	other := newOperator(t, c.keys[2], 202)
	pk1, pk2 := o1.sk.PublicG1(), o1.sk.PublicG2()
	goodPop := o1.sk.ProvePossession(c.chainID, c.addr, o1.addr)
	reg := func(pkG1 bindings.BN254G1Point, pkG2 bindings.BN254G2Point, pop bindings.BN254G1Point) []byte {
		return avs.PackRegisterOperator(pkG1, pkG2, pop)
	}
	offCurve := bindings.BN254G1Point{X: big.NewInt(1), Y: big.NewInt(3)}
	unreduced := G1(pk1)
	unreduced.X = new(big.Int).Add(unreduced.X, fieldP) // the same point mod p, not canonical
	zeroG2 := bindings.BN254G2Point{X: [2]*big.Int{new(big.Int), new(big.Int)}, Y: [2]*big.Int{new(big.Int), new(big.Int)}}
	offTwist := bindings.BN254G2Point{X: [2]*big.Int{big.NewInt(1), big.NewInt(2)}, Y: [2]*big.Int{big.NewInt(3), big.NewInt(4)}}

	cases := []struct {
		name  string
		key   *ecdsa.PrivateKey
		data  []byte
		value *big.Int
		want  string
		args  []any
	}{
		{"pop signed by another key", o1.key,
			reg(G1(pk1), G2(pk2), G1(other.sk.Sign(bls.PopMessage(c.chainID, c.addr, o1.addr, pk1)))), min,
			"InvalidProofOfPossession", nil},
		{"pop for another operator address", o1.key,
			reg(G1(pk1), G2(pk2), G1(o1.sk.ProvePossession(c.chainID, c.addr, other.addr))), min,
			"InvalidProofOfPossession", nil},
		{"pop for another chain", o1.key,
			reg(G1(pk1), G2(pk2), G1(o1.sk.ProvePossession(new(big.Int).Add(c.chainID, big.NewInt(1)), c.addr, o1.addr))), min,
			"InvalidProofOfPossession", nil},
		{"pop for another AVS", o1.key,
			reg(G1(pk1), G2(pk2), G1(o1.sk.ProvePossession(c.chainID, other.addr, o1.addr))), min,
			"InvalidProofOfPossession", nil},
		{"pkG2 of another key", o1.key,
			reg(G1(pk1), G2(other.sk.PublicG2()), G1(goodPop)), min,
			"InvalidProofOfPossession", nil},
		{"registered operator's pop replayed by another address", o1.key,
			reg(G1(o0.sk.PublicG1()), G2(o0.sk.PublicG2()), G1(o0.sk.ProvePossession(c.chainID, c.addr, o0.addr))), min,
			"DuplicateKey", []any{keyHash(o0.sk.PublicG1())}},
		{"duplicate key from another address with its own valid pop", o1.key,
			reg(G1(o0.sk.PublicG1()), G2(o0.sk.PublicG2()), G1(o0.sk.ProvePossession(c.chainID, c.addr, o1.addr))), min,
			"DuplicateKey", []any{keyHash(o0.sk.PublicG1())}},
		{"same address twice", o0.key,
			reg(G1(pk1), G2(pk2), G1(o1.sk.ProvePossession(c.chainID, c.addr, o0.addr))), min,
			"AlreadyRegistered", []any{o0.addr}},
		{"stake 1 wei below minimum", o1.key,
			reg(G1(pk1), G2(pk2), G1(goodPop)), new(big.Int).Sub(min, big.NewInt(1)),
			"StakeBelowMinimum", []any{new(big.Int).Sub(min, big.NewInt(1)), min}},
		{"no stake", o1.key,
			reg(G1(pk1), G2(pk2), G1(goodPop)), nil,
			"StakeBelowMinimum", []any{0, min}},
		{"zero pkG1", o1.key,
			reg(G1(bls.G1Infinity()), G2(pk2), G1(goodPop)), min,
			"InvalidPublicKey", nil},
		{"zero pkG1, pkG2 and pop", o1.key,
			reg(G1(bls.G1Infinity()), zeroG2, G1(bls.G1Infinity())), min,
			"InvalidPublicKey", nil},
		{"pkG1 off the curve", o1.key,
			reg(offCurve, G2(pk2), G1(goodPop)), min,
			"InvalidPublicKey", nil},
		{"pkG1 coordinate not reduced mod p", o1.key,
			reg(unreduced, G2(pk2), G1(goodPop)), min,
			"InvalidPublicKey", nil},
		{"pop off the curve", o1.key,
			reg(G1(pk1), G2(pk2), offCurve), min,
			"InvalidPublicKey", nil},
		{"zero pkG2", o1.key,
			reg(G1(pk1), zeroG2, G1(goodPop)), min,
			"InvalidPublicKey", nil},
		// Not InvalidPublicKey: the contract only refuses an all-zero pkG2
		// itself and leaves the twist and subgroup checks to the pairing
		// precompile, whose failure surfaces as PrecompileFailed(8).
		{"pkG2 off the twist", o1.key,
			reg(G1(pk1), offTwist, G1(goodPop)), min,
			"PrecompileFailed", []any{8}},
	}
	stakeBefore, balBefore := c.activeStake(), c.balance(c.addr)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.send(tc.key, tc.data, tc.value)
			wantRevertArgs(t, err, tc.want, tc.args...)
			if n := c.operatorCount(); n != 1 {
				t.Fatalf("operatorCount = %d after a rejected registration", n)
			}
			if !eqBig(c.activeStake(), stakeBefore) || !eqBig(c.balance(c.addr), balBefore) ||
				!eqBig(c.activeBitmap(), big.NewInt(1)) || !eqG1(c.activeApk(), o0.sk.PublicG1()) {
				t.Fatal("registry state changed by a rejected registration")
			}
		})
	}
	if call(c, avs.PackKeyRegistered(keyHash(pk1)), avs.UnpackKeyRegistered) {
		t.Fatal("rejected key marked registered")
	}
	// After all that, the newcomer registers with exactly the minimum stake.
	c.registerStake(o1, min, 1)
	if at := c.operatorAt(1); at.Op.Addr != o1.addr || !eqBig(at.Stake, min) || !eqBig(c.activeBitmap(), big.NewInt(3)) {
		t.Fatalf("operatorAt(1) = %+v", at)
	}
}

// TestRegisterTooManyOperators fills all 256 slots, checks the top bit and a
// batch signed by all 256, then refuses the 257th, also after an exit
// (indices are never reused).
func TestRegisterTooManyOperators(t *testing.T) {
	t.Parallel()
	c := newChain(t, 257, nil)
	ops := c.registerMany(256, ether(1))
	all := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	if got := c.activeBitmap(); !eqBig(got, all) {
		t.Fatalf("activeBitmap = %x, want 2^256-1", got)
	}
	if n := c.operatorCount(); n != 256 {
		t.Fatalf("operatorCount = %d", n)
	}
	if got := c.activeStake(); !eqBig(got, ether(256)) {
		t.Fatalf("activeStake = %v", got)
	}
	pks := make([]bls.G1Point, len(ops))
	for i, o := range ops {
		pks[i] = o.sk.PublicG1()
	}
	if !eqG1(c.activeApk(), sumG1(t, pks...)) {
		t.Fatal("activeApk is not the sum of the 256 keys")
	}
	for _, o := range ops {
		if at := c.operatorAt(o.index); at.Op.Addr != o.addr || !at.Op.Active || !eqBig(at.Stake, ether(1)) || !eqG1(at.PkG1, o.sk.PublicG1()) {
			t.Fatalf("operatorAt(%d) = %+v", o.index, at)
		}
	}

	last := newOperator(t, c.keys[256], 256)
	_, err := c.send(last.key, c.registerCalldata(last), ether(1))
	wantRevert(t, err, "TooManyOperators")

	// Bit 255 signs: a batch by all 256 operators (no non-signer keys).
	r := c.commit(1, genCommitments(7, 2, 3))
	rcpt := c.mustSend(c.keys[0], c.honestBatch(r, ops, active(ops)).Calldata(), nil)
	ev, err := avs.UnpackAllocationBatchSubmittedEvent(rcpt.Logs[0])
	if err != nil || ev.OperatorCount.Int64() != 256 {
		t.Fatalf("event %+v %v", ev, err)
	}
	if v := c.getRound(r); v.Status != 2 || !eqBig(v.SignerBitmap, all) {
		t.Fatalf("round %+v", v)
	}

	c.mustSend(ops[0].key, avs.PackExit(), nil)
	if got, want := c.activeBitmap(), new(big.Int).SetBit(all, ops[0].index, 0); !eqBig(got, want) {
		t.Fatalf("activeBitmap after an exit = %x, want %x", got, want)
	}
	_, err = c.send(last.key, c.registerCalldata(last), ether(1))
	wantRevert(t, err, "TooManyOperators")
	if n := c.operatorCount(); n != 256 {
		t.Fatalf("operatorCount = %d", n)
	}
}

// TestExitAndWithdraw follows one operator from exit to withdrawal, checking
// the withdrawal boundary exitBlock + exitDelay exactly.
func TestExitAndWithdraw(t *testing.T) {
	c := newChain(t, 4, nil)
	ops := c.registerN(3, 10, 20, 30)
	o := ops[1]
	stranger := c.keys[3]
	exitSig := crypto.Keccak256Hash([]byte("OperatorExitRequested(address,uint256,uint256)"))

	t.Run("unregistered address", func(t *testing.T) {
		_, err := c.send(stranger, avs.PackExit(), nil)
		wantRevertArgs(t, err, "NotRegistered", addrOf(stranger))
		_, err = c.send(stranger, avs.PackWithdraw(), nil)
		wantRevertArgs(t, err, "NotRegistered", addrOf(stranger))
	})
	t.Run("withdraw without exit", func(t *testing.T) {
		_, err := c.send(o.key, avs.PackWithdraw(), nil)
		wantRevertArgs(t, err, "NotExited", o.addr)
	})

	rcpt := c.mustSend(o.key, avs.PackExit(), nil)
	exitBlock := rcpt.BlockNumber.Uint64()
	availableAt := exitBlock + c.params.ExitDelay
	t.Run("exit takes effect at once", func(t *testing.T) {
		if len(rcpt.Logs) != 1 || rcpt.Logs[0].Topics[0] != exitSig {
			t.Fatalf("logs %+v", rcpt.Logs)
		}
		ev, err := avs.UnpackOperatorExitRequestedEvent(rcpt.Logs[0])
		if err != nil || ev.Operator != o.addr || ev.Index.Int64() != 1 || ev.WithdrawableBlock.Uint64() != availableAt {
			t.Fatalf("event %+v %v", ev, err)
		}
		if got := c.activeBitmap(); !eqBig(got, bitmapOf(0, 2)) {
			t.Fatalf("activeBitmap = %b", got)
		}
		if got := c.activeStake(); !eqBig(got, ether(40)) {
			t.Fatalf("activeStake = %v, want 40 ether", got)
		}
		if !eqG1(c.activeApk(), sumG1(t, ops[0].sk.PublicG1(), ops[2].sk.PublicG1())) {
			t.Fatal("activeApk still holds the exited key")
		}
		at := c.operatorAt(1)
		if at.Op.Active || at.Op.ExitBlock != exitBlock || at.Op.Withdrawn || !eqBig(at.Stake, ether(20)) {
			t.Fatalf("operatorAt(1) = %+v (the stake stays until withdrawal)", at)
		}
	})
	t.Run("exit twice", func(t *testing.T) {
		_, err := c.send(o.key, avs.PackExit(), nil)
		wantRevertArgs(t, err, "OperatorNotActive", o.addr)
	})

	t.Run("an exited operator cannot sign", func(t *testing.T) {
		r := c.commit(1, genCommitments(3, 2, 4))
		_, err := c.send(c.keys[0], c.honestBatch(r, ops, active(ops, 1)).Calldata(), nil)
		wantRevertArgs(t, err, "SignerNotActive", 1)
		if v := c.getRound(r); v.Status != 1 {
			t.Fatalf("round status %d after a rejected batch", v.Status)
		}
		// The two remaining operators hold all the active stake.
		c.mustSend(c.keys[0], c.honestBatch(r, []*operator{ops[0], ops[2]}, active(ops, 1)).Calldata(), nil)
		if v := c.getRound(r); v.Status != 2 || !eqBig(v.SignerBitmap, bitmapOf(0, 2)) {
			t.Fatalf("round %+v", v)
		}
	})

	t.Run("withdrawal boundary", func(t *testing.T) {
		const gas = 200_000
		if h := c.blockNumber(); h+2 > availableAt {
			t.Fatalf("head %d too late for the boundary at %d", h, availableAt)
		}
		c.mine(int(availableAt - 2 - c.blockNumber()))
		// head = availableAt-2: estimation refuses.
		_, err := c.send(o.key, avs.PackWithdraw(), nil)
		wantRevertArgs(t, err, "WithdrawalTooEarly", availableAt)

		// A transaction landing in block availableAt-1 fails in the block.
		bal := c.balance(o.addr)
		r := c.sendGas(o.key, avs.PackWithdraw(), nil, gas)
		if r.BlockNumber.Uint64() != availableAt-1 || r.Status != types.ReceiptStatusFailed {
			t.Fatalf("withdraw in block %d: status %d, want failure in block %d", r.BlockNumber, r.Status, availableAt-1)
		}
		if d := new(big.Int).Sub(bal, c.balance(o.addr)); !eqBig(d, gasCost(r)) {
			t.Fatalf("failed withdraw cost %v, want only gas %v", d, gasCost(r))
		}
		if at := c.operatorAt(1); at.Op.Withdrawn || !eqBig(at.Stake, ether(20)) {
			t.Fatalf("operatorAt(1) = %+v after a failed withdraw", at)
		}
		// The contract's view at each block: too early at availableAt-1.
		_, err = c.callAt(o.addr, avs.PackWithdraw(), availableAt-1)
		wantRevertArgs(t, err, "WithdrawalTooEarly", availableAt)

		// head = availableAt-1: the transaction would land in availableAt
		// and succeed, but estimation runs at block availableAt-1 and refuses.
		_, err = c.send(o.key, avs.PackWithdraw(), nil)
		wantRevertArgs(t, err, "WithdrawalTooEarly", availableAt)

		// Landing exactly in block availableAt: paid in full.
		bal, avsBal := c.balance(o.addr), c.balance(c.addr)
		r = c.sendGas(o.key, avs.PackWithdraw(), nil, gas)
		if r.BlockNumber.Uint64() != availableAt || r.Status != types.ReceiptStatusSuccessful {
			t.Fatalf("withdraw in block %d: status %d, want success in block %d", r.BlockNumber, r.Status, availableAt)
		}
		want := new(big.Int).Sub(ether(20), gasCost(r))
		if d := new(big.Int).Sub(c.balance(o.addr), bal); !eqBig(d, want) {
			t.Fatalf("balance delta %v, want stake - gas = %v", d, want)
		}
		if d := new(big.Int).Sub(avsBal, c.balance(c.addr)); !eqBig(d, ether(20)) {
			t.Fatalf("AVS paid out %v, want 20 ether", d)
		}
		if len(r.Logs) != 1 {
			t.Fatalf("logs %+v", r.Logs)
		}
		ev, err := avs.UnpackOperatorWithdrawnEvent(r.Logs[0])
		if err != nil || ev.Operator != o.addr || ev.Index.Int64() != 1 || !eqBig(ev.Amount, ether(20)) {
			t.Fatalf("event %+v %v", ev, err)
		}
		if at := c.operatorAt(1); !at.Op.Withdrawn || at.Stake.Sign() != 0 || at.Op.Active {
			t.Fatalf("operatorAt(1) = %+v after withdrawal", at)
		}
		// The others are untouched.
		if !eqBig(c.activeStake(), ether(40)) || !eqBig(c.activeBitmap(), bitmapOf(0, 2)) {
			t.Fatal("active set changed by a withdrawal")
		}
	})
	t.Run("second withdraw", func(t *testing.T) {
		_, err := c.send(o.key, avs.PackWithdraw(), nil)
		wantRevertArgs(t, err, "AlreadyWithdrawn", o.addr)
	})
	t.Run("exit after withdrawal", func(t *testing.T) {
		_, err := c.send(o.key, avs.PackExit(), nil)
		wantRevertArgs(t, err, "OperatorNotActive", o.addr)
	})
}

// TestExitedSignerStaysSlashable: an operator that signed a wrong batch and
// exits inside its challenge window is still slashed, the cut is not taken
// from the active stake a second time, and its withdrawal pays what is left.
func TestExitedSignerStaysSlashable(t *testing.T) {
	c := newChain(t, 4, nil)
	ops := c.registerN(3, 10, 20, 30)
	r := c.commit(1, genCommitments(5, 2, 3))

	// A wrong amount at global index k, published consistently.
	const k = 2
	data := append([]byte(nil), r.res.AllocationData...)
	var a uint256.Int
	a.SetBytes(data[32*k : 32*(k+1)])
	a.AddUint64(&a, 1)
	a.PutUint256(data[32*k : 32*(k+1)])
	tree, err := recompute.AllocTreeFromData(data, 1)
	if err != nil {
		t.Fatal(err)
	}
	rcpt := c.mustSend(c.keys[3], c.batch(r, tree.Root(), data, ops, active(ops)).Calldata(), nil)
	deadline := rcpt.BlockNumber.Uint64() + c.params.ChallengeWindow

	rcpt = c.mustSend(ops[1].key, avs.PackExit(), nil)
	availableAt := rcpt.BlockNumber.Uint64() + c.params.ExitDelay
	if availableAt <= deadline {
		t.Fatalf("withdrawable at %d, before the batch's deadline %d", availableAt, deadline)
	}
	if !eqBig(c.activeStake(), ether(40)) {
		t.Fatalf("activeStake %v after the exit", c.activeStake())
	}

	p, j, ok := r.res.Locate(k)
	if !ok {
		t.Fatal("no such index")
	}
	proof, err := NewBadAllocation(r.n, r.c, r.res, data, tree, p, j)
	if err != nil {
		t.Fatal(err)
	}
	rcpt = c.mustSend(c.keys[3], proof.Calldata(), nil)
	var slashedExited *big.Int
	for _, l := range rcpt.Logs {
		if ev, err := avs.UnpackOperatorSlashedEvent(l); err == nil && ev.Operator == ops[1].addr {
			slashedExited = ev.Amount
		}
	}
	if !eqBig(slashedExited, ether(2)) {
		t.Fatalf("exited signer slashed %v, want 2 ether", slashedExited)
	}
	if at := c.operatorAt(1); at.Op.Active || !eqBig(at.Stake, ether(18)) {
		t.Fatalf("operatorAt(1) = %+v, want inactive with 18 ether", at)
	}
	// 40 - 1 - 3: only the active signers' cuts leave the active stake.
	if got := c.activeStake(); !eqBig(got, ether(36)) {
		t.Fatalf("activeStake %v, want 36 ether", got)
	}
	if got := call(c, avs.PackBurned(), avs.UnpackBurned); !eqBig(got, ether(3)) {
		t.Fatalf("burned %v, want 3 ether", got)
	}

	c.mine(int(availableAt - c.blockNumber())) // head = availableAt (estimation quirk)
	bal := c.balance(ops[1].addr)
	rcpt = c.mustSend(ops[1].key, avs.PackWithdraw(), nil)
	want := new(big.Int).Sub(ether(18), gasCost(rcpt))
	if d := new(big.Int).Sub(c.balance(ops[1].addr), bal); !eqBig(d, want) {
		t.Fatalf("withdrawal paid %v net, want 18 ether - gas = %v", d, want)
	}
}
