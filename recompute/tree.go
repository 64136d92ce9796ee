package recompute

import (
	"math/bits"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// maxDepth bounds every tree this package builds or verifies. A round has at
// most 1024 providers and rows of at most 1024 entries (depth 10), but
// out-of-bounds data is still hashed to report its roots, so there is room.
const maxDepth = 40

// zeroHashes[i] is the root of a height-i subtree of bytes32(0) leaves: the
// padding of section 4 seen from level i.
var zeroHashes = func() (z [maxDepth + 1]common.Hash) {
	h := crypto.NewKeccakState()
	for i := 1; i <= maxDepth; i++ {
		hashPair(h, &z[i], &z[i-1], &z[i-1])
	}
	return z
}()

// Depth returns ceil(log2(n)) for n >= 1 and 0 for n <= 1: the length of a
// proof in a tree of n leaves.
func Depth(n int) int {
	if n <= 1 {
		return 0
	}
	return bits.Len(uint(n - 1))
}

// Tree is a positional merkle tree of PROTOCOL.md section 4 that keeps every
// level, so that proofs and inner nodes cost no hashing. Padding leaves are
// not stored: a missing node is the root of an all-zero subtree.
type Tree struct {
	// levels[0] holds the n leaves, levels[i] ceil(n / 2^i) nodes; the last
	// level holds the root.
	levels [][]common.Hash
}

// NewTree builds the tree over a copy of leaves.
func NewTree(leaves []common.Hash) *Tree {
	levels := allocLevels(len(leaves))
	copy(levels[0], leaves)
	h := crypto.NewKeccakState()
	for i := 1; i < len(levels); i++ {
		hashLevel(h, levels[i], levels[i-1], i-1)
	}
	return &Tree{levels: levels}
}

// allocLevels returns the levels of a tree of n leaves carved from one slab.
func allocLevels(n int) [][]common.Hash {
	if n == 0 {
		return [][]common.Hash{nil}
	}
	d := Depth(n)
	total := 0
	for i, w := 0, n; i <= d; i, w = i+1, (w+1)/2 {
		total += w
	}
	slab := make([]common.Hash, total)
	levels := make([][]common.Hash, d+1)
	for i, w := 0, n; i <= d; i, w = i+1, (w+1)/2 {
		levels[i], slab = slab[:w:w], slab[w:]
	}
	return levels
}

// hashLevel computes level from below, the level at height hb.
func hashLevel(h crypto.KeccakState, level, below []common.Hash, hb int) {
	for j := range level {
		r := &zeroHashes[hb]
		if 2*j+1 < len(below) {
			r = &below[2*j+1]
		}
		hashPair(h, &level[j], &below[2*j], r)
	}
}

// Len returns the number of leaves.
func (t *Tree) Len() int { return len(t.levels[0]) }

// Leaf returns leaf k.
func (t *Tree) Leaf(k int) common.Hash { return t.levels[0][k] }

// Root returns the root: bytes32(0) for no leaves, the leaf itself for one.
func (t *Tree) Root() common.Hash {
	if t.Len() == 0 {
		return common.Hash{}
	}
	return t.levels[len(t.levels)-1][0]
}

// Node returns node k of level i (0 = leaves), the root of the height-i
// subtree over leaves k*2^i .. (k+1)*2^i - 1 with zero padding, for any level
// up to maxDepth (40): above the tree's root it is the root hashed with zero
// siblings. A position outside those levels (negative, or deeper) has no
// node: the zero hash.
func (t *Tree) Node(i, k int) common.Hash {
	if i < 0 || i > maxDepth || k < 0 {
		return common.Hash{}
	}
	if i < len(t.levels) {
		if k < len(t.levels[i]) {
			return t.levels[i][k]
		}
		return zeroHashes[i]
	}
	if k != 0 {
		return zeroHashes[i]
	}
	node := t.Root()
	h := crypto.NewKeccakState()
	for l := len(t.levels) - 1; l < i; l++ {
		hashPair(h, &node, &node, &zeroHashes[l])
	}
	return node
}

// Proof returns the Depth(n) sibling hashes of leaf k, bottom-up, or false if
// there is no leaf k.
func (t *Tree) Proof(k int) ([]common.Hash, bool) {
	if k < 0 || k >= t.Len() {
		return nil, false
	}
	d := len(t.levels) - 1
	proof := make([]common.Hash, d)
	for i := range d {
		proof[i] = t.Node(i, (k>>i)^1)
	}
	return proof, true
}

// VerifyProof reports whether proof proves leaf at index k of a tree of n
// leaves with the given root. A proof must have exactly Depth(n) siblings and
// k must be below n (section 4); anything else is invalid.
func VerifyProof(root, leaf common.Hash, k, n int, proof []common.Hash) bool {
	if n < 1 || n > 1<<maxDepth || k < 0 || k >= n || len(proof) != Depth(n) {
		return false
	}
	return foldProof(leaf, uint64(k), proof) == root
}

// foldProof hashes leaf up its path: bit i of k says whether the node at
// level i is a right child.
func foldProof(leaf common.Hash, k uint64, proof []common.Hash) common.Hash {
	h := crypto.NewKeccakState()
	node := leaf
	for i := range proof {
		if (k>>i)&1 == 1 {
			hashPair(h, &node, &proof[i], &node)
		} else {
			hashPair(h, &node, &node, &proof[i])
		}
	}
	return node
}

// rootInPlace returns the root of the tree over leaves, overwriting them. It
// allocates nothing: the scratch of one row.
func rootInPlace(h crypto.KeccakState, leaves []common.Hash) common.Hash {
	n := len(leaves)
	if n == 0 {
		return common.Hash{}
	}
	for hb := 0; n > 1; hb++ {
		half := (n + 1) / 2
		for j := range half {
			r := &zeroHashes[hb]
			if 2*j+1 < n {
				r = &leaves[2*j+1]
			}
			hashPair(h, &leaves[j], &leaves[2*j], r)
		}
		n = half
	}
	return leaves[0]
}

// hashPair sets dst = keccak256(abi.encodePacked(l, r)). dst may alias l or r.
func hashPair(h crypto.KeccakState, dst, l, r *common.Hash) {
	h.Reset()
	h.Write(l[:])
	h.Write(r[:])
	h.Read(dst[:])
}
