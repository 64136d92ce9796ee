package contracts

import (
	"context"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/denomwatch/denomwatch/bls"
	"github.com/denomwatch/denomwatch/internal/testvectors"
	"github.com/denomwatch/denomwatch/internal/v1/contracts/bindings"
	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

func vecG1(t testing.TB, w [2]string) bindings.BN254G1Point {
	return bindings.BN254G1Point{X: testvectors.Dec(t, w[0]), Y: testvectors.Dec(t, w[1])}
}

func vecG2(t testing.TB, w [4]string) bindings.BN254G2Point {
	return bindings.BN254G2Point{X: [2]*big.Int{testvectors.Dec(t, w[0]), testvectors.Dec(t, w[1])}, Y: [2]*big.Int{testvectors.Dec(t, w[2]), testvectors.Dec(t, w[3])}}
}

func (c *chain) verifyBLS(msg [32]byte, apkG1 bindings.BN254G1Point, apkG2 bindings.BN254G2Point, sigma bindings.BN254G1Point) bool {
	c.t.Helper()
	return call(c, avs.PackVerifyBLS(msg, apkG1, apkG2, sigma), avs.UnpackVerifyBLS)
}

// TestBLSVectorsOnChain runs every vector of testdata/bls-v1.json through
// the contract's hashToG1 and verifyBLS views.
func TestBLSVectorsOnChain(t *testing.T) {
	v := testvectors.LoadBLS(t)
	c := newChain(t, 0, nil)

	if got := call(c, avs.PackBATCHDOMAIN(), avs.UnpackBATCHDOMAIN); common.Hash(got) != common.HexToHash(v.BatchDomain) {
		t.Fatalf("BATCH_DOMAIN %x, vectors %s", got, v.BatchDomain)
	}
	if got := call(c, avs.PackPOPDOMAIN(), avs.UnpackPOPDOMAIN); common.Hash(got) != common.HexToHash(v.PopDomain) {
		t.Fatalf("POP_DOMAIN %x, vectors %s", got, v.PopDomain)
	}

	t.Run("hashToG1", func(t *testing.T) {
		if len(v.HashToG1) == 0 {
			t.Fatal("no hashToG1 vectors")
		}
		for _, h := range v.HashToG1 {
			got := call(c, avs.PackHashToG1(common.HexToHash(h.Msg)), avs.UnpackHashToG1)
			want := vecG1(t, h.Point)
			if !eqBig(got.X, want.X) || !eqBig(got.Y, want.Y) {
				t.Errorf("hashToG1(%s) = (%v, %v), want (%v, %v)", h.Msg, got.X, got.Y, want.X, want.Y)
			}
		}
		// And against the Go map on random messages and messages >= p.
		rng := rand.New(rand.NewPCG(5, 6))
		msgs := [][32]byte{common.BigToHash(fieldP), common.BigToHash(new(big.Int).Sub(fieldP, big.NewInt(1)))}
		for range 16 {
			var m [32]byte
			for i := range m {
				m[i] = byte(rng.UintN(256))
			}
			msgs = append(msgs, m)
		}
		for _, m := range msgs {
			got := call(c, avs.PackHashToG1(m), avs.UnpackHashToG1)
			want, _ := bls.HashToG1(m)
			if !eqG1(got, want) {
				t.Errorf("hashToG1(%x) = (%v, %v), bls.HashToG1 %v", m, got.X, got.Y, want)
			}
		}
	})

	t.Run("batches", func(t *testing.T) {
		valid := 0
		for _, b := range v.Batches {
			got := c.verifyBLS(common.HexToHash(b.MsgHash), vecG1(t, b.ApkG1), vecG2(t, b.ApkG2), vecG1(t, b.Sigma))
			if got != b.Valid {
				t.Errorf("%s: verifyBLS = %v, vector says %v", b.Name, got, b.Valid)
			}
			if b.Valid {
				valid++
			}
		}
		if valid == 0 || valid == len(v.Batches) {
			t.Fatalf("%d of %d batch vectors valid: want both kinds", valid, len(v.Batches))
		}
	})

	t.Run("pops", func(t *testing.T) {
		keys := map[common.Address]testvectors.Key{}
		for _, k := range v.Keys {
			keys[common.HexToAddress(k.Operator)] = k
		}
		if len(v.Pops) == 0 {
			t.Fatal("no pop vectors")
		}
		for _, p := range v.Pops {
			k, ok := keys[common.HexToAddress(p.Operator)]
			if !ok {
				t.Fatalf("pop for %s: no key of that operator", p.Operator)
			}
			got := c.verifyBLS(common.HexToHash(p.PopHash), vecG1(t, k.PkG1), vecG2(t, k.PkG2), vecG1(t, p.Pop))
			if got != p.Valid {
				t.Errorf("pop of %s: verifyBLS = %v, vector says %v", p.Operator, got, p.Valid)
			}
		}
	})

	t.Run("tampered valid batch", func(t *testing.T) {
		var b *testvectors.Batch
		for i := range v.Batches {
			if v.Batches[i].Valid {
				b = &v.Batches[i]
				break
			}
		}
		msg := common.HexToHash(b.MsgHash)
		apk1, apk2, sig := vecG1(t, b.ApkG1), vecG2(t, b.ApkG2), vecG1(t, b.Sigma)
		negSig := bindings.BN254G1Point{X: sig.X, Y: new(big.Int).Sub(fieldP, sig.Y)}
		inf := bindings.BN254G1Point{X: new(big.Int), Y: new(big.Int)}
		off := bindings.BN254G1Point{X: big.NewInt(1), Y: big.NewInt(3)}
		other := msg
		other[0] ^= 1 // not the low bits: see "not injective" below
		for _, tc := range []struct {
			name string
			msg  [32]byte
			apk1 bindings.BN254G1Point
			sig  bindings.BN254G1Point
		}{
			{"other message", other, apk1, sig},
			{"negated sigma", msg, apk1, negSig},
			{"apkG1 at infinity", msg, inf, sig},
			{"apkG1 off the curve", msg, off, sig},
			{"sigma off the curve", msg, apk1, off},
			{"sigma at infinity", msg, apk1, inf},
		} {
			if c.verifyBLS(tc.msg, tc.apk1, apk2, tc.sig) {
				t.Errorf("%s: verifyBLS accepted", tc.name)
			}
		}
		if !c.verifyBLS(msg, apk1, apk2, sig) {
			t.Fatal("the untampered vector no longer verifies")
		}
		// An apkG2 off the twist is not false but a revert: the view leaves
		// G2 checks to the pairing precompile.
		offTwist := bindings.BN254G2Point{X: [2]*big.Int{big.NewInt(1), big.NewInt(2)}, Y: [2]*big.Int{big.NewInt(3), big.NewInt(4)}}
		_, err := c.callAt(common.Address{}, avs.PackVerifyBLS(msg, apk1, offTwist, sig), c.blockNumber())
		wantRevertArgs(t, err, "PrecompileFailed", 8)
	})

	// Try-and-increment is not injective: when x = m is not on the curve,
	// m and m+1 map to the same point, so a signature on m verifies for
	// m+1. Harmless (signed messages are keccak256 outputs), but it is why
	// the tampered-message case above flips a high bit.
	t.Run("not injective", func(t *testing.T) {
		n := 0
		for _, h := range v.HashToG1 {
			if h.Tries == 0 {
				continue
			}
			m := common.HexToHash(h.Msg)
			next := common.BigToHash(new(big.Int).Add(m.Big(), big.NewInt(1)))
			a := call(c, avs.PackHashToG1(m), avs.UnpackHashToG1)
			b := call(c, avs.PackHashToG1(next), avs.UnpackHashToG1)
			if !eqBig(a.X, b.X) || !eqBig(a.Y, b.Y) {
				t.Errorf("hashToG1(%s) != hashToG1(m+1) although m needed %d tries", h.Msg, h.Tries)
			}
			n++
		}
		if n == 0 {
			t.Fatal("no vector with tries > 0")
		}
	})
}

// cloneBatch copies b so that a case can replace its fields.
func cloneBatch(b *Batch) *Batch {
	nb := *b
	nb.Round = new(big.Int).Set(b.Round)
	nb.SignerBitmap = new(big.Int).Set(b.SignerBitmap)
	nb.NonSignerPks = append([]bindings.BN254G1Point(nil), b.NonSignerPks...)
	return &nb
}

// sigmaOver aggregates each operator's signature of its own message.
func sigmaOver(t testing.TB, ops []*operator, msgs ...[32]byte) bindings.BN254G1Point {
	t.Helper()
	sigs := make([]bls.G1Point, len(ops))
	for i, o := range ops {
		sigs[i] = o.sk.Sign(msgs[i])
	}
	return G1(sumG1(t, sigs...))
}

func apkG2Of(t testing.TB, ops ...*operator) bindings.BN254G2Point {
	t.Helper()
	pks := make([]bls.G2Point, len(ops))
	for i, o := range ops {
		pks[i] = o.sk.PublicG2()
	}
	s, err := bls.AggregateG2(pks...)
	if err != nil {
		t.Fatal(err)
	}
	return G2(s)
}

// prepare computes round n's recomputation without committing it.
func prepare(t testing.TB, n uint64, cm *recompute.Commitments) *round {
	t.Helper()
	cm.Round.SetUint64(n)
	res, err := recompute.Compute(cm, recompute.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return &round{n: new(big.Int).SetUint64(n), c: cm, res: res}
}

// wantOpen fails unless round r is committed and holds no batch.
func wantOpen(t testing.TB, c *chain, r *round) {
	t.Helper()
	v := c.getRound(r)
	if v.Status != 1 || v.AllocationRoot != ([32]byte{}) || v.SignerBitmap.Sign() != 0 || v.SubmittedBlock.Sign() != 0 || v.CommitmentRoot != r.res.CommitmentRoot {
		t.Fatalf("round %v not open: %+v", r.n, v)
	}
}

// TestSubmitBatchRejected sends one bad batch per case against an open round
// (4 active operators of 10 ether, one exited), checks the custom error and
// that the round is still open, then accepts the honest batch.
func TestSubmitBatchRejected(t *testing.T) {
	c := newChain(t, 6, nil)
	ops := c.registerN(5, 10)
	c.mustSend(ops[4].key, avs.PackExit(), nil)
	act := active(ops, 4)
	r := c.commit(1, genCommitments(11, 3, 4))
	r2 := prepare(t, 2, genCommitments(12, 2, 5)) // committed at the end

	honest := c.honestBatch(r, ops[:3], act) // signers 0,1,2 (30 of 40), non-signer 3
	msg := bls.BatchMessage(c.chainID, c.addr, r.n, r.res.AllocationRoot)
	otherMsg := bls.BatchMessage(c.chainID, c.addr, r.n, crypto.Keccak256Hash([]byte("another root")))
	round2 := c.honestBatch(r2, ops[:3], act)
	signedAs := func(chainID *big.Int, avsAddr common.Address, n *big.Int) *Batch {
		b, err := SignBatch(chainID, avsAddr, n, r.res.AllocTreeRoot, r.res.AllocationRoot, r.res.AllocationData, signers(ops[:3]...), act)
		if err != nil {
			t.Fatal(err)
		}
		b.Round = new(big.Int).Set(r.n)
		return b
	}
	pk := func(i int) bindings.BN254G1Point { return G1(ops[i].sk.PublicG1()) }
	with := func(edit func(b *Batch)) *Batch {
		b := cloneBatch(honest)
		edit(b)
		return b
	}

	cases := []struct {
		name  string
		batch *Batch
		want  string
		args  []any
	}{
		{"a signer signs another message", with(func(b *Batch) {
			b.Sigma = sigmaOver(t, ops[:3], msg, msg, otherMsg)
		}), "InvalidSignature", nil},
		{"sigma of another round's batch", with(func(b *Batch) { b.Sigma = round2.Sigma }), "InvalidSignature", nil},
		{"signed for another round number", signedAs(c.chainID, c.addr, big.NewInt(2)), "InvalidSignature", nil},
		{"signed for another chain", signedAs(new(big.Int).Add(c.chainID, big.NewInt(1)), c.addr, r.n), "InvalidSignature", nil},
		{"signed for another AVS", signedAs(c.chainID, addrOf(c.keys[5]), r.n), "InvalidSignature", nil},
		{"allocation data changed after signing", with(func(b *Batch) {
			d := append([]byte(nil), b.AllocationData...)
			d[31]++
			b.AllocationData = d
		}), "InvalidSignature", nil},
		{"allocTreeRoot changed after signing", with(func(b *Batch) { b.AllocTreeRoot[0] ^= 1 }), "InvalidSignature", nil},
		{"apkG2 of another signer set", with(func(b *Batch) { b.ApkG2 = apkG2Of(t, ops[0], ops[1]) }), "InvalidSignature", nil},
		{"bitmap names an active operator that did not sign", with(func(b *Batch) {
			b.SignerBitmap = bitmapOf(0, 1, 2, 3)
			b.NonSignerPks = nil
		}), "InvalidSignature", nil},
		{"sigma off the curve", with(func(b *Batch) { b.Sigma = bindings.BN254G1Point{X: big.NewInt(1), Y: big.NewInt(3)} }), "InvalidSignature", nil},
		{"sigma at infinity", with(func(b *Batch) { b.Sigma = G1(bls.G1Infinity()) }), "InvalidSignature", nil},
		// The contract leaves G2 validation to the pairing precompile.
		{"apkG2 off the twist", with(func(b *Batch) {
			b.ApkG2 = bindings.BN254G2Point{X: [2]*big.Int{big.NewInt(1), big.NewInt(2)}, Y: [2]*big.Int{big.NewInt(3), big.NewInt(4)}}
		}), "PrecompileFailed", []any{8}},
		{"empty signer set", with(func(b *Batch) {
			b.SignerBitmap = new(big.Int)
			b.NonSignerPks = []bindings.BN254G1Point{pk(0), pk(1), pk(2), pk(3)}
		}), "NoSigners", nil},
		{"signer never registered", with(func(b *Batch) { b.SignerBitmap = bitmapOf(0, 1, 2, 7) }), "SignerNotActive", []any{7}},
		{"signer at bit 255 never registered", with(func(b *Batch) { b.SignerBitmap = bitmapOf(0, 1, 2, 255) }), "SignerNotActive", []any{255}},
		{"signer exited", c.honestBatch(r, []*operator{ops[0], ops[1], ops[2], ops[4]}, act), "SignerNotActive", []any{4}},
		{"non-signer key missing", with(func(b *Batch) { b.NonSignerPks = nil }), "NonSignerKeysMismatch", []any{1, 0}},
		{"exited operator's key as an extra non-signer", with(func(b *Batch) {
			b.NonSignerPks = []bindings.BN254G1Point{pk(3), pk(4)}
		}), "NonSignerKeysMismatch", []any{1, 2}},
		{"wrong non-signer key (exited operator's)", with(func(b *Batch) { b.NonSignerPks = []bindings.BN254G1Point{pk(4)} }), "NonSignerKeyMismatch", []any{3}},
		{"wrong non-signer key (a signer's)", with(func(b *Batch) { b.NonSignerPks = []bindings.BN254G1Point{pk(0)} }), "NonSignerKeyMismatch", []any{3}},
		{"non-signer key not reduced mod p", with(func(b *Batch) {
			k := pk(3)
			k.Y = new(big.Int).Add(k.Y, fieldP)
			b.NonSignerPks = []bindings.BN254G1Point{k}
		}), "NonSignerKeyMismatch", []any{3}},
		{"non-signer keys out of order", func() *Batch {
			b := c.honestBatch(r, ops[:2], act)
			b.NonSignerPks[0], b.NonSignerPks[1] = b.NonSignerPks[1], b.NonSignerPks[0]
			return b
		}(), "NonSignerKeyMismatch", []any{2}},
		{"half the stake", c.honestBatch(r, ops[:2], act), "QuorumNotMet", []any{ether(20), ether(40)}},
		{"round never committed", func() *Batch {
			b := cloneBatch(honest)
			b.Round = big.NewInt(5)
			return b
		}(), "RoundNotOpen", []any{5, uint8(0)}},
		{"round 0", func() *Batch {
			b := cloneBatch(honest)
			b.Round = new(big.Int)
			return b
		}(), "RoundNotOpen", []any{0, uint8(0)}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.send(c.keys[5], tc.batch.Calldata(), nil)
			wantRevertArgs(t, err, tc.want, tc.args...)
			wantOpen(t, c, r)
		})
	}

	// The honest batch is accepted after all that.
	rcpt := c.mustSend(c.keys[5], honest.Calldata(), nil)
	v := c.getRound(r)
	if v.Status != 2 || v.AllocationRoot != r.res.AllocationRoot || !eqBig(v.SignerBitmap, bitmapOf(0, 1, 2)) ||
		v.SubmittedBlock.Cmp(rcpt.BlockNumber) != 0 || v.VoidedBatches.Sign() != 0 {
		t.Fatalf("round after the honest batch: %+v", v)
	}

	t.Run("second batch while one is live", func(t *testing.T) {
		for _, b := range []*Batch{honest, c.honestBatch(r, ops[:4], act)} {
			_, err := c.send(c.keys[5], b.Calldata(), nil)
			wantRevertArgs(t, err, "RoundNotOpen", 1, uint8(2))
		}
		if got := c.getRound(r); got.Status != 2 || got.AllocationRoot != v.AllocationRoot || !eqBig(got.SignerBitmap, v.SignerBitmap) || !eqBig(got.SubmittedBlock, v.SubmittedBlock) {
			t.Fatalf("live batch changed: %+v", got)
		}
	})

	t.Run("commitRound", func(t *testing.T) {
		data := recompute.Encode(r2.c)
		latest := func() int64 { return call(c, avs.PackLatestRound(), avs.UnpackLatestRound).Int64() }
		_, err := c.send(c.keys[0], avs.PackCommitRound(big.NewInt(2), r2.res.CommitmentRoot, data), nil)
		wantRevertArgs(t, err, "NotCoordinator", addrOf(c.keys[0]))
		_, err = c.send(c.deployer, avs.PackCommitRound(big.NewInt(2), r2.res.CommitmentRoot, data), nil)
		wantRevertArgs(t, err, "NotCoordinator", addrOf(c.deployer))
		for _, n := range []int64{3, 1, 0} {
			_, err = c.send(c.coord, avs.PackCommitRound(big.NewInt(n), r2.res.CommitmentRoot, data), nil)
			wantRevertArgs(t, err, "WrongRound", 2, n)
		}
		if latest() != 1 || c.getRound(r2).Status != 0 {
			t.Fatal("a rejected commitRound changed state")
		}
		c.mustSend(c.coord, avs.PackCommitRound(big.NewInt(2), r2.res.CommitmentRoot, data), nil)
		if latest() != 2 {
			t.Fatal("latestRound not 2")
		}
		wantOpen(t, c, r2)
		// The sigma refused for round 1 is round 2's valid signature.
		c.mustSend(c.keys[5], round2.Calldata(), nil)
		if v := c.getRound(r2); v.Status != 2 || v.AllocationRoot != r2.res.AllocationRoot {
			t.Fatalf("round 2: %+v", v)
		}
	})
}

// TestSubmitBatchNoActiveStake: once every operator has exited, a batch is
// refused before any signer check.
func TestSubmitBatchNoActiveStake(t *testing.T) {
	c := newChain(t, 2, nil)
	ops := c.registerN(1, 1)
	r := c.commit(1, genCommitments(2, 1, 1))
	b := c.honestBatch(r, ops, active(ops))
	c.mustSend(ops[0].key, avs.PackExit(), nil)
	_, err := c.send(c.keys[1], b.Calldata(), nil)
	wantRevert(t, err, "NoActiveStake")
	wantOpen(t, c, r)
}

// TestSubmitBatchQuorumBoundary puts the signing stake exactly at the quorum
// and one unit (signing*10000 == active*quorumBps - 1) below it.
func TestSubmitBatchQuorumBoundary(t *testing.T) {
	e := func(n int64) *big.Int { return ether(n) }
	plus := func(a *big.Int, n int64) *big.Int { return new(big.Int).Add(a, big.NewInt(n)) }
	cases := []struct {
		name    string
		quorum  uint64
		stakes  []*big.Int // operator i has stakes[i]
		signing []int
		diff    *big.Int // signing*10000 - active*quorum
	}{
		// 6667 * 3 = 20001 = 1 (mod 10000): active = 10^22 + 3, signing = 6667e18 + 2.
		{"6667 bps, one short", 6667, []*big.Int{plus(e(3333), 1), plus(e(3334), 1), plus(e(3333), 1)}, []int{0, 1}, big.NewInt(-1)},
		{"6667 bps, exactly", 6667, []*big.Int{e(3333), e(3334), e(3333)}, []int{0, 1}, big.NewInt(0)},
		// 1 bps: signing*10000 = 10^22, active = 10^22 + 1.
		{"1 bps, one short", 1, []*big.Int{e(1), plus(e(9999), 1)}, []int{0}, big.NewInt(-1)},
		{"1 bps, exactly", 1, []*big.Int{e(1), e(9999)}, []int{0}, big.NewInt(0)},
		// The default 6700 (no stake gives one short): 1 wei of stake short, and exactly.
		{"6700 bps, one wei short", 6700, []*big.Int{plus(e(67), -1), plus(e(33), 1)}, []int{0}, big.NewInt(-10_000)},
		{"6700 bps, exactly", 6700, []*big.Int{e(67), e(33)}, []int{0}, big.NewInt(0)},
		{"10000 bps, all sign", 10000, []*big.Int{e(5), e(7)}, []int{0, 1}, big.NewInt(0)},
		{"10000 bps, one operator missing", 10000, []*big.Int{e(5), e(1)}, []int{0}, new(big.Int).Neg(e(10_000))},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newChain(t, len(tc.stakes), func(p *Params) { p.QuorumBps = tc.quorum })
			ops := make([]*operator, len(tc.stakes))
			activeStake, signingStake := new(big.Int), new(big.Int)
			for i, s := range tc.stakes {
				ops[i] = newOperator(t, c.keys[i], uint64(300+i))
				c.registerStake(ops[i], s, i)
				activeStake.Add(activeStake, s)
			}
			var signing []*operator
			for _, i := range tc.signing {
				signing = append(signing, ops[i])
				signingStake.Add(signingStake, tc.stakes[i])
			}
			// The arithmetic the case claims.
			diff := new(big.Int).Mul(signingStake, big.NewInt(10_000))
			diff.Sub(diff, new(big.Int).Mul(activeStake, new(big.Int).SetUint64(tc.quorum)))
			if !eqBig(diff, tc.diff) {
				t.Fatalf("case arithmetic: signing*10000 - active*quorum = %v, want %v", diff, tc.diff)
			}
			accept := diff.Sign() >= 0
			if !eqBig(c.activeStake(), activeStake) {
				t.Fatalf("activeStake %v, want %v", c.activeStake(), activeStake)
			}
			r := c.commit(1, genCommitments(21, 2, 2))
			_, err := c.send(c.keys[0], c.honestBatch(r, signing, active(ops)).Calldata(), nil)
			if accept {
				if err != nil {
					t.Fatal(err)
				}
				if v := c.getRound(r); v.Status != 2 || !eqBig(v.SignerBitmap, bitmapOf(tc.signing...)) {
					t.Fatalf("round %+v", v)
				}
				return
			}
			wantRevertArgs(t, err, "QuorumNotMet", signingStake, activeStake)
			wantOpen(t, c, r)
			c.mustSend(c.keys[0], c.honestBatch(r, ops, active(ops)).Calldata(), nil)
			if v := c.getRound(r); v.Status != 2 {
				t.Fatalf("round %+v", v)
			}
		})
	}
}

// TestRoundEvents checks the two seed events of PROTOCOL.md section 2 word
// by word: signature hash, indexed round, data fields.
func TestRoundEvents(t *testing.T) {
	c := newChain(t, 4, nil)
	ops := c.registerN(3, 10, 10, 40)
	commitSig := crypto.Keccak256Hash([]byte("NewRoundCommitments(uint256,bytes32,uint256)"))
	batchSig := crypto.Keccak256Hash([]byte("AllocationBatchSubmitted(uint256,bytes32,uint256,uint256)"))
	blockTime := func(n *big.Int) uint64 {
		h, err := c.client.HeaderByNumber(context.Background(), n)
		if err != nil {
			t.Fatal(err)
		}
		return h.Time
	}
	word := func(v uint64) common.Hash { return common.BigToHash(new(big.Int).SetUint64(v)) }

	for n := uint64(1); n <= 2; n++ {
		r := prepare(t, n, genCommitments(30+n, 3, 4))
		rcpt := c.mustSend(c.coord, avs.PackCommitRound(r.n, r.res.CommitmentRoot, recompute.Encode(r.c)), nil)
		if len(rcpt.Logs) != 1 {
			t.Fatalf("commitRound: %d logs", len(rcpt.Logs))
		}
		lg := rcpt.Logs[0]
		ts := blockTime(rcpt.BlockNumber)
		if lg.Address != c.addr || len(lg.Topics) != 2 || lg.Topics[0] != commitSig || lg.Topics[1] != word(n) {
			t.Fatalf("NewRoundCommitments topics %v (address %v)", lg.Topics, lg.Address)
		}
		if len(lg.Data) != 64 || common.BytesToHash(lg.Data[:32]) != r.res.CommitmentRoot || common.BytesToHash(lg.Data[32:]) != word(ts) {
			t.Fatalf("NewRoundCommitments data %x", lg.Data)
		}
		ev, err := avs.UnpackNewRoundCommitmentsEvent(lg)
		if err != nil || ev.Round.Uint64() != n || ev.CommitmentRoot != r.res.CommitmentRoot || ev.Timestamp.Uint64() != ts {
			t.Fatalf("NewRoundCommitments %+v %v", ev, err)
		}
		wantOpen(t, c, r)

		// Operators 1 and 2 sign (50 of 60 ether).
		b := c.honestBatch(r, ops[1:], active(ops))
		rcpt = c.mustSend(c.keys[3], b.Calldata(), nil)
		if len(rcpt.Logs) != 1 {
			t.Fatalf("submitAllocationBatch: %d logs", len(rcpt.Logs))
		}
		lg = rcpt.Logs[0]
		ts = blockTime(rcpt.BlockNumber)
		// allocationRoot = keccak256(abi.encode(commitmentRoot, allocTreeRoot, keccak256(allocationData))).
		allocationRoot := crypto.Keccak256Hash(r.res.CommitmentRoot[:], r.res.AllocTreeRoot[:], crypto.Keccak256(r.res.AllocationData))
		if lg.Address != c.addr || len(lg.Topics) != 2 || lg.Topics[0] != batchSig || lg.Topics[1] != word(n) {
			t.Fatalf("AllocationBatchSubmitted topics %v", lg.Topics)
		}
		if len(lg.Data) != 96 || common.BytesToHash(lg.Data[:32]) != allocationRoot ||
			common.BytesToHash(lg.Data[32:64]) != word(2) || common.BytesToHash(lg.Data[64:]) != word(ts) {
			t.Fatalf("AllocationBatchSubmitted data %x", lg.Data)
		}
		bev, err := avs.UnpackAllocationBatchSubmittedEvent(lg)
		if err != nil || bev.Round.Uint64() != n || bev.AllocationRoot != allocationRoot || bev.OperatorCount.Int64() != 2 || bev.Timestamp.Uint64() != ts {
			t.Fatalf("AllocationBatchSubmitted %+v %v", bev, err)
		}
		// What the operators signed is the contract's batchMessage.
		if got := call(c, avs.PackBatchMessage(r.n, allocationRoot), avs.UnpackBatchMessage); got != bls.BatchMessage(c.chainID, c.addr, r.n, allocationRoot) {
			t.Fatalf("batchMessage %x", got)
		}
		v := c.getRound(r)
		if v.Status != 2 || v.CommitmentRoot != r.res.CommitmentRoot || v.AllocationRoot != allocationRoot ||
			v.AllocTreeRoot != r.res.AllocTreeRoot || !eqBig(v.SignerBitmap, bitmapOf(1, 2)) ||
			v.SubmittedBlock.Cmp(rcpt.BlockNumber) != 0 || v.Deadline.Uint64() != rcpt.BlockNumber.Uint64()+c.params.ChallengeWindow ||
			v.LeafCount.Int64() != int64(r.res.EntryCount) || v.VoidedBatches.Sign() != 0 {
			t.Fatalf("round view %+v", v)
		}
	}
}
