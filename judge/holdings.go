package judge

import (
	"errors"
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/recompute"
)

// Holdings are the objects of one round a watcher holds, each verified as it
// comes in, so that Judge can trust them without looking again:
//   - the manifest, fetched (AddManifest, checked against commitmentRoot) or
//     assembled from the parts ManifestRevealed carried (round and E from the
//     commitment, checked against providersRoot);
//   - rows, fetched (AddRow, checked against their headers) or carried by
//     RowRevealed; a row with entryCount 0 and entriesRoot 0 is held as soon
//     as the manifest is (it has no object);
//   - allocations objects, checked against their row and the key a batch
//     claims for it (AddAllocations).
//
// A revealed row or part was checked by the contract (its header against
// providersRoot, its entries against entriesRoot); Holdings checks it again
// against what it holds, and one that does not agree is refused with
// ErrReveal: the node reporting it lies. A revealed row is judged exactly like
// a fetched one. Revealed objects from every attempt of the round count: the
// round's data does not change between attempts.
//
// Rows are kept as given: AddRow keeps data, which must not change
// afterwards. Holdings cost one slot per provider beside the rows' own bytes.
// They are not safe for concurrent use; Judge only reads them.
type Holdings struct {
	round uint64
	c     Commitment

	manifest *recompute.Manifest // nil until held
	tree     *recompute.Tree
	// byKey lists the providers whose header has a row object with that
	// entriesRoot, once the manifest is held.
	byKey map[common.Hash][]int
	rows  []recompute.Row // rows[p] is row p where held[p]
	held  []bool

	// parts are revealed manifest parts (P > 512) while the manifest is not
	// held, with their roots.
	parts     [2][]recompute.Header
	partRoots [2]common.Hash
	// revealed are rows revealed while the manifest is not held.
	revealed map[int]revealedRow
	allocs   map[allocKey][]uint256.Int
}

type revealedRow struct {
	header recompute.Header
	row    recompute.Row
}

// allocKey is a provider and the providerAllocRoot a batch claims for it.
type allocKey struct {
	p   int
	key common.Hash
}

// NewHoldings returns empty holdings for round with commitment c. The
// commitment must be one commitRound could have stored (an error wrapping
// ErrImpossible and ErrCommitment otherwise).
func NewHoldings(round uint64, c Commitment) (*Holdings, error) {
	if err := c.check(round); err != nil {
		return nil, err
	}
	return &Holdings{round: round, c: c, revealed: map[int]revealedRow{}, allocs: map[allocKey][]uint256.Int{}}, nil
}

// Manifest returns the manifest and its providers tree, nil when not held.
func (h *Holdings) Manifest() (*recompute.Manifest, *recompute.Tree) { return h.manifest, h.tree }

// HasRow reports whether row p is held.
func (h *Holdings) HasRow(p int) bool {
	return h.manifest != nil && p >= 0 && p < len(h.held) && h.held[p]
}

// Allocations returns the amounts of provider p's allocations object with
// the given key, if held.
func (h *Holdings) Allocations(p int, key common.Hash) ([]uint256.Int, bool) {
	a, ok := h.allocs[allocKey{p, key}]
	return a, ok
}

// AddManifest verifies a manifest object against the commitment root
// (recompute.VerifyManifest) and holds it. Once the manifest is held, a second
// one is verified and otherwise ignored. Rows and parts revealed before it
// that contradict it are dropped and reported (ErrReveal); the manifest is
// held all the same, being verified by its key.
func (h *Holdings) AddManifest(data []byte) error {
	if len(data) > recompute.MaxManifestSize {
		return fmt.Errorf("manifest %s of %d bytes: %w", h.c.Root.Hex(), len(data), recompute.ErrTooLarge)
	}
	m, tree, err := recompute.VerifyManifest(h.c.Root, data)
	if err != nil {
		return fmt.Errorf("manifest of round %d: %w", h.round, err)
	}
	if h.manifest != nil {
		return nil
	}
	return h.install(m, tree)
}

// install holds a verified manifest: it indexes the row keys, holds the
// rows that need no object, then the rows revealed before it that agree
// with it, and checks the parts revealed before it.
func (h *Holdings) install(m *recompute.Manifest, tree *recompute.Tree) error {
	P := len(m.Headers)
	h.manifest, h.tree = m, tree
	h.byKey = make(map[common.Hash][]int, P)
	h.rows, h.held = make([]recompute.Row, P), make([]bool, P)
	for p := range m.Headers {
		if hd := &m.Headers[p]; hd.NeedsRow() {
			h.byKey[hd.EntriesRoot] = append(h.byKey[hd.EntriesRoot], p)
		} else {
			h.held[p] = true
		}
	}
	var errs []error
	for _, p := range sortedKeys(h.revealed) {
		if r := h.revealed[p]; r.header == m.Headers[p] {
			h.rows[p], h.held[p] = r.row, true
		} else {
			errs = append(errs, fmt.Errorf("row %d: its header is not the manifest's", p))
		}
	}
	for part, root := range h.partRoots {
		if h.parts[part] != nil && root != recompute.ManifestParts(tree)[part].Root {
			errs = append(errs, fmt.Errorf("manifest part %d is not the manifest's", part))
		}
	}
	h.revealed, h.parts = nil, [2][]recompute.Header{}
	if len(errs) > 0 {
		return fmt.Errorf("%w: %w: round %d (dropped; the manifest is held): %w", ErrImpossible, ErrReveal, h.round, errors.Join(errs...))
	}
	return nil
}

// AddRow verifies a row object, key its entriesRoot, against the headers
// that name it (recompute.VerifyRow) and holds it for each; it returns those
// providers. Identical rows share an object: several headers may name one
// key. The manifest must be held (ErrNoManifest).
func (h *Holdings) AddRow(key common.Hash, data []byte) ([]int, error) {
	if h.manifest == nil {
		return nil, fmt.Errorf("row %s: %w", key.Hex(), ErrNoManifest)
	}
	ps := h.byKey[key]
	if len(ps) == 0 {
		return nil, fmt.Errorf("row %s: %w", key.Hex(), ErrUnknownKey)
	}
	if len(data) > recompute.MaxRowSize {
		return nil, fmt.Errorf("row %s of %d bytes: %w", key.Hex(), len(data), recompute.ErrTooLarge)
	}
	// Headers naming one key may still differ in entryCount: verify once
	// per count.
	type outcome struct {
		row recompute.Row
		err error
	}
	byCount := map[uint256.Int]outcome{}
	var got []int
	var err error
	for _, p := range ps {
		hd := &h.manifest.Headers[p]
		o, ok := byCount[hd.EntryCount]
		if !ok {
			o.row, o.err = recompute.VerifyRow(hd, data)
			byCount[hd.EntryCount] = o
		}
		if o.err != nil {
			err = o.err
			continue
		}
		h.rows[p], h.held[p] = o.row, true
		got = append(got, p)
	}
	if len(got) == 0 {
		return nil, fmt.Errorf("row %s of round %d: %w", key.Hex(), h.round, err)
	}
	return got, nil
}

// AddVerifiedRow holds row, already verified against a header naming key
// (recompute.VerifyRow: da.Client.Row returns rows so verified), for every
// provider whose header names key with row's entry count, without hashing
// it again: a row of 1,000 entries costs 2,000 keccaks to verify, and the
// da client has just spent them. It returns the providers now held; a key
// no header names is ErrUnknownKey, and headers naming key that all want
// another entry count are recompute.ErrEntryCount.
func (h *Holdings) AddVerifiedRow(key common.Hash, row recompute.Row) ([]int, error) {
	if h.manifest == nil {
		return nil, fmt.Errorf("row %s: %w", key.Hex(), ErrNoManifest)
	}
	ps := h.byKey[key]
	if len(ps) == 0 {
		return nil, fmt.Errorf("row %s: %w", key.Hex(), ErrUnknownKey)
	}
	var got []int
	for _, p := range ps {
		if n := &h.manifest.Headers[p].EntryCount; n.IsUint64() && n.Uint64() == uint64(row.Len()) {
			h.rows[p], h.held[p] = row, true
			got = append(got, p)
		}
	}
	if len(got) == 0 {
		return nil, fmt.Errorf("row %s of round %d with %d entries: %w", key.Hex(), h.round, row.Len(), recompute.ErrEntryCount)
	}
	return got, nil
}

// RowRevealed holds row p as a RowRevealed event carries it: its header and
// entries. The entries must rebuild the header's entriesRoot with its
// entryCount, and the header must be the manifest's header p when the
// manifest is held, or the one of an earlier reveal of p (ErrReveal
// otherwise: the contract checked both).
func (h *Holdings) RowRevealed(p int, header recompute.Header, entries []recompute.Entry) error {
	if p < 0 || p >= h.c.ProviderCount {
		return fmt.Errorf("%w: %w: row %d revealed in a round of %d providers", ErrImpossible, ErrReveal, p, h.c.ProviderCount)
	}
	if len(entries) > recompute.MaxRowEntries {
		return fmt.Errorf("%w: %w: row %d revealed with %d entries: %w", ErrImpossible, ErrReveal, p, len(entries), recompute.ErrTooLarge)
	}
	row, err := recompute.VerifyRow(&header, recompute.NewRow(entries).Bytes())
	if err != nil {
		return fmt.Errorf("%w: %w: row %d: %w", ErrImpossible, ErrReveal, p, err)
	}
	want, known := h.revealed[p]
	if h.manifest != nil {
		want, known = revealedRow{header: h.manifest.Headers[p]}, true
	}
	if known && want.header != header {
		return fmt.Errorf("%w: %w: row %d revealed with another header than the one held", ErrImpossible, ErrReveal, p)
	}
	if h.manifest == nil {
		h.revealed[p] = revealedRow{header: header, row: row}
		return nil
	}
	h.rows[p], h.held[p] = row, true
	return nil
}

// ManifestRevealed holds manifest part `part` as a ManifestRevealed event
// carries it: its headers. With at most 512 providers the one part is the
// whole manifest: its tree must have providersRoot as root, and round and E
// come from the commitment. With more, the parts are the level-9 subtrees
// (section 7.3): a part alone cannot be checked (the other part's root is not
// on chain), so it is kept until the other comes, and the two must hash to
// providersRoot. Anything else is refused with ErrReveal. Rows revealed
// before the manifest was held that contradict it are dropped and reported
// as AddManifest does.
func (h *Holdings) ManifestRevealed(part int, headers []recompute.Header) error {
	root, err := recompute.PartRoot(part, h.c.ProviderCount, headers)
	if err != nil {
		return fmt.Errorf("%w: %w: %w", ErrImpossible, ErrReveal, err)
	}
	if h.manifest != nil {
		if root != recompute.ManifestParts(h.tree)[part].Root {
			return fmt.Errorf("%w: %w: manifest part %d is not the manifest's", ErrImpossible, ErrReveal, part)
		}
		return nil
	}
	if h.c.ProviderCount <= recompute.PartSize {
		if root != h.c.ProvidersRoot {
			return fmt.Errorf("%w: %w: the manifest's one part gives %s, not providersRoot %s", ErrImpossible, ErrReveal, root.Hex(), h.c.ProvidersRoot.Hex())
		}
		return h.assemble(slices.Clone(headers))
	}
	return h.revealPart(part, headers, root)
}

// revealPart keeps part `part` of a manifest of more than 512 providers and,
// once both parts are held, assembles the manifest from them.
func (h *Holdings) revealPart(part int, headers []recompute.Header, root common.Hash) error {
	if h.parts[part] != nil && h.partRoots[part] != root {
		return fmt.Errorf("%w: %w: manifest part %d revealed twice with other headers", ErrImpossible, ErrReveal, part)
	}
	if h.parts[1-part] == nil {
		h.parts[part], h.partRoots[part] = slices.Clone(headers), root
		return nil
	}
	roots := h.partRoots
	roots[part] = root
	if got := crypto.Keccak256Hash(roots[0][:], roots[1][:]); got != h.c.ProvidersRoot {
		return fmt.Errorf("%w: %w: manifest part %d with the part held gives %s, not providersRoot %s",
			ErrImpossible, ErrReveal, part, got.Hex(), h.c.ProvidersRoot.Hex())
	}
	p0, p1 := h.parts[0], h.parts[1]
	if part == 0 {
		p0 = headers
	} else {
		p1 = headers
	}
	return h.assemble(append(slices.Clone(p0), p1...))
}

// assemble holds the manifest made of all the round's headers, round and E
// from the commitment; it must rebuild commitmentRoot.
func (h *Holdings) assemble(headers []recompute.Header) error {
	m := &recompute.Manifest{Headers: headers}
	m.Round.SetUint64(h.round)
	m.E.SetUint64(h.c.EntryCount)
	tree := recompute.ProvidersTree(headers)
	if got := m.CommitmentRoot(tree.Root()); got != h.c.Root {
		return fmt.Errorf("%w: %w: the revealed manifest gives %s, not commitmentRoot %s", ErrImpossible, ErrReveal, got.Hex(), h.c.Root.Hex())
	}
	return h.install(m, tree)
}

// AddAllocations verifies provider p's allocations object, key the
// providerAllocRoot a batch claims for p, against row p
// (recompute.VerifyAllocations) and holds its amounts. Row p must be held
// (ErrNoRow).
func (h *Holdings) AddAllocations(p int, key common.Hash, data []byte) error {
	if p < 0 || p >= h.c.ProviderCount {
		return fmt.Errorf("allocations of provider %d of %d: %w", p, h.c.ProviderCount, ErrPosition)
	}
	if h.manifest == nil {
		return fmt.Errorf("allocations of provider %d: %w", p, ErrNoManifest)
	}
	if !h.held[p] {
		return fmt.Errorf("allocations of provider %d: %w", p, ErrNoRow)
	}
	amounts, err := recompute.VerifyAllocations(key, h.manifest.Headers[p].Provider, h.rows[p], data)
	if err != nil {
		return fmt.Errorf("allocations of provider %d: %w", p, err)
	}
	h.allocs[allocKey{p, key}] = amounts
	return nil
}

func sortedKeys[V any](m map[int]V) []int {
	ks := make([]int, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
