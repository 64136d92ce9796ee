package recompute

import (
	"encoding/binary"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
)

const (
	wordSize  = 32
	entrySize = 3 * wordSize // abi.encode(address, uint256, uint256)
	// headerSize is one ProviderHeader, a static tuple of five words.
	headerSize = 5 * wordSize
)

// BatchDomainTag is hashed into the first word of every batch message.
const BatchDomainTag = "DenominatorAllocationAVS.batch.v2"

// BatchDomain is keccak256(BatchDomainTag).
var BatchDomain = crypto.Keccak256Hash([]byte(BatchDomainTag))

// EntryLeaf returns entryLeaf = keccak256(abi.encode(address recipient,
// uint256 mr, uint256 residual)).
func EntryLeaf(e *Entry) common.Hash {
	var buf [entrySize]byte
	putEntry(buf[:], e)
	return crypto.Keccak256Hash(buf[:])
}

// EntriesRoot returns entriesRoot = tree(entryLeaf_0 .. entryLeaf_{k-1}) of a
// row: bytes32(0) for an empty row.
func EntriesRoot(r Row) common.Hash {
	leaves := make([]common.Hash, r.Len())
	return entriesRoot(crypto.NewKeccakState(), r, leaves)
}

// entriesRoot is EntriesRoot with the caller's scratch (len(leaves) == r.Len()).
func entriesRoot(h crypto.KeccakState, r Row, leaves []common.Hash) common.Hash {
	entryLeaves(h, r, leaves)
	return rootInPlace(h, leaves)
}

// entryLeaves hashes each entry's encoding, its leaf preimage, into leaves
// (len(leaves) == r.Len()).
func entryLeaves(h crypto.KeccakState, r Row, leaves []common.Hash) {
	for j := range leaves {
		hashBytes(h, &leaves[j], r.b[j*entrySize:(j+1)*entrySize])
	}
}

// ProviderLeaf returns providerLeaf_p = keccak256(abi.encode(uint256 p,
// address provider, uint256 capacity, uint256 entryOffset, uint256
// entryCount, bytes32 entriesRoot)).
func ProviderLeaf(p int, hd *Header) common.Hash {
	var out common.Hash
	newLeafHasher().providerLeaf(&out, p, hd)
	return out
}

// leafHasher hashes provider leaves with one buffer, so that a tree of them
// costs no allocation per leaf.
type leafHasher struct {
	h   crypto.KeccakState
	buf [wordSize + headerSize]byte
}

func newLeafHasher() *leafHasher { return &leafHasher{h: crypto.NewKeccakState()} }

func (lh *leafHasher) providerLeaf(out *common.Hash, p int, hd *Header) {
	putInt(lh.buf[:], p)
	putHeader(lh.buf[wordSize:], hd)
	hashBytes(lh.h, out, lh.buf[:])
}

// ProvidersTree returns the tree of the provider leaves of headers; its root
// is providersRoot.
func ProvidersTree(headers []Header) *Tree {
	levels := allocLevels(len(headers))
	lh := newLeafHasher()
	for p := range headers {
		lh.providerLeaf(&levels[0][p], p, &headers[p])
	}
	for i := 1; i < len(levels); i++ {
		hashLevel(lh.h, levels[i], levels[i-1], i-1)
	}
	return &Tree{levels: levels}
}

// CommitmentRoot returns keccak256(abi.encode(uint256 round, bytes32
// providersRoot, uint256 P, uint256 E)): what commitRound stores and the key
// of the round's manifest.
func CommitmentRoot(round *uint256.Int, providersRoot common.Hash, providerCount int, entryCount *uint256.Int) common.Hash {
	var buf [4 * wordSize]byte
	round.PutUint256(buf[0:wordSize])
	copy(buf[wordSize:], providersRoot[:])
	putInt(buf[2*wordSize:], providerCount)
	entryCount.PutUint256(buf[3*wordSize:])
	return crypto.Keccak256Hash(buf[:])
}

// AllocLeaf returns allocLeaf = keccak256(abi.encode(address provider,
// address recipient, uint256 amount)).
func AllocLeaf(provider, recipient common.Address, amount *uint256.Int) common.Hash {
	var buf [3 * wordSize]byte
	copy(buf[12:wordSize], provider[:])
	copy(buf[wordSize+12:2*wordSize], recipient[:])
	amount.PutUint256(buf[2*wordSize:])
	return crypto.Keccak256Hash(buf[:])
}

// ProviderAllocRoot returns providerAllocRoot = tree(allocLeaf_0 ..
// allocLeaf_{k-1}) of provider's row with the given amounts (len(amounts) ==
// row.Len()): bytes32(0) for an empty row.
func ProviderAllocRoot(provider common.Address, row Row, amounts []uint256.Int) common.Hash {
	return allocSubtree(provider, row, amounts).Root()
}

// allocSubtree returns the allocation subtree of one provider row.
func allocSubtree(provider common.Address, row Row, amounts []uint256.Int) *Tree {
	levels := allocLevels(row.Len())
	h := crypto.NewKeccakState()
	var buf [3 * wordSize]byte
	copy(buf[12:wordSize], provider[:])
	for j := range levels[0] {
		allocLeaf(h, &levels[0][j], &buf, row, j, &amounts[j])
	}
	for i := 1; i < len(levels); i++ {
		hashLevel(h, levels[i], levels[i-1], i-1)
	}
	return &Tree{levels: levels}
}

// allocLeaf hashes the allocation leaf of entry j into out. buf holds the
// provider's word already; the recipient's word is copied from the row.
func allocLeaf(h crypto.KeccakState, out *common.Hash, buf *[3 * wordSize]byte, row Row, j int, amount *uint256.Int) {
	copy(buf[wordSize:2*wordSize], row.word(j, 0))
	amount.PutUint256(buf[2*wordSize:])
	hashBytes(h, out, buf[:])
}

// AllocationRoot returns keccak256(abi.encode(bytes32 commitmentRoot, bytes32
// allocTreeRoot)).
func AllocationRoot(commitmentRoot, allocTreeRoot common.Hash) common.Hash {
	return crypto.Keccak256Hash(commitmentRoot[:], allocTreeRoot[:])
}

// BatchMessage returns the hash operators BLS-sign for a batch (section 6):
// keccak256(abi.encode(BatchDomain, uint256 chainid, address avs, uint256
// round, uint256 attempt, bytes32 allocationRoot)).
func BatchMessage(chainID *uint256.Int, avs common.Address, round, attempt *uint256.Int, allocationRoot common.Hash) common.Hash {
	var buf [6 * wordSize]byte
	copy(buf[0:wordSize], BatchDomain[:])
	chainID.PutUint256(buf[wordSize:])
	copy(buf[2*wordSize+12:3*wordSize], avs[:])
	round.PutUint256(buf[3*wordSize:])
	attempt.PutUint256(buf[4*wordSize:])
	copy(buf[5*wordSize:], allocationRoot[:])
	return crypto.Keccak256Hash(buf[:])
}

// hashBytes sets out = keccak256(b).
func hashBytes(h crypto.KeccakState, out *common.Hash, b []byte) {
	h.Reset()
	h.Write(b)
	h.Read(out[:])
}

func putEntry(dst []byte, e *Entry) {
	clear(dst[:12])
	copy(dst[12:wordSize], e.Recipient[:])
	e.MR.PutUint256(dst[wordSize : 2*wordSize])
	e.Residual.PutUint256(dst[2*wordSize : 3*wordSize])
}

func putHeader(dst []byte, hd *Header) {
	clear(dst[:12])
	copy(dst[12:wordSize], hd.Provider[:])
	hd.Capacity.PutUint256(dst[wordSize:])
	hd.EntryOffset.PutUint256(dst[2*wordSize:])
	hd.EntryCount.PutUint256(dst[3*wordSize:])
	copy(dst[4*wordSize:5*wordSize], hd.EntriesRoot[:])
}

// putInt writes a non-negative int as a 32-byte big-endian word.
func putInt(dst []byte, v int) {
	clear(dst[:24])
	binary.BigEndian.PutUint64(dst[24:32], uint64(v))
}
