package contracts

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/internal/testvectors"
	"github.com/denomwatch/denomwatch/recompute"
)

// commitUpTo commits placeholder rounds so that the next round is n, all in
// one block (the coordinator's transactions are independent).
func (c *chain) commitUpTo(n uint64) {
	c.t.Helper()
	latest := call(c, avs.PackLatestRound(), avs.UnpackLatestRound).Uint64()
	var txs []*types.Transaction
	for r := latest + 1; r < n; r++ {
		opts := c.opts(c.coord, r-latest-1)
		opts.GasLimit = 200_000
		tx, err := bind.Transact(c.inst, opts, avs.PackCommitRound(u64(r), common.Hash{1}, big.NewInt(1), big.NewInt(0)))
		if err != nil {
			c.t.Fatal(AsRevert(err))
		}
		txs = append(txs, tx)
	}
	c.seal(txs...)
	for _, tx := range txs {
		if c.receipt(tx).Status != types.ReceiptStatusSuccessful {
			c.t.Fatal("placeholder commitRound failed")
		}
	}
}

// malformedRounds are generated rounds each breaking one rule of section 3
// (and none before it in checking order), at positions away from the edges.
var malformedRounds = []struct {
	rule recompute.Rule
	edit func(tr *testRound)
}{
	{recompute.RuleProviderZero, func(tr *testRound) { tr.m.Headers[0].Provider = common.Address{}; tr.evaluate() }},
	{recompute.RuleProviderOrder, func(tr *testRound) { tr.m.Headers[3].Provider = tr.m.Headers[2].Provider; tr.evaluate() }},
	{recompute.RuleCapacityRange, func(tr *testRound) { tr.m.Headers[2].Capacity = *maxU256; tr.evaluate() }},
	{recompute.RuleEntryCount, func(tr *testRound) {
		tr.m.Headers[4].EntryCount.SetUint64(1025)
		tr.m.E.AddUint64(&tr.m.E, 1025-8)
		tr.evaluate()
	}},
	{recompute.RuleEntryOffset, func(tr *testRound) { tr.m.Headers[0].EntryOffset.SetOne(); tr.evaluate() }},
	{recompute.RuleEntryOffset, func(tr *testRound) {
		tr.m.Headers[2].EntryOffset.AddUint64(&tr.m.Headers[2].EntryOffset, 1)
		tr.evaluate()
	}},
	{recompute.RuleEntryOffset, func(tr *testRound) { tr.m.E.SubUint64(&tr.m.E, 1); tr.evaluate() }},
	{recompute.RuleRecipientZero, func(tr *testRound) { editEntry(tr, 2, 0, func(e *recompute.Entry) { e.Recipient = common.Address{} }) }},
	{recompute.RuleEntryOrder, func(tr *testRound) {
		es := tr.entriesOf(3)
		es[4], es[5] = es[5], es[4]
		tr.setRow(3, es)
	}},
	{recompute.RuleMRRange, func(tr *testRound) { editEntry(tr, 1, 3, func(e *recompute.Entry) { e.MR.Clear() }) }},
	{recompute.RuleMRRange, func(tr *testRound) { editEntry(tr, 1, 3, func(e *recompute.Entry) { e.MR.Lsh(uint256.NewInt(1), 64) }) }},
	{recompute.RuleResidualRange, func(tr *testRound) { editEntry(tr, 4, 6, func(e *recompute.Entry) { e.Residual = *two128 }) }},
	{recompute.RuleResidualConsistency, func(tr *testRound) {
		editEntry(tr, 4, 1, func(e *recompute.Entry) { e.Residual.AddUint64(&e.Residual, 1) })
	}},
}

// editEntry changes entry j of row p; roots, counts and offsets follow.
func editEntry(tr *testRound, p, j int, edit func(*recompute.Entry)) {
	es := tr.entriesOf(p)
	edit(&es[j])
	tr.setRow(p, es)
}

// sharedRound is a well-formed round whose rows share recipients (so that a
// changed residual breaks residual-consistency): five rows of 8 entries over
// 10 recipients.
func sharedRound(n uint64) *testRound {
	tr := genRound(n, n, []int{8, 8, 8, 8, 8})
	// genRound draws each row from a pool twice its largest row: 16 recipients.
	return tr
}

// TestMalformedProven (F4: a batch over malformed commitments is never
// challenged in v1): for each rule of section 3, a batch signed over data
// breaking it is voided and its signers slashed, from the evidence recompute
// finds ((*recompute.Result).Evidence through NewMalformed).
func TestMalformedProven(t *testing.T) {
	t.Parallel()
	for i, tc := range malformedRounds {
		t.Run(string(tc.rule), func(t *testing.T) {
			t.Parallel()
			tr := sharedRound(uint64(40 + i))
			tc.edit(tr)
			if tr.v == nil || tr.v.Rule != tc.rule {
				t.Fatalf("the round breaks %v, want %s", tr.v, tc.rule)
			}
			ev, err := tr.res.Evidence(tr.v)
			if err != nil {
				t.Fatal(err)
			}
			proof, err := NewMalformed(tr.n(), ev)
			if err != nil {
				t.Fatal(err)
			}
			s := newFraudSetup(t, nil)
			s.commitUpTo(tr.n())
			s.commit(tr)
			s.submit(tr, 0, arbitraryRoots(len(tr.m.Headers)), s.signing)
			before := s.stakes()
			rcpt := s.mustSend(s.challenger, proof.Calldata(), nil)
			s.checkConvicted(t, rcpt, conviction{round: tr.n(), kind: FraudKindOf(tc.rule), provider: uint64(tr.v.Provider),
				entry: uint64(tr.v.Entry), beneficiary: addrOf(s.challenger)}, before)
			if tr.v.Rule.HasEntry() != (len(ev.Entries) > 0) {
				t.Fatalf("%s with %d entries of evidence", tc.rule, len(ev.Entries))
			}
		})
	}
}

// TestMalformedVectors (F4): every malformed case of protocol-v2.json is
// proven on chain from the vector's own evidence (headers with their proofs
// from extra.headers, entries from extra.evidence), and recompute's evidence
// for the same case packs to the same call.
func TestMalformedVectors(t *testing.T) {
	t.Parallel()
	v := testvectors.LoadV2(t)
	n := 0
	for i := range v.Cases {
		vc := &v.Cases[i]
		if vc.Extra.Evidence == nil {
			continue
		}
		n++
		t.Run(vc.Name, func(t *testing.T) {
			t.Parallel()
			m := vectorMalformed(t, vc)
			exp := vc.Typed(t)
			s := newFraudSetupN(t, 1, nil)
			s.commitUpTo(m.Round.Uint64())
			P := len(vc.Extra.Headers)
			s.mustSend(s.coord, avs.PackCommitRound(m.Round, common.HexToHash(exp.ProvidersRoot), big.NewInt(int64(P)), testvectors.Dec(t, vc.Extra.E)), nil)
			if got := s.getRound(m.Round.Uint64()).CommitmentRoot; common.Hash(got) != common.HexToHash(exp.CommitmentRoot) {
				t.Fatalf("commitmentRoot %x, vector %s", got, exp.CommitmentRoot)
			}
			roots := arbitraryRoots(P)
			b, err := SignBatch(BatchSpec{Domain: s.domain(), Round: m.Round.Uint64(), CommitmentRoot: common.HexToHash(exp.CommitmentRoot), ProviderAllocRoots: roots}, signers(s.signing...))
			if err != nil {
				t.Fatal(err)
			}
			s.mustSend(s.keys[0], b.Calldata(), nil)
			before := s.stakes()
			rcpt := s.mustSend(s.challenger, m.Calldata(), nil)
			want := conviction{round: m.Round.Uint64(), kind: FraudKind(exp.Rule), provider: uint64(*exp.Provider), beneficiary: addrOf(s.challenger)}
			if exp.Entry != nil {
				want.entry = uint64(*exp.Entry)
			}
			s.checkConvicted(t, rcpt, want, before)
		})
	}
	if n < 40 {
		t.Fatalf("only %d malformed vectors", n)
	}
}

// vectorMalformed builds the proof of a malformed vector case from its
// evidence, and checks that recompute's evidence for the case (when its data
// evaluates to the same violation) packs to the same calldata.
func vectorMalformed(t *testing.T, vc *testvectors.V2Case) *Malformed {
	t.Helper()
	ev := vc.Extra.Evidence
	m := &Malformed{Rule: recompute.Rule(ev.Rule), Round: testvectors.Dec(t, vc.OnchainRound)}
	for _, p := range ev.Headers {
		m.Headers = append(m.Headers, vectorHeader(t, &vc.Extra.Headers[p]))
	}
	for i := range ev.Entries {
		m.Entries = append(m.Entries, vectorEntry(t, &ev.Entries[i]))
	}
	if res, v := evaluateVector(t, vc); v != nil && v.Rule == m.Rule {
		rev, err := res.Evidence(v)
		if err != nil {
			t.Fatal(err)
		}
		mine, err := NewMalformed(m.Round.Uint64(), rev)
		if err != nil {
			t.Fatal(err)
		}
		if string(mine.Calldata()) != string(m.Calldata()) {
			t.Fatal("recompute's evidence packs to another call than the vector's")
		}
	} else {
		t.Fatalf("recompute finds %v in the objects, the vector %s", v, ev.Rule)
	}
	return m
}

// evaluateVector evaluates a case's objects as a watcher does.
func evaluateVector(t *testing.T, vc *testvectors.V2Case) (*recompute.Result, *recompute.Violation) {
	t.Helper()
	commitment := common.HexToHash(vc.Commitment)
	objects := map[string][]byte{}
	for k, v := range vc.Objects {
		objects[k] = common.FromHex(v)
	}
	rows := func(key common.Hash) []byte { return objects[recompute.ObjectPath(recompute.KindRow, key)] }
	return recompute.EvaluateObjects(commitment, objects[recompute.ObjectPath(recompute.KindManifest, commitment)], nil, rows, recompute.Options{})
}

func vectorHeader(t testing.TB, h *testvectors.V2Header) bindings.HeaderProof {
	return bindings.HeaderProof{
		P: big.NewInt(int64(h.P)),
		Header: bindings.ProviderHeader{
			Provider:    common.HexToAddress(h.Provider),
			Capacity:    testvectors.Dec(t, h.Capacity),
			EntryOffset: testvectors.Dec(t, h.EntryOffset),
			EntryCount:  testvectors.Dec(t, h.EntryCount),
			EntriesRoot: common.HexToHash(h.EntriesRoot),
		},
		Proof: hexWords(h.Proof),
	}
}

func vectorEntry(t testing.TB, e *testvectors.V2Entry) bindings.EntryProof {
	return bindings.EntryProof{
		J:     big.NewInt(int64(e.J)),
		Entry: bindings.Entry{Recipient: common.HexToAddress(e.Recipient), Mr: testvectors.Dec(t, e.MR), Residual: testvectors.Dec(t, e.Residual)},
		Proof: hexWords(e.Proof),
	}
}

func hexWords(hs []string) [][32]byte {
	out := make([][32]byte, len(hs))
	for i, h := range hs {
		out[i] = common.HexToHash(h)
	}
	return out
}

// TestMalformedNotProvable: every rule's proof of a well-formed round's
// evidence reverts NoFraud (honest batches are never provable), and
// evidence at positions the rule does not compare reverts EvidenceMismatch.
func TestMalformedNotProvable(t *testing.T) {
	t.Parallel()
	s := newFraudSetup(t, nil)
	tr := sharedRound(1)
	tr.m.Headers[1].Capacity = *maxU128 // at the bound
	editEntry(tr, 2, 0, func(e *recompute.Entry) { e.MR = *maxMR })
	if tr.v != nil {
		t.Fatal(tr.v)
	}
	s.commit(tr)
	s.submit(tr, 0, nil, s.signing)
	last := len(tr.m.Headers) - 1
	q, l := firstOccurrenceBefore(tr, 3, 2)
	for _, v := range []recompute.Violation{
		{Rule: recompute.RuleProviderZero, Provider: 2},
		{Rule: recompute.RuleProviderOrder, Provider: 1},
		{Rule: recompute.RuleCapacityRange, Provider: 1},
		{Rule: recompute.RuleEntryCount, Provider: 3},
		{Rule: recompute.RuleEntryOffset, Clause: recompute.ClauseFirst},
		{Rule: recompute.RuleEntryOffset, Clause: recompute.ClausePair, Provider: 2},
		{Rule: recompute.RuleEntryOffset, Clause: recompute.ClauseLast, Provider: last},
		{Rule: recompute.RuleRecipientZero, Provider: 2, Entry: 0},
		{Rule: recompute.RuleEntryOrder, Provider: 1, Entry: 6},
		{Rule: recompute.RuleMRRange, Provider: 2, Entry: 0},
		{Rule: recompute.RuleResidualRange, Provider: 4, Entry: 7},
		{Rule: recompute.RuleResidualConsistency, Provider: 3, Entry: 2, OtherProvider: q, OtherEntry: l},
	} {
		t.Run(string(v.Rule)+string(v.Clause), func(t *testing.T) {
			ev, err := tr.res.Evidence(&v)
			if err != nil {
				t.Fatal(err)
			}
			m, err := NewMalformed(1, ev)
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.send(s.challenger, m.Calldata(), nil)
			wantRevert[bindings.DenominatorAllocationAVSNoFraud](t, err)
		})
	}
	t.Run("evidence at the wrong positions", func(t *testing.T) {
		hp := func(p int) bindings.HeaderProof { h, _ := tr.res.HeaderProof(p); return HeaderProofOf(h) }
		ep := func(p, j int) bindings.EntryProof { e, _ := tr.res.EntryProof(p, j); return EntryProofOf(e) }
		for _, data := range [][]byte{
			avs.PackProveProviderOrder(u64(1), hp(1), hp(3)),
			avs.PackProveProviderOrder(u64(1), hp(2), hp(1)),
			avs.PackProveEntryOffset(u64(1), []bindings.HeaderProof{hp(1), hp(3)}),
			avs.PackProveEntryOffset(u64(1), []bindings.HeaderProof{hp(2)}), // neither first nor last
			avs.PackProveEntryOffset(u64(1), nil),
			avs.PackProveEntryOrder(u64(1), hp(1), ep(1, 2), ep(1, 4)),
		} {
			_, err := s.send(s.challenger, data, nil)
			wantRevert[bindings.DenominatorAllocationAVSEvidenceMismatch](t, err)
		}
		// An entry proven against another row's header.
		_, err := s.send(s.challenger, avs.PackProveMrRange(u64(1), hp(1), ep(2, 0)), nil)
		wantRevert[bindings.DenominatorAllocationAVSInvalidEntryProof](t, err)
	})
}

// TestNewMalformedRefused: the glue refuses evidence of the wrong shape and
// rules without a proof.
func TestNewMalformedRefused(t *testing.T) {
	for _, ev := range []*recompute.Evidence{
		{Rule: recompute.RuleUnavailableRow},
		{Rule: recompute.RuleBounds},
		{Rule: recompute.RuleProviderZero},
		{Rule: recompute.RuleProviderOrder, Headers: make([]recompute.HeaderEvidence, 1)},
		{Rule: recompute.RuleEntryOffset, Clause: recompute.ClausePair, Headers: make([]recompute.HeaderEvidence, 1)},
		{Rule: recompute.RuleEntryOrder, Headers: make([]recompute.HeaderEvidence, 1), Entries: make([]recompute.EntryEvidence, 1)},
	} {
		if _, err := NewMalformed(1, ev); err == nil {
			t.Errorf("%+v accepted", ev)
		}
	}
}
