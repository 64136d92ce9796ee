package bls

import (
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// Precomputed constants. They are set once at package initialisation and
// never written afterwards; nothing hands out a pointer to them.
var (
	fpModulus = fp.Modulus() // p, the base field modulus
	frModulus = fr.Modulus() // r, the group order

	uint256Mask = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

	g1Gen, g2Gen, g2GenNeg = generators()
)

func generators() (g1 bn254.G1Affine, g2, g2Neg bn254.G2Affine) {
	_, _, g1, g2 = bn254.Generators()
	g2Neg.Neg(&g2)
	return g1, g2, g2Neg
}

// putWord writes v into dst (32 bytes) as a big-endian uint256 word, the
// way the EVM would hold it: nil is 0 and any other value is taken mod
// 2^256 (two's complement for negatives). v is not modified.
func putWord(dst []byte, v *big.Int) {
	clear(dst[:32])
	if v == nil {
		return
	}
	w := v
	if v.Sign() < 0 || v.BitLen() > 256 {
		w = new(big.Int).And(v, uint256Mask)
	}
	w.FillBytes(dst[:32])
}

// word returns v as a 32-byte big-endian uint256 word (see putWord).
func word(v *big.Int) [32]byte {
	var b [32]byte
	putWord(b[:], v)
	return b
}

// cloneBig returns a fresh copy of v, with nil read as 0.
func cloneBig(v *big.Int) *big.Int {
	if v == nil {
		return new(big.Int)
	}
	return new(big.Int).Set(v)
}

// eqBig compares two coordinates by value; nil equals only nil.
func eqBig(a, b *big.Int) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Cmp(b) == 0
}

// setFp loads a coordinate into a field element, rejecting nil, negative
// and non-canonical (>= p) values.
func setFp(e *fp.Element, v *big.Int) error {
	if v == nil {
		return ErrNilCoordinate
	}
	if v.Sign() < 0 || v.Cmp(fpModulus) >= 0 {
		return ErrCoordinateRange
	}
	e.SetBigInt(v)
	return nil
}

// fpBig returns the canonical integer value of a field element.
func fpBig(e *fp.Element) *big.Int {
	return e.BigInt(new(big.Int))
}
