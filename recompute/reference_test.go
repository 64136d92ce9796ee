package recompute

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
)

// This file is a deliberately naive second implementation of PROTOCOL.md
// sections 3 to 5 and 9: go-ethereum's accounts/abi for every encoding and
// hash preimage, math/big for the math, a padded tree hashed level by level,
// and the rules as plain loops. The tests compare the engine with it.

func mustType(t string, components []abi.ArgumentMarshaling) abi.Type {
	typ, err := abi.NewType(t, "", components)
	if err != nil {
		panic(err)
	}
	return typ
}

func args(types ...abi.Type) abi.Arguments {
	out := make(abi.Arguments, len(types))
	for i, t := range types {
		out[i] = abi.Argument{Type: t}
	}
	return out
}

var (
	abiUint256   = mustType("uint256", nil)
	abiAddress   = mustType("address", nil)
	abiBytes32   = mustType("bytes32", nil)
	entryFields  = []abi.ArgumentMarshaling{{Name: "recipient", Type: "address"}, {Name: "mr", Type: "uint256"}, {Name: "residual", Type: "uint256"}}
	abiHeaders   = mustType("tuple[]", []abi.ArgumentMarshaling{{Name: "provider", Type: "address"}, {Name: "capacity", Type: "uint256"}, {Name: "entryOffset", Type: "uint256"}, {Name: "entryCount", Type: "uint256"}, {Name: "entriesRoot", Type: "bytes32"}})
	abiProviders = mustType("tuple[]", []abi.ArgumentMarshaling{{Name: "provider", Type: "address"}, {Name: "capacity", Type: "uint256"}, {Name: "entries", Type: "tuple[]", Components: entryFields}})

	manifestArgs  = args(abiUint256, abiUint256, abiHeaders)
	rowArgs       = args(mustType("tuple[]", entryFields))
	roundFileArgs = args(abiUint256, abiProviders)

	entryLeafArgs    = args(abiAddress, abiUint256, abiUint256)
	providerLeafArgs = args(abiUint256, abiAddress, abiUint256, abiUint256, abiUint256, abiBytes32)
	commitmentArgs   = args(abiUint256, abiBytes32, abiUint256, abiUint256)
	allocLeafArgs    = args(abiAddress, abiAddress, abiUint256)
	allocRootArgs    = args(abiBytes32, abiBytes32)
)

type refEntry struct {
	Recipient common.Address
	Mr        *big.Int
	Residual  *big.Int
}

type refHeader struct {
	Provider    common.Address
	Capacity    *big.Int
	EntryOffset *big.Int
	EntryCount  *big.Int
	EntriesRoot [32]byte
}

type refProvider struct {
	Provider common.Address
	Capacity *big.Int
	Entries  []refEntry
}

type refManifest struct {
	Round, E *big.Int
	Headers  []refHeader
}

type refRoundFile struct {
	Round     *big.Int
	Providers []refProvider
}

func mustPack(a abi.Arguments, values ...any) []byte {
	b, err := a.Pack(values...)
	if err != nil {
		panic(err)
	}
	return b
}

func keccakPack(a abi.Arguments, values ...any) common.Hash {
	return crypto.Keccak256Hash(mustPack(a, values...))
}

// refUnpack unpacks data, treating a panic of the ABI package as a failure.
func refUnpack(a abi.Arguments, data []byte) (values []any, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	values, err := a.Unpack(data)
	return values, err == nil
}

func refEncodeManifest(m *refManifest) []byte {
	return mustPack(manifestArgs, m.Round, m.E, m.Headers)
}

// refDecodeManifest decodes a manifest and accepts it when re-encoding gives
// the same bytes.
func refDecodeManifest(data []byte) (*refManifest, bool) {
	v, ok := refUnpack(manifestArgs, data)
	if !ok {
		return nil, false
	}
	m := &refManifest{Round: v[0].(*big.Int), E: v[1].(*big.Int), Headers: *abi.ConvertType(v[2], new([]refHeader)).(*[]refHeader)}
	return m, bytes.Equal(refEncodeManifest(m), data)
}

func refEncodeRow(entries []refEntry) []byte {
	return mustPack(rowArgs, entries)
}

func refDecodeRow(data []byte) ([]refEntry, bool) {
	v, ok := refUnpack(rowArgs, data)
	if !ok {
		return nil, false
	}
	entries := *abi.ConvertType(v[0], new([]refEntry)).(*[]refEntry)
	return entries, bytes.Equal(refEncodeRow(entries), data)
}

func refEncodeRoundFile(f *refRoundFile) []byte {
	return mustPack(roundFileArgs, f.Round, f.Providers)
}

func refDecodeRoundFile(data []byte) (*refRoundFile, bool) {
	v, ok := refUnpack(roundFileArgs, data)
	if !ok {
		return nil, false
	}
	f := &refRoundFile{Round: v[0].(*big.Int), Providers: *abi.ConvertType(v[1], new([]refProvider)).(*[]refProvider)}
	return f, bytes.Equal(refEncodeRoundFile(f), data)
}

func refEntriesOf(row []Entry) []refEntry {
	out := make([]refEntry, len(row))
	for j, e := range row {
		out[j] = refEntry{Recipient: e.Recipient, Mr: e.MR.ToBig(), Residual: e.Residual.ToBig()}
	}
	return out
}

func entriesOfRef(row []refEntry) []Entry {
	out := make([]Entry, len(row))
	for j, e := range row {
		out[j] = Entry{Recipient: e.Recipient, MR: *uint256.MustFromBig(e.Mr), Residual: *uint256.MustFromBig(e.Residual)}
	}
	return out
}

func refManifestOf(m *Manifest) *refManifest {
	out := &refManifest{Round: m.Round.ToBig(), E: m.E.ToBig(), Headers: make([]refHeader, len(m.Headers))}
	for p, hd := range m.Headers {
		out.Headers[p] = refHeader{Provider: hd.Provider, Capacity: hd.Capacity.ToBig(), EntryOffset: hd.EntryOffset.ToBig(),
			EntryCount: hd.EntryCount.ToBig(), EntriesRoot: hd.EntriesRoot}
	}
	return out
}

func manifestOfRef(m *refManifest) *Manifest {
	out := &Manifest{Round: *uint256.MustFromBig(m.Round), E: *uint256.MustFromBig(m.E), Headers: make([]Header, len(m.Headers))}
	for p, hd := range m.Headers {
		out.Headers[p] = Header{Provider: hd.Provider, Capacity: *uint256.MustFromBig(hd.Capacity), EntryOffset: *uint256.MustFromBig(hd.EntryOffset),
			EntryCount: *uint256.MustFromBig(hd.EntryCount), EntriesRoot: hd.EntriesRoot}
	}
	return out
}

func refRoundFileOf(s *roundSpec) *refRoundFile {
	f := &refRoundFile{Round: s.round.ToBig(), Providers: make([]refProvider, len(s.providers))}
	for p := range s.providers {
		f.Providers[p] = refProvider{Provider: s.providers[p], Capacity: s.capacities[p].ToBig(), Entries: refEntriesOf(s.rows[p])}
	}
	return f
}

func specOfRef(f *refRoundFile) *roundSpec {
	s := &roundSpec{round: *uint256.MustFromBig(f.Round)}
	for _, pr := range f.Providers {
		s.providers = append(s.providers, pr.Provider)
		s.capacities = append(s.capacities, *uint256.MustFromBig(pr.Capacity))
		s.rows = append(s.rows, entriesOfRef(pr.Entries))
	}
	return s
}

// naiveLevels pads leaves with bytes32(0) to 2^depth and hashes level by
// level; levels[depth] holds the root.
func naiveLevels(leaves []common.Hash, depth int) [][]common.Hash {
	level := make([]common.Hash, 1<<depth)
	copy(level, leaves)
	levels := [][]common.Hash{level}
	for len(level) > 1 {
		next := make([]common.Hash, len(level)/2)
		for i := range next {
			next[i] = crypto.Keccak256Hash(level[2*i][:], level[2*i+1][:])
		}
		levels = append(levels, next)
		level = next
	}
	return levels
}

// naiveRoot is the root of section 4: bytes32(0) for no leaves.
func naiveRoot(leaves []common.Hash) common.Hash {
	if len(leaves) == 0 {
		return common.Hash{}
	}
	d := 0
	for 1<<d < len(leaves) {
		d++
	}
	return naiveLevels(leaves, d)[d][0]
}

func refEntriesRoot(row []refEntry) common.Hash {
	leaves := make([]common.Hash, len(row))
	for j, e := range row {
		leaves[j] = keccakPack(entryLeafArgs, e.Recipient, e.Mr, e.Residual)
	}
	return naiveRoot(leaves)
}

// refManifestOfFile derives the manifest a whole-round file determines.
func refManifestOfFile(f *refRoundFile) *refManifest {
	m := &refManifest{Round: f.Round, E: new(big.Int)}
	for _, pr := range f.Providers {
		count := big.NewInt(int64(len(pr.Entries)))
		m.Headers = append(m.Headers, refHeader{Provider: pr.Provider, Capacity: pr.Capacity, EntryOffset: new(big.Int).Set(m.E),
			EntryCount: count, EntriesRoot: refEntriesRoot(pr.Entries)})
		m.E.Add(m.E, count)
	}
	return m
}

func refProvidersRoot(m *refManifest) common.Hash {
	leaves := make([]common.Hash, len(m.Headers))
	for p, h := range m.Headers {
		leaves[p] = keccakPack(providerLeafArgs, big.NewInt(int64(p)), h.Provider, h.Capacity, h.EntryOffset, h.EntryCount, h.EntriesRoot)
	}
	return naiveRoot(leaves)
}

func refCommitmentRoot(m *refManifest) common.Hash {
	return keccakPack(commitmentArgs, m.Round, refProvidersRoot(m), big.NewInt(int64(len(m.Headers))), m.E)
}

// refResult is what the reference computes for a well-formed round.
type refResult struct {
	manifest           *refManifest
	providersRoot      common.Hash
	commitmentRoot     common.Hash
	denominators       []*big.Int
	amounts            [][]*big.Int
	providerAllocRoots []common.Hash
	allocTreeRoot      common.Hash
	allocationRoot     common.Hash
}

func refEvaluate(f *refRoundFile) *refResult {
	m := refManifestOfFile(f)
	r := &refResult{manifest: m, providersRoot: refProvidersRoot(m), commitmentRoot: refCommitmentRoot(m)}
	for _, pr := range f.Providers {
		denom, amounts := refAllocate(pr.Capacity, pr.Entries)
		leaves := make([]common.Hash, len(pr.Entries))
		for j, e := range pr.Entries {
			leaves[j] = keccakPack(allocLeafArgs, pr.Provider, e.Recipient, amounts[j])
		}
		r.denominators = append(r.denominators, denom)
		r.amounts = append(r.amounts, amounts)
		r.providerAllocRoots = append(r.providerAllocRoots, naiveRoot(leaves))
	}
	r.allocTreeRoot = naiveRoot(r.providerAllocRoots)
	r.allocationRoot = keccakPack(allocRootArgs, r.commitmentRoot, r.allocTreeRoot)
	return r
}

func refAllocate(capacity *big.Int, row []refEntry) (*big.Int, []*big.Int) {
	denom := new(big.Int)
	for _, e := range row {
		denom.Add(denom, new(big.Int).Mul(e.Mr, e.Residual))
	}
	amounts := make([]*big.Int, len(row))
	for j, e := range row {
		amounts[j] = new(big.Int)
		if denom.Sign() > 0 {
			w := new(big.Int).Mul(e.Mr, e.Residual)
			amounts[j].Div(w.Mul(w, capacity), denom)
		}
	}
	return denom, amounts
}

var (
	two64  = new(big.Int).Lsh(big.NewInt(1), 64)
	two128 = new(big.Int).Lsh(big.NewInt(1), 128)
)

// refValidate checks a round as the objects form does (objects) or the
// whole-round file: bounds, the header rules, in the objects form the rows'
// entry counts (unavailable-row), then the entry rules. Rows are assumed to
// rebuild their entries roots.
func refValidate(m *refManifest, rows [][]refEntry, objects bool) *Violation {
	checks := []func(*refManifest, [][]refEntry) *Violation{refBounds, refProviderRules, refCapacityAndCount, refOffsets}
	if objects {
		checks = append(checks, refRowCounts)
	}
	checks = append(checks, refEntryRules, refResidualConsistency)
	for _, check := range checks {
		if v := check(m, rows); v != nil {
			return v
		}
	}
	return nil
}

func refBounds(m *refManifest, _ [][]refEntry) *Violation {
	P := len(m.Headers)
	if P == 0 || P > 1024 || m.E.Cmp(big.NewInt(int64(1024*P))) > 0 {
		return &Violation{Rule: RuleBounds}
	}
	return nil
}

func refProviderRules(m *refManifest, _ [][]refEntry) *Violation {
	for p, h := range m.Headers {
		if h.Provider == (common.Address{}) {
			return &Violation{Rule: RuleProviderZero, Provider: p}
		}
	}
	for p := 0; p+1 < len(m.Headers); p++ {
		if bytes.Compare(m.Headers[p+1].Provider[:], m.Headers[p].Provider[:]) <= 0 {
			return &Violation{Rule: RuleProviderOrder, Provider: p}
		}
	}
	return nil
}

func refCapacityAndCount(m *refManifest, _ [][]refEntry) *Violation {
	for p, h := range m.Headers {
		if h.Capacity.Cmp(two128) >= 0 {
			return &Violation{Rule: RuleCapacityRange, Provider: p}
		}
	}
	for p, h := range m.Headers {
		if h.EntryCount.Cmp(big.NewInt(1024)) > 0 {
			return &Violation{Rule: RuleEntryCount, Provider: p}
		}
	}
	return nil
}

func refOffsets(m *refManifest, _ [][]refEntry) *Violation {
	hs := m.Headers
	if hs[0].EntryOffset.Sign() != 0 {
		return &Violation{Rule: RuleEntryOffset, Clause: ClauseFirst}
	}
	for p := 0; p+1 < len(hs); p++ {
		if new(big.Int).Add(hs[p].EntryOffset, hs[p].EntryCount).Cmp(hs[p+1].EntryOffset) != 0 {
			return &Violation{Rule: RuleEntryOffset, Provider: p, Clause: ClausePair}
		}
	}
	last := hs[len(hs)-1]
	if new(big.Int).Add(last.EntryOffset, last.EntryCount).Cmp(m.E) != 0 {
		return &Violation{Rule: RuleEntryOffset, Provider: len(hs) - 1, Clause: ClauseLast}
	}
	return nil
}

func refRowCounts(m *refManifest, rows [][]refEntry) *Violation {
	for p, h := range m.Headers {
		if h.EntryCount.Cmp(big.NewInt(int64(len(rows[p])))) != 0 {
			return &Violation{Rule: RuleUnavailableRow, Provider: p}
		}
	}
	return nil
}

// refEntryRules checks recipient-zero, entry-order, mr-range and
// residual-range, each over every (p, j) before the next.
func refEntryRules(_ *refManifest, rows [][]refEntry) *Violation {
	broken := []struct {
		rule Rule
		at   func(row []refEntry, j int) bool
	}{
		{RuleRecipientZero, func(row []refEntry, j int) bool { return row[j].Recipient == common.Address{} }},
		{RuleEntryOrder, func(row []refEntry, j int) bool {
			return j+1 < len(row) && bytes.Compare(row[j+1].Recipient[:], row[j].Recipient[:]) <= 0
		}},
		{RuleMRRange, func(row []refEntry, j int) bool { return row[j].Mr.Sign() == 0 || row[j].Mr.Cmp(two64) >= 0 }},
		{RuleResidualRange, func(row []refEntry, j int) bool { return row[j].Residual.Cmp(two128) >= 0 }},
	}
	for _, b := range broken {
		for p, row := range rows {
			for j := range row {
				if b.at(row, j) {
					return &Violation{Rule: b.rule, Provider: p, Entry: j}
				}
			}
		}
	}
	return nil
}

func refResidualConsistency(_ *refManifest, rows [][]refEntry) *Violation {
	first := map[common.Address]Position{}
	for p, row := range rows {
		for j, e := range row {
			q, seen := first[e.Recipient]
			if !seen {
				first[e.Recipient] = Position{p, j}
				continue
			}
			if rows[q.P][q.J].Residual.Cmp(e.Residual) != 0 {
				return &Violation{Rule: RuleResidualConsistency, Provider: p, Entry: j, OtherProvider: q.P, OtherEntry: q.J}
			}
		}
	}
	return nil
}

func TestReferenceEncodings(t *testing.T) {
	forSeeds(t, 20, func(t *testing.T, rng *rand.Rand) {
		s := genSpec(rng, fullConfig)
		r := s.build()
		f := refRoundFileOf(s)
		file := EncodeRoundFile(r)
		eq(t, "whole-round file", refEncodeRoundFile(f), file)
		eq(t, "manifest", refEncodeManifest(refManifestOf(&r.Manifest)), EncodeManifest(&r.Manifest))
		eq(t, "derived manifest", EncodeManifest(&r.Manifest), refEncodeManifest(refManifestOfFile(f)))
		for p := range r.Rows {
			eq(t, "row", refEncodeRow(refEntriesOf(s.rows[p])), r.Rows[p].Bytes())
		}
	})
}

func TestReferenceDecoders(t *testing.T) {
	forSeeds(t, 20, func(t *testing.T, rng *rand.Rand) {
		r := genSpec(rng, smallConfig).build()
		checkDecodersAgree(t, rng, EncodeManifest(&r.Manifest), EncodeRoundFile(r), r.Rows[rng.IntN(len(r.Rows))].Bytes())
	})
}

// checkDecodersAgree decodes each object and many mutations of it with the
// engine and the reference: both accept exactly the same inputs, and
// re-encoding what either decoded gives the input.
func checkDecodersAgree(t *testing.T, rng *rand.Rand, manifest, file, row []byte) {
	t.Helper()
	for _, data := range mutations(rng, manifest) {
		m, err := DecodeManifest(data)
		rm, ok := refDecodeManifest(data)
		eq(t, "manifest accepted", err == nil, ok)
		if ok {
			eq(t, "manifest re-encoded", EncodeManifest(m), data)
			eq(t, "manifest cross-encoded", EncodeManifest(manifestOfRef(rm)), data)
			eq(t, "manifest cross-encoded by the reference", refEncodeManifest(refManifestOf(m)), data)
		}
	}
	for _, data := range mutations(rng, row) {
		r, err := DecodeRow(data)
		rr, ok := refDecodeRow(data)
		eq(t, "row accepted", err == nil, ok)
		if ok {
			eq(t, "row re-encoded", r.Bytes(), data)
			eq(t, "row cross-encoded", NewRow(entriesOfRef(rr)).Bytes(), data)
			eq(t, "row cross-encoded by the reference", refEncodeRow(refEntriesOf(r.Entries())), data)
		}
	}
	for _, data := range mutations(rng, file) {
		rd, err := DecodeRoundFile(data)
		rf, ok := refDecodeRoundFile(data)
		eq(t, "round file accepted", err == nil, ok)
		if ok {
			eq(t, "round file re-encoded", EncodeRoundFile(rd), data)
			eq(t, "round file cross-encoded", EncodeRoundFile(specOfRef(rf).build()), data)
			eq(t, "derived manifest", refEncodeManifest(refManifestOfFile(rf)), EncodeManifest(&rd.Manifest))
		}
	}
}

// mutations returns data and variants of it: flipped bytes, words set to
// offsets and lengths, dirty address bytes, bytes added and removed.
func mutations(rng *rand.Rand, data []byte) [][]byte {
	out := [][]byte{data, nil, append(bytes.Clone(data), 0), append(bytes.Clone(data), make([]byte, 32)...)}
	if len(data) >= 32 {
		out = append(out, data[:len(data)-1], data[:len(data)-32])
	}
	words := len(data) / 32
	for range 24 {
		b := bytes.Clone(data)
		if words == 0 {
			break
		}
		w := rng.IntN(words) * 32
		switch rng.IntN(3) {
		case 0:
			b[w+rng.IntN(32)] ^= byte(1 + rng.IntN(255))
		case 1:
			clear(b[w : w+32])
			b[w+31] = byte([]int{0, 0x20, 0x40, 0x60, 0x80, words, words - 1, rng.IntN(256)}[rng.IntN(8)])
		default:
			b[w+rng.IntN(12)] = 1
		}
		out = append(out, b)
	}
	return out
}

func TestReferenceEvaluation(t *testing.T) {
	forSeeds(t, 20, func(t *testing.T, rng *rand.Rand) {
		s := genSpec(rng, fullConfig)
		f := refRoundFileOf(s)
		want := refEvaluate(f)
		res, v := EvaluateRoundFile(refEncodeRoundFile(f), &s.round, Options{})
		if v != nil {
			t.Fatalf("well-formed round: %v", v)
		}
		eq(t, "manifest", EncodeManifest(res.Manifest), refEncodeManifest(want.manifest))
		eq(t, "roots", [2]common.Hash{res.ProvidersRoot, res.CommitmentRoot}, [2]common.Hash{want.providersRoot, want.commitmentRoot})
		for p := range f.Providers {
			eq(t, "denominator", res.Denominators[p].ToBig().String(), want.denominators[p].String())
			for j, a := range res.RowAmounts(p) {
				eq(t, "amount", a.ToBig().String(), want.amounts[p][j].String())
			}
		}
		eq(t, "provider alloc roots", res.ProviderAllocRoots, want.providerAllocRoots)
		eq(t, "alloc roots", [2]common.Hash{res.AllocTreeRoot, res.AllocationRoot}, [2]common.Hash{want.allocTreeRoot, want.allocationRoot})
	})
}

func TestReferenceRandomMalformed(t *testing.T) {
	forSeeds(t, 400, func(t *testing.T, rng *rand.Rand) {
		s := genSpec(rng, smallConfig)
		for range 1 + rng.IntN(3) {
			addNoise(rng, s)
		}
		r := s.build()
		rm := refManifestOf(&r.Manifest)
		rows := make([][]refEntry, len(s.rows))
		for p := range s.rows {
			rows[p] = refEntriesOf(s.rows[p])
		}
		for form, eval := range specForms(s) {
			res, v := eval(Options{Workers: 1 + rng.IntN(3)})
			want := refValidate(rm, rows, form == "objects")
			if (v == nil) != (want == nil) {
				t.Fatalf("%s form: violation %v, reference %+v", form, v, want)
			}
			if v != nil {
				got := *v
				got.Msg = ""
				eq(t, form+" violation", got, *want)
			}
			eq(t, form+" providers root", res.ProvidersRoot, refProvidersRoot(rm))
			eq(t, form+" commitment root", res.CommitmentRoot, refCommitmentRoot(rm))
		}
	})
}

// addNoise changes one random field of s to an edge value: it may break any
// rule, several at once, or none.
func addNoise(rng *rand.Rand, s *roundSpec) {
	P := len(s.providers)
	p, q := rng.IntN(P), rng.IntN(P)
	switch rng.IntN(16) {
	case 0:
		s.providers[p] = []common.Address{{}, s.providers[q], genAddress(rng, s.providers[p])}[rng.IntN(3)]
	case 1:
		s.providers[p], s.providers[q] = s.providers[q], s.providers[p]
	case 2:
		s.capacities[p] = []uint256.Int{atLeast(rng, 128), maxBelow(128), genWord(rng, 256)}[rng.IntN(3)]
	case 3:
		s.edits = append(s.edits, headerNoise(rng, p))
	case 4:
		s.rows[p] = s.rows[q]
	default:
		if len(s.rows[p]) > 0 {
			entryNoise(rng, s, p, rng.IntN(len(s.rows[p])))
		}
	}
}

func headerNoise(rng *rand.Rand, p int) func(m *Manifest) {
	v := *uint256.NewInt(uint64(rng.IntN(40)))
	if rng.IntN(4) == 0 {
		v = genWord(rng, 256)
	}
	field := rng.IntN(3)
	return func(m *Manifest) {
		switch field {
		case 0:
			m.Headers[p].EntryOffset = v
		case 1:
			m.Headers[p].EntryCount = v
		default:
			m.E = v
		}
	}
}

func entryNoise(rng *rand.Rand, s *roundSpec, p, j int) {
	row := slices.Clone(s.rows[p])
	s.rows[p] = row
	e := &row[j]
	other := s.rows[rng.IntN(len(s.rows))]
	switch rng.IntN(5) {
	case 0:
		e.Recipient = common.Address{}
	case 1:
		if len(other) > 0 {
			e.Recipient = other[rng.IntN(len(other))].Recipient
		}
	case 2:
		e.MR = []uint256.Int{{}, atLeast(rng, 64), maxBelow(64), genWord(rng, 64)}[rng.IntN(4)]
	case 3:
		e.Residual = []uint256.Int{atLeast(rng, 128), maxBelow(128), genWord(rng, 128)}[rng.IntN(3)]
	default:
		if j+1 < len(row) {
			row[j], row[j+1] = row[j+1], row[j]
		}
	}
}

// TestReferenceLargeRounds compares rounds of 511 to 1024 providers with
// tiny rows, and their manifest parts: for more than 512 providers the
// level-9 subtrees of the naive providers tree padded to depth 10.
func TestReferenceLargeRounds(t *testing.T) {
	for _, P := range []int{511, 512, 513, 700, 1024} {
		t.Run(fmt.Sprint(P), func(t *testing.T) {
			s := genSpec(newRand(uint64(P)), genConfig{minP: P, maxP: P, minRow: 0, maxRow: 2})
			f := refRoundFileOf(s)
			want := refEvaluate(f)
			res, v := EvaluateRoundFile(refEncodeRoundFile(f), &s.round, Options{})
			if v != nil {
				t.Fatalf("well-formed round: %v", v)
			}
			eq(t, "roots", [3]common.Hash{res.CommitmentRoot, res.AllocTreeRoot, res.AllocationRoot},
				[3]common.Hash{want.commitmentRoot, want.allocTreeRoot, want.allocationRoot})
			checkPartsAgainstReference(t, res, want.manifest)
		})
	}
}

func checkPartsAgainstReference(t *testing.T, res *Result, m *refManifest) {
	t.Helper()
	P := len(m.Headers)
	leaves := make([]common.Hash, P)
	for p, h := range m.Headers {
		leaves[p] = keccakPack(providerLeafArgs, big.NewInt(int64(p)), h.Provider, h.Capacity, h.EntryOffset, h.EntryCount, h.EntriesRoot)
	}
	want := []ManifestPart{{Part: 0, First: 0, Count: P, Root: naiveRoot(leaves)}}
	if P > PartSize {
		level9 := naiveLevels(leaves, 10)[9]
		want = []ManifestPart{{0, 0, PartSize, level9[0]}, {1, PartSize, P - PartSize, level9[1]}}
	}
	eq(t, "manifest parts", ManifestParts(res.ProvidersTree), want)
	for _, part := range want {
		root, err := PartRoot(part.Part, P, res.Manifest.Headers[part.First:part.First+part.Count])
		if err != nil || root != part.Root {
			t.Fatalf("PartRoot(%d) = %s, %v; want %s", part.Part, root.Hex(), err, part.Root.Hex())
		}
	}
	for _, bad := range [][2]int{{-1, P}, {len(want), P}, {2, P}, {0, 0}, {0, MaxProviders + 1}} {
		if _, err := PartRoot(bad[0], bad[1], res.Manifest.Headers[:want[0].Count]); !errors.Is(err, ErrNoPosition) {
			t.Fatalf("PartRoot%v: %v", bad, err)
		}
	}
}
