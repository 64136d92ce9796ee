package recompute

import (
	"errors"
	"fmt"
)

// Rule names a well-formedness rule of PROTOCOL.md section 3. The string
// values are part of denomwatch's stable interface (CLI output, API, alerts).
type Rule string

// The rules, in the order in which they are checked (see Decode and Validate).
const (
	RuleABI                 Rule = "abi"
	RuleProviderCount       Rule = "provider-count"
	RuleEntryCount          Rule = "entry-count"
	RuleTotalEntries        Rule = "total-entries"
	RuleRound               Rule = "round"
	RuleProviderZero        Rule = "provider-zero"
	RuleProviderOrder       Rule = "provider-order"
	RuleCapacityRange       Rule = "capacity-range"
	RuleRecipientZero       Rule = "recipient-zero"
	RuleEntryOrder          Rule = "entry-order"
	RuleMRRange             Rule = "mr-range"
	RuleResidualRange       Rule = "residual-range"
	RuleResidualConsistency Rule = "residual-consistency"
)

// Rules lists every rule in checking order.
var Rules = []Rule{
	RuleABI, RuleProviderCount, RuleEntryCount, RuleTotalEntries, RuleRound,
	RuleProviderZero, RuleProviderOrder, RuleCapacityRange, RuleRecipientZero,
	RuleEntryOrder, RuleMRRange, RuleResidualRange, RuleResidualConsistency,
}

// ErrMalformed is matched (errors.Is) by every *MalformedError.
var ErrMalformed = errors.New("malformed commitment data")

// ErrOutOfRange is returned by Compute for rows whose values are outside the
// bounds of section 3 (the math is only defined inside them).
var ErrOutOfRange = errors.New("commitment values out of range")

// MalformedError reports the first rule of section 3 that the data breaks.
type MalformedError struct {
	Rule Rule
	// Msg is a human sentence saying where and how the rule is broken.
	Msg string
}

func (e *MalformedError) Error() string {
	return fmt.Sprintf("malformed commitment data (rule %s): %s", e.Rule, e.Msg)
}

// Is makes errors.Is(err, ErrMalformed) hold.
func (e *MalformedError) Is(target error) bool { return target == ErrMalformed }

func malformed(rule Rule, format string, args ...any) *MalformedError {
	return &MalformedError{Rule: rule, Msg: fmt.Sprintf(format, args...)}
}

// RuleOf returns the rule named by a *MalformedError in err's chain, or "".
func RuleOf(err error) Rule {
	var me *MalformedError
	if errors.As(err, &me) {
		return me.Rule
	}
	return ""
}
