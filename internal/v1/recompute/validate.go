package recompute

import (
	"bytes"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// Validate checks the rules of section 3 that Decode does not, against the
// round number posted on chain. It reports the first broken rule in this
// order: round, provider-zero, provider-order, capacity-range,
// recipient-zero, entry-order, mr-range, residual-range,
// residual-consistency. (Decode has already checked abi, provider-count,
// entry-count and total-entries.)
//
// Validate also checks the size rules, so that a Commitments built in memory
// rather than decoded is held to the same bounds.
func (c *Commitments) Validate(onchainRound *uint256.Int) error {
	if err := c.checkSizes(); err != nil {
		return err
	}
	if !c.Round.Eq(onchainRound) {
		return malformed(RuleRound, "the data is for round %s but the on-chain round is %s", c.Round.Dec(), onchainRound.Dec())
	}
	for i := range c.Providers {
		if c.Providers[i].Address == (common.Address{}) {
			return malformed(RuleProviderZero, "provider %d has the zero address", i)
		}
	}
	for i := 1; i < len(c.Providers); i++ {
		if bytes.Compare(c.Providers[i-1].Address[:], c.Providers[i].Address[:]) >= 0 {
			return malformed(RuleProviderOrder, "provider %d (%s) does not sort strictly after provider %d (%s)",
				i, c.Providers[i].Address.Hex(), i-1, c.Providers[i-1].Address.Hex())
		}
	}
	for i := range c.Providers {
		if c.Providers[i].Capacity.BitLen() > 128 {
			return malformed(RuleCapacityRange, "provider %d capacity %s is not below 2^128", i, c.Providers[i].Capacity.Dec())
		}
	}
	if err := c.eachEntry(func(p, j int, e *Entry) error {
		if e.Recipient == (common.Address{}) {
			return malformed(RuleRecipientZero, "provider %d entry %d has the zero recipient address", p, j)
		}
		return nil
	}); err != nil {
		return err
	}
	for p := range c.Providers {
		es := c.Providers[p].Entries
		for j := 1; j < len(es); j++ {
			if bytes.Compare(es[j-1].Recipient[:], es[j].Recipient[:]) >= 0 {
				return malformed(RuleEntryOrder, "provider %d entry %d (%s) does not sort strictly after entry %d (%s)",
					p, j, es[j].Recipient.Hex(), j-1, es[j-1].Recipient.Hex())
			}
		}
	}
	if err := c.eachEntry(func(p, j int, e *Entry) error {
		if e.MR.IsZero() || e.MR.BitLen() > 64 {
			return malformed(RuleMRRange, "provider %d entry %d: mr %s is not in [1, 2^64)", p, j, e.MR.Dec())
		}
		return nil
	}); err != nil {
		return err
	}
	if err := c.eachEntry(func(p, j int, e *Entry) error {
		if e.Residual.BitLen() > 128 {
			return malformed(RuleResidualRange, "provider %d entry %d: residual %s is not below 2^128", p, j, e.Residual.Dec())
		}
		return nil
	}); err != nil {
		return err
	}
	return c.checkResidualConsistency()
}

func (c *Commitments) checkSizes() error {
	if len(c.Providers) == 0 || len(c.Providers) > MaxProviders {
		return malformed(RuleProviderCount, "the round has %d providers; 1 to %d are allowed", len(c.Providers), MaxProviders)
	}
	total := 0
	for i := range c.Providers {
		k := len(c.Providers[i].Entries)
		if k > MaxEntriesPerProvider {
			return malformed(RuleEntryCount, "provider %d has %d entries, more than the %d allowed", i, k, MaxEntriesPerProvider)
		}
		total += k
	}
	if total > MaxEntries {
		return malformed(RuleTotalEntries, "the round has %d entries, more than the %d allowed", total, MaxEntries)
	}
	return nil
}

func (c *Commitments) eachEntry(f func(p, j int, e *Entry) error) error {
	for p := range c.Providers {
		es := c.Providers[p].Entries
		for j := range es {
			if err := f(p, j, &es[j]); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkResidualConsistency requires every row naming a recipient to carry the
// same residual.
func (c *Commitments) checkResidualConsistency() error {
	type seen struct{ p, j int32 }
	first := make(map[common.Address]seen, c.EntryCount())
	for p := range c.Providers {
		es := c.Providers[p].Entries
		for j := range es {
			s, ok := first[es[j].Recipient]
			if !ok {
				first[es[j].Recipient] = seen{int32(p), int32(j)}
				continue
			}
			prev := &c.Providers[s.p].Entries[s.j]
			if !prev.Residual.Eq(&es[j].Residual) {
				return malformed(RuleResidualConsistency,
					"recipient %s has residual %s under provider %d but %s under provider %d",
					es[j].Recipient.Hex(), prev.Residual.Dec(), s.p, es[j].Residual.Dec(), p)
			}
		}
	}
	return nil
}
