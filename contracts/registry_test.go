package contracts

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/denomwatch/denomwatch/bls"
	"github.com/denomwatch/denomwatch/contracts/bindings"
)

func (c *chain) registeredBitmap() *big.Int {
	return call(c, avs.PackRegisteredBitmap(), avs.UnpackRegisteredBitmap)
}

func (c *chain) operatorAt(i int) bindings.OperatorAtOutput {
	return call(c, avs.PackOperatorAt(big.NewInt(int64(i))), avs.UnpackOperatorAt)
}

func bitmapOf(bits ...int) *big.Int {
	b := new(big.Int)
	for _, i := range bits {
		b.SetBit(b, i, 1)
	}
	return b
}

func TestRegister(t *testing.T) {
	t.Parallel()
	c := newChain(t, chainOptions{accounts: 4})
	o := newOperator(t, c.keys[0], 7)
	rcpt := c.register(o, ether(3))
	ev := oneEvent(t, rcpt, bindings.DenominatorAllocationAVSOperatorRegisteredEventName, avs.UnpackOperatorRegisteredEvent)
	pk := o.sk.PublicG1().Words()
	if ev.Operator != o.addr || ev.Index.Sign() != 0 || !eqBig(ev.Stake, ether(3)) || !eqBig(ev.PkG1[0], pk[0]) || !eqBig(ev.PkG1[1], pk[1]) {
		t.Fatalf("OperatorRegistered %+v", ev)
	}
	if at := c.operatorAt(0); at.Op.Addr != o.addr || !at.Op.Active || !eqBig(at.Stake, ether(3)) || c.registeredBitmap().Int64() != 1 {
		t.Fatalf("operator 0: %+v", at)
	}

	other := newOperator(t, c.keys[1], 8)
	for _, tc := range []struct {
		name  string
		data  []byte
		value *big.Int
		check func(error)
	}{
		{"stake below the minimum", RegisterCalldata(c.domain(), other.addr, other.sk), new(big.Int).Sub(c.params.MinStake, big.NewInt(1)),
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSStakeBelowMinimum](t, err) }},
		{"a key already registered", RegisterCalldata(c.domain(), other.addr, o.sk), ether(1),
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSDuplicateKey](t, err) }},
		{"a proof of possession for another operator", popFor(c.domain(), o.addr, other.sk), ether(1),
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSInvalidProofOfPossession](t, err) }},
		{"a proof of possession for another AVS", RegisterCalldata(Domain{c.chainID, common.Address{1}}, other.addr, other.sk), ether(1),
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSInvalidProofOfPossession](t, err) }},
		{"a key at infinity", avs.PackRegisterOperator(G1(bls.G1Infinity()), G2(other.sk.PublicG2()), G1(bls.G1Infinity())), ether(1),
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSInvalidPublicKey](t, err) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.send(other.key, tc.data, tc.value)
			tc.check(err)
		})
	}
	_, err := c.send(o.key, RegisterCalldata(c.domain(), o.addr, other.sk), ether(1))
	wantRevert[bindings.DenominatorAllocationAVSAlreadyRegistered](t, err)
}

// popFor is registerOperator for sk with the proof of possession made for
// operator `for` instead of the sender.
func popFor(d Domain, forOperator common.Address, sk *bls.SecretKey) []byte {
	pop := sk.ProvePossession(d.ChainID, d.AVS, forOperator)
	return avs.PackRegisterOperator(G1(sk.PublicG1()), G2(sk.PublicG2()), G1(pop))
}

// TestIndexReusedAfterWithdrawal (F6: in v1 operator indices are never
// reused, so anyone can fill the 256 slots for good): with all 256 slots
// taken a registration is refused; once an operator has exited and
// withdrawn (exactly exitDelay blocks later, not one block earlier), the
// lowest free index goes to the next registration, and the withdrawn
// operator's bit cannot sign.
func TestIndexReusedAfterWithdrawal(t *testing.T) {
	t.Parallel()
	if raceEnabled {
		t.Skip("256 registrations: run without -race (.ci/run does)")
	}
	c := newChain(t, chainOptions{accounts: 260, edit: func(p *Params) { p.MinStake = big.NewInt(1) }})
	ops := c.registerMany(256, big.NewInt(1))
	late := newOperator(t, c.keys[256], 256)
	_, err := c.send(late.key, RegisterCalldata(c.domain(), late.addr, late.sk), big.NewInt(1))
	wantRevert[bindings.DenominatorAllocationAVSTooManyOperators](t, err)

	// Operators at indices 200 and 100 leave, in that order.
	byIndex := map[int]*operator{}
	for _, o := range ops {
		byIndex[o.index] = o
	}
	gone := []*operator{byIndex[200], byIndex[100]}
	var exitBlocks []uint64
	for _, o := range gone {
		exitBlocks = append(exitBlocks, c.mustSend(o.key, avs.PackExit(), nil).BlockNumber.Uint64())
	}
	for i, o := range gone {
		at := exitBlocks[i] + c.params.ExitDelay
		if i == 0 { // the second one's early block is the first one's withdrawal
			_, err = c.sendAt(at-1, o.key, avs.PackWithdraw(), nil)
			wantRevert[bindings.DenominatorAllocationAVSWithdrawalTooEarly](t, err)
		}
		bal := c.balance(o.addr)
		rcpt, err := c.sendAt(at, o.key, avs.PackWithdraw(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.balance(o.addr); got.Cmp(new(big.Int).Sub(new(big.Int).Add(bal, big.NewInt(1)), gasCost(rcpt))) != 0 {
			t.Fatalf("withdrawn stake: balance %v", got)
		}
	}
	if c.registeredBitmap().Bit(100) != 0 || c.registeredBitmap().Bit(200) != 0 || c.operatorAt(100).Op.Addr != (common.Address{}) {
		t.Fatal("the withdrawn indices are still taken")
	}
	// The lowest free index first: 100, then 200.
	c.register(late, big.NewInt(1))
	next := newOperator(t, c.keys[257], 257)
	c.register(next, big.NewInt(1))
	if late.index != 100 || next.index != 200 {
		t.Fatalf("new indices %d and %d, want 100 and 200", late.index, next.index)
	}
	// The withdrawn operator can register again, at the next free index
	// (none is left: refused), and its old bit is its successor's.
	_, err = c.send(gone[1].key, RegisterCalldata(c.domain(), gone[1].addr, newOperator(t, gone[1].key, 999).sk), big.NewInt(1))
	wantRevert[bindings.DenominatorAllocationAVSTooManyOperators](t, err)
	tr := genRound(51, 1, []int{2})
	c.commit(tr)
	signing := []*operator{gone[1]} // bit 100 with the withdrawn operator's key
	for _, o := range ops {
		if o.index != 100 && o.index != 200 {
			signing = append(signing, o)
		}
	}
	_, err = c.send(c.keys[0], c.batch(tr, 0, nil, signing).Calldata(), nil)
	wantRevert[bindings.DenominatorAllocationAVSInvalidSignature](t, err)
}

// TestWithdrawnBitCannotSign (F6): a batch naming a withdrawn operator's
// free bit is refused.
func TestWithdrawnBitCannotSign(t *testing.T) {
	t.Parallel()
	c := newChain(t, chainOptions{accounts: 4})
	ops := c.registerN(4, 10)
	at := c.mustSend(ops[1].key, avs.PackExit(), nil).BlockNumber.Uint64()
	if _, err := c.sendAt(at+c.params.ExitDelay, ops[1].key, avs.PackWithdraw(), nil); err != nil {
		t.Fatal(err)
	}
	tr := genRound(52, 1, []int{3})
	c.commit(tr)
	_, err := c.send(c.keys[0], c.batch(tr, 0, nil, ops).Calldata(), nil)
	if e := wantRevert[bindings.DenominatorAllocationAVSSignerNotActive](t, err); e.Index.Int64() != 1 {
		t.Fatalf("SignerNotActive(%v)", e.Index)
	}
	_, err = c.send(ops[1].key, avs.PackWithdraw(), nil)
	wantRevert[bindings.DenominatorAllocationAVSNotRegistered](t, err)
}

// TestReusedIndexNeverSlashedForPredecessor: exitDelay outlasts the longest
// life of a batch (challenge + resolve + reveal windows), so by the time an
// index has a new operator, no proof can slash its predecessor's batch: a
// fraud proof is past the deadline, and an unresolved challenge past
// maxDeadline voids the batch without slashing anyone.
func TestReusedIndexNeverSlashedForPredecessor(t *testing.T) {
	t.Parallel()
	s := newFraudSetup(t, func(p *Params) { p.ExitDelay = p.ChallengeWindow + p.ResolveWindow + p.RevealWindow + 1 })
	tr := unopenable(53, 1)
	s.commit(tr)
	sub := s.mustSend(s.keys[0], s.batch(tr, 0, arbitraryRoots(3), s.signing).Calldata(), nil).BlockNumber.Uint64()
	ch := Challenge{1, ObjectRow, 1}
	s.challenge(s.challenger, ch)
	leaving := s.signing[2]
	exitBlock := s.mustSend(leaving.key, avs.PackExit(), nil).BlockNumber.Uint64()
	maxDeadline := s.getRound(1).MaxDeadline.Uint64()
	if exitBlock+s.params.ExitDelay <= maxDeadline || maxDeadline != sub+s.params.ExitDelay-1 {
		t.Fatalf("exit at %d, max deadline %d", exitBlock, maxDeadline)
	}
	if _, err := s.sendAt(exitBlock+s.params.ExitDelay, leaving.key, avs.PackWithdraw(), nil); err != nil {
		t.Fatal(err)
	}
	newcomer := newOperator(t, s.challenger, 77)
	s.register(newcomer, ether(20))
	if newcomer.index != leaving.index {
		t.Fatalf("newcomer at %d, want %d", newcomer.index, leaving.index)
	}
	proof, err := NewBadAllocation(tr.res, 0, arbitraryRoots(3))
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.send(s.keys[0], proof.Calldata(), nil)
	wantRevert[bindings.DenominatorAllocationAVSProofWindowClosed](t, err)
	rcpt := s.mustSend(s.keys[0], ch.SlashCalldata(), nil)
	if fp := oneEvent(t, rcpt, bindings.DenominatorAllocationAVSFraudProvenEventName, avs.UnpackFraudProvenEvent); fp.SlashedTotal.Sign() != 0 {
		t.Fatalf("slashed %v after maxDeadline", fp.SlashedTotal)
	}
	if got := s.stakeOf(newcomer); !eqBig(got, ether(20)) {
		t.Fatalf("newcomer's stake %v", got)
	}
}

// TestExitedSignerStaysSlashable: an operator that signed and then exited is
// slashed with the others; the active stake does not count it.
func TestExitedSignerStaysSlashable(t *testing.T) {
	t.Parallel()
	s := newFraudSetup(t, nil)
	tr := genRound(54, 1, []int{3, 2})
	s.commit(tr)
	roots := wrongRoots(tr, 0)
	s.submit(tr, 0, roots, s.signing)
	s.mustSend(s.signing[0].key, avs.PackExit(), nil)
	active := call(s.chain, avs.PackActiveStake(), avs.UnpackActiveStake)
	proof, err := NewBadAllocation(tr.res, 0, roots)
	if err != nil {
		t.Fatal(err)
	}
	before := s.stakes()
	rcpt := s.mustSend(s.challenger, proof.Calldata(), nil)
	s.checkConvicted(t, rcpt, conviction{round: 1, kind: FraudBadAllocation, beneficiary: addrOf(s.challenger)}, before)
	cut := func(i int) *big.Int { return new(big.Int).Sub(before[i], s.stakeOf(s.ops[i])) }
	want := new(big.Int).Sub(active, new(big.Int).Add(new(big.Int).Add(cut(1), cut(2)), cut(3)))
	if got := call(s.chain, avs.PackActiveStake(), avs.UnpackActiveStake); !eqBig(got, want) {
		t.Fatalf("active stake %v, want %v", got, want)
	}
}

// TestDeployParams: exitDelay > challengeWindow + resolveWindow +
// revealWindow and the other bounds are enforced by Check and, for a
// deployment that skips Check, by the constructor.
func TestDeployParams(t *testing.T) {
	t.Parallel()
	c := newChain(t, chainOptions{})
	coord := addrOf(c.coord)
	for _, tc := range []struct {
		name string
		edit func(*Params)
	}{
		{"exit delay equal to the windows", func(p *Params) { p.ExitDelay = p.ChallengeWindow + p.ResolveWindow + p.RevealWindow }},
		{"zero coordinator", func(p *Params) { p.Coordinator = common.Address{} }},
		{"no challenge window", func(p *Params) { p.ChallengeWindow = 0 }},
		{"no resolve window", func(p *Params) { p.ResolveWindow = 0 }},
		{"quorum 0", func(p *Params) { p.QuorumBps = 0 }},
		{"quorum above 10000", func(p *Params) { p.QuorumBps = 10_001 }},
		{"slash above 10000", func(p *Params) { p.SlashBps = 10_001 }},
		{"bounty above 10000", func(p *Params) { p.BountyBps = 10_001 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := DefaultParams(coord)
			tc.edit(&p)
			if err := p.Check(); err == nil {
				t.Fatal("Check accepted")
			}
			opts := c.opts(c.deployer, 0)
			opts.GasLimit = 10_000_000
			_, tx, err := bind.DeployContract(opts, common.FromHex(bindings.DenominatorAllocationAVSMetaData.Bin), c.client, avs.PackConstructor(p.Binding()))
			if err != nil {
				t.Fatal(err)
			}
			c.seal(tx)
			if c.receipt(tx).Status != types.ReceiptStatusFailed {
				t.Fatal("the constructor accepted")
			}
		})
	}
	p := DefaultParams(coord)
	p.ExitDelay = p.ChallengeWindow + p.ResolveWindow + p.RevealWindow + 1
	if err := p.Check(); err != nil {
		t.Fatal(err)
	}
}
