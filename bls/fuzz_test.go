package bls

import (
	"bytes"
	"errors"
	"math/big"
	"strings"
	"testing"
)

// decodeErrors are the sentinels a point decoder may return.
var decodeErrors = []error{ErrEncodingLength, ErrNilCoordinate, ErrCoordinateRange, ErrNotOnCurve, ErrNotInSubgroup}

func classified(err error) bool {
	for _, s := range decodeErrors {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

func FuzzDecodeG1(f *testing.F) {
	g := G1Generator().Bytes()
	inf := G1Infinity().Bytes()
	pk := testKeys(f, 10, 1)[0].PublicG1().Bytes()
	var pX [64]byte
	fpModulus.FillBytes(pX[:32])
	pX[63] = 2
	f.Add(g[:])
	f.Add(inf[:])
	f.Add(pk[:])
	f.Add(pX[:])
	f.Add(bytes.Repeat([]byte{0xff}, 64))
	f.Add(g[:63])
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := DecodeG1(data)
		if err != nil {
			if !classified(err) {
				t.Fatalf("unclassified error %v", err)
			}
			return
		}
		if b := p.Bytes(); !bytes.Equal(b[:], data) {
			t.Fatalf("re-encoding %x != input %x", b, data)
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("accepted point does not validate: %v", err)
		}
	})
}

func FuzzDecodeG2(f *testing.F) {
	g := G2Generator().Bytes()
	inf := G2Infinity().Bytes()
	pk := testKeys(f, 11, 1)[0].PublicG2().Bytes()
	nonSub := nonSubgroupG2(f).Bytes()
	f.Add(g[:])
	f.Add(inf[:])
	f.Add(pk[:])
	f.Add(nonSub[:])
	f.Add(bytes.Repeat([]byte{0xff}, 128))
	f.Add(g[:64])
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := DecodeG2(data)
		if err != nil {
			if !classified(err) {
				t.Fatalf("unclassified error %v", err)
			}
			return
		}
		if b := p.Bytes(); !bytes.Equal(b[:], data) {
			t.Fatalf("re-encoding %x != input %x", b, data)
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("accepted point does not validate: %v", err)
		}
	})
}

// rawG1 and rawG2 turn arbitrary bytes into unvalidated points (missing
// bytes read as zero) so that Verify sees hostile coordinates.
func rawG1(b []byte) G1Point {
	var w [64]byte
	copy(w[:], b)
	return G1Point{X: new(big.Int).SetBytes(w[:32]), Y: new(big.Int).SetBytes(w[32:])}
}

func rawG2(b []byte) G2Point {
	var w [128]byte
	copy(w[:], b)
	return G2Point{
		X: [2]*big.Int{new(big.Int).SetBytes(w[0:32]), new(big.Int).SetBytes(w[32:64])},
		Y: [2]*big.Int{new(big.Int).SetBytes(w[64:96]), new(big.Int).SetBytes(w[96:128])},
	}
}

func FuzzVerify(f *testing.F) {
	sks := testKeys(f, 12, 3)
	msg := BatchMessage(testChainID, testAVS, big.NewInt(1), [32]byte{7})
	apk1, apk2, sigma := aggregateKeys(f, sks, msg)
	a1, a2, s := apk1.Bytes(), apk2.Bytes(), sigma.Bytes()
	g1 := G1Generator().Bytes()
	f.Add(msg[:], a1[:], a2[:], s[:])
	f.Add([]byte{1}, a1[:], a2[:], s[:])
	f.Add(msg[:], g1[:], a2[:], s[:])
	f.Add(msg[:], a1[:], a2[:64], s[:])
	f.Add([]byte{}, []byte{}, []byte{}, []byte{})
	f.Fuzz(func(t *testing.T, m, apk1, apk2, sigma []byte) {
		var msg [32]byte
		copy(msg[:], m)
		p1, p2, s := rawG1(apk1), rawG2(apk2), rawG1(sigma)
		ok, err := Verify(msg, p1, p2, s)
		decodable := p1.Validate() == nil && p2.Validate() == nil && s.Validate() == nil
		switch {
		case err != nil && !classified(err):
			t.Fatalf("unclassified error %v", err)
		case err != nil && ok:
			t.Fatal("true with an error")
		case (err == nil) != decodable:
			t.Fatalf("error %v for decodable = %v", err, decodable)
		}
	})
}

func FuzzHashToG1(f *testing.F) {
	f.Add([]byte{})
	f.Add(bytes.Repeat([]byte{0xff}, 32))
	f.Add(fpModulus.Bytes())
	f.Fuzz(func(t *testing.T, m []byte) {
		var msg [32]byte
		copy(msg[:], m)
		got, tries := HashToG1(msg)
		x, y, want := refHashToG1(msg)
		if !got.Equal(G1Point{X: x, Y: y}) || tries != want {
			t.Fatalf("HashToG1(%x) = %s after %d, want (%s, %s) after %d", msg, got, tries, x, y, want)
		}
	})
}

func FuzzSecretKeyFromHex(f *testing.F) {
	f.Add("0x0000000000000000000000000000000000000000000000000000000000000001")
	f.Add("30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000000")
	f.Add("0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001")
	f.Add("0xzz")
	f.Fuzz(func(t *testing.T, s string) {
		sk, err := SecretKeyFromHex(s)
		if err != nil {
			if !errors.Is(err, ErrSecretKeyEncoding) && !errors.Is(err, ErrSecretKeyRange) {
				t.Fatalf("unclassified error %v", err)
			}
			return
		}
		back, err := SecretKeyFromHex(sk.ExportHex())
		if err != nil || !back.Equal(sk) {
			t.Fatalf("round trip of %q: %v", s, err)
		}
		if !strings.EqualFold(strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(s), "0x"), "0X"), sk.ExportHex()[2:]) {
			t.Fatalf("ExportHex %s does not match %q", sk.ExportHex(), s)
		}
	})
}
