package bls

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
)

// G1Size and G2Size are the lengths in bytes of the raw big-endian
// encodings of a G1 point (X, Y) and of a G2 point
// [X_imag, X_real, Y_imag, Y_real].
const (
	G1Size = 64
	G2Size = 128
)

// G1Point is a point of G1 in its EVM encoding (X, Y). The point at
// infinity is (0, 0) (see G1Infinity); the zero value G1Point{}, with nil
// coordinates, is not a valid point. A G1Point built by this package always
// holds fresh *big.Int values in [0, p); one built by a caller is checked
// with Validate or ToAffine before any arithmetic.
type G1Point struct {
	X, Y *big.Int
}

// G2Point is a point of G2 in its EVM encoding: X = [X_imag, X_real] and
// Y = [Y_imag, Y_real] (index 0 is the imaginary part, index 1 the real
// part), so that Words returns the EIP-197 precompile order
// [X_imag, X_real, Y_imag, Y_real]. The point at infinity is all zeros
// (see G2Infinity); as for G1Point, nil coordinates are invalid.
type G2Point struct {
	X, Y [2]*big.Int
}

// G1Generator returns the generator (1, 2) of G1.
func G1Generator() G1Point { return G1FromAffine(&g1Gen) }

// G2Generator returns the standard generator of G2 (the one of EIP-197).
func G2Generator() G2Point { return G2FromAffine(&g2Gen) }

// G1Infinity returns the point at infinity of G1, encoded (0, 0).
func G1Infinity() G1Point { return G1Point{X: new(big.Int), Y: new(big.Int)} }

// G2Infinity returns the point at infinity of G2, encoded as four zeros.
func G2Infinity() G2Point {
	return G2Point{X: [2]*big.Int{new(big.Int), new(big.Int)}, Y: [2]*big.Int{new(big.Int), new(big.Int)}}
}

// G1FromAffine converts a gnark-crypto affine point to its EVM encoding.
// gnark-crypto also encodes infinity as (0, 0).
func G1FromAffine(a *bn254.G1Affine) G1Point {
	return G1Point{X: fpBig(&a.X), Y: fpBig(&a.Y)}
}

// G2FromAffine converts a gnark-crypto affine point to its EVM encoding
// (gnark-crypto's E2 holds the real part in A0 and the imaginary part in
// A1).
func G2FromAffine(a *bn254.G2Affine) G2Point {
	return G2Point{
		X: [2]*big.Int{fpBig(&a.X.A1), fpBig(&a.X.A0)},
		Y: [2]*big.Int{fpBig(&a.Y.A1), fpBig(&a.Y.A0)},
	}
}

// G1FromWords validates the ABI words (X, Y) and returns them as a
// G1Point holding copies. The arguments are not retained or modified.
func G1FromWords(w [2]*big.Int) (G1Point, error) {
	a, err := G1Point{X: w[0], Y: w[1]}.ToAffine()
	if err != nil {
		return G1Point{}, err
	}
	return G1FromAffine(&a), nil
}

// G2FromWords validates the ABI words [X_imag, X_real, Y_imag, Y_real] and
// returns them as a G2Point holding copies. The arguments are not retained
// or modified.
func G2FromWords(w [4]*big.Int) (G2Point, error) {
	a, err := G2Point{X: [2]*big.Int{w[0], w[1]}, Y: [2]*big.Int{w[2], w[3]}}.ToAffine()
	if err != nil {
		return G2Point{}, err
	}
	return G2FromAffine(&a), nil
}

// DecodeG1 decodes and validates a 64-byte encoding X || Y, each a 32-byte
// big-endian word.
func DecodeG1(b []byte) (G1Point, error) {
	if len(b) != G1Size {
		return G1Point{}, fmt.Errorf("bls: G1 encoding of %d bytes, want %d: %w", len(b), G1Size, ErrEncodingLength)
	}
	return G1FromWords([2]*big.Int{
		new(big.Int).SetBytes(b[0:32]),
		new(big.Int).SetBytes(b[32:64]),
	})
}

// DecodeG2 decodes and validates a 128-byte encoding
// X_imag || X_real || Y_imag || Y_real, each a 32-byte big-endian word.
func DecodeG2(b []byte) (G2Point, error) {
	if len(b) != G2Size {
		return G2Point{}, fmt.Errorf("bls: G2 encoding of %d bytes, want %d: %w", len(b), G2Size, ErrEncodingLength)
	}
	return G2FromWords([4]*big.Int{
		new(big.Int).SetBytes(b[0:32]),
		new(big.Int).SetBytes(b[32:64]),
		new(big.Int).SetBytes(b[64:96]),
		new(big.Int).SetBytes(b[96:128]),
	})
}

// ToAffine validates p (coordinates non-nil and in [0, p), point on the
// curve or the all-zero infinity) and converts it to gnark-crypto's form.
// G1 has cofactor 1, so a point on the curve is in the subgroup.
func (p G1Point) ToAffine() (bn254.G1Affine, error) {
	a, err := decodeG1(p)
	if err != nil {
		return bn254.G1Affine{}, fmt.Errorf("bls: %w", err)
	}
	return a, nil
}

// decodeG1 is ToAffine with errors that carry no package prefix.
func decodeG1(p G1Point) (bn254.G1Affine, error) {
	var a bn254.G1Affine
	if err := setFp(&a.X, p.X); err != nil {
		return bn254.G1Affine{}, fmt.Errorf("G1 X: %w", err)
	}
	if err := setFp(&a.Y, p.Y); err != nil {
		return bn254.G1Affine{}, fmt.Errorf("G1 Y: %w", err)
	}
	if !a.IsOnCurve() {
		return bn254.G1Affine{}, fmt.Errorf("G1 %s: %w", p, ErrNotOnCurve)
	}
	return a, nil
}

// ToAffine validates p (coordinates non-nil and in [0, p), point on the
// twist or the all-zero infinity, point in the order-r subgroup) and
// converts it to gnark-crypto's form.
func (p G2Point) ToAffine() (bn254.G2Affine, error) {
	a, err := decodeG2(p)
	if err != nil {
		return bn254.G2Affine{}, fmt.Errorf("bls: %w", err)
	}
	return a, nil
}

// decodeG2 is ToAffine with errors that carry no package prefix.
func decodeG2(p G2Point) (bn254.G2Affine, error) {
	var a bn254.G2Affine
	coords := [4]struct {
		name string
		v    *big.Int
		dst  *fp.Element
	}{
		{"X_imag", p.X[0], &a.X.A1},
		{"X_real", p.X[1], &a.X.A0},
		{"Y_imag", p.Y[0], &a.Y.A1},
		{"Y_real", p.Y[1], &a.Y.A0},
	}
	for _, c := range coords {
		if err := setFp(c.dst, c.v); err != nil {
			return bn254.G2Affine{}, fmt.Errorf("G2 %s: %w", c.name, err)
		}
	}
	if !a.IsOnCurve() {
		return bn254.G2Affine{}, fmt.Errorf("G2 %s: %w", p, ErrNotOnCurve)
	}
	if !a.IsInSubGroup() {
		return bn254.G2Affine{}, fmt.Errorf("G2 %s: %w", p, ErrNotInSubgroup)
	}
	return a, nil
}

// Validate reports whether p is a valid encoding of a G1 point (see
// ToAffine).
func (p G1Point) Validate() error {
	_, err := p.ToAffine()
	return err
}

// Validate reports whether p is a valid encoding of a G2 point (see
// ToAffine).
func (p G2Point) Validate() error {
	_, err := p.ToAffine()
	return err
}

// Words returns fresh copies of the ABI words (X, Y); a nil coordinate
// becomes 0.
func (p G1Point) Words() [2]*big.Int {
	return [2]*big.Int{cloneBig(p.X), cloneBig(p.Y)}
}

// Words returns fresh copies of the ABI words in EIP-197 order
// [X_imag, X_real, Y_imag, Y_real]; a nil coordinate becomes 0.
func (p G2Point) Words() [4]*big.Int {
	return [4]*big.Int{cloneBig(p.X[0]), cloneBig(p.X[1]), cloneBig(p.Y[0]), cloneBig(p.Y[1])}
}

// Bytes returns the 64-byte encoding X || Y. Each coordinate is written as
// a uint256 word; for a point that passes Validate nothing is lost (nil
// reads as 0 and other values are taken mod 2^256, as the EVM would).
func (p G1Point) Bytes() [G1Size]byte {
	var b [G1Size]byte
	putWord(b[0:32], p.X)
	putWord(b[32:64], p.Y)
	return b
}

// Bytes returns the 128-byte encoding X_imag || X_real || Y_imag || Y_real,
// with the same word rules as G1Point.Bytes.
func (p G2Point) Bytes() [G2Size]byte {
	var b [G2Size]byte
	for i, v := range [4]*big.Int{p.X[0], p.X[1], p.Y[0], p.Y[1]} {
		putWord(b[32*i:32*i+32], v)
	}
	return b
}

// IsInfinity reports whether p is the all-zero encoding of infinity. A
// nil coordinate is not zero here: the zero value G1Point{} is not a valid
// point (ToAffine rejects it with ErrNilCoordinate), so that a value that
// was never set cannot pass for infinity. Use G1Infinity for infinity.
func (p G1Point) IsInfinity() bool {
	return isZero(p.X) && isZero(p.Y)
}

// IsInfinity reports whether p is the all-zero encoding of infinity; as
// for G1Point, nil coordinates are not zero (use G2Infinity).
func (p G2Point) IsInfinity() bool {
	return isZero(p.X[0]) && isZero(p.X[1]) && isZero(p.Y[0]) && isZero(p.Y[1])
}

func isZero(v *big.Int) bool { return v != nil && v.Sign() == 0 }

// Equal reports whether p and q hold the same coordinate values (a nil
// coordinate equals only nil).
func (p G1Point) Equal(q G1Point) bool {
	return eqBig(p.X, q.X) && eqBig(p.Y, q.Y)
}

// Equal reports whether p and q hold the same coordinate values (a nil
// coordinate equals only nil).
func (p G2Point) Equal(q G2Point) bool {
	return eqBig(p.X[0], q.X[0]) && eqBig(p.X[1], q.X[1]) &&
		eqBig(p.Y[0], q.Y[0]) && eqBig(p.Y[1], q.Y[1])
}

// String formats p as (X, Y) in decimal.
func (p G1Point) String() string {
	return fmt.Sprintf("(%s, %s)", decimal(p.X), decimal(p.Y))
}

// String formats p as [X_imag, X_real, Y_imag, Y_real] in decimal.
func (p G2Point) String() string {
	return fmt.Sprintf("[%s, %s, %s, %s]", decimal(p.X[0]), decimal(p.X[1]), decimal(p.Y[0]), decimal(p.Y[1]))
}

func decimal(v *big.Int) string {
	if v == nil {
		return "nil"
	}
	return v.String()
}
