package bls

import (
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
)

// HashToG1 maps a 32-byte message to G1 with EigenLayer's try-and-increment
// map (PROTOCOL.md section 6) and also returns tries, the number of times x
// was incremented before a point was found:
//
//	x = uint256(msg) mod p
//	loop: beta = x^3 + 3 mod p; y = beta^((p+1)/4) mod p
//	      if y^2 == beta mod p: return (x, y); else x = x + 1 mod p
//
// y is exactly that power, never its negation. This is not gnark-crypto's
// bn254.HashToG1 (RFC 9380), which gives different points.
func HashToG1(msg [32]byte) (G1Point, int) {
	a, tries := hashToG1(msg)
	return G1FromAffine(&a), tries
}

// hashToG1 is HashToG1 in gnark-crypto's affine form. About half of all x
// give a square beta, so the loop ends after a few tries.
func hashToG1(msg [32]byte) (bn254.G1Affine, int) {
	var x, beta, y, y2, three, one fp.Element
	// SetBigInt reduces mod p: uint256(msg) mod p.
	x.SetBigInt(new(big.Int).SetBytes(msg[:]))
	three.SetUint64(3)
	one.SetOne()
	for tries := 0; ; tries++ {
		beta.Square(&x).Mul(&beta, &x).Add(&beta, &three)
		y.ExpBySqrtPp1o4(beta)
		if y2.Square(&y); y2.Equal(&beta) {
			return bn254.G1Affine{X: x, Y: y}, tries
		}
		x.Add(&x, &one)
	}
}
