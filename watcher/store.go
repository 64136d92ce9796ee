package watcher

import (
	"time"

	"github.com/denomwatch/denomwatch/index"
)

// Store is what the watcher needs from the index (*index.Store).
type Store interface {
	Checkpoint() (index.Checkpoint, bool, error)
	Round(n uint64) (index.Round, bool, error)
	Rounds(from, to uint64) ([]index.Round, error)
	LatestRound() (uint64, bool, error)
	Operators() ([]index.Operator, error)
	ProcessedBlocks(below uint64, limit int) ([]index.Checkpoint, error)
	Apply(u *index.BlockUpdate) error
	Rollback(to uint64) error
	Sync() error
}

// Observer receives the watcher's measurements (the API's metrics implement
// it).
type Observer interface {
	SetHead(uint64)
	SetProcessed(uint64)
	SetRoundsByVerdict(map[index.Verdict]int)
	// SetFrauds replaces the counts of frauds the index records
	// (FraudCounts).
	SetFrauds(detected, proven, finalizedUnproven int)
	ObserveRecompute(time.Duration)
	RPCError(method string)
}

type nopObserver struct{}

func (nopObserver) SetHead(uint64)                           {}
func (nopObserver) SetProcessed(uint64)                      {}
func (nopObserver) SetRoundsByVerdict(map[index.Verdict]int) {}
func (nopObserver) SetFrauds(int, int, int)                  {}
func (nopObserver) ObserveRecompute(time.Duration)           {}
func (nopObserver) RPCError(string)                          {}

// FraudCounts are the frauds the index records, counted over its rounds:
// Detected, every batch judged fraudulent (a batch voided by a proof was);
// Proven, the batches voided by a fraud proof (anyone's); FinalizedUnproven,
// the fraudulent batches finalized with no proof. The metrics export them
// as counters that never go down.
type FraudCounts struct {
	Detected, Proven, FinalizedUnproven int
}

// Add returns c + d.
func (c FraudCounts) Add(d FraudCounts) FraudCounts {
	return FraudCounts{c.Detected + d.Detected, c.Proven + d.Proven, c.FinalizedUnproven + d.FinalizedUnproven}
}

// Sub returns c - d.
func (c FraudCounts) Sub(d FraudCounts) FraudCounts {
	return FraudCounts{c.Detected - d.Detected, c.Proven - d.Proven, c.FinalizedUnproven - d.FinalizedUnproven}
}

// fraudsOf counts one round's frauds: every voided batch (proven, so
// fraudulent), and the latest batch when the round's verdict is fraud and it
// is not voided (finalized unproven when finalized).
func fraudsOf(r *index.Round) FraudCounts {
	var c FraudCounts
	for i, b := range r.Batches {
		switch {
		case b.Status == index.BatchVoided:
			c.Detected++
			c.Proven++
		case i == len(r.Batches)-1 && r.Verdict == index.VerdictFraud:
			c.Detected++
			if b.Status == index.BatchFinalized {
				c.FinalizedUnproven++
			}
		}
	}
	return c
}
