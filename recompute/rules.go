package recompute

import (
	"fmt"
)

// Rule names a rule a round's data breaks. The values are a stable interface
// (CLI, API, events, FraudProven.kind): the section 3 names, and the names
// RECOMPUTE-CLI.md gives to input that is not a round at all.
type Rule string

// The rules of section 3, in checking order.
const (
	RuleProviderZero        Rule = "provider-zero"
	RuleProviderOrder       Rule = "provider-order"
	RuleCapacityRange       Rule = "capacity-range"
	RuleEntryCount          Rule = "entry-count"
	RuleEntryOffset         Rule = "entry-offset"
	RuleRecipientZero       Rule = "recipient-zero"
	RuleEntryOrder          Rule = "entry-order"
	RuleMRRange             Rule = "mr-range"
	RuleResidualRange       Rule = "residual-range"
	RuleResidualConsistency Rule = "residual-consistency"
)

// The rules about the input itself (RECOMPUTE-CLI.md).
const (
	// RuleABI: the whole-round file does not decode exactly.
	RuleABI Rule = "abi"
	// RuleRound: the data's round is not the on-chain round.
	RuleRound Rule = "round"
	// RuleBounds: P = 0, P > 1024 or E > 1024 * P; commitRound refuses it.
	RuleBounds Rule = "bounds"
	// RuleUnavailableManifest: the manifest is missing, does not decode
	// exactly or does not rebuild the commitment root.
	RuleUnavailableManifest Rule = "unavailable-manifest"
	// RuleUnavailableRow: a row is missing, does not decode exactly, holds
	// another number of entries than its header says or does not rebuild
	// its entries root.
	RuleUnavailableRow Rule = "unavailable-row"
)

// Section3Rules lists the rules of section 3 in checking order.
var Section3Rules = []Rule{
	RuleProviderZero, RuleProviderOrder, RuleCapacityRange, RuleEntryCount, RuleEntryOffset,
	RuleRecipientZero, RuleEntryOrder, RuleMRRange, RuleResidualRange, RuleResidualConsistency,
}

// entryRules are the per-row rules, in checking order; residual-consistency
// spans rows and is checked on its own.
var entryRules = [...]Rule{RuleRecipientZero, RuleEntryOrder, RuleMRRange, RuleResidualRange}

const nEntryRules = len(entryRules)

// HasProvider reports whether a violation of r names a provider.
func (r Rule) HasProvider() bool {
	switch r {
	case RuleABI, RuleRound, RuleBounds, RuleUnavailableManifest, "":
		return false
	}
	return true
}

// HasEntry reports whether a violation of r names an entry.
func (r Rule) HasEntry() bool {
	switch r {
	case RuleRecipientZero, RuleEntryOrder, RuleMRRange, RuleResidualRange, RuleResidualConsistency:
		return true
	}
	return false
}

// Clause names the clause of entry-offset that is broken.
type Clause string

// The clauses of entry-offset, in checking order.
const (
	ClauseFirst Clause = "first" // entryOffset_0 != 0
	ClausePair  Clause = "pair"  // entryOffset_{p+1} != entryOffset_p + entryCount_p
	ClauseLast  Clause = "last"  // entryOffset_{P-1} + entryCount_{P-1} != E
)

// Violation is the first rule a round breaks, with the positions of the
// evidence an on-chain proof of it takes (section 3's table): Provider p and
// Entry j where the rule has them, the Clause of entry-offset, and for
// residual-consistency the recipient's first occurrence (OtherProvider q,
// OtherEntry l). Fields a rule does not have are zero.
type Violation struct {
	Rule          Rule
	Provider      int
	Entry         int
	Clause        Clause
	OtherProvider int
	OtherEntry    int
	// Msg says in one human sentence where and how the rule is broken.
	Msg string
}

func (v *Violation) Error() string {
	return fmt.Sprintf("rule %s: %s", v.Rule, v.Msg)
}

func violation(rule Rule, p, j int, format string, args ...any) *Violation {
	return &Violation{Rule: rule, Provider: p, Entry: j, Msg: fmt.Sprintf(format, args...)}
}

// Position is entry j of provider p.
type Position struct{ P, J int }

// EvidencePositions returns the headers and the entries that prove v on
// chain, in the order of section 3's table: for provider-order and the pair
// clause headers p and p+1, for entry-order entries j and j+1 of p, for
// residual-consistency headers p and q with entry j of p and l of q.
func (v *Violation) EvidencePositions() (headers []int, entries []Position) {
	p, j := v.Provider, v.Entry
	switch v.Rule {
	case RuleProviderZero, RuleCapacityRange, RuleEntryCount:
		return []int{p}, nil
	case RuleProviderOrder:
		return []int{p, p + 1}, nil
	case RuleEntryOffset:
		if v.Clause == ClausePair {
			return []int{p, p + 1}, nil
		}
		return []int{p}, nil
	case RuleRecipientZero, RuleMRRange, RuleResidualRange:
		return []int{p}, []Position{{p, j}}
	case RuleEntryOrder:
		return []int{p}, []Position{{p, j}, {p, j + 1}}
	case RuleResidualConsistency:
		return []int{p, v.OtherProvider}, []Position{{p, j}, {v.OtherProvider, v.OtherEntry}}
	}
	return nil, nil
}
