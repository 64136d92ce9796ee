package recompute

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
)

// MaxWorkers caps Options.Workers: rows are the unit of work, so more
// goroutines than cores only cost memory (each holds a row's scratch).
const MaxWorkers = 256

// Options tunes an evaluation.
type Options struct {
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0).
	// It is capped at MaxWorkers and at the number of providers.
	Workers int
}

func (o Options) workers(providers int) int {
	w := o.Workers
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	return max(1, min(w, MaxWorkers, providers))
}

// Result is what a round's data determines. The roots are set whenever the
// data decoded; the allocation (Denominators onwards) only for a well-formed
// round.
type Result struct {
	Manifest *Manifest
	// Rows are the rows that were read (all of them for a well-formed round).
	Rows           []Row
	ProvidersTree  *Tree
	ProvidersRoot  common.Hash
	CommitmentRoot common.Hash

	// Denominators[p] is sum_j mr_j * residual_j of row p.
	Denominators []uint256.Int
	// Amounts holds every amount by global index: row p's are
	// Amounts[entryOffset_p : entryOffset_p + entryCount_p] (RowAmounts).
	Amounts            []uint256.Int
	ProviderAllocRoots []common.Hash
	// AllocTree is the provider level of the allocation tree, over
	// ProviderAllocRoots.
	AllocTree      *Tree
	AllocTreeRoot  common.Hash
	AllocationRoot common.Hash
}

// RowSource returns the bytes of the row object with the given key, or nil
// when no source has it. It is called from several goroutines at once.
type RowSource func(entriesRoot common.Hash) []byte

// errRowMissing: no source has a row object.
var errRowMissing = errors.New("no row object with that key")

// EvaluateObjects evaluates a round from its data-availability objects: the
// manifest, which must rebuild commitment, and the rows by their entries
// roots. onchainRound may be nil to skip the round check. The checks run in
// the order of RECOMPUTE-CLI.md: unavailable-manifest, round, bounds, the
// header rules, unavailable-row (the lowest p), the entry rules.
func EvaluateObjects(commitment common.Hash, manifest []byte, onchainRound *uint256.Int, rows RowSource, opts Options) (*Result, *Violation) {
	m, tree, err := VerifyManifest(commitment, manifest)
	if err != nil {
		return nil, violation(RuleUnavailableManifest, 0, 0, "the manifest %s: %v", commitment.Hex(), err)
	}
	res := &Result{Manifest: m, ProvidersTree: tree, ProvidersRoot: tree.Root(), CommitmentRoot: commitment}
	if v := checkManifest(m, onchainRound); v != nil {
		return res, v
	}
	ev := newEvaluation(res, make([]Row, len(m.Headers)), opts)
	ev.source = rows
	ev.run()
	for p := range ev.reports {
		if err := ev.reports[p].err; err != nil {
			return res, violation(RuleUnavailableRow, p, 0, "the row of provider %d (%s): %v", p, m.Headers[p].EntriesRoot.Hex(), err)
		}
	}
	return ev.finish()
}

// EvaluateRoundFile evaluates a round from its whole-round file against the
// on-chain round (nil skips the check), in the order of RECOMPUTE-CLI.md's
// --data form: abi, round, bounds, then section 3.
func EvaluateRoundFile(data []byte, onchainRound *uint256.Int, opts Options) (*Result, *Violation) {
	rd, err := decodeRoundFile(data)
	if err != nil {
		return nil, violation(RuleABI, 0, 0, "%v", err)
	}
	res := &Result{Manifest: &rd.Manifest}
	v := checkManifest(res.Manifest, onchainRound)
	ev := newEvaluation(res, rd.Rows, opts)
	ev.rootsOnly = v != nil
	ev.run()
	res.ProvidersTree = ProvidersTree(res.Manifest.Headers)
	res.ProvidersRoot = res.ProvidersTree.Root()
	res.CommitmentRoot = res.Manifest.CommitmentRoot(res.ProvidersRoot)
	if v != nil {
		return res, v
	}
	return ev.finish()
}

// checkManifest checks round, bounds and the header rules, in that order.
func checkManifest(m *Manifest, onchainRound *uint256.Int) *Violation {
	if onchainRound != nil {
		if v := m.CheckRound(onchainRound); v != nil {
			return v
		}
	}
	if v := m.CheckBounds(); v != nil {
		return v
	}
	return m.ValidateHeaders()
}

// evaluation is one round's pass over its rows.
type evaluation struct {
	res     *Result
	rows    []Row
	source  RowSource // objects form: rows are read and verified; nil: rows given
	workers int
	// rootsOnly: the round is already known to be malformed; only the
	// entries roots are wanted (the --data form's output).
	rootsOnly bool
	reports   []rowReport
	maxRow    int
}

// rowReport is what the pass finds in one row.
type rowReport struct {
	err    error // objects form: why the row is unavailable
	firsts rowFirsts
	// computed: the row's values are in range and its amounts, denominator
	// and allocation root are set.
	computed bool
}

func newEvaluation(res *Result, rows []Row, opts Options) *evaluation {
	P := len(res.Manifest.Headers)
	ev := &evaluation{res: res, rows: rows, workers: opts.workers(P), reports: make([]rowReport, P)}
	for p := range rows {
		ev.maxRow = max(ev.maxRow, rows[p].Len())
	}
	if P > 0 && P <= MaxProviders {
		ev.maxRow = max(ev.maxRow, MaxRowEntries) // objects form: counts checked by the header rules
		res.Denominators = make([]uint256.Int, P)
		res.ProviderAllocRoots = make([]common.Hash, P)
		if res.Manifest.E.IsUint64() && res.Manifest.E.Uint64() <= MaxEntries {
			res.Amounts = make([]uint256.Int, res.Manifest.E.Uint64())
		}
	}
	return ev
}

// run does every row on ev.workers goroutines, each with its own scratch,
// taking rows in turn.
func (ev *evaluation) run() {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range ev.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := newRowWorker(ev.maxRow)
			for {
				p := int(next.Add(1) - 1)
				if p >= len(ev.reports) {
					return
				}
				ev.row(w, p)
			}
		}()
	}
	wg.Wait()
}

// row reads (objects form) and hashes row p, then, unless rootsOnly, scans it
// for the entry rules and computes its allocation when its values are in
// range. It writes only index p of the shared slices.
func (ev *evaluation) row(w *rowWorker, p int) {
	hd := &ev.res.Manifest.Headers[p]
	rep := &ev.reports[p]
	if ev.source != nil {
		row, err := ev.read(hd)
		if err != nil {
			rep.err = err
			return
		}
		ev.rows[p] = row
	}
	row := ev.rows[p]
	root := entriesRoot(w.h, row, w.leaves[:row.Len()])
	if ev.source == nil {
		hd.EntriesRoot = root
	} else if root != hd.EntriesRoot {
		rep.err = fmt.Errorf("%w (it gives %s)", ErrKeyMismatch, root.Hex())
		return
	}
	if ev.rootsOnly {
		return
	}
	rep.firsts = scanRow(row)
	if rep.firsts != (rowFirsts{-1, -1, -1, -1}) || hd.Capacity.BitLen() > 128 {
		return
	}
	off := hd.EntryOffset.Uint64()
	amounts := ev.res.Amounts[off : off+uint64(row.Len())]
	w.allocate(&hd.Capacity, row, amounts, &ev.res.Denominators[p])
	ev.res.ProviderAllocRoots[p] = w.allocRoot(hd.Provider, row, amounts)
	rep.computed = true
}

// read returns the verified-count row of hd from the source, its root not
// yet checked. A header with no entries and a zero root needs no object.
func (ev *evaluation) read(hd *Header) (Row, error) {
	if !hd.NeedsRow() {
		return Row{}, nil
	}
	data := ev.source(hd.EntriesRoot)
	if data == nil {
		return Row{}, errRowMissing
	}
	return decodeRowFor(hd, data)
}

// finish checks the entry rules, then builds the provider level of the
// allocation tree.
func (ev *evaluation) finish() (*Result, *Violation) {
	ev.res.Rows = ev.rows
	firsts := make([]rowFirsts, len(ev.reports))
	for p := range ev.reports {
		firsts[p] = ev.reports[p].firsts
	}
	if v := firstEntryViolation(ev.rows, firsts); v != nil {
		return ev.res, v
	}
	if v := checkResidualConsistency(ev.rows, ev.workers); v != nil {
		return ev.res, v
	}
	res := ev.res
	res.AllocTree = NewTree(res.ProviderAllocRoots)
	res.AllocTreeRoot = res.AllocTree.Root()
	res.AllocationRoot = AllocationRoot(res.CommitmentRoot, res.AllocTreeRoot)
	return res, nil
}

// rowWorker is one goroutine's scratch: nothing is allocated per row or
// per entry.
type rowWorker struct {
	h      crypto.KeccakState
	leaves []common.Hash
	w      []uint256.Int // mr * residual
	mr     uint256.Int
	res    uint256.Int
	buf    [3 * wordSize]byte
}

func newRowWorker(maxRow int) *rowWorker {
	return &rowWorker{
		h:      crypto.NewKeccakState(),
		leaves: make([]common.Hash, maxRow),
		w:      make([]uint256.Int, maxRow),
	}
}

// allocate is the row math of section 5: w_j = mr_j * residual_j,
// denom = sum w_j, amount_j = floor(C * w_j / denom) (0 when denom is 0), the
// product exact in 512 bits. The values must be in range (scanRow, the
// capacity rule): then w_j < 2^192 and denom < 2^202.
func (rw *rowWorker) allocate(capacity *uint256.Int, row Row, amounts []uint256.Int, denom *uint256.Int) {
	w := rw.w[:row.Len()]
	denom.Clear()
	for j := range w {
		rw.mr.SetBytes32(row.word(j, 1))
		rw.res.SetBytes32(row.word(j, 2))
		w[j].Mul(&rw.mr, &rw.res)
		denom.Add(denom, &w[j])
	}
	if denom.IsZero() {
		clear(amounts)
		return
	}
	for j := range w {
		amounts[j].MulDivOverflow(capacity, &w[j], denom)
	}
}

// allocRoot returns providerAllocRoot of a row with its amounts.
func (rw *rowWorker) allocRoot(provider common.Address, row Row, amounts []uint256.Int) common.Hash {
	clear(rw.buf[:12])
	copy(rw.buf[12:wordSize], provider[:])
	leaves := rw.leaves[:row.Len()]
	for j := range leaves {
		allocLeaf(rw.h, &leaves[j], &rw.buf, row, j, &amounts[j])
	}
	return rootInPlace(rw.h, leaves)
}

// AllocateRow computes one row's denominator and amounts (section 5): what a
// bad-allocation proof makes the contract recompute. The capacity and the
// row's values must be in range (ErrOutOfRange otherwise).
func AllocateRow(capacity *uint256.Int, row Row) (denom uint256.Int, amounts []uint256.Int, err error) {
	if f := scanRow(row); capacity.BitLen() > 128 || row.Len() > MaxRowEntries || f[2] >= 0 || f[3] >= 0 {
		return denom, nil, ErrOutOfRange
	}
	amounts = make([]uint256.Int, row.Len())
	newRowWorker(row.Len()).allocate(capacity, row, amounts, &denom)
	return denom, amounts, nil
}

// RowAmounts returns row p's amounts of a well-formed round.
func (r *Result) RowAmounts(p int) []uint256.Int {
	off := r.Manifest.Headers[p].EntryOffset.Uint64()
	return r.Amounts[off : off+uint64(r.Rows[p].Len())]
}
