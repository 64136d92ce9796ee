package recompute

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
)

// Options tunes Compute.
type Options struct {
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0).
	Workers int
}

func (o Options) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// Result is a recomputed round: everything sections 4 and 5 derive from the
// commitment data.
type Result struct {
	ProviderCount int
	EntryCount    int
	// Offsets[p] is entryOffset_p.
	Offsets []int
	// EntriesHashes[p] is entriesHash_p.
	EntriesHashes  []common.Hash
	ProvidersTree  *Tree
	ProvidersRoot  common.Hash
	CommitmentRoot common.Hash
	// Denominators[p] is Denom(p) = sum of mr*residual over p's row.
	Denominators []uint256.Int
	// AllocationData is abi.encodePacked(amount_0, ..., amount_{E-1}): the
	// amounts, one 32-byte word each (see Amount).
	AllocationData []byte
	DataHash       common.Hash
	AllocTree      *Tree
	AllocTreeRoot  common.Hash
	AllocationRoot common.Hash
}

// Compute recomputes a round from its commitment data. The allocation math is
// defined on the rows as written, so Compute accepts data that breaks only the
// residual-consistency rule; it fails with ErrOutOfRange for values outside
// the bounds of section 3 (where the math is not defined) and with a
// *MalformedError for sizes outside them.
func Compute(c *Commitments, opts Options) (*Result, error) {
	if err := c.checkSizes(); err != nil {
		return nil, err
	}
	P, E := len(c.Providers), c.EntryCount()
	r := &Result{
		ProviderCount:  P,
		EntryCount:     E,
		Offsets:        c.Offsets(),
		EntriesHashes:  make([]common.Hash, P),
		Denominators:   make([]uint256.Int, P),
		AllocationData: make([]byte, E*wordSize),
	}
	allocLvls := allocLevels(E)
	providerLevels := allocLevels(P)
	workers := min(opts.workers(), P)
	maxRow := 0
	for i := range c.Providers {
		maxRow = max(maxRow, len(c.Providers[i].Entries))
	}

	// Phase 1, per provider: row math, amounts, allocation leaves, entries
	// hash, provider leaf.
	var (
		next   atomic.Int64
		failed atomic.Bool
		mu     sync.Mutex
		err    error
		errP   = P // provider of err: the lowest failing one is reported
		wg     sync.WaitGroup
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rw := newRowWorker(maxRow)
			for !failed.Load() {
				p := int(next.Add(1) - 1)
				if p >= P {
					return
				}
				if e := rw.provider(c, r, p, allocLvls[0], &providerLevels[0][p]); e != nil {
					mu.Lock()
					if p < errP {
						err, errP = e, p
					}
					mu.Unlock()
					failed.Store(true)
					return
				}
			}
		}()
	}
	wg.Wait()
	if err != nil {
		return nil, err
	}

	// Phase 2: dataHash on one goroutine while the trees are built.
	wg.Add(1)
	go func() {
		defer wg.Done()
		h := crypto.NewKeccakState()
		h.Write(r.AllocationData)
		h.Read(r.DataHash[:])
	}()
	r.AllocTree = &Tree{levels: allocLvls}
	r.AllocTree.build(opts.workers())
	r.ProvidersTree = &Tree{levels: providerLevels}
	r.ProvidersTree.build(opts.workers())
	wg.Wait()

	r.AllocTreeRoot = r.AllocTree.Root()
	r.ProvidersRoot = r.ProvidersTree.Root()
	r.CommitmentRoot = CommitmentRoot(&c.Round, r.ProvidersRoot, P, E)
	r.AllocationRoot = AllocationRoot(r.CommitmentRoot, r.AllocTreeRoot, r.DataHash)
	return r, nil
}

// Amount returns the amount at global index k (0 <= k < EntryCount).
func (r *Result) Amount(k int) uint256.Int {
	var a uint256.Int
	a.SetBytes32(r.AllocationData[k*wordSize : (k+1)*wordSize])
	return a
}

// rowWorker holds one goroutine's scratch space, so that neither the
// per-entry nor the per-provider loop allocates.
type rowWorker struct {
	h       crypto.KeccakState
	w       []uint256.Int // mr*residual
	amounts []uint256.Int
	index   [wordSize]byte     // abi word of a global index
	leaf    [6 * wordSize]byte // provider leaf preimage
	out     common.Hash
	buf     []byte // encoding of one row, abi.encode(Entry[])
}

// newRowWorker returns a worker for rows of up to maxRow entries.
func newRowWorker(maxRow int) *rowWorker {
	return &rowWorker{
		h:       crypto.NewKeccakState(),
		w:       make([]uint256.Int, maxRow),
		amounts: make([]uint256.Int, maxRow),
		buf:     make([]byte, 2*wordSize+maxRow*entrySize),
	}
}

// provider computes everything of provider p that depends on its row alone.
func (rw *rowWorker) provider(c *Commitments, r *Result, p int, allocLeaves []common.Hash, leaf *common.Hash) error {
	prov := &c.Providers[p]
	off := r.Offsets[p]
	es := prov.Entries
	denom := &r.Denominators[p]
	if err := allocateRow(&prov.Capacity, es, rw.w[:len(es)], rw.amounts[:len(es)], denom); err != nil {
		return fmt.Errorf("provider %d: %w", p, err)
	}

	for j := range es {
		k := off + j
		word := r.AllocationData[k*wordSize : (k+1)*wordSize]
		rw.amounts[j].PutUint256(word)
		putInt(rw.index[:], k)
		rw.h.Reset()
		rw.h.Write(rw.index[:])
		rw.h.Write(word)
		rw.h.Read(allocLeaves[k][:])
	}

	r.EntriesHashes[p] = rw.entriesHash(es)
	*leaf = rw.providerLeaf(p, prov, off, r.EntriesHashes[p])
	return nil
}

// allocateRow is the row math of section 5: w_j = mr_j*residual_j,
// denom = sum w_j, amount_j = floor(C*w_j/denom) (0 when denom is 0), with an
// exact 512-bit product. w is scratch of len(es); amounts receives the
// amounts. Values outside the bounds of section 3 give ErrOutOfRange.
func allocateRow(capacity *uint256.Int, es []Entry, w, amounts []uint256.Int, denom *uint256.Int) error {
	if capacity[2]|capacity[3] != 0 {
		return fmt.Errorf("%w: capacity %s is not below 2^128", ErrOutOfRange, capacity.Dec())
	}
	denom.Clear()
	for j := range es {
		e := &es[j]
		if e.MR[1]|e.MR[2]|e.MR[3] != 0 || e.Residual[2]|e.Residual[3] != 0 {
			return fmt.Errorf("%w: entry %d: mr %s or residual %s too large", ErrOutOfRange, j, e.MR.Dec(), e.Residual.Dec())
		}
		w[j].Mul(&e.MR, &e.Residual) // < 2^192
		denom.Add(denom, &w[j])      // < 2^202 (1024 entries)
	}
	if denom.IsZero() {
		for j := range amounts {
			amounts[j].Clear()
		}
		return nil
	}
	for j := range es {
		amounts[j].MulDivOverflow(capacity, &w[j], denom)
	}
	return nil
}

// AllocateRow computes one provider's denominator and amounts (section 5);
// it is what a bad-allocation proof makes the contract recompute.
func AllocateRow(capacity *uint256.Int, entries []Entry) (denom *uint256.Int, amounts []uint256.Int, err error) {
	if len(entries) > MaxEntriesPerProvider {
		return nil, nil, malformed(RuleEntryCount, "row has %d entries, more than the %d allowed", len(entries), MaxEntriesPerProvider)
	}
	denom = new(uint256.Int)
	amounts = make([]uint256.Int, len(entries))
	w := make([]uint256.Int, len(entries))
	if err := allocateRow(capacity, entries, w, amounts, denom); err != nil {
		return nil, nil, err
	}
	return denom, amounts, nil
}

// entriesHash returns keccak256(abi.encode(Entry[] es)).
func (rw *rowWorker) entriesHash(es []Entry) common.Hash {
	buf := rw.buf[:2*wordSize+len(es)*entrySize]
	putInt(buf, wordSize) // offset of the one dynamic argument
	putInt(buf[wordSize:], len(es))
	for j := range es {
		e := 2*wordSize + j*entrySize
		putEntry(buf[e:e+entrySize], &es[j])
	}
	rw.h.Reset()
	rw.h.Write(buf)
	rw.h.Read(rw.out[:])
	return rw.out
}

// EntriesHash returns entriesHash = keccak256(abi.encode(Entry[] entries)).
func EntriesHash(entries []Entry) common.Hash {
	return newRowWorker(len(entries)).entriesHash(entries)
}

func (rw *rowWorker) providerLeaf(p int, prov *Provider, offset int, entriesHash common.Hash) common.Hash {
	buf := &rw.leaf
	putInt(buf[0:], p)
	copy(buf[wordSize+12:2*wordSize], prov.Address[:])
	prov.Capacity.PutUint256(buf[2*wordSize : 3*wordSize])
	putInt(buf[3*wordSize:], offset)
	putInt(buf[4*wordSize:], len(prov.Entries))
	copy(buf[5*wordSize:], entriesHash[:])
	rw.h.Reset()
	rw.h.Write(buf[:])
	rw.h.Read(rw.out[:])
	return rw.out
}

// ProviderLeaf returns providerLeaf_p = keccak256(abi.encode(uint256 p,
// address provider, uint256 capacity, uint256 entryOffset, uint256
// entryCount, bytes32 entriesHash)) for provider prov at index p.
func ProviderLeaf(p int, prov *Provider, entryOffset int) common.Hash {
	rw := newRowWorker(len(prov.Entries))
	return rw.providerLeaf(p, prov, entryOffset, rw.entriesHash(prov.Entries))
}

// AllocLeaf returns allocLeaf_k = keccak256(abi.encode(uint256 k, uint256 amount)).
func AllocLeaf(k int, amount *uint256.Int) common.Hash {
	var buf [2 * wordSize]byte
	putInt(buf[:], k)
	amount.PutUint256(buf[wordSize:])
	return crypto.Keccak256Hash(buf[:])
}

// CommitmentRoot returns keccak256(abi.encode(uint256 round, bytes32
// providersRoot, uint256 P, uint256 E)).
func CommitmentRoot(round *uint256.Int, providersRoot common.Hash, providers, entries int) common.Hash {
	var buf [4 * wordSize]byte
	round.PutUint256(buf[0:wordSize])
	copy(buf[wordSize:], providersRoot[:])
	putInt(buf[2*wordSize:], providers)
	putInt(buf[3*wordSize:], entries)
	return crypto.Keccak256Hash(buf[:])
}

// AllocationRoot returns keccak256(abi.encode(bytes32 commitmentRoot,
// bytes32 allocTreeRoot, bytes32 dataHash)): the value operators sign.
func AllocationRoot(commitmentRoot, allocTreeRoot, dataHash common.Hash) common.Hash {
	return crypto.Keccak256Hash(commitmentRoot[:], allocTreeRoot[:], dataHash[:])
}

// DataHash returns keccak256(allocationData).
func DataHash(allocationData []byte) common.Hash {
	return crypto.Keccak256Hash(allocationData)
}

// ErrAllocationData reports published allocation data that is not a whole
// number of 32-byte amounts or is longer than any round allows.
var ErrAllocationData = errors.New("allocation data is not 32-byte amounts")

// AllocTreeFromData builds the allocation tree over published allocation data
// (leaf k = keccak256(abi.encode(k, amount_k))): the tree a batch's
// allocTreeRoot claims, against which a bad-allocation proof proves an amount.
func AllocTreeFromData(allocationData []byte, workers int) (*Tree, error) {
	if len(allocationData)%wordSize != 0 || len(allocationData) > MaxEntries*wordSize {
		return nil, fmt.Errorf("%w: %d bytes", ErrAllocationData, len(allocationData))
	}
	n := len(allocationData) / wordSize
	levels := allocLevels(n)
	h := crypto.NewKeccakState()
	var index [wordSize]byte
	for k := 0; k < n; k++ {
		putInt(index[:], k)
		h.Reset()
		h.Write(index[:])
		h.Write(allocationData[k*wordSize : (k+1)*wordSize])
		h.Read(levels[0][k][:])
	}
	t := &Tree{levels: levels}
	t.build(workers)
	return t, nil
}

// FirstDifference returns the first global index at which published
// allocation data differs from the recomputed amounts, and false when they are
// identical. Data of another length differs at the first index one of them
// lacks, if not before.
func (r *Result) FirstDifference(published []byte) (int, bool) {
	n := min(len(published), len(r.AllocationData)) / wordSize
	for k := 0; k < n; k++ {
		if !bytes.Equal(published[k*wordSize:(k+1)*wordSize], r.AllocationData[k*wordSize:(k+1)*wordSize]) {
			return k, true
		}
	}
	if len(published) != len(r.AllocationData) {
		return n, true
	}
	return 0, false
}

// Locate returns the provider p and entry j of global index k, or false if k
// is not an index of the round. Providers without entries own no index.
func (r *Result) Locate(k int) (p, j int, ok bool) {
	if k < 0 || k >= r.EntryCount {
		return 0, 0, false
	}
	// The last provider whose offset is <= k and that has entries.
	p = sort.Search(len(r.Offsets), func(i int) bool { return r.Offsets[i] > k }) - 1
	return p, k - r.Offsets[p], true
}

// CommitmentRootOf returns the commitmentRoot of c (section 4) without the
// allocation math, so that it is defined for any decoded data, malformed or not.
func CommitmentRootOf(c *Commitments) common.Hash {
	offsets := c.Offsets()
	leaves := make([]common.Hash, len(c.Providers))
	maxRow := 0
	for p := range c.Providers {
		maxRow = max(maxRow, len(c.Providers[p].Entries))
	}
	rw := newRowWorker(maxRow)
	for p := range c.Providers {
		prov := &c.Providers[p]
		leaves[p] = rw.providerLeaf(p, prov, offsets[p], rw.entriesHash(prov.Entries))
	}
	return CommitmentRoot(&c.Round, NewTree(leaves, 1).Root(), len(c.Providers), c.EntryCount())
}
