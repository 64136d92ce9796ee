package judge

import (
	"encoding/binary"
	"errors"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/recompute"
)

// spec is a round as a test writes it: providers, capacities and rows, from
// which build derives the manifest (offsets by prefix sums, counts, entries
// roots, E), then header edits a row cannot express.
type spec struct {
	providers []common.Address
	caps      []uint256.Int
	rows      [][]recompute.Entry
	edits     []func(m *recompute.Manifest)
}

// addr returns an address whose first byte is tag and last eight bytes i:
// ascending in i for one tag.
func addr(tag byte, i int) common.Address {
	var a common.Address
	a[0] = tag
	binary.BigEndian.PutUint64(a[12:], uint64(i))
	return a
}

// wellFormed returns a round of P providers whose rows each name the same k
// recipients (recipient i's residual is i+1, mr j+1), capacity 10^6 + p.
func wellFormed(P, k int) *spec {
	s := &spec{}
	for p := range P {
		s.providers = append(s.providers, addr(0xa0, p+1))
		s.caps = append(s.caps, *uint256.NewInt(1_000_000 + uint64(p)))
		row := make([]recompute.Entry, k)
		for j := range row {
			row[j] = recompute.Entry{Recipient: addr(0x10, j+1), MR: *uint256.NewInt(uint64(j + p + 1)), Residual: *uint256.NewInt(uint64(j+1) * 1000)}
		}
		s.rows = append(s.rows, row)
	}
	return s
}

// fixture is a built round: its manifest, rows and commitment.
type fixture struct {
	round uint64
	m     recompute.Manifest
	tree  *recompute.Tree
	rows  []recompute.Row
	c     Commitment
}

func (s *spec) build(round uint64) *fixture {
	f := &fixture{round: round}
	f.m.Round.SetUint64(round)
	total := uint64(0)
	for p := range s.providers {
		row := recompute.NewRow(s.rows[p])
		f.rows = append(f.rows, row)
		k := uint64(len(s.rows[p]))
		f.m.Headers = append(f.m.Headers, recompute.Header{Provider: s.providers[p], Capacity: s.caps[p],
			EntryOffset: *uint256.NewInt(total), EntryCount: *uint256.NewInt(k), EntriesRoot: recompute.EntriesRoot(row)})
		total += k
	}
	f.m.E.SetUint64(total)
	for _, edit := range s.edits {
		edit(&f.m)
	}
	f.tree = recompute.ProvidersTree(f.m.Headers)
	f.c = Commitment{Root: f.m.CommitmentRoot(f.tree.Root()), ProvidersRoot: f.tree.Root(),
		ProviderCount: len(f.m.Headers), EntryCount: f.m.E.Uint64()}
	return f
}

func (f *fixture) manifestBytes() []byte { return recompute.EncodeManifest(&f.m) }

// evaluate is the oracle: recompute.EvaluateObjects over every object.
func (f *fixture) evaluate() (*recompute.Result, *recompute.Violation) {
	rows := map[common.Hash][]byte{}
	for p, hd := range f.m.Headers {
		rows[hd.EntriesRoot] = f.rows[p].Bytes()
	}
	return recompute.EvaluateObjects(f.c.Root, f.manifestBytes(), uint256.NewInt(f.round), func(k common.Hash) []byte { return rows[k] }, recompute.Options{})
}

// holdings returns holdings with the manifest and the rows p with
// keep(p) (nil keeps all) fetched; rows that do not verify are left out.
func (f *fixture) holdings(t testing.TB, keep func(p int) bool) *Holdings {
	t.Helper()
	h, err := NewHoldings(f.round, f.c)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.AddManifest(f.manifestBytes()); err != nil {
		t.Fatal(err)
	}
	for p, hd := range f.m.Headers {
		if hd.NeedsRow() && (keep == nil || keep(p)) {
			h.AddRow(hd.EntriesRoot, f.rows[p].Bytes()) //nolint:errcheck // a row that does not verify is not held
		}
	}
	return h
}

// without returns a keep function holding every row but those listed.
func without(ps ...int) func(int) bool { return func(p int) bool { return !slices.Contains(ps, p) } }

// correctRoots returns the providerAllocRoots of a well-formed round.
func (f *fixture) correctRoots(t testing.TB) []common.Hash {
	t.Helper()
	res, v := f.evaluate()
	if v != nil {
		t.Fatalf("not well formed: %v", v)
	}
	return slices.Clone(res.ProviderAllocRoots)
}

// batch returns a batch of the round with the given roots, its tree and
// allocation roots consistent with them.
func (f *fixture) batch(attempt uint64, roots []common.Hash) *Batch {
	tree := recompute.NewTree(roots).Root()
	return &Batch{Attempt: attempt, AllocationRoot: recompute.AllocationRoot(f.c.Root, tree), AllocTreeRoot: tree,
		SignerBitmap: *uint256.NewInt(0b111), Deadline: 1000, ProviderAllocRoots: slices.Clone(roots)}
}

// facts returns confirmed facts of the round.
func (f *fixture) facts(h *Holdings, b *Batch) Facts {
	c := f.c
	return Facts{Round: f.round, Commitment: &c, Batch: b, Confirmed: true, Held: h}
}

// wrongAmounts returns row p's correct amounts with entry j's raised by
// one, and the providerAllocRoot they give.
func (f *fixture) wrongAmounts(t testing.TB, p, j int) ([]uint256.Int, common.Hash) {
	t.Helper()
	_, amounts, err := recompute.AllocateRow(&f.m.Headers[p].Capacity, f.rows[p])
	if err != nil {
		t.Fatal(err)
	}
	amounts[j].AddUint64(&amounts[j], 1)
	return amounts, recompute.ProviderAllocRoot(f.m.Headers[p].Provider, f.rows[p], amounts)
}

func judge(t testing.TB, f Facts) (Verdict, *recompute.Result) {
	t.Helper()
	v, res, err := Judge(f, recompute.Options{})
	if err != nil {
		t.Fatalf("Judge: %v", err)
	}
	return v, res
}

// classified reports whether err is one of the refusals Holdings documents.
func classified(err error) bool {
	for _, e := range []error{recompute.ErrEncoding, recompute.ErrTooLarge, recompute.ErrKeyMismatch, recompute.ErrEntryCount,
		recompute.ErrNoPosition, ErrNoManifest, ErrUnknownKey, ErrNoRow, ErrPosition, ErrReveal} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

func ip(v int) *int { return &v }
