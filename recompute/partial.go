package recompute

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// ErrRowsShape: the rows given to EvaluateHeld do not fit the manifest: other
// than one slot per provider, a providers tree of another size, or a held row
// whose length is not its header's entryCount.
var ErrRowsShape = errors.New("rows do not fit the manifest")

// cleanRow is the scan of a row that breaks no per-row entry rule.
var cleanRow = rowFirsts{-1, -1, -1, -1}

// EvaluateHeld evaluates what the rows a reader holds already prove about a
// round, before the rest can be had (PROTOCOL.md section 10: "a watcher
// proves what the data it holds already proves").
//
// m is a verified manifest (VerifyManifest, or assembled from revealed parts)
// and tree its providers tree; rows[p] is row p where held[p], verified
// against header p (VerifyRow: only its length is checked again here), and
// is ignored elsewhere. The checks run in the order of EvaluateObjects less
// unavailable-row: bounds, the header rules, then the per-row entry rules
// over the held rows (by rule, then p, then j), then residual-consistency
// among the held rows. A row not held is skipped by every entry rule, so the
// violation reported is the first one the held data proves, which is the
// round's first when every row is held. With every row held the outcome is
// exactly EvaluateObjects' on the same objects, less the re-hashing of the
// rows.
//
// The Result shares m, tree and the rows' bytes; Result.Rows is a fresh slice
// with the empty Row where a row is not held. When no rule is broken, every
// held row's Denominators, amounts (RowAmounts) and ProviderAllocRoots are
// set, and zero for the rows not held; AllocTree, AllocTreeRoot and
// AllocationRoot only when every row is held. The error (ErrRowsShape) is
// for input that breaks the contract above, never for data that breaks a
// rule.
func EvaluateHeld(m *Manifest, tree *Tree, rows []Row, held []bool, opts Options) (*Result, *Violation, error) {
	if err := checkHeldShape(m, tree, rows, held); err != nil {
		return nil, nil, err
	}
	res := &Result{Manifest: m, ProvidersTree: tree, ProvidersRoot: tree.Root()}
	res.CommitmentRoot = m.CommitmentRoot(res.ProvidersRoot)
	res.Rows = make([]Row, len(rows))
	all := true
	for p := range rows {
		if held[p] {
			res.Rows[p] = rows[p]
		}
		all = all && held[p]
	}
	if v := checkManifest(m, nil); v != nil {
		return res, v, nil
	}
	hp := newHeldPass(res, held, opts)
	hp.run()
	if v := firstEntryViolation(res.Rows, hp.firsts); v != nil {
		return res, v, nil
	}
	if v := checkResidualConsistency(res.Rows, hp.workers); v != nil {
		return res, v, nil
	}
	if all {
		res.AllocTree = NewTree(res.ProviderAllocRoots)
		res.AllocTreeRoot = res.AllocTree.Root()
		res.AllocationRoot = AllocationRoot(res.CommitmentRoot, res.AllocTreeRoot)
	}
	return res, nil, nil
}

// checkHeldShape checks what EvaluateHeld requires of its arguments: one
// slot per header, a tree over as many leaves, and held rows as long as their
// headers count them (a header with no row object holds the empty row).
func checkHeldShape(m *Manifest, tree *Tree, rows []Row, held []bool) error {
	P := len(m.Headers)
	if len(rows) != P || len(held) != P || tree == nil || tree.Len() != P {
		return fmt.Errorf("%w: %d rows and %d held flags for %d headers", ErrRowsShape, len(rows), len(held), P)
	}
	for p := range rows {
		if !held[p] {
			continue
		}
		hd := &m.Headers[p]
		if !hd.EntryCount.IsUint64() || hd.EntryCount.Uint64() != uint64(rows[p].Len()) {
			return fmt.Errorf("%w: row %d holds %d entries, its header says %s", ErrRowsShape, p, rows[p].Len(), hd.EntryCount.Dec())
		}
	}
	return nil
}

// heldPass is one pass over the held rows of a round whose header rules
// hold: each row is scanned for the entry rules and, when it breaks none,
// allocated (section 5). Offsets are prefix sums ending at E (entry-offset)
// and rows hold at most 1024 entries (entry-count), so every held row's
// amounts fit in Result.Amounts at its offset.
type heldPass struct {
	res     *Result
	held    []bool
	firsts  []rowFirsts
	workers int
	maxRow  int
}

func newHeldPass(res *Result, held []bool, opts Options) *heldPass {
	P := len(res.Manifest.Headers)
	hp := &heldPass{res: res, held: held, firsts: make([]rowFirsts, P), workers: opts.workers(P)}
	for p := range res.Rows {
		hp.maxRow = max(hp.maxRow, res.Rows[p].Len())
	}
	res.Denominators = make([]uint256.Int, P)
	res.ProviderAllocRoots = make([]common.Hash, P)
	res.Amounts = make([]uint256.Int, res.Manifest.E.Uint64())
	return hp
}

// run does every row on hp.workers goroutines, each with its own scratch,
// taking rows in turn; each writes only index p of the shared slices.
func (hp *heldPass) run() {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range hp.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := newRowWorker(hp.maxRow)
			for {
				p := int(next.Add(1) - 1)
				if p >= len(hp.firsts) {
					return
				}
				hp.row(w, p)
			}
		}()
	}
	wg.Wait()
}

// row scans held row p and allocates it when it breaks no entry rule. The
// capacity is in range: the header rules passed.
func (hp *heldPass) row(w *rowWorker, p int) {
	hp.firsts[p] = cleanRow
	if !hp.held[p] {
		return
	}
	row := hp.res.Rows[p]
	if hp.firsts[p] = scanRow(row); hp.firsts[p] != cleanRow {
		return
	}
	hd := &hp.res.Manifest.Headers[p]
	off := hd.EntryOffset.Uint64()
	amounts := hp.res.Amounts[off : off+uint64(row.Len())]
	w.allocate(&hd.Capacity, row, amounts, &hp.res.Denominators[p])
	hp.res.ProviderAllocRoots[p] = w.allocRoot(hd.Provider, row, amounts)
}
