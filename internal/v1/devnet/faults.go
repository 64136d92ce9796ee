package devnet

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// FaultKind names a way a round goes wrong.
type FaultKind string

// The fault kinds. All but MalformedCommitments are batches signed by a
// colluding quorum; MalformedCommitments is the coordinator's, and honest
// operators refuse to sign it.
const (
	FaultAmount               FaultKind = "amount"      // one amount off (at Index, or a random one)
	FaultDenominator          FaultKind = "denominator" // a provider's amounts computed with twice its denominator
	FaultConservation         FaultKind = "conservation"
	FaultPublication          FaultKind = "publication"           // published data does not match the signed tree
	FaultWithheld             FaultKind = "withheld"              // the batch publishes no allocation data
	FaultMalformedCommitments FaultKind = "malformed-commitments" // commitments break a rule of section 3
	// FaultForwarded is an honest batch submitted through a forwarder
	// contract (a multisig, say): the transaction's input is the forwarder's
	// call, so a watcher reading calldata cannot see the published data.
	FaultForwarded FaultKind = "forwarded"
)

// FaultKinds lists every kind.
var FaultKinds = []FaultKind{FaultAmount, FaultDenominator, FaultConservation, FaultPublication, FaultWithheld, FaultMalformedCommitments, FaultForwarded}

// Fault is a round's fault. Index is the global entry index (amount) or the
// provider index (denominator, conservation) it strikes; -1 means chosen at
// random.
type Fault struct {
	Kind  FaultKind
	Index int
}

func (f Fault) String() string {
	if f.Index < 0 {
		return string(f.Kind)
	}
	return fmt.Sprintf("%s@%d", f.Kind, f.Index)
}

// Schedule maps round numbers to their faults; rounds not in it are honest.
type Schedule map[uint64]Fault

// ErrFaults is wrapped by every ParseFaults failure.
var ErrFaults = errors.New("bad fault schedule")

// ParseFaults parses "ROUND:KIND[@INDEX],..." such as "3:amount,5:denominator@2,8:publication".
func ParseFaults(s string) (Schedule, error) {
	sched := Schedule{}
	if strings.TrimSpace(s) == "" {
		return sched, nil
	}
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		roundStr, spec, ok := strings.Cut(item, ":")
		if !ok {
			return nil, fmt.Errorf("%w: %q is not ROUND:KIND", ErrFaults, item)
		}
		round, err := strconv.ParseUint(roundStr, 10, 64)
		if err != nil || round == 0 {
			return nil, fmt.Errorf("%w: %q: round must be a number from 1", ErrFaults, item)
		}
		kindStr, indexStr, hasIndex := strings.Cut(spec, "@")
		kind := FaultKind(kindStr)
		if !slices.Contains(FaultKinds, kind) {
			return nil, fmt.Errorf("%w: %q: unknown kind %q (one of %v)", ErrFaults, item, kindStr, FaultKinds)
		}
		f := Fault{Kind: kind, Index: -1}
		if hasIndex {
			switch kind {
			case FaultAmount, FaultDenominator, FaultConservation:
			default:
				return nil, fmt.Errorf("%w: %q: kind %s takes no index", ErrFaults, item, kind)
			}
			i, err := strconv.Atoi(indexStr)
			if err != nil || i < 0 {
				return nil, fmt.Errorf("%w: %q: index must be a number from 0", ErrFaults, item)
			}
			f.Index = i
		}
		if _, dup := sched[round]; dup {
			return nil, fmt.Errorf("%w: round %d named twice", ErrFaults, round)
		}
		sched[round] = f
	}
	return sched, nil
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
