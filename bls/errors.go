package bls

import "errors"

// Sentinel errors. Exported functions return them wrapped with %w behind a
// "bls: <operation>: " context; test for them with errors.Is.
var (
	// ErrEncodingLength reports a raw point encoding or secret key whose
	// length is wrong (64 bytes for G1, 128 for G2, 32 for a secret key).
	ErrEncodingLength = errors.New("wrong encoding length")
	// ErrNilCoordinate reports a point with a nil *big.Int coordinate.
	ErrNilCoordinate = errors.New("nil coordinate")
	// ErrCoordinateRange reports a coordinate that is negative or not
	// below the field modulus p.
	ErrCoordinateRange = errors.New("coordinate out of range")
	// ErrNotOnCurve reports a point that is not on the curve (G1) or on
	// the twist (G2) and is not the all-zero encoding of infinity.
	ErrNotOnCurve = errors.New("point not on curve")
	// ErrNotInSubgroup reports a G2 point on the twist but outside the
	// order-r subgroup.
	ErrNotInSubgroup = errors.New("point not in subgroup")
	// ErrInfinity reports the point at infinity where a public key is
	// required (VerifyPossession).
	ErrInfinity = errors.New("point at infinity")
	// ErrSecretKeyRange reports a secret key that is zero, negative or
	// not below the group order r.
	ErrSecretKeyRange = errors.New("secret key out of range")
	// ErrSecretKeyEncoding reports a secret key encoding that is not
	// 64 hexadecimal digits.
	ErrSecretKeyEncoding = errors.New("malformed secret key encoding")
	// ErrRandomness reports a failure of the randomness source.
	ErrRandomness = errors.New("randomness source failed")
)
