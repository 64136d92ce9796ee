package devnet

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/denomwatch/denomwatch/recompute"
)

// FaultKind names a way a round goes wrong.
type FaultKind string

// The fault kinds (PROTOCOL.md sections 3, 7 and 9 say what each breaks).
const (
	// FaultAmount: a colluding quorum signs one amount off (row P, entry J).
	FaultAmount FaultKind = "amount"
	// FaultDenominator: row P's amounts computed with twice its denominator.
	FaultDenominator FaultKind = "denominator"
	// FaultConservation: row P hands out more than its capacity.
	FaultConservation FaultKind = "conservation"
	// FaultMalformed: the coordinator publishes a round that breaks Rule;
	// honest operators refuse it, and with Signed a colluding quorum signs
	// a batch over it anyway.
	FaultMalformed FaultKind = "malformed"
	// FaultWithheldRow: the coordinator keeps row P back and a colluding
	// quorum signs a wrong allocation of it; with Reveal they answer an
	// availability challenge with the row (which then shows the fraud),
	// without it they never answer.
	FaultWithheldRow FaultKind = "withheld-row"
	// FaultWithheldManifest: the manifest is kept back and a colluding
	// quorum signs the round's (correct) roots; Reveal as for rows.
	FaultWithheldManifest FaultKind = "withheld-manifest"
	// FaultUnopenable: the coordinator commits a providers root that no data
	// opens, and a colluding quorum signs made-up provider roots.
	FaultUnopenable FaultKind = "unopenable"
	// FaultForwarded: an honest batch submitted through a forwarder contract
	// (a multisig, say): in v2 it is judged from events like any other.
	FaultForwarded FaultKind = "forwarded"
	// FaultReplay: an amount fault whose batch, once a fraud proof voids it,
	// the colluders submit again unchanged: the chain refuses it (its
	// attempt is spent).
	FaultReplay FaultKind = "replay"
	// FaultChurn: an honest round during which an operator exits; once its
	// exit delay has passed it withdraws and a new operator registers and
	// takes its index.
	FaultChurn FaultKind = "churn"
)

// FaultKinds lists every kind.
var FaultKinds = []FaultKind{
	FaultAmount, FaultDenominator, FaultConservation, FaultMalformed, FaultWithheldRow,
	FaultWithheldManifest, FaultUnopenable, FaultForwarded, FaultReplay, FaultChurn,
}

// Variants of the kinds that take one.
const (
	variantSigned = "signed" // malformed:<rule>:signed
	variantReveal = "reveal" // withheld-row[@P]:reveal, withheld-manifest:reveal
)

// Fault is a round's fault. P and J locate it (-1: chosen at random); Rule
// is the malformed round's rule; Signed and Reveal are the variants.
type Fault struct {
	Kind   FaultKind
	P, J   int
	Rule   recompute.Rule
	Signed bool
	Reveal bool
}

// colluding reports whether a colluding quorum signs the fault's batch.
func (f Fault) colluding() bool {
	switch f.Kind {
	case FaultForwarded, FaultChurn:
		return false
	case FaultMalformed:
		return f.Signed
	}
	return true
}

// locatable reports whether the fault strikes one provider's row.
func (f Fault) locatable() bool {
	switch f.Kind {
	case FaultAmount, FaultDenominator, FaultConservation, FaultWithheldRow, FaultReplay:
		return true
	}
	return false
}

// String formats the fault as ParseFaults reads it.
func (f Fault) String() string {
	s := string(f.Kind)
	switch {
	case f.Kind == FaultMalformed:
		s += ":" + string(f.Rule)
	case f.P >= 0 && f.J >= 0:
		s += fmt.Sprintf("@%d.%d", f.P, f.J)
	case f.P >= 0:
		s += fmt.Sprintf("@%d", f.P)
	}
	if f.Signed {
		s += ":" + variantSigned
	}
	if f.Reveal {
		s += ":" + variantReveal
	}
	return s
}

// Schedule maps round numbers to their faults; rounds not in it are honest.
type Schedule map[uint64]Fault

// ErrFaults is wrapped by every ParseFaults failure.
var ErrFaults = errors.New("bad fault schedule")

// ParseFaults parses a comma-separated list of ROUND:FAULT, where FAULT is
// one of amount[@P[.J]], denominator[@P], conservation[@P],
// malformed:RULE[:signed], withheld-row[@P][:reveal],
// withheld-manifest[:reveal], unopenable, forwarded, replay[@P[.J]], churn.
func ParseFaults(s string) (Schedule, error) {
	sched := Schedule{}
	if strings.TrimSpace(s) == "" {
		return sched, nil
	}
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		roundStr, spec, ok := strings.Cut(item, ":")
		if !ok {
			return nil, fmt.Errorf("%w: %q is not ROUND:FAULT", ErrFaults, item)
		}
		round, err := strconv.ParseUint(roundStr, 10, 64)
		if err != nil || round == 0 {
			return nil, fmt.Errorf("%w: %q: round must be a number from 1", ErrFaults, item)
		}
		f, err := parseFault(spec)
		if err != nil {
			return nil, fmt.Errorf("%w: %q: %w", ErrFaults, item, err)
		}
		if _, dup := sched[round]; dup {
			return nil, fmt.Errorf("%w: round %d named twice", ErrFaults, round)
		}
		sched[round] = f
	}
	return sched, nil
}

// parseFault parses one FAULT of ParseFaults.
func parseFault(spec string) (Fault, error) {
	parts := strings.Split(spec, ":")
	head, variants := parts[0], parts[1:]
	kindStr, where, located := strings.Cut(head, "@")
	f := Fault{Kind: FaultKind(kindStr), P: -1, J: -1}
	if !slices.Contains(FaultKinds, f.Kind) {
		return f, fmt.Errorf("unknown kind %q (one of %v)", kindStr, FaultKinds)
	}
	if f.Kind == FaultMalformed {
		if len(variants) == 0 || located {
			return f, fmt.Errorf("malformed takes a rule: malformed:RULE[:signed], RULE one of %v", recompute.Section3Rules)
		}
		f.Rule, variants = recompute.Rule(variants[0]), variants[1:]
		if !slices.Contains(recompute.Section3Rules, f.Rule) {
			return f, fmt.Errorf("unknown rule %q (one of %v)", f.Rule, recompute.Section3Rules)
		}
	}
	if located {
		if err := f.locate(where); err != nil {
			return f, err
		}
	}
	for _, v := range variants {
		switch {
		case v == variantSigned && f.Kind == FaultMalformed && !f.Signed:
			f.Signed = true
		case v == variantReveal && (f.Kind == FaultWithheldRow || f.Kind == FaultWithheldManifest) && !f.Reveal:
			f.Reveal = true
		default:
			return f, fmt.Errorf("kind %s takes no variant %q", f.Kind, v)
		}
	}
	return f, nil
}

// locate parses @P or @P.J for the kinds that take them.
func (f *Fault) locate(where string) error {
	pStr, jStr, hasJ := strings.Cut(where, ".")
	switch f.Kind {
	case FaultAmount, FaultReplay:
	case FaultDenominator, FaultConservation, FaultWithheldRow:
		if hasJ {
			return fmt.Errorf("kind %s takes a provider, @P", f.Kind)
		}
	default:
		return fmt.Errorf("kind %s takes no position", f.Kind)
	}
	var err error
	if f.P, err = strconv.Atoi(pStr); err != nil || f.P < 0 {
		return fmt.Errorf("provider %q must be a number from 0", pStr)
	}
	if hasJ {
		if f.J, err = strconv.Atoi(jStr); err != nil || f.J < 0 {
			return fmt.Errorf("entry %q must be a number from 0", jStr)
		}
	}
	return nil
}

// String formats a schedule as ParseFaults reads it, by round.
func (s Schedule) String() string {
	rounds := make([]uint64, 0, len(s))
	for r := range s {
		rounds = append(rounds, r)
	}
	slices.Sort(rounds)
	parts := make([]string, len(rounds))
	for i, r := range rounds {
		parts[i] = fmt.Sprintf("%d:%s", r, s[r])
	}
	return strings.Join(parts, ",")
}
