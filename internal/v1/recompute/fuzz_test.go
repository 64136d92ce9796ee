package recompute

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
)

// FuzzDecode feeds arbitrary bytes to the decoder. It must never panic; what
// it accepts must be canonical (re-encodes to the same bytes) and must then
// validate and compute without panicking; a round that validates must
// compute.
func FuzzDecode(f *testing.F) {
	for _, tc := range loadVectors(f).Cases {
		data := hexutil.MustDecode(tc.Data)
		if len(data) <= 4096 {
			f.Add(data)
		}
	}
	f.Add([]byte{})
	f.Add(make([]byte, 96))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Decode(data)
		if err != nil {
			if !errors.Is(err, ErrMalformed) || RuleOf(err) == "" {
				t.Fatalf("unclassified error: %v", err)
			}
			return
		}
		if !bytes.Equal(Encode(c), data) {
			t.Fatal("accepted a non-canonical encoding")
		}
		round := c.Round
		verr := c.Validate(&round)
		res, cerr := Compute(c, Options{Workers: 2})
		if verr == nil && cerr != nil {
			t.Fatalf("valid round failed to compute: %v", cerr)
		}
		if cerr == nil && len(res.AllocationData) != 32*c.EntryCount() {
			t.Fatal("allocation data length")
		}
	})
}

// FuzzVerifyProof builds a tree of n leaves, takes the real proof of leaf k,
// lets the fuzzer claim another index and size and flip proof bits, and
// checks that VerifyProof accepts exactly the untouched proof at the true
// position (and never panics).
func FuzzVerifyProof(f *testing.F) {
	f.Add([]byte("seed"), uint16(7), uint16(3), uint16(3), uint16(7), []byte{})
	f.Add([]byte("seed"), uint16(1), uint16(0), uint16(0), uint16(1), []byte{})
	f.Add([]byte("x"), uint16(300), uint16(299), uint16(299), uint16(300), []byte{0, 0, 1})
	f.Add([]byte("y"), uint16(5), uint16(4), uint16(4), uint16(8), []byte{})
	f.Add([]byte("z"), uint16(0), uint16(0), uint16(0), uint16(0), []byte{})
	f.Fuzz(func(t *testing.T, seed []byte, n, k, claimedK, claimedN uint16, flip []byte) {
		N := int(n % 520)
		leaves := make([]common.Hash, N)
		var idx [8]byte
		for i := range leaves {
			binary.BigEndian.PutUint64(idx[:], uint64(i))
			leaves[i] = crypto.Keccak256Hash(seed, idx[:])
		}
		tree := NewTree(leaves, 2)
		if N == 0 {
			// The empty tree's root is bytes32(0), which is also the root of
			// a one-leaf tree holding bytes32(0); nothing else verifies.
			want := claimedK == 0 && claimedN == 1
			if got := VerifyProof(tree.Root(), common.Hash{}, int(claimedK), int(claimedN), nil); tree.Root() != (common.Hash{}) || got != want {
				t.Fatalf("empty tree: root %s, VerifyProof = %v", tree.Root(), got)
			}
			return
		}
		K := int(k) % N
		proof, _ := tree.Proof(K)
		flipped := false
		for i, b := range flip {
			if i/32 < len(proof) && b != 0 {
				proof[i/32][i%32] ^= b
				flipped = true
			}
		}
		cK, cN := int(claimedK), int(claimedN)
		want := !flipped && cK == K && cN >= 1 && cK < cN && Depth(cN) == Depth(N)
		if got := VerifyProof(tree.Root(), leaves[K], cK, cN, proof); got != want {
			t.Fatalf("VerifyProof(n=%d k=%d claimed %d/%d flipped=%v) = %v, want %v", N, K, cK, cN, flipped, got, want)
		}
	})
}
