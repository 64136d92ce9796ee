package contracts

import (
	"crypto/ecdsa"
	"math/big"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/recompute"
)

// Challenge states of the contract's ChallengeState enum.
const (
	challengeNone uint8 = iota
	challengeOpen
	challengeResolved
	challengeSettled
)

func (c *chain) challenge(key *ecdsa.PrivateKey, ch Challenge) *types.Receipt {
	c.t.Helper()
	return c.mustSend(key, ch.Calldata(), c.params.AvailabilityBond)
}

func (c *chain) getChallenge(ch Challenge, attempt uint64) bindings.AvailabilityChallengesChallenge {
	return call(c, avs.PackGetChallenge(u64(ch.Round), u64(attempt), uint8(ch.Kind), u64(ch.Index)), avs.UnpackGetChallenge)
}

// resolution returns the calldata resolving ch from the round's data.
func resolution(t testing.TB, tr *testRound, ch Challenge) []byte {
	t.Helper()
	if ch.Kind == ObjectRow {
		r, err := NewRowResolution(tr.res, int(ch.Index))
		if err != nil {
			t.Fatal(err)
		}
		return r.Calldata()
	}
	r, err := NewManifestResolution(tr.m, tr.res.ProvidersTree, int(ch.Index))
	if err != nil {
		t.Fatal(err)
	}
	return r.Calldata()
}

// TestAvailabilityResolved: a challenged manifest part or row is revealed in
// an event that carries the data, the resolver takes the bond, the deadline
// moves to at least revealWindow blocks after the resolution, and the round
// finalizes after it.
func TestAvailabilityResolved(t *testing.T) {
	t.Parallel()
	small := func() *testRound { return genRound(21, 1, []int{3, 0, 5}) }
	wide := func() *testRound { return genRound(22, 1, slices.Repeat([]int{1}, 600)) } // two manifest parts
	for _, tc := range []struct {
		name  string
		round func() *testRound
		ch    Challenge
		late  bool // resolve at the last block of the resolve window
	}{
		{"row", small, Challenge{1, ObjectRow, 2}, false},
		{"empty row", small, Challenge{1, ObjectRow, 1}, true},
		{"the manifest of 3 providers", small, Challenge{1, ObjectManifestPart, 0}, false},
		{"manifest part 0 of 600 providers", wide, Challenge{1, ObjectManifestPart, 0}, true},
		{"manifest part 1 of 600 providers", wide, Challenge{1, ObjectManifestPart, 1}, false},
		{"row 599 of 600", wide, Challenge{1, ObjectRow, 599}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := newFraudSetup(t, nil)
			tr := tc.round()
			s.commit(tr)
			s.submit(tr, 0, nil, s.signing)
			rcpt := s.challenge(s.challenger, tc.ch)
			ac := oneEvent(t, rcpt, bindings.DenominatorAllocationAVSAvailabilityChallengedEventName, avs.UnpackAvailabilityChallengedEvent)
			challengeBlock := rcpt.BlockNumber.Uint64()
			if ac.Kind != uint8(tc.ch.Kind) || ac.Index.Uint64() != tc.ch.Index || ac.Challenger != addrOf(s.challenger) ||
				ac.ResolveBy.Uint64() != challengeBlock+s.params.ResolveWindow || s.getRound(1).OpenChallenges.Int64() != 1 {
				t.Fatalf("AvailabilityChallenged %+v", ac)
			}
			at := challengeBlock + 1
			if tc.late {
				at = challengeBlock + s.params.ResolveWindow
			}
			resolver := s.keys[1]
			bal := s.balance(addrOf(resolver))
			rcpt, err := s.sendAt(at, resolver, resolution(t, tr, tc.ch), nil)
			if err != nil {
				t.Fatal(err)
			}
			deadline := max(s.getRound(1).SubmissionBlock.Uint64()+s.params.ChallengeWindow, at+s.params.RevealWindow)
			checkRevealed(t, rcpt, tr, tc.ch, deadline)
			if got, want := s.balance(addrOf(resolver)), new(big.Int).Sub(bal, gasCost(rcpt)); got.Cmp(want.Add(want, s.params.AvailabilityBond)) != 0 {
				t.Fatalf("resolver balance %v, want %v", got, want)
			}
			if v := s.getRound(1); v.Deadline.Uint64() != deadline || v.OpenChallenges.Sign() != 0 ||
				s.getChallenge(tc.ch, 0).State != challengeResolved {
				t.Fatalf("after the resolution: %+v", v)
			}
			_, err = s.send(s.keys[2], resolution(t, tr, tc.ch), nil)
			wantRevert[bindings.DenominatorAllocationAVSChallengeNotOpen](t, err)
			_, err = s.sendAt(deadline, s.keys[2], avs.PackFinalizeRound(u64(1)), nil)
			wantRevert[bindings.DenominatorAllocationAVSFinalizeTooEarly](t, err)
			if _, err = s.sendAt(deadline+1, s.keys[2], avs.PackFinalizeRound(u64(1)), nil); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// checkRevealed checks that the resolution's event carries the object.
func checkRevealed(t *testing.T, rcpt *types.Receipt, tr *testRound, ch Challenge, deadline uint64) {
	t.Helper()
	if ch.Kind == ObjectRow {
		ev := oneEvent(t, rcpt, bindings.DenominatorAllocationAVSRowRevealedEventName, avs.UnpackRowRevealedEvent)
		if ev.Provider.Uint64() != ch.Index || ev.Deadline.Uint64() != deadline || ev.Header.EntriesRoot != tr.m.Headers[ch.Index].EntriesRoot {
			t.Fatalf("RowRevealed %+v", ev)
		}
		es := make([]recompute.Entry, len(ev.Entries))
		for j, e := range ev.Entries {
			es[j] = recompute.Entry{Recipient: e.Recipient}
			es[j].MR.SetFromBig(e.Mr)
			es[j].Residual.SetFromBig(e.Residual)
		}
		if _, err := recompute.VerifyRow(&tr.m.Headers[ch.Index], recompute.NewRow(es).Bytes()); err != nil {
			t.Fatalf("the revealed row does not verify: %v", err)
		}
		return
	}
	ev := oneEvent(t, rcpt, bindings.DenominatorAllocationAVSManifestRevealedEventName, avs.UnpackManifestRevealedEvent)
	part := recompute.ManifestParts(tr.res.ProvidersTree)[ch.Index]
	hs := make([]recompute.Header, len(ev.Headers))
	for i, h := range ev.Headers {
		hs[i] = recompute.Header{Provider: h.Provider, EntriesRoot: h.EntriesRoot}
		hs[i].Capacity.SetFromBig(h.Capacity)
		hs[i].EntryOffset.SetFromBig(h.EntryOffset)
		hs[i].EntryCount.SetFromBig(h.EntryCount)
	}
	root, err := recompute.PartRoot(int(ch.Index), len(tr.m.Headers), hs)
	if err != nil || root != part.Root || ev.Part.Uint64() != ch.Index || ev.Deadline.Uint64() != deadline {
		t.Fatalf("ManifestRevealed part %v deadline %v: root %s, want %s (%v)", ev.Part, ev.Deadline, root, part.Root, err)
	}
}

// unopenable returns a round whose header p names a row nobody has (F5: a
// root that nobody can open).
func unopenable(seed uint64, p int) *testRound {
	tr := genRound(seed, 1, []int{4, 3, 5})
	tr.m.Headers[p].EntriesRoot = common.Hash{0xde, 0xad}
	tr.evaluate()
	return tr
}

// unopenableCase is a round with an object nobody can reveal, the batch
// signed over it, and the challenge of that object.
type unopenableCase struct {
	name  string
	round func(c *chain) (*testRound, BatchSpec)
	ch    Challenge
}

func unopenableCases() []unopenableCase {
	return []unopenableCase{
		{"a row nobody has", func(c *chain) (*testRound, BatchSpec) {
			tr := unopenable(31, 1)
			return tr, c.spec(tr, 0, arbitraryRoots(3))
		}, Challenge{1, ObjectRow, 1}},
		{"a header with no entries and a non-zero root", func(c *chain) (*testRound, BatchSpec) {
			tr := genRound(32, 1, []int{4, 0, 5})
			tr.m.Headers[1].EntriesRoot = common.Hash{1}
			tr.evaluate()
			return tr, c.spec(tr, 0, arbitraryRoots(3))
		}, Challenge{1, ObjectRow, 1}},
		{"a manifest nobody has", func(c *chain) (*testRound, BatchSpec) {
			tr := genRound(33, 1, []int{4, 3, 5})
			tr.res.ProvidersRoot = common.Hash{0xbe, 0xef} // what the coordinator posts
			commitment := recompute.CommitmentRoot(uint256.NewInt(1), tr.res.ProvidersRoot, 3, &tr.m.E)
			spec := c.spec(tr, 0, arbitraryRoots(3))
			spec.CommitmentRoot = commitment
			return tr, spec
		}, Challenge{1, ObjectManifestPart, 0}},
	}
}

// TestUnopenableRootSlashed (F5: in v1 a root nobody can open leaves nobody
// accountable and the batch finalizes): a row or a manifest nobody can
// reveal is challenged; when the resolve window passes unanswered, anyone
// may call slashUnavailable: the batch is voided, its signers slashed, and
// the bond and the bounty go to the challenger, whoever calls.
func TestUnopenableRootSlashed(t *testing.T) {
	t.Parallel()
	for _, tc := range unopenableCases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := newFraudSetup(t, nil)
			tr, spec := tc.round(s.chain)
			s.commit(tr)
			b, err := SignBatch(spec, signers(s.signing...))
			if err != nil {
				t.Fatal(err)
			}
			s.mustSend(s.keys[0], b.Calldata(), nil)
			challengeBlock := s.challenge(s.challenger, tc.ch).BlockNumber.Uint64()
			// Nothing resolves it: the data there is does not rebuild the root.
			_, err = s.send(s.keys[1], resolution(t, tr, tc.ch), nil)
			if tc.ch.Kind == ObjectRow {
				wantRevert[bindings.DenominatorAllocationAVSEntriesRootMismatch](t, err)
			} else {
				wantRevert[bindings.DenominatorAllocationAVSManifestMismatch](t, err)
			}
			last := challengeBlock + s.params.ResolveWindow
			_, err = s.sendAt(last, s.keys[1], tc.ch.SlashCalldata(), nil)
			wantRevert[bindings.DenominatorAllocationAVSResolveWindowOpen](t, err)

			before, bal := s.stakes(), s.balance(addrOf(s.challenger))
			rcpt, err := s.sendAt(last+1, s.keys[1], tc.ch.SlashCalldata(), nil) // not the challenger
			if err != nil {
				t.Fatal(err)
			}
			total := s.checkConvicted(t, rcpt, conviction{round: 1, kind: tc.ch.Kind.FraudKind(), provider: tc.ch.Index, beneficiary: addrOf(s.challenger)}, before)
			want := new(big.Int).Add(bal, s.params.AvailabilityBond)
			if got := s.balance(addrOf(s.challenger)); got.Cmp(want.Add(want, s.bounty(total))) != 0 {
				t.Fatalf("challenger balance %v, want %v", got, want)
			}
			if s.getChallenge(tc.ch, 0).State != challengeSettled {
				t.Fatal("the challenge is not settled")
			}
			_, err = s.send(s.keys[1], tc.ch.SlashCalldata(), nil)
			wantRevert[bindings.DenominatorAllocationAVSNoLiveBatch](t, err)
		})
	}
}

// availabilitySetup is a fraud setup with a round (rows of 4, 3 and 5
// entries, row 1 unopenable) and a batch over it.
func availabilitySetup(t *testing.T) (*fraudSetup, *testRound, uint64) {
	s := newFraudSetup(t, nil)
	tr := unopenable(41, 1)
	s.commit(tr)
	rcpt := s.mustSend(s.keys[0], s.batch(tr, 0, arbitraryRoots(3), s.signing).Calldata(), nil)
	return s, tr, rcpt.BlockNumber.Uint64()
}

// TestChallengeAtLastBlock: a challenge lands at submissionBlock + challengeWindow, not one block later.
func TestChallengeAtLastBlock(t *testing.T) {
	t.Parallel()
	s, _, sub := availabilitySetup(t)
	last := sub + s.params.ChallengeWindow
	if _, err := s.sendAt(last, s.challenger, Challenge{1, ObjectRow, 0}.Calldata(), s.params.AvailabilityBond); err != nil {
		t.Fatal(err)
	}
	_, err := s.sendAt(last+1, s.challenger, Challenge{1, ObjectRow, 2}.Calldata(), s.params.AvailabilityBond)
	wantRevert[bindings.DenominatorAllocationAVSChallengeWindowClosed](t, err)
}

// TestResolutionAtLastBlock: a resolution lands at challengeBlock + resolveWindow, not one block later.
func TestResolutionAtLastBlock(t *testing.T) {
	t.Parallel()
	s, tr, _ := availabilitySetup(t)
	row0, row2 := Challenge{1, ObjectRow, 0}, Challenge{1, ObjectRow, 2}
	at := s.challenge(s.challenger, row0).BlockNumber.Uint64()
	s.challenge(s.challenger, row2) // at + 1
	if _, err := s.sendAt(at+1+s.params.ResolveWindow, s.keys[1], resolution(t, tr, row2), nil); err != nil {
		t.Fatal(err)
	}
	_, err := s.sendAt(at+s.params.ResolveWindow+2, s.keys[1], resolution(t, tr, row0), nil)
	wantRevert[bindings.DenominatorAllocationAVSResolveWindowClosed](t, err)
}

// TestDeadlineExtension: a late resolution moves the deadline to resolutionBlock + revealWindow, and fraud stays provable up to it, not after.
func TestDeadlineExtension(t *testing.T) {
	t.Parallel()
	s, tr, sub := availabilitySetup(t)
	ch := Challenge{1, ObjectRow, 2}
	at := s.mustSend(s.challenger, ch.Calldata(), s.params.AvailabilityBond).BlockNumber.Uint64()
	// The challenge is opened at sub+1; resolved late, the deadline moves.
	resolvedAt := at + s.params.ResolveWindow
	if _, err := s.sendAt(resolvedAt, s.keys[1], resolution(t, tr, ch), nil); err != nil {
		t.Fatal(err)
	}
	deadline := resolvedAt + s.params.RevealWindow
	if got := s.getRound(1).Deadline.Uint64(); got != deadline || deadline <= sub+s.params.ChallengeWindow {
		t.Fatalf("deadline %d, want %d", got, deadline)
	}
	proof := provenHeader(t, tr, recompute.RuleProviderZero, 0) // any proof: provider 0 is not zero
	_, err := s.sendAt(deadline, s.challenger, proof, nil)
	wantRevert[bindings.DenominatorAllocationAVSNoFraud](t, err) // inside the window: judged
	_, err = s.sendAt(deadline+1, s.challenger, proof, nil)
	wantRevert[bindings.DenominatorAllocationAVSProofWindowClosed](t, err)
}

// TestSlashAtMaxDeadline: an unanswered challenge still slashes at maxDeadline itself.
func TestSlashAtMaxDeadline(t *testing.T) {
	t.Parallel()
	s, _, sub := availabilitySetup(t)
	ch := Challenge{1, ObjectRow, 1}
	if _, err := s.sendAt(sub+s.params.ChallengeWindow, s.challenger, ch.Calldata(), s.params.AvailabilityBond); err != nil {
		t.Fatal(err)
	}
	maxDeadline := s.getRound(1).MaxDeadline.Uint64()
	before := s.stakes()
	rcpt, err := s.sendAt(maxDeadline, s.keys[1], ch.SlashCalldata(), nil)
	if err != nil {
		t.Fatal(err)
	}
	s.checkConvicted(t, rcpt, conviction{round: 1, kind: ch.Kind.FraudKind(), provider: 1, beneficiary: addrOf(s.challenger)}, before)
}

// TestVoidAfterMaxDeadline: after maxDeadline an unanswered challenge voids the batch and returns the bond, and slashes nobody (FraudProven with slashedTotal 0).
func TestVoidAfterMaxDeadline(t *testing.T) {
	t.Parallel()
	s, tr, _ := availabilitySetup(t)
	ch := Challenge{1, ObjectRow, 1}
	s.challenge(s.challenger, ch)
	maxDeadline := s.getRound(1).MaxDeadline.Uint64()
	before, bal := s.stakes(), s.balance(addrOf(s.challenger))
	rcpt, err := s.sendAt(maxDeadline+1, s.keys[1], ch.SlashCalldata(), nil)
	if err != nil {
		t.Fatal(err)
	}
	fp := oneEvent(t, rcpt, bindings.DenominatorAllocationAVSFraudProvenEventName, avs.UnpackFraudProvenEvent)
	if FraudKind(fp.Kind) != ch.Kind.FraudKind() || fp.SlashedTotal.Sign() != 0 || fp.Challenger != addrOf(s.challenger) ||
		len(eventsOf(t, rcpt, bindings.DenominatorAllocationAVSOperatorSlashedEventName, avs.UnpackOperatorSlashedEvent)) != 0 {
		t.Fatalf("FraudProven %+v", fp)
	}
	if !slices.EqualFunc(before, s.stakes(), eqBig) {
		t.Fatal("a stake changed")
	}
	if got := s.balance(addrOf(s.challenger)); got.Cmp(new(big.Int).Add(bal, s.params.AvailabilityBond)) != 0 {
		t.Fatalf("challenger balance %v, want the bond back", got)
	}
	if v := s.getRound(1); v.Status != statusCommitted || v.Attempt.Uint64() != 1 {
		t.Fatalf("round %+v", v)
	}
	s.submit(tr, 1, arbitraryRoots(3), s.signing) // the round takes a new batch
}

// TestFinalizeBlockedByChallenge: a round is not finalized past its deadline while a challenge is open; once resolved, after the extended deadline it is.
func TestFinalizeBlockedByChallenge(t *testing.T) {
	t.Parallel()
	s, tr, sub := availabilitySetup(t)
	ch := Challenge{1, ObjectManifestPart, 0}
	last := sub + s.params.ChallengeWindow // the initial deadline
	if _, err := s.sendAt(last, s.challenger, ch.Calldata(), s.params.AvailabilityBond); err != nil {
		t.Fatal(err)
	}
	_, err := s.sendAt(last+1, s.keys[1], avs.PackFinalizeRound(u64(1)), nil)
	wantRevert[bindings.DenominatorAllocationAVSChallengesOpen](t, err)
	if _, err := s.sendAt(last+s.params.ResolveWindow, s.keys[1], resolution(t, tr, ch), nil); err != nil {
		t.Fatal(err)
	}
	deadline := s.getRound(1).Deadline.Uint64()
	if deadline != last+s.params.ResolveWindow+s.params.RevealWindow || deadline != s.getRound(1).MaxDeadline.Uint64() {
		t.Fatalf("deadline %d", deadline)
	}
	_, err = s.sendAt(deadline, s.keys[1], avs.PackFinalizeRound(u64(1)), nil)
	wantRevert[bindings.DenominatorAllocationAVSFinalizeTooEarly](t, err)
	if _, err := s.sendAt(deadline+1, s.keys[1], avs.PackFinalizeRound(u64(1)), nil); err != nil {
		t.Fatal(err)
	}
}

// provenHeader packs a header rule's proof for header p of the round.
func provenHeader(t testing.TB, tr *testRound, rule recompute.Rule, p int) []byte {
	t.Helper()
	ev, err := tr.res.Evidence(&recompute.Violation{Rule: rule, Provider: p})
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewMalformed(tr.n(), ev)
	if err != nil {
		t.Fatal(err)
	}
	return m.Calldata()
}

// TestAvailabilityChallengeRefused: challenges that do not name one object
// of the live batch once, with the bond, are refused.
func TestAvailabilityChallengeRefused(t *testing.T) {
	t.Parallel()
	s, _, _ := availabilitySetup(t)
	bond := s.params.AvailabilityBond
	_, err := s.send(s.challenger, Challenge{2, ObjectRow, 0}.Calldata(), bond)
	wantRevert[bindings.DenominatorAllocationAVSNoLiveBatch](t, err)
	for _, ch := range []Challenge{{1, ObjectRow, 3}, {1, ObjectManifestPart, 1}, {1, ObjectKind(2), 0}} {
		_, err = s.send(s.challenger, ch.Calldata(), bond)
		wantRevert[bindings.DenominatorAllocationAVSNoSuchObject](t, err)
	}
	_, err = s.send(s.challenger, Challenge{1, ObjectRow, 0}.Calldata(), new(big.Int).Sub(bond, big.NewInt(1)))
	wantRevert[bindings.DenominatorAllocationAVSBondTooLow](t, err)
	s.challenge(s.challenger, Challenge{1, ObjectRow, 0})
	_, err = s.send(s.keys[1], Challenge{1, ObjectRow, 0}.Calldata(), bond)
	wantRevert[bindings.DenominatorAllocationAVSAlreadyChallenged](t, err)
	_, err = s.send(s.keys[1], Challenge{1, ObjectRow, 2}.SlashCalldata(), nil)
	wantRevert[bindings.DenominatorAllocationAVSChallengeNotOpen](t, err)
}

// TestBondsRefundedAfterVoid: when a batch is voided by a proof, its
// challenges still open end and their bonds go back to whoever opened them,
// through refundBond (anyone may call it, once); the next attempt's objects
// can be challenged again. A challenger that refuses the payment is credited
// instead (owed), so that it cannot block a refund or a slash.
func TestBondsRefundedAfterVoid(t *testing.T) {
	t.Parallel()
	s, tr, _ := availabilitySetup(t)
	fwd := s.deployForwarder(s.keys[2])
	open := Challenge{1, ObjectRow, 0}
	s.challenge(s.challenger, open)
	byContract := Challenge{1, ObjectRow, 2}
	s.forward(s.keys[2], fwd, byContract.Calldata(), s.params.AvailabilityBond)
	_, err := s.send(s.keys[1], open.RefundCalldata(0), nil)
	wantRevert[bindings.DenominatorAllocationAVSBatchNotVoided](t, err)

	// A fraud proof voids the batch (provider 1's row is unopenable, but
	// header 0 and 1 hold a provable rule: the roots are arbitrary, so
	// provider 0's bad allocation is proven).
	proof, err := NewBadAllocation(tr.res, 0, arbitraryRoots(3))
	if err != nil {
		t.Fatal(err)
	}
	s.mustSend(s.keys[3], proof.Calldata(), nil)

	bal := s.balance(addrOf(s.challenger))
	s.mustSend(s.keys[1], open.RefundCalldata(0), nil)
	if got := s.balance(addrOf(s.challenger)); got.Cmp(new(big.Int).Add(bal, s.params.AvailabilityBond)) != 0 {
		t.Fatalf("challenger balance %v, want the bond back", got)
	}
	_, err = s.send(s.keys[1], open.RefundCalldata(0), nil)
	wantRevert[bindings.DenominatorAllocationAVSChallengeNotOpen](t, err)
	// The Forwarder has no receive function: its bond is credited.
	s.mustSend(s.keys[1], byContract.RefundCalldata(0), nil)
	if got := call(s.chain, avs.PackOwed(fwd), avs.UnpackOwed); !eqBig(got, s.params.AvailabilityBond) {
		t.Fatalf("owed to the forwarder %v", got)
	}
	_, err = s.send(s.keys[1], avs.PackClaim(), nil)
	wantRevert[bindings.DenominatorAllocationAVSNothingOwed](t, err)

	s.submit(tr, 1, arbitraryRoots(3), s.signing)
	s.challenge(s.challenger, open) // attempt 1's row 0: a new challenge
	if s.getChallenge(open, 1).State != challengeOpen || s.getChallenge(open, 0).State != challengeSettled {
		t.Fatal("challenge states")
	}
}
