package recompute

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
)

// AllocProof is one recipient's allocation with its two-level proof: the
// arguments of verifyAllocation(round, p, j, provider, recipient, amount,
// entryProof, providerProof).
type AllocProof struct {
	P, J      int
	Provider  common.Address
	Recipient common.Address
	Amount    uint256.Int
	// Leaf is allocLeaf(provider, recipient, amount).
	Leaf common.Hash
	// EntryProof is the path in provider p's subtree, depth(entryCount_p)
	// hashes; ProviderProof the path of providerAllocRoot_p in the
	// allocation tree, depth(P) hashes. Both bottom-up.
	EntryProof    []common.Hash
	ProviderProof []common.Hash
}

// AllocationProof returns the proof of entry j of provider p of a
// well-formed round (ErrNoPosition when there is no such entry).
func (r *Result) AllocationProof(p, j int) (*AllocProof, error) {
	if r.AllocTree == nil || p < 0 || p >= len(r.Rows) || j < 0 || j >= r.Rows[p].Len() {
		return nil, fmt.Errorf("allocation proof of provider %d entry %d: %w", p, j, ErrNoPosition)
	}
	hd := &r.Manifest.Headers[p]
	row := r.Rows[p]
	sub := allocSubtree(hd.Provider, row, r.RowAmounts(p))
	ap := &AllocProof{P: p, J: j, Provider: hd.Provider, Recipient: row.Entry(j).Recipient, Amount: r.RowAmounts(p)[j], Leaf: sub.Leaf(j)}
	ap.EntryProof, _ = sub.Proof(j)
	ap.ProviderProof, _ = r.AllocTree.Proof(p)
	return ap, nil
}

// VerifyAllocation is verifyAllocation of section 5 against a batch's
// allocTreeRoot and the round's provider count: p < P, an entry-level path of
// at most 10 hashes with j below 2^len, and a provider-level path of exactly
// depth(P) hashes. The leaf is recomputed from the provider, the recipient
// and the amount.
func VerifyAllocation(allocTreeRoot common.Hash, providerCount int, ap *AllocProof) bool {
	if ap.P < 0 || ap.P >= providerCount || providerCount > MaxProviders ||
		len(ap.EntryProof) > MaxEntryProofLen || ap.J < 0 || ap.J >= 1<<len(ap.EntryProof) ||
		len(ap.ProviderProof) != Depth(providerCount) {
		return false
	}
	leaf := AllocLeaf(ap.Provider, ap.Recipient, &ap.Amount)
	sub := foldProof(leaf, uint64(ap.J), ap.EntryProof)
	return foldProof(sub, uint64(ap.P), ap.ProviderProof) == allocTreeRoot
}

// HeaderEvidence is a header with its proof against providersRoot.
type HeaderEvidence struct {
	P      int
	Header Header
	Leaf   common.Hash
	Proof  []common.Hash
}

// EntryEvidence is an entry with its proof against its header's entriesRoot.
type EntryEvidence struct {
	Position
	Entry Entry
	Leaf  common.Hash
	Proof []common.Hash
}

// HeaderProof returns header p with its proof against providersRoot.
func (r *Result) HeaderProof(p int) (*HeaderEvidence, error) {
	if r.ProvidersTree == nil || p < 0 || p >= len(r.Manifest.Headers) {
		return nil, fmt.Errorf("header proof of provider %d: %w", p, ErrNoPosition)
	}
	proof, _ := r.ProvidersTree.Proof(p)
	return &HeaderEvidence{P: p, Header: r.Manifest.Headers[p], Leaf: r.ProvidersTree.Leaf(p), Proof: proof}, nil
}

// EntryProof returns entry j of provider p with its proof against the row's
// entriesRoot; the row must have been read.
func (r *Result) EntryProof(p, j int) (*EntryEvidence, error) {
	if p < 0 || p >= len(r.Rows) || j < 0 || j >= r.Rows[p].Len() {
		return nil, fmt.Errorf("entry proof of provider %d entry %d: %w", p, j, ErrNoPosition)
	}
	row := r.Rows[p]
	leaves := make([]common.Hash, row.Len())
	entryLeaves(crypto.NewKeccakState(), row, leaves)
	t := NewTree(leaves)
	proof, _ := t.Proof(j)
	return &EntryEvidence{Position: Position{p, j}, Entry: row.Entry(j), Leaf: t.Leaf(j), Proof: proof}, nil
}

// Evidence is everything the on-chain proof of a section 3 violation takes
// (section 7.2): the headers and entries of section 3's table, each with its
// proof.
type Evidence struct {
	Rule    Rule
	Clause  Clause
	Headers []HeaderEvidence
	Entries []EntryEvidence
}

// Evidence returns the evidence of v, a section 3 violation found in r.
func (r *Result) Evidence(v *Violation) (*Evidence, error) {
	headers, entries := v.EvidencePositions()
	ev := &Evidence{Rule: v.Rule, Clause: v.Clause}
	for _, p := range headers {
		hp, err := r.HeaderProof(p)
		if err != nil {
			return nil, err
		}
		ev.Headers = append(ev.Headers, *hp)
	}
	for _, pos := range entries {
		ep, err := r.EntryProof(pos.P, pos.J)
		if err != nil {
			return nil, err
		}
		ev.Entries = append(ev.Entries, *ep)
	}
	return ev, nil
}

// ManifestPart is one challengeable part of a manifest (section 7.3): headers
// First .. First+Count-1, whose tree has root Root.
type ManifestPart struct {
	Part, First, Count int
	Root               common.Hash
}

// ManifestParts returns the parts of a manifest whose providers tree is t:
// one part, the whole tree, for at most 512 providers; otherwise two, the
// level-9 subtrees (headers 0..511 and 512..P-1 padded to 512).
func ManifestParts(t *Tree) []ManifestPart {
	P := t.Len()
	if P <= PartSize {
		return []ManifestPart{{Part: 0, First: 0, Count: P, Root: t.Root()}}
	}
	return []ManifestPart{
		{Part: 0, First: 0, Count: PartSize, Root: t.Node(partLevel, 0)},
		{Part: 1, First: PartSize, Count: P - PartSize, Root: t.Node(partLevel, 1)},
	}
}

// PartRoot rebuilds the root of manifest part h of a round of providerCount
// providers from the part's headers, as a manifest resolution does: for at
// most 512 providers the tree of all headers; otherwise the level-9 subtree
// over headers h*512 .. with zero padding.
func PartRoot(h, providerCount int, headers []Header) (common.Hash, error) {
	first, count := 0, providerCount
	if providerCount > PartSize {
		first, count = h*PartSize, min(PartSize, providerCount-h*PartSize)
	}
	if h < 0 || providerCount < 1 || providerCount > MaxProviders || (providerCount <= PartSize && h != 0) || h > 1 || len(headers) != count {
		return common.Hash{}, fmt.Errorf("manifest part %d of %d providers with %d headers: %w", h, providerCount, len(headers), ErrNoPosition)
	}
	leaves := make([]common.Hash, count)
	lh := newLeafHasher()
	for i := range headers {
		lh.providerLeaf(&leaves[i], first+i, &headers[i])
	}
	t := NewTree(leaves)
	if providerCount <= PartSize {
		return t.Root(), nil
	}
	return t.Node(partLevel, 0), nil
}

// FirstWrongProvider returns the first provider whose root in a batch's
// claimed providerAllocRoots differs from the recomputed one, and false when
// every root matches. A list of another length differs at the first index
// one of them lacks.
func (r *Result) FirstWrongProvider(claimed []common.Hash) (int, bool) {
	return firstDifference(r.ProviderAllocRoots, claimed)
}

// FirstWrongAmount returns the first entry of row p whose claimed amount (an
// allocations object's) differs from the recomputed one.
func (r *Result) FirstWrongAmount(p int, claimed []uint256.Int) (int, bool) {
	return firstDifference(r.RowAmounts(p), claimed)
}

func firstDifference[T comparable](correct, claimed []T) (int, bool) {
	n := min(len(correct), len(claimed))
	for i := range n {
		if correct[i] != claimed[i] {
			return i, true
		}
	}
	return n, len(correct) != len(claimed)
}
