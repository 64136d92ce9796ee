package contracts

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"slices"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/recompute"
)

// The largest legal round: P = 1024 providers, rows of 1024 entries (E =
// 2^20), built once per test binary (about 3 s without the race detector).
var largestRound = sync.OnceValue(func() *testRound {
	return genRound(1024, 1, slices.Repeat([]int{recompute.MaxRowEntries}, recompute.MaxProviders))
})

// clone copies a round's manifest and row list (rows themselves are never
// changed in place) for a variant.
func (tr *testRound) clone() *testRound {
	m := *tr.m
	m.Headers = slices.Clone(tr.m.Headers)
	return &testRound{m: &m, rows: slices.Clone(tr.rows)}
}

// variant returns a copy of the well-formed round tr changed by edit (its
// round number, headers or rows) and recomputes only what the change
// determines: the entries roots and allocation roots of the rows in
// changed, the providers tree, the commitment; the 2^20 entries are not
// evaluated again.
func (tr *testRound) variant(edit func(out *testRound), changed ...int) *testRound {
	out := tr.clone()
	edit(out)
	res := *tr.res
	res.Manifest, res.Rows = out.m, out.rows
	res.ProviderAllocRoots = slices.Clone(tr.res.ProviderAllocRoots)
	for _, p := range changed {
		hd := &out.m.Headers[p]
		hd.EntriesRoot = recompute.EntriesRoot(out.rows[p])
		_, amounts, err := recompute.AllocateRow(&hd.Capacity, out.rows[p])
		if err != nil {
			panic(err)
		}
		res.ProviderAllocRoots[p] = recompute.ProviderAllocRoot(hd.Provider, out.rows[p], amounts)
	}
	res.ProvidersTree = recompute.ProvidersTree(out.m.Headers)
	res.ProvidersRoot = res.ProvidersTree.Root()
	res.CommitmentRoot = out.m.CommitmentRoot(res.ProvidersRoot)
	out.res = &res
	return out
}

// worstRow is a row of 1024 entries at the value bounds (mr 2^64 - 1,
// residual 2^128 - 1, recipients no other row names), under a capacity of
// 2^128 - 1: every amount takes the 512-bit path and the calldata is as
// dense as a well-formed row's can be.
func worstRow(tr *testRound, p int) *testRound {
	es := make([]recompute.Entry, recompute.MaxRowEntries)
	for j, a := range sortedAddrs(newRand(1<<41), len(es)) {
		es[j] = recompute.Entry{Recipient: a, MR: *maxMR, Residual: *maxU128}
	}
	return tr.variant(func(out *testRound) {
		out.m.Headers[p].Capacity = *maxU128
		out.rows[p] = recompute.NewRow(es)
	}, p)
}

// brokenRound is the largest round broken at its far end for every rule of
// section 3 (each at a position of its own, every header and entry proof of
// depth 10), with the violation of each.
type brokenRound struct {
	tr         *testRound
	violations []recompute.Violation
}

var largestBroken = sync.OnceValue(func() *brokenRound {
	tr := largestRound().clone()
	rowEdit := func(p, j int, edit func(es []recompute.Entry)) {
		es := tr.rows[p].Entries()
		edit(es)
		tr.rows[p] = recompute.NewRow(es)
		tr.m.Headers[p].EntriesRoot = recompute.EntriesRoot(tr.rows[p])
	}
	rowEdit(1015, 0, func(es []recompute.Entry) { es[0].Recipient = common.Address{} })
	rowEdit(1023, 1022, func(es []recompute.Entry) { es[1022], es[1023] = es[1023], es[1022] })
	rowEdit(1014, 1023, func(es []recompute.Entry) { es[1023].MR.Clear() })
	rowEdit(1013, 1023, func(es []recompute.Entry) { es[1023].Residual = *two128 })
	rowEdit(1012, 1023, func(es []recompute.Entry) { es[1023].Residual.AddUint64(&es[1023].Residual, 1) })
	q, l := firstOccurrenceBefore(tr, 1012, 1023)
	hs := tr.m.Headers
	hs[1].Provider = common.Address{}
	hs[1021].Provider = hs[1020].Provider
	hs[1019].Capacity = *maxU256
	hs[1018].EntryCount.SetUint64(recompute.MaxRowEntries + 1)
	hs[0].EntryOffset.SetOne()
	hs[1017].EntryOffset.AddUint64(&hs[1017].EntryOffset, 1)
	tr.m.E.SubUint64(&tr.m.E, 1)
	tr.evaluate()
	return &brokenRound{tr: tr, violations: []recompute.Violation{
		{Rule: recompute.RuleProviderZero, Provider: 1},
		{Rule: recompute.RuleProviderOrder, Provider: 1020},
		{Rule: recompute.RuleCapacityRange, Provider: 1019},
		{Rule: recompute.RuleEntryCount, Provider: 1018},
		{Rule: recompute.RuleEntryOffset, Clause: recompute.ClauseFirst},
		{Rule: recompute.RuleEntryOffset, Clause: recompute.ClausePair, Provider: 1016},
		{Rule: recompute.RuleEntryOffset, Clause: recompute.ClauseLast, Provider: 1023},
		{Rule: recompute.RuleRecipientZero, Provider: 1015},
		{Rule: recompute.RuleEntryOrder, Provider: 1023, Entry: 1022},
		{Rule: recompute.RuleMRRange, Provider: 1014, Entry: 1023},
		{Rule: recompute.RuleResidualRange, Provider: 1013, Entry: 1023},
		{Rule: recompute.RuleResidualConsistency, Provider: 1012, Entry: 1023, OtherProvider: q, OtherEntry: l},
	}}
})

// largestScenarios runs every transaction of the protocol at the largest
// legal size (P = 1024, rows of 1024 entries, four signers of five
// operators) on the simulated chain, checks what each did, and returns their
// gas.
func largestScenarios(t *testing.T) []gasRow {
	t.Helper()
	var rows []gasRow
	rows = append(rows, largestFraud(t)...)
	rows = append(rows, largestMalformed(t)...)
	rows = append(rows, largestAvailability(t)...)
	return rows
}

// measured is mustSend that also appends the transaction's gas to rows.
func (c *chain) measured(rows *[]gasRow, what string, key *ecdsa.PrivateKey, data []byte, value *big.Int) *types.Receipt {
	c.t.Helper()
	r := c.mustSend(key, data, value)
	*rows = append(*rows, measure(what, data, r))
	return r
}

// largestFraud: the round's commitment, its batch of 1024 roots and its
// finalization; the bad-allocation proof of the last provider's 1024-entry
// row with realistic values and at the value bounds.
func largestFraud(t *testing.T) []gasRow {
	var rows []gasRow
	s := newFraudSetup(t, nil)
	tr := largestRound()
	s.measured(&rows, "commitRound", s.coord, s.commitCalldata(tr), nil)
	s.measured(&rows, "submitAllocationBatch, P = 1024, 4 signers of 5", s.keys[0], s.batch(tr, 0, nil, s.signing).Calldata(), nil)
	s.mineTo(s.getRound(1).Deadline.Uint64() + 1)
	s.measured(&rows, "finalizeRound", s.keys[0], avs.PackFinalizeRound(u64(1)), nil)

	s = newFraudSetup(t, nil)
	for i, variant := range []struct {
		what string
		tr   *testRound
	}{
		{"realistic values", tr},
		{"values at the bounds", worstRow(tr, 1023).variant(func(out *testRound) { out.m.Round.SetUint64(2) })},
	} {
		if variant.tr.n() != uint64(i+1) {
			t.Fatal("round numbers")
		}
		s.commit(variant.tr)
		roots := wrongRoots(variant.tr, 1023)
		s.submit(variant.tr, 0, roots, s.signing)
		proof, err := NewBadAllocation(variant.tr.res, 1023, roots)
		if err != nil {
			t.Fatal(err)
		}
		r := s.measured(&rows, "proveBadAllocation, row of 1024 entries, P = 1024, "+variant.what, s.challenger, proof.Calldata(), nil)
		oneEvent(t, r, bindings.DenominatorAllocationAVSFraudProvenEventName, avs.UnpackFraudProvenEvent)
	}
	return rows
}

// largestMalformed proves every rule of section 3 against a batch over the
// broken largest round, one attempt each.
func largestMalformed(t *testing.T) []gasRow {
	var rows []gasRow
	br := largestBroken()
	// Twelve batches signed by the same four: with the default quorum their
	// slashed stake would fall short of it after a few.
	s := newFraudSetup(t, func(p *Params) { p.QuorumBps = 1 })
	s.commit(br.tr)
	P := len(br.tr.m.Headers)
	for a, v := range br.violations {
		s.submit(br.tr, uint64(a), arbitraryRoots(P), s.signing)
		ev, err := br.tr.res.Evidence(&v)
		if err != nil {
			t.Fatal(err)
		}
		m, err := NewMalformed(1, ev)
		if err != nil {
			t.Fatal(err)
		}
		what := fmt.Sprintf("prove %s (%s), P = 1024", v.Rule, evidenceShape(ev))
		if v.Clause != "" {
			what = fmt.Sprintf("prove %s, clause %s (%s), P = 1024", v.Rule, v.Clause, evidenceShape(ev))
		}
		r := s.measured(&rows, what, s.challenger, m.Calldata(), nil)
		fp := oneEvent(t, r, bindings.DenominatorAllocationAVSFraudProvenEventName, avs.UnpackFraudProvenEvent)
		if FraudKind(fp.Kind) != FraudKindOf(v.Rule) || fp.Provider.Int64() != int64(v.Provider) || fp.Entry.Int64() != int64(v.Entry) {
			t.Fatalf("%s: FraudProven %+v", what, fp)
		}
	}
	return rows
}

func evidenceShape(ev *recompute.Evidence) string {
	s := fmt.Sprintf("%d header", len(ev.Headers))
	if len(ev.Headers) > 1 {
		s += "s"
	}
	switch len(ev.Entries) {
	case 0:
	case 1:
		s += " and 1 entry of a 1024-entry row"
	default:
		s += fmt.Sprintf(" and %d entries of 1024-entry rows", len(ev.Entries))
	}
	return s
}

// largestAvailability: challenges, the resolutions of a 1024-entry row and
// of both manifest parts of 1024 providers, and the slash of an unopenable
// row.
func largestAvailability(t *testing.T) []gasRow {
	var rows []gasRow
	tr := largestRound()
	s := newFraudSetup(t, nil)
	s.commit(tr)
	s.submit(tr, 0, nil, s.signing)
	s.measured(&rows, "challengeAvailability, row 1023 (bond 0.05 ETH)", s.challenger, Challenge{1, ObjectRow, 1023}.Calldata(), s.params.AvailabilityBond)
	s.challenge(s.challenger, Challenge{1, ObjectManifestPart, 0})
	s.challenge(s.challenger, Challenge{1, ObjectManifestPart, 1})
	s.measured(&rows, "resolveRow, 1024 entries, P = 1024 (RowRevealed carries them)", s.keys[0], resolution(t, tr, Challenge{1, ObjectRow, 1023}), nil)
	for _, part := range []uint64{0, 1} {
		what := fmt.Sprintf("resolveManifestPart, part %d of 1024 providers: 512 headers (ManifestRevealed carries them)", part)
		s.measured(&rows, what, s.keys[0], resolution(t, tr, Challenge{1, ObjectManifestPart, part}), nil)
	}

	dark := tr.variant(func(out *testRound) { out.m.Headers[1023].EntriesRoot = common.Hash{0xde, 0xad} })
	s = newFraudSetup(t, nil)
	s.commit(dark)
	s.submit(dark, 0, arbitraryRoots(1024), s.signing)
	ch := Challenge{1, ObjectRow, 1023}
	at := s.challenge(s.challenger, ch).BlockNumber.Uint64()
	s.mineTo(at + s.params.ResolveWindow + 1) // the estimate runs at the head
	r := s.measured(&rows, "slashUnavailable, row 1023 of 1024", s.keys[0], ch.SlashCalldata(), nil)
	if fp := oneEvent(t, r, bindings.DenominatorAllocationAVSFraudProvenEventName, avs.UnpackFraudProvenEvent); FraudKind(fp.Kind) != ch.Kind.FraudKind() {
		t.Fatalf("FraudProven %+v", fp)
	}
	return rows
}

// TestLargestLegalRound (F1: in v1 a bad publication is unprovable above
// about 33k entries, the proof rebuilding the whole tree in one transaction;
// F5: a root nobody can open, or a row whose math overflows, leaves nobody
// accountable): in a round of the largest legal size, P = 1024 with rows of
// 1024 entries (2^20 entries), the bad allocation of a row (with realistic
// values and at the value bounds), every rule of section 3 and an unopenable
// row are proven, and every resolution goes through, each in one
// transaction under EIP-7825's 16,777,216 gas and within 128 KiB of
// calldata.
func TestLargestLegalRound(t *testing.T) {
	t.Parallel()
	if raceEnabled {
		t.Skip("builds a round of 2^20 entries: run without -race (.ci/run does)")
	}
	for _, r := range largestScenarios(t) {
		if r.gasUsed > txGasCap || r.calldata > maxTxData {
			t.Errorf("%s: %d gas, %d bytes of calldata; caps %d and %d", r.what, r.gasUsed, r.calldata, txGasCap, maxTxData)
		}
	}
}
