package bls

import (
	"fmt"

	"github.com/consensys/gnark-crypto/ecc/bn254"
)

// Sign returns sigma = sk*hashToG1(msg). For a batch, msg is
// BatchMessage(...); signatures of several signers add up with AggregateG1.
func (sk *SecretKey) Sign(msg [32]byte) G1Point {
	h, _ := hashToG1(msg)
	var s bn254.G1Affine
	s.ScalarMultiplication(&h, sk.scalar())
	return G1FromAffine(&s)
}

// AggregateG1 returns the sum of points (signatures or pkG1 keys). The sum
// of no points is infinity, (0, 0), as G1Infinity. Every point is validated first; the
// error names the first invalid one.
func AggregateG1(points ...G1Point) (G1Point, error) {
	var acc bn254.G1Jac // Z = 0: infinity
	for i, p := range points {
		a, err := decodeG1(p)
		if err != nil {
			return G1Point{}, fmt.Errorf("bls: aggregate G1 point %d: %w", i, err)
		}
		acc.AddMixed(&a)
	}
	var sum bn254.G1Affine
	sum.FromJacobian(&acc)
	return G1FromAffine(&sum), nil
}

// AggregateG2 returns the sum of points (pkG2 keys). The sum of no points
// is infinity, all zeros, as G2Infinity. Every point is validated first; the error names
// the first invalid one.
func AggregateG2(points ...G2Point) (G2Point, error) {
	var acc bn254.G2Jac // Z = 0: infinity
	for i, p := range points {
		a, err := decodeG2(p)
		if err != nil {
			return G2Point{}, fmt.Errorf("bls: aggregate G2 point %d: %w", i, err)
		}
		acc.AddMixed(&a)
	}
	var sum bn254.G2Affine
	sum.FromJacobian(&acc)
	return G2FromAffine(&sum), nil
}
