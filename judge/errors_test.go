package judge

import (
	"errors"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/recompute"
)

// TestJudgeImpossibleFacts: facts the contract forbids are an error, never
// a verdict.
func TestJudgeImpossibleFacts(t *testing.T) {
	f := wellFormed(4, 3).build(9)
	roots := f.correctRoots(t)
	cases := []struct {
		name string
		edit func(fs *Facts)
		want []error
	}{
		{"batch/short", func(fs *Facts) { fs.Batch = f.batch(0, roots[:3]) }, []error{ErrImpossible, ErrBatch}},
		{"batch/long", func(fs *Facts) { fs.Batch = f.batch(0, append(slices.Clone(roots), common.Hash{})) }, []error{ErrImpossible, ErrBatch}},
		{"batch/alloc-tree-root", func(fs *Facts) { fs.Batch = f.batch(0, roots); fs.Batch.AllocTreeRoot[0] ^= 1 }, []error{ErrImpossible, ErrBatch}},
		{"batch/allocation-root", func(fs *Facts) { fs.Batch = f.batch(0, roots); fs.Batch.AllocationRoot[0] ^= 1 }, []error{ErrImpossible, ErrBatch}},
		{"batch/roots-changed", func(fs *Facts) { fs.Batch = f.batch(0, roots); fs.Batch.ProviderAllocRoots[2][0] ^= 1 }, []error{ErrImpossible, ErrBatch}},
		{"commitment/root", func(fs *Facts) { fs.Commitment.Root[0] ^= 1; fs.Held = nil }, []error{ErrImpossible, ErrCommitment}},
		{"commitment/round", func(fs *Facts) { fs.Round++; fs.Held = nil }, []error{ErrImpossible, ErrCommitment}},
		{"commitment/no-providers", func(fs *Facts) { fs.Commitment.ProviderCount = 0; fs.Held = nil }, []error{ErrImpossible, ErrCommitment}},
		{"commitment/E-over-1024P", func(fs *Facts) { fs.Commitment.EntryCount = 4097; fs.Held = nil }, []error{ErrImpossible, ErrCommitment}},
		{"holdings/other-round", func(fs *Facts) {
			other := wellFormed(4, 3).build(10)
			fs.Held = other.holdings(t, nil)
		}, []error{ErrWrongHoldings}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := f.facts(f.holdings(t, nil), nil)
			c.edit(&fs)
			v, res, err := Judge(fs, recompute.Options{})
			for _, w := range c.want {
				if !errors.Is(err, w) {
					t.Fatalf("err = %v, want %v", err, w)
				}
			}
			if v.Status != "" || res != nil {
				t.Fatalf("a verdict %s beside the error", v.Status)
			}
		})
	}
	// Unconfirmed facts are checked too: a lying node is lying already.
	fs := f.facts(nil, f.batch(0, roots[:2]))
	fs.Confirmed = false
	if _, _, err := Judge(fs, recompute.Options{}); !errors.Is(err, ErrBatch) {
		t.Fatalf("unconfirmed: err = %v", err)
	}
	if _, err := NewHoldings(9, Commitment{Root: common.Hash{1}, ProviderCount: 1}); !errors.Is(err, ErrCommitment) {
		t.Fatalf("NewHoldings: err = %v", err)
	}
}

// TestHoldingsRefusals: each object that does not verify is refused with
// its class, and nothing is held.
func TestHoldingsRefusals(t *testing.T) {
	f := wellFormed(4, 3).build(9)
	row1 := f.rows[1].Bytes()
	key1 := f.m.Headers[1].EntriesRoot
	fresh := func(t *testing.T) *Holdings {
		h, err := NewHoldings(9, f.c)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	other := wellFormed(4, 3)
	other.caps[0].AddUint64(&other.caps[0], 1)
	of := other.build(9)
	_, wrongRoot := f.wrongAmounts(t, 1, 0)
	cases := []struct {
		name string
		do   func(t *testing.T) error
		want error
	}{
		{"row before manifest", func(t *testing.T) error { _, err := fresh(t).AddRow(key1, row1); return err }, ErrNoManifest},
		{"row of no header", func(t *testing.T) error { _, err := f.holdings(t, nil).AddRow(common.Hash{1}, row1); return err }, ErrUnknownKey},
		{"row under another key", func(t *testing.T) error {
			_, err := f.holdings(t, nil).AddRow(f.m.Headers[2].EntriesRoot, row1)
			return err
		}, recompute.ErrKeyMismatch},
		{"row of another count", func(t *testing.T) error {
			_, err := f.holdings(t, nil).AddRow(key1, recompute.NewRow(f.rows[1].Entries()[:2]).Bytes())
			return err
		}, recompute.ErrEntryCount},
		{"row trailing byte", func(t *testing.T) error {
			_, err := f.holdings(t, nil).AddRow(key1, append(slices.Clone(row1), 0))
			return err
		}, recompute.ErrEncoding},
		{"verified row before manifest", func(t *testing.T) error { _, err := fresh(t).AddVerifiedRow(key1, f.rows[1]); return err }, ErrNoManifest},
		{"verified row of no header", func(t *testing.T) error {
			_, err := f.holdings(t, nil).AddVerifiedRow(common.Hash{1}, f.rows[1])
			return err
		}, ErrUnknownKey},
		{"verified row of another count", func(t *testing.T) error {
			_, err := f.holdings(t, nil).AddVerifiedRow(key1, recompute.NewRow(f.rows[1].Entries()[:2]))
			return err
		}, recompute.ErrEntryCount},
		{"row too large", func(t *testing.T) error {
			_, err := f.holdings(t, nil).AddRow(key1, make([]byte, recompute.MaxRowSize+1))
			return err
		}, recompute.ErrTooLarge},
		{"manifest of another commitment", func(t *testing.T) error { return fresh(t).AddManifest(of.manifestBytes()) }, recompute.ErrKeyMismatch},
		{"manifest garbage", func(t *testing.T) error { return fresh(t).AddManifest([]byte{1, 2, 3}) }, recompute.ErrEncoding},
		{"manifest too large", func(t *testing.T) error { return fresh(t).AddManifest(make([]byte, recompute.MaxManifestSize+32)) }, recompute.ErrTooLarge},
		{"allocations before manifest", func(t *testing.T) error { return fresh(t).AddAllocations(1, wrongRoot, nil) }, ErrNoManifest},
		{"allocations without row", func(t *testing.T) error { return f.holdings(t, without(1)).AddAllocations(1, wrongRoot, nil) }, ErrNoRow},
		{"allocations of no provider", func(t *testing.T) error { return f.holdings(t, nil).AddAllocations(4, wrongRoot, nil) }, ErrPosition},
		{"allocations of another length", func(t *testing.T) error {
			return f.holdings(t, nil).AddAllocations(1, wrongRoot, make([]byte, 64))
		}, recompute.ErrEntryCount},
		{"allocations of another key", func(t *testing.T) error {
			return f.holdings(t, nil).AddAllocations(1, wrongRoot, make([]byte, 96))
		}, recompute.ErrKeyMismatch},
		{"revealed row with another header", func(t *testing.T) error {
			hd := f.m.Headers[1]
			hd.Capacity.AddUint64(&hd.Capacity, 1)
			return f.holdings(t, without(1)).RowRevealed(1, hd, f.rows[1].Entries())
		}, ErrReveal},
		{"revealed row not rebuilding its root", func(t *testing.T) error {
			return fresh(t).RowRevealed(1, f.m.Headers[1], f.rows[2].Entries())
		}, ErrReveal},
		{"revealed row of no provider", func(t *testing.T) error { return fresh(t).RowRevealed(4, f.m.Headers[1], f.rows[1].Entries()) }, ErrReveal},
		{"revealed row twice, other headers", func(t *testing.T) error {
			h := fresh(t)
			if err := h.RowRevealed(1, f.m.Headers[1], f.rows[1].Entries()); err != nil {
				t.Fatal(err)
			}
			hd := f.m.Headers[1]
			hd.Capacity.AddUint64(&hd.Capacity, 1)
			return h.RowRevealed(1, hd, f.rows[1].Entries())
		}, ErrReveal},
		{"revealed manifest of another round", func(t *testing.T) error { return fresh(t).ManifestRevealed(0, of.m.Headers) }, ErrReveal},
		{"revealed manifest part 1 of 4 providers", func(t *testing.T) error { return fresh(t).ManifestRevealed(1, f.m.Headers) }, ErrReveal},
		{"revealed manifest short", func(t *testing.T) error { return fresh(t).ManifestRevealed(0, f.m.Headers[:3]) }, ErrReveal},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.do(t)
			if !errors.Is(err, c.want) || !classified(err) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
		})
	}
}

// TestHoldingsRevealBeforeManifest: rows revealed before the manifest is
// held count once it is; one that contradicts it is dropped and reported,
// and the manifest is held all the same.
func TestHoldingsRevealBeforeManifest(t *testing.T) {
	f := wellFormed(4, 3).build(9)
	h, _ := NewHoldings(9, f.c)
	if err := h.RowRevealed(2, f.m.Headers[2], f.rows[2].Entries()); err != nil {
		t.Fatal(err)
	}
	// A self-consistent row with another header: only the manifest shows it
	// is not the round's.
	liar := f.m.Headers[3]
	liar.Capacity.AddUint64(&liar.Capacity, 1)
	if err := h.RowRevealed(3, liar, f.rows[3].Entries()); err != nil {
		t.Fatal(err)
	}
	if err := h.AddManifest(f.manifestBytes()); !errors.Is(err, ErrReveal) || !errors.Is(err, ErrImpossible) {
		t.Fatalf("AddManifest = %v, want ErrReveal", err)
	}
	if m, _ := h.Manifest(); m == nil || !h.HasRow(2) || h.HasRow(3) || h.HasRow(0) {
		t.Fatalf("manifest %v, rows %v %v %v", m != nil, h.HasRow(2), h.HasRow(3), h.HasRow(0))
	}
	// A second manifest is verified, and otherwise changes nothing.
	if err := h.AddManifest(f.manifestBytes()); err != nil {
		t.Fatal(err)
	}
}

// TestHoldingsSharedRow: identical rows share one object; one AddRow holds
// every row it is, and a row with no entries and a zero root is held with
// the manifest.
func TestHoldingsSharedRow(t *testing.T) {
	s := wellFormed(4, 3)
	s.rows[2] = s.rows[0]
	s.providers[2] = addr(0xa0, 3) // keep the order
	s.rows[3] = nil
	f := s.build(9)
	h := f.holdings(t, func(int) bool { return false })
	if !h.HasRow(3) || h.HasRow(0) {
		t.Fatal("the empty row is not held with the manifest, or row 0 is held unfetched")
	}
	ps, err := h.AddRow(f.m.Headers[0].EntriesRoot, f.rows[0].Bytes())
	if err != nil || !slices.Equal(ps, []int{0, 2}) {
		t.Fatalf("AddRow = %v, %v", ps, err)
	}
	if _, err := h.AddRow(common.Hash{}, nil); !errors.Is(err, ErrUnknownKey) {
		t.Fatalf("the zero key: %v", err)
	}
	// A row the da client verified is held the same way, unhashed.
	h = f.holdings(t, func(int) bool { return false })
	if ps, err := h.AddVerifiedRow(f.m.Headers[0].EntriesRoot, f.rows[0]); err != nil || !slices.Equal(ps, []int{0, 2}) || !h.HasRow(2) {
		t.Fatalf("AddVerifiedRow = %v, %v", ps, err)
	}
}
