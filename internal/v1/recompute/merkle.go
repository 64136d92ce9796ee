package recompute

import (
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// maxDepth is the deepest tree the protocol can need (2^24 entries), with room.
const maxDepth = 32

// zeroHashes[i] is the root of a subtree of height i whose leaves are all
// bytes32(0): the padding of section 4 seen from level i.
var zeroHashes = func() (z [maxDepth + 1]common.Hash) {
	h := crypto.NewKeccakState()
	for i := 1; i <= maxDepth; i++ {
		hashPair(h, &z[i], &z[i-1], &z[i-1])
	}
	return z
}()

// parallelLevel is the width of a tree level from which it is hashed on
// several cores.
const parallelLevel = 256

// Tree is a positional merkle tree of PROTOCOL.md section 4. It keeps every
// level, so a proof costs no hashing. Padding leaves (bytes32(0) up to the
// next power of two) are not stored: a missing node is the root of an all-zero
// subtree.
type Tree struct {
	// levels[0] holds the n leaves; levels[i] holds ceil(n / 2^i) nodes;
	// the last level holds the root.
	levels [][]common.Hash
}

// Depth returns ceil(log2(n)) for n >= 1 and 0 for n <= 1: the length of
// every proof in a tree of n leaves.
func Depth(n int) int {
	d := 0
	for (1 << d) < n {
		d++
	}
	return d
}

// NewTree builds the tree over leaves using up to workers goroutines. The
// tree keeps its own copy of the leaves.
func NewTree(leaves []common.Hash, workers int) *Tree {
	levels := allocLevels(len(leaves))
	copy(levels[0], leaves)
	t := &Tree{levels: levels}
	t.build(workers)
	return t
}

// allocLevels returns the levels of a tree of n leaves, all carved from one
// allocation.
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

// build hashes every level above the leaves. Levels at least parallelLevel
// wide are split between workers goroutines, started once for the whole
// tree; each worker hashes its own slice of every such level.
func (t *Tree) build(workers int) {
	i := 1
	if workers > 1 && len(t.levels) > 1 && len(t.levels[1]) >= parallelLevel {
		var wg sync.WaitGroup
		jobs := make([]chan int, workers)
		for w := range jobs {
			jobs[w] = make(chan int)
			go t.levelWorker(w, workers, jobs[w], &wg)
		}
		for ; i < len(t.levels) && len(t.levels[i]) >= parallelLevel; i++ {
			wg.Add(workers)
			for w := range jobs {
				jobs[w] <- i
			}
			wg.Wait()
		}
		for w := range jobs {
			close(jobs[w])
		}
	}
	h := crypto.NewKeccakState()
	for ; i < len(t.levels); i++ {
		hashLevel(h, t.levels[i], t.levels[i-1], i-1, 0, len(t.levels[i]))
	}
}

// levelWorker hashes worker w's share of each level index it receives.
func (t *Tree) levelWorker(w, workers int, levels <-chan int, wg *sync.WaitGroup) {
	h := crypto.NewKeccakState()
	for i := range levels {
		level := t.levels[i]
		chunk := (len(level) + workers - 1) / workers
		lo, hi := min(w*chunk, len(level)), min((w+1)*chunk, len(level))
		hashLevel(h, level, t.levels[i-1], i-1, lo, hi)
		wg.Done()
	}
}

// hashLevel computes level[lo:hi] from below, the level at height hb.
func hashLevel(h crypto.KeccakState, level, below []common.Hash, hb, lo, hi int) {
	for j := lo; j < hi; j++ {
		l := &below[2*j]
		r := &zeroHashes[hb]
		if 2*j+1 < len(below) {
			r = &below[2*j+1]
		}
		hashPair(h, &level[j], l, r)
	}
}

// Len returns the number of leaves.
func (t *Tree) Len() int { return len(t.levels[0]) }

// Leaf returns leaf k.
func (t *Tree) Leaf(k int) common.Hash { return t.levels[0][k] }

// Root returns the root: bytes32(0) for an empty tree, the leaf itself for a
// single leaf.
func (t *Tree) Root() common.Hash {
	if t.Len() == 0 {
		return common.Hash{}
	}
	return t.levels[len(t.levels)-1][0]
}

// Proof returns the Depth(n) sibling hashes of leaf k, bottom-up, or false if
// there is no leaf k.
func (t *Tree) Proof(k int) ([]common.Hash, bool) {
	if k < 0 || k >= t.Len() {
		return nil, false
	}
	d := len(t.levels) - 1
	proof := make([]common.Hash, d)
	for i := 0; i < d; i++ {
		s := (k >> i) ^ 1
		if s < len(t.levels[i]) {
			proof[i] = t.levels[i][s]
		} else {
			proof[i] = zeroHashes[i]
		}
	}
	return proof, true
}

// VerifyProof reports whether proof proves leaf at index k of a tree of n
// leaves with the given root. A proof must have exactly Depth(n) siblings and
// k must be below n; anything else is invalid.
func VerifyProof(root, leaf common.Hash, k, n int, proof []common.Hash) bool {
	if n < 1 || n > 1<<maxDepth || k < 0 || k >= n || len(proof) != Depth(n) {
		return false
	}
	h := crypto.NewKeccakState()
	node := leaf
	for i := range proof {
		if (k>>i)&1 == 1 {
			hashPair(h, &node, &proof[i], &node)
		} else {
			hashPair(h, &node, &node, &proof[i])
		}
	}
	return node == root
}

// hashPair sets dst = keccak256(abi.encodePacked(l, r)). dst may alias l or r.
func hashPair(h crypto.KeccakState, dst, l, r *common.Hash) {
	h.Reset()
	h.Write(l[:])
	h.Write(r[:])
	h.Read(dst[:])
}
