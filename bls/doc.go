// Package bls implements BLS signatures on BN254 (alt_bn128) exactly as
// EigenLayer's BN254 library and the DenominatorAllocationAVS contract do
// them, as specified normatively in PROTOCOL.md section 6.
//
// # Keys and signatures
//
// A secret key sk is a nonzero scalar of Fr (the group order r). The public
// keys are pkG1 = sk*G1 and pkG2 = sk*G2; signatures live in G1:
// sigma = sk*hashToG1(msg). Signatures and keys aggregate by point addition.
//
// hashToG1 is EigenLayer's try-and-increment map, not RFC 9380: starting at
// x = uint256(msg) mod p it returns the first (x, beta^((p+1)/4)) with
// beta = x^3+3 and (beta^((p+1)/4))^2 == beta, incrementing x mod p otherwise.
//
// Verification of (msgHash, apkG1, apkG2, sigma) computes
//
//	gamma = keccak256(abi.encodePacked(msgHash, apkG1.X, apkG1.Y,
//	        apkG2[0], apkG2[1], apkG2[2], apkG2[3], sigma.X, sigma.Y)) mod r
//
// and requires e(sigma + gamma*apkG1, -G2) * e(hashToG1(msgHash) + gamma*G1, apkG2) == 1.
// Proofs of possession use the same equation over a registration message.
//
// # Encodings
//
// Points are carried in their EVM encodings. A G1Point is (X, Y); a G2Point
// holds X = [X_imag, X_real] and Y = [Y_imag, Y_real], so that its four
// words in order are [X_imag, X_real, Y_imag, Y_real], the EIP-197
// precompile order used in ABI, hashes and test vectors alike. Every
// coordinate is one 32-byte big-endian word. The point at infinity is
// encoded as all zeros, as the EVM precompiles do (G1Infinity, G2Infinity);
// the zero values G1Point{} and G2Point{}, with nil coordinates, are not
// points, so that an unset value cannot pass for infinity.
//
// Decoding (DecodeG1, DecodeG2, G1FromWords, G2FromWords, ToAffine,
// Validate) checks that every coordinate is present and below p (no
// reduction mod p), that the point is on the curve and, for G2, that it
// lies in the order-r subgroup (G1 has cofactor 1). Failures are
// classified by the sentinel errors of this package (ErrNotOnCurve,
// ErrNotInSubgroup, ErrCoordinateRange, ...), wrapped with %w; no input
// makes the package panic.
//
// Arithmetic uses github.com/consensys/gnark-crypto; its scalar
// multiplications are not constant time.
package bls
