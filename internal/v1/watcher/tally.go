package watcher

import "github.com/denomwatch/denomwatch/index"

// FraudCounts are the frauds the index records, counted over its rounds:
// Detected, every batch judged fraudulent (a batch voided by a proof was);
// Proven, the batches voided by a fraud proof (anyone's); FinalizedUnproven,
// the fraudulent batches finalized with no proof. The metrics export them
// as counters that never go down, so a fraud stays visible after its round
// is resubmitted and judged valid.
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
