package recompute

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// roundSpec is a round as the generator makes it and the injections change
// it: providers, capacities and rows, from which build derives the manifest
// (offsets by prefix sums, counts, entries roots, E), then the header edits
// that a whole-round file cannot express.
type roundSpec struct {
	round      uint256.Int
	providers  []common.Address
	capacities []uint256.Int
	rows       [][]Entry
	edits      []func(m *Manifest)
}

// genConfig bounds a generated round.
type genConfig struct {
	minP, maxP     int
	minRow, maxRow int
}

// valueMode biases the values of one generated round.
type valueMode int

const (
	modeMixed valueMode = iota // edge-biased values over the full legal ranges
	modeMax                    // every value at its maximum
	modeZero                   // zero residuals and capacities, edge-biased mr
	modeSmall                  // small values: many rounding remainders
	nModes
)

var (
	smallConfig = genConfig{minP: 1, maxP: 12, minRow: 0, maxRow: 20}
	fullConfig  = genConfig{minP: 1, maxP: 40, minRow: 0, maxRow: 70}
	// richConfig has at least three providers, two entries per row and a
	// recipient named by two rows: every rule can be injected.
	richConfig = genConfig{minP: 3, maxP: 16, minRow: 2, maxRow: 24}
)

// newRand returns the deterministic generator of one seed.
func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

// forSeeds runs fn as one subtest per seed: a fixed list of seeds, then n
// more drawn from a generator seeded with n, each subtest named by its seed
// so that a failure reproduces on its own (-run 'Test/seed=S').
func forSeeds(t *testing.T, n int, fn func(t *testing.T, rng *rand.Rand)) {
	t.Helper()
	seeds := []uint64{0, 1, 2, 3, 42, 0xdeadbeef, 1 << 63}
	next := newRand(uint64(n))
	for range n {
		seeds = append(seeds, next.Uint64())
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) { fn(t, newRand(seed)) })
	}
}

// genSpec returns a random well-formed round within cfg.
func genSpec(rng *rand.Rand, cfg genConfig) *roundSpec {
	mode := valueMode(rng.IntN(int(nModes)))
	P := cfg.minP + rng.IntN(cfg.maxP-cfg.minP+1)
	sizes := make([]int, P)
	total, largest := 0, 0
	for p := range sizes {
		sizes[p] = genRowSize(rng, cfg)
		total += sizes[p]
		largest = max(largest, sizes[p])
	}
	pool := largest + rng.IntN(2*largest+2)
	if cfg.minP >= 2 && cfg.minRow >= 1 {
		pool = largest + rng.IntN(total-largest) // fewer recipients than entries: some are shared
	}
	s := &roundSpec{round: genRoundNumber(rng), providers: genAddresses(rng, P), capacities: make([]uint256.Int, P), rows: make([][]Entry, P)}
	recipients := genAddresses(rng, pool)
	residuals := make([]uint256.Int, pool)
	for i := range residuals {
		residuals[i] = genValue(rng, mode, 128, false)
	}
	for p := range P {
		s.capacities[p] = genValue(rng, mode, 128, false)
		s.rows[p] = genRow(rng, mode, sizes[p], recipients, residuals)
	}
	return s
}

func genRowSize(rng *rand.Rand, cfg genConfig) int {
	switch rng.IntN(4) {
	case 0:
		return cfg.minRow
	case 1:
		return cfg.maxRow
	}
	return cfg.minRow + rng.IntN(cfg.maxRow-cfg.minRow+1)
}

// genRow picks k distinct recipients of the pool in address order, each
// with its pool residual and a random mr.
func genRow(rng *rand.Rand, mode valueMode, k int, recipients []common.Address, residuals []uint256.Int) []Entry {
	picks := rng.Perm(len(recipients))[:k]
	slices.Sort(picks)
	row := make([]Entry, k)
	for j, i := range picks {
		row[j] = Entry{Recipient: recipients[i], MR: genValue(rng, mode, 64, true), Residual: residuals[i]}
	}
	return row
}

func genRoundNumber(rng *rand.Rand) uint256.Int {
	if rng.IntN(4) == 0 {
		return genWord(rng, 256)
	}
	return *uint256.NewInt(rng.Uint64N(1 << 53))
}

// genValue returns a value below 2^bits in the round's mode, at least 1 when
// positive is set.
func genValue(rng *rand.Rand, mode valueMode, bits int, positive bool) uint256.Int {
	var v uint256.Int
	switch mode {
	case modeMax:
		v = maxBelow(bits)
	case modeZero:
		if !positive {
			return v
		}
		v = genWord(rng, bits)
	case modeSmall:
		v.SetUint64(rng.Uint64N(10))
	default:
		v = genWord(rng, bits)
	}
	if positive && v.IsZero() {
		v.SetOne()
	}
	return v
}

// genWord returns an edge-biased value below 2^bits: 0, 1, the maximum and
// its neighbours, powers of two, or random values of a random bit length.
func genWord(rng *rand.Rand, bits int) uint256.Int {
	var v uint256.Int
	switch rng.IntN(8) {
	case 0:
	case 1:
		v.SetOne()
	case 2:
		v = maxBelow(bits)
	case 3:
		m := maxBelow(bits)
		v.SubUint64(&m, 1)
	case 4:
		v.Lsh(uint256.NewInt(1), uint(rng.IntN(bits)))
	default:
		v = randomBits(rng, 1+rng.IntN(bits))
	}
	return v
}

// randomBits returns a uniformly random value below 2^bits.
func randomBits(rng *rand.Rand, bits int) uint256.Int {
	v := uint256.Int{rng.Uint64(), rng.Uint64(), rng.Uint64(), rng.Uint64()}
	if bits < 256 {
		m := maxBelow(bits)
		v.And(&v, &m)
	}
	return v
}

// maxBelow returns 2^bits - 1.
func maxBelow(bits int) uint256.Int {
	var v uint256.Int
	if bits >= 256 {
		return *v.SetAllOne()
	}
	v.Lsh(uint256.NewInt(1), uint(bits))
	v.SubUint64(&v, 1)
	return v
}

// atLeast returns a value in [2^bits, 2^256): out of a range of bits bits.
func atLeast(rng *rand.Rand, bits int) uint256.Int {
	var low uint256.Int
	low.Lsh(uint256.NewInt(1), uint(bits))
	switch rng.IntN(4) {
	case 0:
		return low
	case 1:
		return maxBelow(256)
	}
	v := randomBits(rng, 256)
	v.Or(&v, &low)
	return v
}

// genAddresses returns n distinct non-zero addresses in ascending order, with
// the extremes and runs of neighbours among them.
func genAddresses(rng *rand.Rand, n int) []common.Address {
	set := make(map[common.Address]bool, n)
	var prev common.Address
	for len(set) < n {
		a := genAddress(rng, prev)
		if a != (common.Address{}) {
			set[a] = true
			prev = a
		}
	}
	out := make([]common.Address, 0, n)
	for a := range set {
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })
	return out
}

func genAddress(rng *rand.Rand, prev common.Address) common.Address {
	var a common.Address
	switch rng.IntN(10) {
	case 0:
		a[19] = 1
	case 1:
		for i := range a {
			a[i] = 0xff
		}
	case 2:
		a = prev
		a[19]++
	default:
		for i := range a {
			a[i] = byte(rng.Uint32())
		}
	}
	return a
}

// clone returns a deep copy of s (edits are shared: they are not changed).
func (s *roundSpec) clone() *roundSpec {
	c := &roundSpec{round: s.round, providers: slices.Clone(s.providers), capacities: slices.Clone(s.capacities),
		rows: make([][]Entry, len(s.rows)), edits: slices.Clone(s.edits)}
	for p := range s.rows {
		c.rows[p] = slices.Clone(s.rows[p])
	}
	return c
}

// dataForm reports whether the whole-round file expresses s: it has no
// header edits.
func (s *roundSpec) dataForm() bool { return len(s.edits) == 0 }

// build returns the round s describes: the manifest derived from the rows,
// then the header edits.
func (s *roundSpec) build() *Round {
	P := len(s.providers)
	r := &Round{Manifest: Manifest{Round: s.round, Headers: make([]Header, P)}, Rows: make([]Row, P)}
	total := uint64(0)
	for p := range P {
		r.Rows[p] = NewRow(s.rows[p])
		k := uint64(len(s.rows[p]))
		r.Manifest.Headers[p] = Header{Provider: s.providers[p], Capacity: s.capacities[p],
			EntryOffset: *uint256.NewInt(total), EntryCount: *uint256.NewInt(k), EntriesRoot: EntriesRoot(r.Rows[p])}
		total += k
	}
	r.Manifest.E.SetUint64(total)
	for _, edit := range s.edits {
		edit(&r.Manifest)
	}
	return r
}

// objectSet is a round as data-availability objects.
type objectSet struct {
	commitment common.Hash
	manifest   []byte
	rows       map[common.Hash][]byte
}

// objectsOf returns the manifest of r under its commitment root and every
// non-empty row under its entries root.
func objectsOf(r *Round) *objectSet {
	m := &r.Manifest
	o := &objectSet{commitment: m.CommitmentRoot(ProvidersTree(m.Headers).Root()), manifest: EncodeManifest(m), rows: map[common.Hash][]byte{}}
	for p, hd := range m.Headers {
		if r.Rows[p].Len() > 0 {
			o.rows[hd.EntriesRoot] = r.Rows[p].Bytes()
		}
	}
	return o
}

func (o *objectSet) source() RowSource {
	return func(key common.Hash) []byte { return o.rows[key] }
}

func (o *objectSet) evaluate(round *uint256.Int, opts Options) (*Result, *Violation) {
	return EvaluateObjects(o.commitment, o.manifest, round, o.source(), opts)
}

// evaluator evaluates a round in one input form.
type evaluator func(opts Options) (*Result, *Violation)

// specForms returns the forms that express s: the whole-round file when s
// has no header edits, and the objects; both checked against s's round.
func specForms(s *roundSpec) map[string]evaluator {
	r := s.build()
	round := s.round
	forms := map[string]evaluator{}
	if s.dataForm() {
		data := EncodeRoundFile(r)
		forms["data"] = func(opts Options) (*Result, *Violation) { return EvaluateRoundFile(data, &round, opts) }
	}
	o := objectsOf(r)
	forms["objects"] = func(opts Options) (*Result, *Violation) { return o.evaluate(&round, opts) }
	return forms
}

// An injector breaks exactly one rule of section 3 in a well-formed spec, at
// a random position that used leaves free, so that no rule earlier in the
// section 3 order breaks with it. It returns the violation the engine must
// report (Msg empty), or false when the spec has no free position for it.
type injector struct {
	name string
	fn   func(rng *rand.Rand, s *roundSpec, used *touched) (Violation, bool)
	// objectsOnly: the injection edits headers, which a whole-round file
	// cannot express.
	objectsOnly bool
}

// touched records what earlier injections changed, so that a second one
// keeps clear of them: headers and entries at a distance of at least three,
// and recipients whose residuals were made inconsistent.
type touched struct {
	headers    map[int]bool
	entries    map[Position]bool
	recipients map[common.Address]bool
}

func newTouched() *touched {
	return &touched{headers: map[int]bool{}, entries: map[Position]bool{}, recipients: map[common.Address]bool{}}
}

// claimHeaders marks headers p .. p+width-1 if none within two of them is
// marked.
func (u *touched) claimHeaders(p, width int) bool {
	for q := p - 2; q < p+width+2; q++ {
		if u.headers[q] {
			return false
		}
	}
	for q := p; q < p+width; q++ {
		u.headers[q] = true
	}
	return true
}

// claimEntries marks entries j .. j+width-1 of row p if none within two of
// them is marked.
func (u *touched) claimEntries(p, j, width int) bool {
	for l := j - 2; l < j+width+2; l++ {
		if u.entries[Position{p, l}] {
			return false
		}
	}
	for l := j; l < j+width; l++ {
		u.entries[Position{p, l}] = true
	}
	return true
}

const pickTries = 32

// pickHeader claims headers p .. p+width-1 at a random p and returns p.
func pickHeader(rng *rand.Rand, s *roundSpec, used *touched, width int) (int, bool) {
	n := len(s.providers) - width + 1
	for range pickTries {
		if n < 1 {
			return 0, false
		}
		if p := rng.IntN(n); used.claimHeaders(p, width) {
			return p, true
		}
	}
	return 0, false
}

// pickEntry claims width entries of a random row at a random j.
func pickEntry(rng *rand.Rand, s *roundSpec, used *touched, width int) (Position, bool) {
	for range pickTries {
		p := rng.IntN(len(s.rows))
		n := len(s.rows[p]) - width + 1
		if n < 1 {
			continue
		}
		if j := rng.IntN(n); used.claimEntries(p, j, width) {
			return Position{p, j}, true
		}
	}
	return Position{}, false
}

func wantHeader(rule Rule, p int) Violation { return Violation{Rule: rule, Provider: p} }

func wantOffset(clause Clause, p int) Violation {
	return Violation{Rule: RuleEntryOffset, Provider: p, Clause: clause}
}

func wantEntry(rule Rule, at Position) Violation {
	return Violation{Rule: rule, Provider: at.P, Entry: at.J}
}

// injectors lists one injector per way of breaking each rule, in the order
// of section 3.
var injectors = []injector{
	{"provider-zero", injectProviderZero, false},
	{"provider-order/duplicate", injectProviderOrder(false), false},
	{"provider-order/swap", injectProviderOrder(true), false},
	{"capacity-range", injectCapacityRange, false},
	{"entry-count/header", injectEntryCountHeader, true},
	{"entry-count/row", injectEntryCountRow, false},
	{"entry-offset/first", injectOffsetFirst, true},
	{"entry-offset/pair-offset", injectOffsetPair, true},
	{"entry-offset/pair-count", injectCountPair, true},
	{"entry-offset/last-E", injectOffsetLastE, true},
	{"entry-offset/last-count", injectOffsetLastCount, true},
	{"recipient-zero", injectRecipientZero, false},
	{"entry-order/duplicate", injectEntryOrder(false), false},
	{"entry-order/swap", injectEntryOrder(true), false},
	{"mr-range/zero", injectMR(false), false},
	{"mr-range/2^64-and-above", injectMR(true), false},
	{"residual-range", injectResidualRange, false},
	{"residual-consistency", injectResidualConsistency, false},
}

func injectProviderZero(rng *rand.Rand, s *roundSpec, used *touched) (Violation, bool) {
	p, ok := pickHeader(rng, s, used, 1)
	if ok {
		s.providers[p] = common.Address{}
	}
	return wantHeader(RuleProviderZero, p), ok
}

// injectProviderOrder makes provider p+1 equal to provider p, or swaps
// them: either breaks the order at p and nowhere else.
func injectProviderOrder(swap bool) func(*rand.Rand, *roundSpec, *touched) (Violation, bool) {
	return func(rng *rand.Rand, s *roundSpec, used *touched) (Violation, bool) {
		p, ok := pickHeader(rng, s, used, 2)
		switch {
		case !ok:
		case swap:
			s.providers[p], s.providers[p+1] = s.providers[p+1], s.providers[p]
		default:
			s.providers[p+1] = s.providers[p]
		}
		return wantHeader(RuleProviderOrder, p), ok
	}
}

func injectCapacityRange(rng *rand.Rand, s *roundSpec, used *touched) (Violation, bool) {
	p, ok := pickHeader(rng, s, used, 1)
	if ok {
		s.capacities[p] = atLeast(rng, 128)
	}
	return wantHeader(RuleCapacityRange, p), ok
}

// injectEntryCountHeader writes an entry count above 1024 into header p
// (objects form only: the row keeps its entries).
func injectEntryCountHeader(rng *rand.Rand, s *roundSpec, used *touched) (Violation, bool) {
	p, ok := pickHeader(rng, s, used, 1)
	if !ok {
		return Violation{}, false
	}
	var count uint256.Int
	switch rng.IntN(3) {
	case 0:
		count.SetUint64(MaxRowEntries + 1)
	case 1:
		count.SetUint64(MaxRowEntries + 1 + rng.Uint64N(1<<62))
	default:
		count = atLeast(rng, 64)
	}
	s.edits = append(s.edits, func(m *Manifest) { m.Headers[p].EntryCount = count })
	return wantHeader(RuleEntryCount, p), true
}

// injectEntryCountRow gives row p 1025 to 1040 well-ordered entries, which
// both forms express.
func injectEntryCountRow(rng *rand.Rand, s *roundSpec, used *touched) (Violation, bool) {
	p, ok := pickHeader(rng, s, used, 1)
	if !ok {
		return Violation{}, false
	}
	k := MaxRowEntries + 1 + rng.IntN(16)
	recipients := genAddresses(rng, k)
	row := make([]Entry, k)
	for j := range row {
		row[j] = Entry{Recipient: recipients[j], MR: *uint256.NewInt(1 + rng.Uint64N(1000)), Residual: *uint256.NewInt(rng.Uint64N(1000))}
	}
	s.rows[p] = row
	return wantHeader(RuleEntryCount, p), true
}

// injectOffsetFirst gives header 0 a non-zero offset.
func injectOffsetFirst(rng *rand.Rand, s *roundSpec, used *touched) (Violation, bool) {
	ok := used.claimHeaders(0, 1)
	if !ok {
		return Violation{}, false
	}
	off := genWord(rng, 256)
	if off.IsZero() {
		off.SetOne()
	}
	s.edits = append(s.edits, func(m *Manifest) { m.Headers[0].EntryOffset = off })
	return wantOffset(ClauseFirst, 0), ok
}

// injectOffsetPair moves header p+1's offset: the pair p, p+1 breaks first.
func injectOffsetPair(rng *rand.Rand, s *roundSpec, used *touched) (Violation, bool) {
	p, ok := pickHeader(rng, s, used, 2)
	if !ok {
		return Violation{}, false
	}
	delta := genWord(rng, 256)
	if delta.IsZero() {
		delta.SetOne()
	}
	s.edits = append(s.edits, func(m *Manifest) {
		off := &m.Headers[p+1].EntryOffset
		off.Add(off, &delta)
	})
	return wantOffset(ClausePair, p), ok
}

// injectCountPair changes header p's count (p < P-1) within 0..1024 without
// changing its row: only the pair p, p+1 breaks.
func injectCountPair(rng *rand.Rand, s *roundSpec, used *touched) (Violation, bool) {
	p, ok := pickHeader(rng, s, used, 2)
	if !ok {
		return Violation{}, false
	}
	s.edits = append(s.edits, changeCount(rng, p))
	return wantOffset(ClausePair, p), ok
}

// changeCount returns an edit that sets header p's entry count to another
// value in 0..1024.
func changeCount(rng *rand.Rand, p int) func(m *Manifest) {
	delta := 1 + rng.Uint64N(MaxRowEntries)
	return func(m *Manifest) {
		c := &m.Headers[p].EntryCount
		c.SetUint64((c.Uint64() + delta) % (MaxRowEntries + 1))
	}
}

// injectOffsetLastE sets E to another value within the bounds.
func injectOffsetLastE(rng *rand.Rand, s *roundSpec, used *touched) (Violation, bool) {
	P := len(s.providers)
	ok := used.claimHeaders(P-1, 1)
	if !ok {
		return Violation{}, false
	}
	limit := uint64(MaxRowEntries * P)
	delta := 1 + rng.Uint64N(limit)
	s.edits = append(s.edits, func(m *Manifest) { m.E.SetUint64((m.E.Uint64() + delta) % (limit + 1)) })
	return wantOffset(ClauseLast, P-1), ok
}

// injectOffsetLastCount changes the last header's count, not its row.
func injectOffsetLastCount(rng *rand.Rand, s *roundSpec, used *touched) (Violation, bool) {
	P := len(s.providers)
	ok := used.claimHeaders(P-1, 1)
	if !ok {
		return Violation{}, false
	}
	s.edits = append(s.edits, changeCount(rng, P-1))
	return wantOffset(ClauseLast, P-1), ok
}

func injectRecipientZero(rng *rand.Rand, s *roundSpec, used *touched) (Violation, bool) {
	at, ok := pickEntry(rng, s, used, 1)
	if ok {
		s.rows[at.P][at.J].Recipient = common.Address{}
	}
	return wantEntry(RuleRecipientZero, at), ok
}

// injectEntryOrder makes recipient j+1 equal to recipient j, or swaps the
// two entries: either breaks the order at j and nowhere else.
func injectEntryOrder(swap bool) func(*rand.Rand, *roundSpec, *touched) (Violation, bool) {
	return func(rng *rand.Rand, s *roundSpec, used *touched) (Violation, bool) {
		at, ok := pickEntry(rng, s, used, 2)
		if !ok {
			return Violation{}, false
		}
		row := s.rows[at.P]
		if swap {
			row[at.J], row[at.J+1] = row[at.J+1], row[at.J]
		} else {
			row[at.J+1].Recipient = row[at.J].Recipient
		}
		return wantEntry(RuleEntryOrder, at), true
	}
}

func injectMR(high bool) func(*rand.Rand, *roundSpec, *touched) (Violation, bool) {
	return func(rng *rand.Rand, s *roundSpec, used *touched) (Violation, bool) {
		at, ok := pickEntry(rng, s, used, 1)
		if !ok {
			return Violation{}, false
		}
		var mr uint256.Int
		if high {
			mr = atLeast(rng, 64)
		}
		s.rows[at.P][at.J].MR = mr
		return wantEntry(RuleMRRange, at), true
	}
}

func injectResidualRange(rng *rand.Rand, s *roundSpec, used *touched) (Violation, bool) {
	at, ok := pickEntry(rng, s, used, 1)
	if ok {
		s.rows[at.P][at.J].Residual = atLeast(rng, 128)
	}
	return wantEntry(RuleResidualRange, at), ok
}

// injectResidualConsistency gives one occurrence of a recipient that two
// rows name another in-range residual. The violation is the first later
// occurrence whose residual differs from the first occurrence's.
func injectResidualConsistency(rng *rand.Rand, s *roundSpec, used *touched) (Violation, bool) {
	shared := sharedRecipients(s, used)
	if len(shared) == 0 {
		return Violation{}, false
	}
	occ := shared[rng.IntN(len(shared))]
	at := occ[rng.IntN(len(occ))]
	if !used.claimEntries(at.P, at.J, 1) {
		return Violation{}, false
	}
	e := &s.rows[at.P][at.J]
	used.recipients[e.Recipient] = true
	old := e.Residual
	for e.Residual.Eq(&old) {
		e.Residual = genWord(rng, 128)
	}
	first := occ[0]
	want := s.rows[first.P][first.J].Residual
	for _, o := range occ[1:] {
		if !s.rows[o.P][o.J].Residual.Eq(&want) {
			return Violation{Rule: RuleResidualConsistency, Provider: o.P, Entry: o.J, OtherProvider: first.P, OtherEntry: first.J}, true
		}
	}
	panic("unreachable: the changed residual differs")
}

// sharedRecipients returns the occurrences, in (p, j) order, of every
// recipient that at least two rows name and no earlier injection claimed.
func sharedRecipients(s *roundSpec, used *touched) [][]Position {
	occ := map[common.Address][]Position{}
	var order []common.Address
	for p, row := range s.rows {
		for j, e := range row {
			if occ[e.Recipient] == nil {
				order = append(order, e.Recipient)
			}
			occ[e.Recipient] = append(occ[e.Recipient], Position{p, j})
		}
	}
	var out [][]Position
	for _, a := range order {
		if len(occ[a]) >= 2 && !used.recipients[a] && a != (common.Address{}) {
			out = append(out, occ[a])
		}
	}
	return out
}

// violationKey orders violations as section 3 does: by rule, then by p and
// j (entry-offset: clause first, then pair by p, then last).
func violationKey(v Violation) [4]int {
	clause := map[Clause]int{ClauseFirst: 0, ClausePair: 1, ClauseLast: 2}[v.Clause]
	return [4]int{slices.Index(Section3Rules, v.Rule), clause, v.Provider, v.Entry}
}

func firstViolation(a, b Violation) Violation {
	ka, kb := violationKey(a), violationKey(b)
	if slices.Compare(ka[:], kb[:]) <= 0 {
		return a
	}
	return b
}
