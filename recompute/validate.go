package recompute

import (
	"bytes"
	"runtime"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/holiman/uint256"
)

// CheckRound reports rule round unless the manifest's round is onchain.
func (m *Manifest) CheckRound(onchain *uint256.Int) *Violation {
	if m.Round.Eq(onchain) {
		return nil
	}
	return violation(RuleRound, 0, 0, "the data is for round %s but the on-chain round is %s", m.Round.Dec(), onchain.Dec())
}

// CheckBounds reports rule bounds for P = 0, P > 1024 or E > 1024 * P: a round
// that commitRound refuses.
func (m *Manifest) CheckBounds() *Violation {
	P := len(m.Headers)
	if P == 0 || P > MaxProviders {
		return violation(RuleBounds, 0, 0, "the round has %d providers; 1 to %d are allowed", P, MaxProviders)
	}
	if limit := uint256.NewInt(uint64(MaxRowEntries * P)); m.E.Gt(limit) {
		return violation(RuleBounds, 0, 0, "the round has E = %s entries, more than %d (1024 per provider)", m.E.Dec(), limit.Uint64())
	}
	return nil
}

// ValidateHeaders checks the header rules of section 3 in their order
// (provider-zero, provider-order, capacity-range, entry-count, entry-offset),
// each by ascending p, and returns the first broken one.
func (m *Manifest) ValidateHeaders() *Violation {
	hs := m.Headers
	for p := range hs {
		if hs[p].Provider == (common.Address{}) {
			return violation(RuleProviderZero, p, 0, "provider %d has the zero address", p)
		}
	}
	for p := 0; p+1 < len(hs); p++ {
		if bytes.Compare(hs[p+1].Provider[:], hs[p].Provider[:]) <= 0 {
			return violation(RuleProviderOrder, p, 0, "provider %d (%s) does not sort strictly after provider %d (%s)",
				p+1, lower(hs[p+1].Provider), p, lower(hs[p].Provider))
		}
	}
	for p := range hs {
		if hs[p].Capacity.BitLen() > 128 {
			return violation(RuleCapacityRange, p, 0, "provider %d has capacity %s, not below 2^128", p, hs[p].Capacity.Dec())
		}
	}
	for p := range hs {
		if !hs[p].EntryCount.IsUint64() || hs[p].EntryCount.Uint64() > MaxRowEntries {
			return violation(RuleEntryCount, p, 0, "provider %d has %s entries, more than %d", p, hs[p].EntryCount.Dec(), MaxRowEntries)
		}
	}
	return m.checkOffsets()
}

// checkOffsets checks entry-offset: clause first on header 0, pair on each
// p, p+1, last on header P-1. Sums are exact (an overflowing sum matches no
// word).
func (m *Manifest) checkOffsets() *Violation {
	hs := m.Headers
	if len(hs) == 0 {
		return nil
	}
	if !hs[0].EntryOffset.IsZero() {
		v := violation(RuleEntryOffset, 0, 0, "provider 0 has entryOffset %s, not 0", hs[0].EntryOffset.Dec())
		v.Clause = ClauseFirst
		return v
	}
	var end uint256.Int
	for p := 0; p+1 < len(hs); p++ {
		if _, overflow := end.AddOverflow(&hs[p].EntryOffset, &hs[p].EntryCount); overflow || !end.Eq(&hs[p+1].EntryOffset) {
			v := violation(RuleEntryOffset, p, 0, "provider %d has entryOffset %s, not provider %d's offset %s plus its count %s",
				p+1, hs[p+1].EntryOffset.Dec(), p, hs[p].EntryOffset.Dec(), hs[p].EntryCount.Dec())
			v.Clause = ClausePair
			return v
		}
	}
	last := &hs[len(hs)-1]
	if _, overflow := end.AddOverflow(&last.EntryOffset, &last.EntryCount); overflow || !end.Eq(&m.E) {
		v := violation(RuleEntryOffset, len(hs)-1, 0, "the last provider's entries end at %s plus %s, not at E = %s",
			last.EntryOffset.Dec(), last.EntryCount.Dec(), m.E.Dec())
		v.Clause = ClauseLast
		return v
	}
	return nil
}

// rowFirsts holds, per entry rule (entryRules order), the first entry of one
// row that breaks it, or -1.
type rowFirsts [nEntryRules]int32

// scanRow finds the first entry of row breaking each per-row entry rule. For
// entry-order the entry reported is j, the first of the pair j, j+1.
func scanRow(row Row) rowFirsts {
	f := rowFirsts{-1, -1, -1, -1}
	set := func(rule, j int) {
		if f[rule] < 0 {
			f[rule] = int32(j)
		}
	}
	var zero common.Address
	for j := range row.Len() {
		rcp := row.recipient(j)
		if bytes.Equal(rcp, zero[:]) {
			set(0, j)
		}
		if j+1 < row.Len() && bytes.Compare(row.recipient(j+1), rcp) <= 0 {
			set(1, j)
		}
		mr := row.word(j, 1)
		if !isZero(mr[:24]) || isZero(mr[24:]) {
			set(2, j)
		}
		if !isZero(row.word(j, 2)[:16]) {
			set(3, j)
		}
	}
	return f
}

// firstEntryViolation returns the first entry-rule violation in rule order,
// then by p and j, from the rows' scans.
func firstEntryViolation(rows []Row, firsts []rowFirsts) *Violation {
	for rule := range nEntryRules {
		for p := range firsts {
			j := int(firsts[p][rule])
			if j < 0 {
				continue
			}
			return entryViolation(entryRules[rule], p, j, rows[p])
		}
	}
	return nil
}

func entryViolation(rule Rule, p, j int, row Row) *Violation {
	e := row.Entry(j)
	switch rule {
	case RuleRecipientZero:
		return violation(rule, p, j, "provider %d entry %d has the zero recipient", p, j)
	case RuleEntryOrder:
		next := row.Entry(j + 1)
		return violation(rule, p, j, "provider %d entry %d (%s) does not sort strictly after entry %d (%s)",
			p, j+1, lower(next.Recipient), j, lower(e.Recipient))
	case RuleMRRange:
		return violation(rule, p, j, "provider %d entry %d has mr %s, not in [1, 2^64)", p, j, e.MR.Dec())
	default:
		return violation(rule, p, j, "provider %d entry %d has residual %s, not below 2^128", p, j, e.Residual.Dec())
	}
}

// checkResidualConsistency finds the first (p, j) whose recipient appeared
// earlier with another residual. The recipients are split by their last byte
// between workers, each scanning the whole round in order for its share; the
// earliest finding of any worker is the answer.
func checkResidualConsistency(rows []Row, workers int) *Violation {
	workers = max(1, min(workers, runtime.GOMAXPROCS(0)))
	found := make([]*Violation, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			found[w] = residualShard(rows, w, workers)
		}()
	}
	wg.Wait()
	var first *Violation
	for _, v := range found {
		if v != nil && (first == nil || v.Provider < first.Provider || v.Provider == first.Provider && v.Entry < first.Entry) {
			first = v
		}
	}
	return first
}

// residualShard checks the recipients whose last byte is shard mod shards.
func residualShard(rows []Row, shard, shards int) *Violation {
	type pos struct{ p, j int32 }
	seen := make(map[common.Address]pos)
	for p := range rows {
		row := rows[p]
		for j := range row.Len() {
			rcp := row.recipient(j)
			if int(rcp[19])%shards != shard {
				continue
			}
			addr := common.Address(rcp)
			q, ok := seen[addr]
			if !ok {
				seen[addr] = pos{int32(p), int32(j)}
				continue
			}
			if !bytes.Equal(row.word(j, 2), rows[q.p].word(int(q.j), 2)) {
				return residualViolation(rows, p, j, int(q.p), int(q.j))
			}
		}
	}
	return nil
}

func residualViolation(rows []Row, p, j, q, l int) *Violation {
	e, first := rows[p].Entry(j), rows[q].Entry(l)
	v := violation(RuleResidualConsistency, p, j,
		"recipient %s has residual %s at provider %d entry %d but %s at its first occurrence, provider %d entry %d",
		lower(e.Recipient), e.Residual.Dec(), p, j, first.Residual.Dec(), q, l)
	v.OtherProvider, v.OtherEntry = q, l
	return v
}

func isZero(b []byte) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}

// lower writes an address as 0x and 40 lowercase hex digits, as every output
// of this package writes hex.
func lower(a common.Address) string { return hexutil.Encode(a[:]) }
