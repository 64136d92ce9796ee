package bls

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/ethereum/go-ethereum/common"
)

var (
	testChainID = big.NewInt(31337)
	testAVS     = common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
)

// testRand returns a deterministic randomness source for reproducible keys.
func testRand(seed byte) io.Reader {
	var s [32]byte
	s[0] = seed
	return rand.NewChaCha8(s)
}

func testKeys(t testing.TB, seed byte, n int) []*SecretKey {
	t.Helper()
	r := testRand(seed)
	sks := make([]*SecretKey, n)
	for i := range sks {
		sk, err := GenerateKey(r)
		if err != nil {
			t.Fatalf("GenerateKey: %v", err)
		}
		sks[i] = sk
	}
	return sks
}

// aggregateKeys returns the apkG1, apkG2 and aggregate signature on msg of
// sks.
func aggregateKeys(t testing.TB, sks []*SecretKey, msg [32]byte) (G1Point, G2Point, G1Point) {
	t.Helper()
	var pk1s, sigs []G1Point
	var pk2s []G2Point
	for _, sk := range sks {
		pk1s = append(pk1s, sk.PublicG1())
		pk2s = append(pk2s, sk.PublicG2())
		sigs = append(sigs, sk.Sign(msg))
	}
	apk1, err := AggregateG1(pk1s...)
	if err != nil {
		t.Fatal(err)
	}
	apk2, err := AggregateG2(pk2s...)
	if err != nil {
		t.Fatal(err)
	}
	sigma, err := AggregateG1(sigs...)
	if err != nil {
		t.Fatal(err)
	}
	return apk1, apk2, sigma
}

func TestSignAggregateVerify(t *testing.T) {
	msg := BatchMessage(testChainID, testAVS, big.NewInt(7), [32]byte{1, 2, 3})
	other := BatchMessage(testChainID, testAVS, big.NewInt(8), [32]byte{1, 2, 3})
	for _, n := range []int{1, 2, 5, 20} {
		t.Run(fmt.Sprintf("%d-signers", n), func(t *testing.T) {
			sks := testKeys(t, byte(n), n+1)
			outsider := sks[n]
			sks = sks[:n]
			apk1, apk2, sigma := aggregateKeys(t, sks, msg)
			g2 := G2Generator()
			apk2Plus, err := AggregateG2(apk2, g2)
			if err != nil {
				t.Fatal(err)
			}
			apk1Plus, err := AggregateG1(apk1, outsider.PublicG1())
			if err != nil {
				t.Fatal(err)
			}
			_, _, partial := aggregateKeys(t, sks[1:], msg)
			_, _, otherSigma := aggregateKeys(t, sks, other)
			cases := []struct {
				name  string
				msg   [32]byte
				apk1  G1Point
				apk2  G2Point
				sigma G1Point
				want  bool
			}{
				{"honest", msg, apk1, apk2, sigma, true},
				{"other-message", other, apk1, apk2, sigma, false},
				{"signature-on-other-message", msg, apk1, apk2, otherSigma, false},
				{"tampered-apkG2", msg, apk1, apk2Plus, sigma, false},
				{"outsider-in-apkG1", msg, apk1Plus, apk2, sigma, false},
				{"one-signature-missing", msg, apk1, apk2, partial, false},
				{"sigma-infinity", msg, apk1, apk2, G1Infinity(), false},
				{"sigma-unset", msg, apk1, apk2, G1Point{}, false},
				{"apkG2-infinity", msg, apk1, G2Infinity(), sigma, false},
			}
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					ok, err := Verify(tc.msg, tc.apk1, tc.apk2, tc.sigma)
					if tc.name == "sigma-unset" {
						if ok || !errors.Is(err, ErrNilCoordinate) {
							t.Fatalf("Verify = %v, %v; want false, %v", ok, err, ErrNilCoordinate)
						}
						return
					}
					if err != nil || ok != tc.want {
						t.Fatalf("Verify = %v, %v; want %v", ok, err, tc.want)
					}
				})
			}
		})
	}
}

// TestVerifyAllInfinity pins the precompile-equivalent behaviour that
// Verify's doc comment warns about: with every point at infinity the
// equation holds for any message.
func TestVerifyAllInfinity(t *testing.T) {
	ok, err := Verify([32]byte{42}, G1Infinity(), G2Infinity(), G1Infinity())
	if err != nil || !ok {
		t.Fatalf("Verify(0, 0, 0) = %v, %v; want true (as the EVM computes it)", ok, err)
	}
}

func TestVerifyRejectsUndecodablePoints(t *testing.T) {
	sks := testKeys(t, 1, 3)
	msg := [32]byte{9}
	apk1, apk2, sigma := aggregateKeys(t, sks, msg)
	offCurve := G1Point{X: big.NewInt(1), Y: big.NewInt(3)}
	big1 := G1Point{X: new(big.Int).Add(fpModulus, big.NewInt(1)), Y: big.NewInt(2)} // (p+1, 2) = (1, 2) mod p
	badG2 := apk2.Words()
	badG2[3] = new(big.Int).Add(badG2[3], big.NewInt(1))
	cases := []struct {
		name  string
		apk1  G1Point
		apk2  G2Point
		sigma G1Point
		want  error
	}{
		{"apkG1-off-curve", offCurve, apk2, sigma, ErrNotOnCurve},
		{"sigma-off-curve", apk1, apk2, offCurve, ErrNotOnCurve},
		{"sigma-unreduced", apk1, apk2, big1, ErrCoordinateRange},
		{"apkG1-nil", G1Point{X: big.NewInt(1)}, apk2, sigma, ErrNilCoordinate},
		{"apkG2-off-twist", apk1, G2Point{X: [2]*big.Int{badG2[0], badG2[1]}, Y: [2]*big.Int{badG2[2], badG2[3]}}, sigma, ErrNotOnCurve},
		{"apkG2-outside-subgroup", apk1, nonSubgroupG2(t), sigma, ErrNotInSubgroup},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ok, err := Verify(msg, tc.apk1, tc.apk2, tc.sigma)
			if ok || !errors.Is(err, tc.want) {
				t.Fatalf("Verify = %v, %v; want false, %v", ok, err, tc.want)
			}
		})
	}
}

// nonSubgroupG2 returns a point on the twist outside the order-r subgroup.
func nonSubgroupG2(t testing.TB) G2Point {
	t.Helper()
	var f bn254.E2
	f.A0.SetUint64(5)
	f.A1.SetUint64(7)
	j := bn254.GeneratePointNotInG2(f)
	var a bn254.G2Affine
	a.FromJacobian(&j)
	if !a.IsOnCurve() || a.IsInSubGroup() || a.IsInfinity() {
		t.Fatal("test point is not a non-subgroup twist point")
	}
	return G2FromAffine(&a)
}

func TestProvePossession(t *testing.T) {
	sks := testKeys(t, 2, 2)
	sk, other := sks[0], sks[1]
	op := common.HexToAddress("0x000000000000000000000000000000000000a000")
	pk1, pk2 := sk.PublicG1(), sk.PublicG2()
	pop := sk.ProvePossession(testChainID, testAVS, op)
	cases := []struct {
		name    string
		chainID *big.Int
		avs, op common.Address
		pk1     G1Point
		pk2     G2Point
		pop     G1Point
		want    bool
		wantErr error
	}{
		{"valid", testChainID, testAVS, op, pk1, pk2, pop, true, nil},
		{"other-chain", big.NewInt(1), testAVS, op, pk1, pk2, pop, false, nil},
		{"other-avs", testChainID, common.Address{1}, op, pk1, pk2, pop, false, nil},
		{"other-operator", testChainID, testAVS, common.Address{2}, pk1, pk2, pop, false, nil},
		{"other-key-pop", testChainID, testAVS, op, pk1, pk2, other.ProvePossession(testChainID, testAVS, op), false, nil},
		{"batch-signature-as-pop", testChainID, testAVS, op, pk1, pk2, sk.Sign(BatchMessage(testChainID, testAVS, big.NewInt(1), [32]byte{})), false, nil},
		{"mismatched-pkG2", testChainID, testAVS, op, pk1, other.PublicG2(), pop, false, nil},
		{"zero-key", testChainID, testAVS, op, G1Infinity(), G2Infinity(), G1Infinity(), false, ErrInfinity},
		{"zero-pkG2", testChainID, testAVS, op, pk1, G2Infinity(), pop, false, ErrInfinity},
		{"unset-key", testChainID, testAVS, op, G1Point{}, G2Point{}, G1Infinity(), false, ErrNilCoordinate},
		{"pop-off-curve", testChainID, testAVS, op, pk1, pk2, G1Point{X: big.NewInt(1), Y: big.NewInt(1)}, false, ErrNotOnCurve},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ok, err := VerifyPossession(tc.chainID, tc.avs, tc.op, tc.pk1, tc.pk2, tc.pop)
			if ok != tc.want || !errors.Is(err, tc.wantErr) || (tc.wantErr == nil) != (err == nil) {
				t.Fatalf("VerifyPossession = %v, %v; want %v, %v", ok, err, tc.want, tc.wantErr)
			}
		})
	}
}

func TestDecodeG1(t *testing.T) {
	p := fpModulus
	enc := func(x, y *big.Int) []byte {
		b := make([]byte, 64)
		x.FillBytes(b[:32])
		y.FillBytes(b[32:])
		return b
	}
	max256 := new(big.Int).Set(uint256Mask)
	cases := []struct {
		name string
		in   []byte
		want error
	}{
		{"generator", enc(big.NewInt(1), big.NewInt(2)), nil},
		{"minus-generator", enc(big.NewInt(1), new(big.Int).Sub(p, big.NewInt(2))), nil},
		{"infinity", make([]byte, 64), nil},
		{"empty", nil, ErrEncodingLength},
		{"63-bytes", make([]byte, 63), ErrEncodingLength},
		{"65-bytes", make([]byte, 65), ErrEncodingLength},
		{"off-curve", enc(big.NewInt(1), big.NewInt(3)), ErrNotOnCurve},
		{"x-zero-y-nonzero", enc(big.NewInt(0), big.NewInt(1)), ErrNotOnCurve},
		{"x-equals-p", enc(p, big.NewInt(2)), ErrCoordinateRange},
		{"x-p-plus-1-reduces-to-generator", enc(new(big.Int).Add(p, big.NewInt(1)), big.NewInt(2)), ErrCoordinateRange},
		{"y-p-plus-2", enc(big.NewInt(1), new(big.Int).Add(p, big.NewInt(2))), ErrCoordinateRange},
		{"all-ones", enc(max256, max256), ErrCoordinateRange},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DecodeG1(tc.in)
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Fatalf("DecodeG1 error = %v, want %v", err, tc.want)
			}
			if err == nil {
				if b := got.Bytes(); !bytes.Equal(b[:], tc.in) {
					t.Errorf("re-encoding = %x, want %x", b, tc.in)
				}
			}
		})
	}
}

func TestDecodeG2(t *testing.T) {
	g2 := G2Generator().Bytes()
	withWord := func(i int, v *big.Int) []byte {
		b := bytes.Clone(g2[:])
		v.FillBytes(b[32*i : 32*i+32])
		return b
	}
	plusOne := func(i int) []byte {
		w := G2Generator().Words()
		return withWord(i, w[i].Add(w[i], big.NewInt(1)))
	}
	// Real and imaginary parts in gnark's order instead of EIP-197's.
	swapped := bytes.Clone(g2[:])
	copy(swapped[0:32], g2[32:64])
	copy(swapped[32:64], g2[0:32])
	copy(swapped[64:96], g2[96:128])
	copy(swapped[96:128], g2[64:96])
	nonSub := nonSubgroupG2(t).Bytes()
	key := testKeys(t, 3, 1)[0].PublicG2().Bytes()
	cases := []struct {
		name string
		in   []byte
		want error
	}{
		{"generator", g2[:], nil},
		{"public-key", key[:], nil},
		{"infinity", make([]byte, 128), nil},
		{"127-bytes", g2[:127], ErrEncodingLength},
		{"129-bytes", append(bytes.Clone(g2[:]), 0), ErrEncodingLength},
		{"y-real-plus-1", plusOne(3), ErrNotOnCurve},
		{"x-imag-plus-1", plusOne(0), ErrNotOnCurve},
		{"real-imag-swapped", swapped, ErrNotOnCurve},
		{"not-in-subgroup", nonSub[:], ErrNotInSubgroup},
		{"x-imag-equals-p", withWord(0, fpModulus), ErrCoordinateRange},
		{"x-real-equals-p", withWord(1, fpModulus), ErrCoordinateRange},
		{"y-imag-p-plus-imag", withWord(2, new(big.Int).Add(fpModulus, G2Generator().Y[0])), ErrCoordinateRange},
		{"y-real-all-ones", withWord(3, uint256Mask), ErrCoordinateRange},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DecodeG2(tc.in)
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Fatalf("DecodeG2 error = %v, want %v", err, tc.want)
			}
			if err == nil {
				if b := got.Bytes(); !bytes.Equal(b[:], tc.in) {
					t.Errorf("re-encoding = %x, want %x", b, tc.in)
				}
			}
		})
	}
}

func TestFromWordsRejectsNegativeAndNil(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want error
	}{
		{"g1-negative", func() error { _, err := G1FromWords([2]*big.Int{big.NewInt(-1), big.NewInt(2)}); return err }(), ErrCoordinateRange},
		{"g1-nil", func() error { _, err := G1FromWords([2]*big.Int{big.NewInt(1), nil}); return err }(), ErrNilCoordinate},
		{"g2-negative", func() error {
			w := G2Generator().Words()
			w[1].Neg(w[1])
			_, err := G2FromWords(w)
			return err
		}(), ErrCoordinateRange},
		{"g2-nil", func() error { _, err := G2FromWords([4]*big.Int{}); return err }(), ErrNilCoordinate},
		{"g2-point-nil", G2Point{}.Validate(), ErrNilCoordinate},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !errors.Is(tc.err, tc.want) {
				t.Fatalf("error = %v, want %v", tc.err, tc.want)
			}
		})
	}
}

func TestEncodings(t *testing.T) {
	// EIP-197 order: the generator's X_imag comes first.
	g2 := G2Generator()
	want := [4]string{
		"11559732032986387107991004021392285783925812861821192530917403151452391805634",
		"10857046999023057135944570762232829481370756359578518086990519993285655852781",
		"4082367875863433681332203403145435568316851327593401208105741076214120093531",
		"8495653923123431417604973247489272438418190587263600148770280649306958101930",
	}
	for i, w := range g2.Words() {
		if w.String() != want[i] {
			t.Errorf("G2 word %d = %s, want %s", i, w, want[i])
		}
	}
	if g1 := G1Generator(); !g1.Equal(G1Point{X: big.NewInt(1), Y: big.NewInt(2)}) {
		t.Errorf("G1 generator = %s", g1)
	}

	// Affine round trips.
	sk := testKeys(t, 4, 1)[0]
	pk1, pk2 := sk.PublicG1(), sk.PublicG2()
	a1, err := pk1.ToAffine()
	if err != nil {
		t.Fatal(err)
	}
	a2, err := pk2.ToAffine()
	if err != nil {
		t.Fatal(err)
	}
	if got := G1FromAffine(&a1); !got.Equal(pk1) {
		t.Errorf("G1 affine round trip = %s, want %s", got, pk1)
	}
	if got := G2FromAffine(&a2); !got.Equal(pk2) {
		t.Errorf("G2 affine round trip = %s, want %s", got, pk2)
	}
	var inf1 bn254.G1Affine
	var inf2 bn254.G2Affine
	if !G1FromAffine(&inf1).Equal(G1Infinity()) || !G2FromAffine(&inf2).Equal(G2Infinity()) {
		t.Error("infinity does not encode as zeros")
	}
	if !G1Infinity().IsInfinity() || !G2Infinity().IsInfinity() || G1Infinity().Validate() != nil || G2Infinity().Validate() != nil {
		t.Error("G1Infinity/G2Infinity")
	}
	if (G1Point{}).IsInfinity() || (G2Point{}).IsInfinity() {
		t.Error("unset points count as infinity")
	}

	// Words are fresh copies; FromWords does not alias its input.
	w := pk1.Words()
	w[0].SetInt64(5)
	if pk1.X.Int64() == 5 {
		t.Error("Words aliases the point")
	}
	in := pk2.Words()
	p2, err := G2FromWords(in)
	if err != nil {
		t.Fatal(err)
	}
	in[0].SetInt64(5)
	if p2.X[0].Int64() == 5 || !p2.Equal(pk2) {
		t.Error("G2FromWords aliases its input")
	}
}

func TestAggregate(t *testing.T) {
	sk := testKeys(t, 5, 1)[0]
	pk1, pk2 := sk.PublicG1(), sk.PublicG2()
	neg1 := G1Point{X: pk1.X, Y: new(big.Int).Sub(fpModulus, pk1.Y)}
	neg2 := G2Point{X: pk2.X, Y: [2]*big.Int{new(big.Int).Sub(fpModulus, pk2.Y[0]), new(big.Int).Sub(fpModulus, pk2.Y[1])}}
	double, err := SecretKeyFromBig(new(big.Int).Lsh(sk.scalar(), 1).Mod(new(big.Int).Lsh(sk.scalar(), 1), frModulus))
	if err != nil {
		t.Fatal(err)
	}
	g1cases := []struct {
		name string
		in   []G1Point
		want G1Point
		err  error
	}{
		{"empty", nil, G1Infinity(), nil},
		{"one", []G1Point{pk1}, pk1, nil},
		{"doubling", []G1Point{pk1, pk1}, double.PublicG1(), nil},
		{"cancel", []G1Point{pk1, neg1}, G1Infinity(), nil},
		{"with-infinity", []G1Point{G1Infinity(), pk1, G1Infinity()}, pk1, nil},
		{"unset", []G1Point{pk1, {}}, G1Point{}, ErrNilCoordinate},
		{"invalid", []G1Point{pk1, {X: big.NewInt(1), Y: big.NewInt(3)}}, G1Point{}, ErrNotOnCurve},
	}
	for _, tc := range g1cases {
		t.Run("G1/"+tc.name, func(t *testing.T) {
			got, err := AggregateG1(tc.in...)
			if !errors.Is(err, tc.err) || (tc.err == nil) != (err == nil) {
				t.Fatalf("error = %v, want %v", err, tc.err)
			}
			if err == nil && (!got.Equal(tc.want) || got.Validate() != nil) {
				t.Fatalf("sum = %s, want %s", got, tc.want)
			}
		})
	}
	g2cases := []struct {
		name string
		in   []G2Point
		want G2Point
		err  error
	}{
		{"empty", nil, G2Infinity(), nil},
		{"doubling", []G2Point{pk2, pk2}, double.PublicG2(), nil},
		{"cancel", []G2Point{pk2, neg2}, G2Infinity(), nil},
		{"not-in-subgroup", []G2Point{pk2, nonSubgroupG2(t)}, G2Point{}, ErrNotInSubgroup},
	}
	for _, tc := range g2cases {
		t.Run("G2/"+tc.name, func(t *testing.T) {
			got, err := AggregateG2(tc.in...)
			if !errors.Is(err, tc.err) || (tc.err == nil) != (err == nil) {
				t.Fatalf("error = %v, want %v", err, tc.err)
			}
			if err == nil && (!got.Equal(tc.want) || got.Validate() != nil) {
				t.Fatalf("sum = %s, want %s", got, tc.want)
			}
		})
	}
}

// refHashToG1 is an independent math/big transcription of PROTOCOL.md
// section 6's hashToG1.
func refHashToG1(msg [32]byte) (x, y *big.Int, tries int) {
	p := fp.Modulus()
	e := new(big.Int).Add(p, big.NewInt(1))
	e.Rsh(e, 2)
	x = new(big.Int).SetBytes(msg[:])
	x.Mod(x, p)
	for {
		beta := new(big.Int).Exp(x, big.NewInt(3), p)
		beta.Add(beta, big.NewInt(3)).Mod(beta, p)
		y = new(big.Int).Exp(beta, e, p)
		if new(big.Int).Exp(y, big.NewInt(2), p).Cmp(beta) == 0 {
			return x, y, tries
		}
		x.Add(x, big.NewInt(1)).Mod(x, p)
		tries++
	}
}

func TestHashToG1MatchesReference(t *testing.T) {
	word := func(v *big.Int) [32]byte { var b [32]byte; v.FillBytes(b[:]); return b }
	p := fpModulus
	msgs := map[string][32]byte{
		"zero":  {},
		"p-1":   word(new(big.Int).Sub(p, big.NewInt(1))),
		"p":     word(p),
		"p+1":   word(new(big.Int).Add(p, big.NewInt(1))),
		"max":   word(uint256Mask),
		"batch": BatchMessage(testChainID, testAVS, big.NewInt(1), [32]byte{}),
		"ascending": func() (b [32]byte) {
			for i := range b {
				b[i] = byte(i)
			}
			return b
		}(),
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 32 {
		var b [32]byte
		for j := range b {
			b[j] = byte(r.Uint32())
		}
		msgs[fmt.Sprintf("random-%d", i)] = b
	}
	for name, msg := range msgs {
		t.Run(name, func(t *testing.T) {
			got, tries := HashToG1(msg)
			x, y, wantTries := refHashToG1(msg)
			if !got.Equal(G1Point{X: x, Y: y}) || tries != wantTries {
				t.Fatalf("HashToG1 = %s after %d, want (%s, %s) after %d", got, tries, x, y, wantTries)
			}
			if err := got.Validate(); err != nil {
				t.Fatalf("hash point invalid: %v", err)
			}
		})
	}
	// p mod p = 0 wraps to the msg = 0 answer (1, 2) after one try.
	if got, tries := HashToG1(word(p)); !got.Equal(G1Generator()) || tries != 1 {
		t.Errorf("HashToG1(p) = %s after %d, want (1, 2) after 1", got, tries)
	}
}

func TestSecretKeyParsing(t *testing.T) {
	r := frModulus
	cases := []struct {
		name string
		k    *big.Int
		want error
	}{
		{"one", big.NewInt(1), nil},
		{"r-1", new(big.Int).Sub(r, big.NewInt(1)), nil},
		{"nil", nil, ErrSecretKeyRange},
		{"zero", big.NewInt(0), ErrSecretKeyRange},
		{"negative", big.NewInt(-1), ErrSecretKeyRange},
		{"r", new(big.Int).Set(r), ErrSecretKeyRange},
		{"r+1", new(big.Int).Add(r, big.NewInt(1)), ErrSecretKeyRange},
	}
	for _, tc := range cases {
		t.Run("big/"+tc.name, func(t *testing.T) {
			var before string
			if tc.k != nil {
				before = tc.k.String()
			}
			sk, err := SecretKeyFromBig(tc.k)
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Fatalf("error = %v, want %v", err, tc.want)
			}
			if tc.k != nil && tc.k.String() != before {
				t.Fatal("SecretKeyFromBig modified its argument")
			}
			if err == nil && sk.scalar().Cmp(tc.k) != 0 {
				t.Fatalf("scalar = %s, want %s", sk.scalar(), tc.k)
			}
		})
	}
	hexCases := []struct {
		name string
		in   string
		want error
	}{
		{"prefixed", "0x0000000000000000000000000000000000000000000000000000000000000002", nil},
		{"bare-upper", "30644E72E131A029B85045B68181585D2833E84879B9709143E1F593F0000000", nil},
		{"short", "0x02", ErrSecretKeyEncoding},
		{"long", "0x" + strings.Repeat("0", 65), ErrSecretKeyEncoding},
		{"not-hex", "0x" + strings.Repeat("g", 64), ErrSecretKeyEncoding},
		{"zero", "0x" + strings.Repeat("0", 64), ErrSecretKeyRange},
		{"r", "0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001", ErrSecretKeyRange},
	}
	for _, tc := range hexCases {
		t.Run("hex/"+tc.name, func(t *testing.T) {
			sk, err := SecretKeyFromHex(tc.in)
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Fatalf("error = %v, want %v", err, tc.want)
			}
			if err != nil {
				return
			}
			if got := sk.ExportHex(); got != "0x"+strings.ToLower(strings.TrimPrefix(tc.in, "0x")) {
				t.Errorf("ExportHex = %s", got)
			}
			b := sk.Bytes()
			back, err := SecretKeyFromBytes(b[:])
			if err != nil || !back.Equal(sk) {
				t.Errorf("bytes round trip: %v", err)
			}
		})
	}
	if _, err := SecretKeyFromBytes(make([]byte, 31)); !errors.Is(err, ErrEncodingLength) {
		t.Errorf("SecretKeyFromBytes(31 bytes) error = %v", err)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("entropy gone") }

func TestGenerateKey(t *testing.T) {
	cases := []struct {
		name string
		r    io.Reader
		want error
	}{
		{"crypto-rand", nil, nil},
		{"deterministic", testRand(9), nil},
		{"all-zero-source", bytes.NewReader(make([]byte, 48*maxKeyDraws)), ErrRandomness},
		{"short-source", bytes.NewReader(make([]byte, 47)), ErrRandomness},
		{"failing-source", errReader{}, ErrRandomness},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sk, err := GenerateKey(tc.r)
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Fatalf("error = %v, want %v", err, tc.want)
			}
			if err == nil && (sk.scalar().Sign() == 0 || sk.scalar().Cmp(frModulus) >= 0) {
				t.Fatalf("key out of range")
			}
		})
	}
	a, _ := GenerateKey(testRand(7))
	b, _ := GenerateKey(testRand(7))
	if !a.Equal(b) {
		t.Error("same seed gave different keys")
	}
	// A zero draw is retried, not returned.
	src := append(make([]byte, 48), bytes.Repeat([]byte{0xab}, 48)...)
	if sk, err := GenerateKey(bytes.NewReader(src)); err != nil || sk.scalar().Sign() == 0 {
		t.Errorf("zero draw not retried: %v", err)
	}
}

func TestSecretKeyIsRedacted(t *testing.T) {
	sk, err := SecretKeyFromHex("0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
	if err != nil {
		t.Fatal(err)
	}
	secretForms := []string{
		"0123456789abcdef", "0123456789ABCDEF", sk.scalar().String(), sk.scalar().Text(16),
	}
	type holder struct {
		Key    SecretKey
		KeyPtr *SecretKey
	}
	var logBuf bytes.Buffer
	slog.New(slog.NewJSONHandler(&logBuf, nil)).Info("key", "sk", sk, "val", *sk)
	slog.New(slog.NewTextHandler(&logBuf, nil)).Info("key", "sk", sk)
	outputs := map[string]string{
		"%v":     fmt.Sprintf("%v", sk),
		"%+v":    fmt.Sprintf("%+v", sk),
		"%#v":    fmt.Sprintf("%#v", sk),
		"%s":     fmt.Sprintf("%s", sk),
		"%x":     fmt.Sprintf("%x", sk),
		"%d":     fmt.Sprintf("%d", sk),
		"value":  fmt.Sprintf("%v %+v %#v", *sk, *sk, *sk),
		"struct": fmt.Sprintf("%v %+v", holder{*sk, sk}, holder{*sk, sk}),
		"String": sk.String(),
		"slog":   logBuf.String(),
		"error":  fmt.Errorf("wrapped %v", sk).Error(),
	}
	for name, out := range outputs {
		t.Run(name, func(t *testing.T) {
			if !strings.Contains(out, "REDACTED") {
				t.Errorf("output %q does not say REDACTED", out)
			}
			for _, s := range secretForms {
				if strings.Contains(out, s) {
					t.Fatalf("output %q leaks the secret", out)
				}
			}
		})
	}
}

func TestMessagesDoNotModifyArguments(t *testing.T) {
	chainID, round := big.NewInt(31337), big.NewInt(7)
	pk := testKeys(t, 6, 1)[0].PublicG1()
	x, y := new(big.Int).Set(pk.X), new(big.Int).Set(pk.Y)
	m1 := BatchMessage(chainID, testAVS, round, [32]byte{1})
	m2 := PopMessage(chainID, testAVS, common.Address{1}, pk)
	_ = Gamma(m1, pk, G2Generator(), pk)
	if chainID.Int64() != 31337 || round.Int64() != 7 || pk.X.Cmp(x) != 0 || pk.Y.Cmp(y) != 0 {
		t.Fatal("an argument was modified")
	}
	if m1 == m2 || m1 == BatchMessage(chainID, testAVS, big.NewInt(8), [32]byte{1}) {
		t.Fatal("messages collide")
	}
}

func TestWordSemantics(t *testing.T) {
	// Out-of-range values are written as the EVM would hold them.
	cases := []struct {
		name string
		v    *big.Int
		want *big.Int
	}{
		{"nil", nil, big.NewInt(0)},
		{"small", big.NewInt(7), big.NewInt(7)},
		{"minus-one", big.NewInt(-1), uint256Mask},
		{"2^256+5", new(big.Int).Add(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(5)), big.NewInt(5)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var before string
			if tc.v != nil {
				before = tc.v.String()
			}
			w := word(tc.v)
			if got := new(big.Int).SetBytes(w[:]); got.Cmp(tc.want) != 0 {
				t.Fatalf("word = %s, want %s", got, tc.want)
			}
			if tc.v != nil && tc.v.String() != before {
				t.Fatal("word modified its argument")
			}
		})
	}
}
