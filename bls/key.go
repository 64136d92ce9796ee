package bls

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// SecretKeySize is the length in bytes of a serialized secret key.
const SecretKeySize = 32

// redacted is what every printing or logging of a SecretKey shows.
const redacted = "bls.SecretKey(REDACTED)"

// maxKeyDraws bounds GenerateKey's retries when a draw reduces to zero,
// which a working randomness source does with probability about 2^-254.
const maxKeyDraws = 8

// SecretKey is an operator's BLS secret: a nonzero scalar sk < r. Obtain
// one from GenerateKey or SecretKeyFrom*; the zero value is not a valid key.
// Its String, GoString, Format and LogValue methods redact it, so that fmt
// and log/slog never print it; ExportHex and Bytes are the only ways out.
// (Those four methods have value receivers so that a SecretKey held by
// value in an exported struct field is redacted too.)
type SecretKey struct {
	s fr.Element
}

// GenerateKey draws a uniformly random secret key from random
// (crypto/rand.Reader when random is nil). It reads 48 bytes per draw and reduces them mod r (the
// bias is below 2^-128), and never returns the zero key.
func GenerateKey(random io.Reader) (*SecretKey, error) {
	if random == nil {
		random = rand.Reader
	}
	var buf [48]byte
	for range maxKeyDraws {
		if _, err := io.ReadFull(random, buf[:]); err != nil {
			return nil, fmt.Errorf("bls: generate key: %w: %w", ErrRandomness, err)
		}
		k := new(big.Int).SetBytes(buf[:])
		k.Mod(k, frModulus)
		clear(buf[:])
		if k.Sign() != 0 {
			sk := &SecretKey{}
			sk.s.SetBigInt(k)
			return sk, nil
		}
	}
	return nil, fmt.Errorf("bls: generate key: %d draws gave the zero key: %w", maxKeyDraws, ErrRandomness)
}

// SecretKeyFromBig returns the secret key k, which must satisfy 0 < k < r.
// k is not retained or modified.
func SecretKeyFromBig(k *big.Int) (*SecretKey, error) {
	if k == nil || k.Sign() <= 0 || k.Cmp(frModulus) >= 0 {
		return nil, fmt.Errorf("bls: secret key must be in [1, r-1]: %w", ErrSecretKeyRange)
	}
	sk := &SecretKey{}
	sk.s.SetBigInt(k)
	return sk, nil
}

// SecretKeyFromBytes parses a 32-byte big-endian secret key (the inverse
// of Bytes).
func SecretKeyFromBytes(b []byte) (*SecretKey, error) {
	if len(b) != SecretKeySize {
		return nil, fmt.Errorf("bls: secret key of %d bytes, want %d: %w", len(b), SecretKeySize, ErrEncodingLength)
	}
	return SecretKeyFromBig(new(big.Int).SetBytes(b))
}

// SecretKeyFromHex parses a secret key written as exactly 64 hexadecimal
// digits, with or without a 0x prefix (the inverse of ExportHex).
func SecretKeyFromHex(s string) (*SecretKey, error) {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		s = s[2:]
	}
	if len(s) != 2*SecretKeySize {
		return nil, fmt.Errorf("bls: secret key of %d hex digits, want %d: %w", len(s), 2*SecretKeySize, ErrSecretKeyEncoding)
	}
	var b [SecretKeySize]byte
	if _, err := hex.Decode(b[:], []byte(s)); err != nil {
		// err is dropped: it would quote a digit of the secret.
		return nil, fmt.Errorf("bls: secret key is not hexadecimal: %w", ErrSecretKeyEncoding)
	}
	defer clear(b[:])
	return SecretKeyFromBytes(b[:])
}

// Bytes returns the secret as a 32-byte big-endian integer. Handle the
// result as the secret it is.
func (sk *SecretKey) Bytes() [SecretKeySize]byte {
	return sk.s.Bytes()
}

// ExportHex returns the secret as 0x followed by 64 lowercase hex digits,
// for keystore-free storage by the operator simulator. Handle the result
// as the secret it is.
func (sk *SecretKey) ExportHex() string {
	b := sk.Bytes()
	defer clear(b[:])
	return "0x" + hex.EncodeToString(b[:])
}

// PublicG1 returns pkG1 = sk*G1.
func (sk *SecretKey) PublicG1() G1Point {
	var p bn254.G1Affine
	p.ScalarMultiplicationBase(sk.scalar())
	return G1FromAffine(&p)
}

// PublicG2 returns pkG2 = sk*G2.
func (sk *SecretKey) PublicG2() G2Point {
	var p bn254.G2Affine
	p.ScalarMultiplicationBase(sk.scalar())
	return G2FromAffine(&p)
}

// Equal reports whether sk and other hold the same secret, in constant
// time. Two nil keys are equal.
func (sk *SecretKey) Equal(other *SecretKey) bool {
	if sk == nil || other == nil {
		return sk == other
	}
	a, b := sk.Bytes(), other.Bytes()
	defer clear(a[:])
	defer clear(b[:])
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

// scalar returns a fresh big.Int holding the secret.
func (sk *SecretKey) scalar() *big.Int {
	return sk.s.BigInt(new(big.Int))
}

// String redacts the secret.
func (SecretKey) String() string { return redacted }

// GoString redacts the secret (for %#v).
func (SecretKey) GoString() string { return redacted }

// Format redacts the secret under every fmt verb.
func (SecretKey) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, redacted) }

// LogValue redacts the secret in log/slog output.
func (SecretKey) LogValue() slog.Value { return slog.StringValue(redacted) }
