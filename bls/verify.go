package bls

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/ethereum/go-ethereum/crypto"
)

// gammaInputSize is the length of abi.encodePacked(msgHash, apkG1, apkG2,
// sigma): nine 32-byte words.
const gammaInputSize = 9 * 32

// Gamma returns the random-linear-combination scalar of the verification
// equation:
//
//	uint256(keccak256(abi.encodePacked(msgHash, apkG1.X, apkG1.Y,
//	    apkG2[0], apkG2[1], apkG2[2], apkG2[3], sigma.X, sigma.Y))) mod r
//
// with apkG2 in EIP-197 order [X_imag, X_real, Y_imag, Y_real] and every
// coordinate a 32-byte big-endian word. The points are not validated;
// coordinates are read as uint256 words (nil as 0, see G1Point.Bytes).
func Gamma(msgHash [32]byte, apkG1 G1Point, apkG2 G2Point, sigma G1Point) *big.Int {
	var buf [gammaInputSize]byte
	copy(buf[0:32], msgHash[:])
	a1 := apkG1.Bytes()
	copy(buf[32:96], a1[:])
	a2 := apkG2.Bytes()
	copy(buf[96:224], a2[:])
	s := sigma.Bytes()
	copy(buf[224:288], s[:])
	g := new(big.Int).SetBytes(crypto.Keccak256(buf[:]))
	return g.Mod(g, frModulus)
}

// Verify checks an aggregate BLS signature sigma on msgHash against the
// aggregate keys apkG1 and apkG2 (PROTOCOL.md section 6): with
// gamma = Gamma(msgHash, apkG1, apkG2, sigma) it requires
//
//	e(sigma + gamma*apkG1, -G2) * e(hashToG1(msgHash) + gamma*G1, apkG2) == 1.
//
// It returns an error, wrapping the sentinel, only when a point does not
// decode (ErrCoordinateRange, ErrNotOnCurve, ErrNotInSubgroup, ...), and
// false with a nil error for a well-formed but wrong signature.
//
// As with the EVM precompiles, the point at infinity is an acceptable input
// and the equation alone decides. Note that apkG1 = apkG2 = sigma = 0
// satisfies it for every message: a caller for whom an empty or cancelling
// signer set is possible must refuse an apkG1 at infinity itself.
func Verify(msgHash [32]byte, apkG1 G1Point, apkG2 G2Point, sigma G1Point) (bool, error) {
	ok, err := verify(msgHash, apkG1, apkG2, sigma)
	if err != nil {
		return false, fmt.Errorf("bls: verify: %w", err)
	}
	return ok, nil
}

// verify is Verify with errors that carry no package prefix.
func verify(msgHash [32]byte, apkG1 G1Point, apkG2 G2Point, sigma G1Point) (bool, error) {
	a1, err := decodeG1(apkG1)
	if err != nil {
		return false, fmt.Errorf("apkG1: %w", err)
	}
	a2, err := decodeG2(apkG2)
	if err != nil {
		return false, fmt.Errorf("apkG2: %w", err)
	}
	s, err := decodeG1(sigma)
	if err != nil {
		return false, fmt.Errorf("sigma: %w", err)
	}
	gamma := Gamma(msgHash, apkG1, apkG2, sigma)
	return verifyAffine(msgHash, gamma, &a1, &a2, &s)
}

// verifyAffine evaluates the pairing equation on decoded points.
func verifyAffine(msgHash [32]byte, gamma *big.Int, apkG1 *bn254.G1Affine, apkG2 *bn254.G2Affine, sigma *bn254.G1Affine) (bool, error) {
	var lhs, rhs, t bn254.G1Affine
	t.ScalarMultiplication(apkG1, gamma)
	lhs.Add(sigma, &t)

	h, _ := hashToG1(msgHash)
	t.ScalarMultiplicationBase(gamma)
	rhs.Add(&h, &t)

	ok, err := bn254.PairingCheck(
		[]bn254.G1Affine{lhs, rhs},
		[]bn254.G2Affine{g2GenNeg, *apkG2},
	)
	if err != nil {
		return false, fmt.Errorf("pairing: %w", err)
	}
	return ok, nil
}
