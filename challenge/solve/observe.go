package solve

import (
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// observe returns the Observe action when the chain shows something the
// record does not hold yet: the move in flight ended, or the bonds' fates
// changed. The decision rules then work on a record that mirrors the chain.
func observe(r *Record, f *Facts) (Action, bool) {
	var obs Observation
	if r.Move != nil && f.Move != nil {
		obs.Ended = ended(r.Move, f)
	}
	if bonds, changed := syncBonds(r, f); changed {
		obs.Bonds = bonds
	}
	if obs.Ended == nil && obs.Bonds == nil {
		return Action{}, false
	}
	a := Action{Kind: KindObserve, Reason: ReasonFates, Observation: &obs, Note: "the bonds' fates changed on the chain"}
	if e := obs.Ended; e != nil {
		a.Reason = ReasonMoveEnded
		a.Note = fmt.Sprintf("the %s ended %s", r.Move.Target, e.How)
		if e.Revert != "" || e.OutOfGas {
			a.Note += fmt.Sprintf(" (%s, out of gas %v)", e.Revert, e.OutOfGas)
		}
	}
	return a, true
}

// ended is how the move in flight ended as f shows it, nil while it has
// not. A mined proof or slash has ended only once the batch's state shows
// the FraudProven of its transaction Confirmations deep: until then it is
// followed, so that a reorg that puts it back in the pool or gives its
// nonce to another transaction is seen as such, and nothing is sent twice.
func ended(m *Move, f *Facts) *Ending {
	mf := f.Move
	switch mf.Status {
	case MoveDropped:
		return &Ending{How: EndDropped}
	case MoveMined:
	default:
		return nil
	}
	att, ok := m.attempt(mf.Tx)
	if !ok {
		return &Ending{How: EndDropped, Tx: mf.Tx}
	}
	e := &Ending{Tx: mf.Tx, Block: mf.Block, BlockHash: mf.BlockHash, GasUsed: mf.GasUsed}
	switch {
	case att.Cancel:
		e.How = EndCancelled
	case !mf.Success:
		e.How, e.Revert, e.OutOfGas = EndReverted, mf.Revert, mf.OutOfGas
	case voids(m.Target) && !(voidedBy(f, mf.Tx) && f.Head >= satAdd(f.Batch.Voided.Block, f.Config.Confirmations)):
		return nil
	default:
		e.How = EndMined
	}
	return e
}

// voids reports whether a successful move of t voids the batch.
func voids(t Target) bool { return t.Kind == MoveProve || t.Kind == MoveSlash }

// voidedBy reports whether the batch is voided by transaction tx.
func voidedBy(f *Facts, tx common.Hash) bool {
	b := f.Batch
	return b != nil && b.State == BatchVoided && b.Voided != nil && b.Voided.Tx == tx
}

// syncBonds returns the record's challenges as the chain shows them: each
// recorded one with the fate of its chain state (expired when the chain no
// longer has it), then the chain's challenges of this challenger the record
// lacks. changed is false when that is what the record holds.
func syncBonds(r *Record, f *Facts) ([]Bond, bool) {
	ours := map[object]ChainChallenge{}
	for _, c := range f.Challenges {
		o := object{c.Object, c.Index}
		if _, dup := ours[o]; c.Ours && !dup {
			ours[o] = c
		}
	}
	out := make([]Bond, 0, len(r.Challenges)+len(ours))
	seen := map[object]bool{}
	for _, b := range r.Challenges {
		o := object{b.Object, b.Index}
		seen[o] = true
		if c, ok := ours[o]; ok {
			out = append(out, bondOf(c, b.Bond))
			continue
		}
		if b.Fate != FateExpired {
			b.Fate = FateExpired
		}
		out = append(out, b)
	}
	for _, c := range f.Challenges {
		if o := (object{c.Object, c.Index}); c.Ours && !seen[o] {
			seen[o] = true
			out = append(out, bondOf(ours[o], nil))
		}
	}
	if slices.EqualFunc(out, r.Challenges, sameBond) {
		return nil, false
	}
	return out, true
}

// bondOf is the bond of a challenge of ours on the chain; known is the bond
// the record had, kept when the chain's is unknown.
func bondOf(c ChainChallenge, known *uint256.Int) Bond {
	bond := c.Bond
	if bond == nil {
		bond = known
	}
	return Bond{Object: c.Object, Index: c.Index, Bond: clone(bond), Tx: c.Tx, Block: c.Block,
		ResolveBy: c.ResolveBy, Fate: fateOf(c.State)}
}

// fateOf is the fate of a bond whose challenge is in state s (an unknown
// state keeps the bond open: the contract holds it until told otherwise).
func fateOf(s ChallengeState) Fate {
	switch s {
	case ChallengeResolved:
		return FateLost
	case ChallengeSlashed:
		return FateSlashed
	case ChallengeRefunded:
		return FateRefunded
	}
	return FateOpen
}

// sameBond compares two bonds field by field, amounts by value.
func sameBond(a, b Bond) bool {
	ab, bb := a.Bond, b.Bond
	a.Bond, b.Bond = nil, nil
	return a == b && sameU(ab, bb)
}

func sameU(a, b *uint256.Int) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Eq(b)
}
