package watcher

import (
	"log/slog"
	"time"
)

// DefaultProgressEvery is how often a backfill logs its progress.
const DefaultProgressEvery = 5 * time.Second

// progress follows a backfill: where it started, how far it got, and when it
// last said so. It decides; the watcher logs.
type progress struct {
	every time.Duration
	// Of the current backfill (zero start: caught up).
	start        time.Time
	startBlock   uint64
	rounds       int // rounds judged since start
	lastLog      time.Time
	catchingUp   bool
	reported     bool // a progress line of this backfill was logged
	everCaughtUp bool
}

// progressLine is one progress report.
type progressLine struct {
	block, target, head uint64
	rounds              int
	rate                float64 // blocks per second since the backfill began
	eta                 time.Duration
	elapsed             time.Duration
}

// behind notes that the watcher is at block, target blocks to go (head the
// chain's head), at now; it returns a line to log when one is due (every
// `every` while behind).
func (p *progress) behind(now time.Time, block, target, head uint64) (progressLine, bool) {
	if !p.catchingUp {
		p.catchingUp, p.start, p.startBlock, p.lastLog, p.rounds, p.reported = true, now, block, now, 0, false
		return progressLine{}, false
	}
	if now.Sub(p.lastLog) < p.every {
		return progressLine{}, false
	}
	p.lastLog, p.reported = now, true
	l := progressLine{block: block, target: target, head: head, rounds: p.rounds, elapsed: now.Sub(p.start)}
	if secs := l.elapsed.Seconds(); secs > 0 && block > p.startBlock {
		l.rate = float64(block-p.startBlock) / secs
		if target > block {
			l.eta = time.Duration(float64(target-block) / l.rate * float64(time.Second))
		}
	}
	return l, true
}

// judged counts rounds judged during a backfill.
func (p *progress) judged(n int) {
	if p.catchingUp {
		p.rounds += n
	}
}

// caughtUp notes that the watcher reached its target at block; it returns
// the summary of the backfill that ended when it was long enough to have
// been reported, or when it is the first time since start (following the
// head a block at a time says nothing).
func (p *progress) caughtUp(now time.Time, block uint64) (progressLine, bool) {
	first := !p.everCaughtUp
	p.everCaughtUp = true
	if !p.catchingUp {
		return progressLine{block: block, target: block}, first
	}
	p.catchingUp = false
	if !p.reported && !first {
		return progressLine{}, false
	}
	l := progressLine{block: block, target: block, rounds: p.rounds, elapsed: now.Sub(p.start)}
	if secs := l.elapsed.Seconds(); secs > 0 && block > p.startBlock {
		l.rate = float64(block-p.startBlock) / secs
	}
	return l, true
}

func (l progressLine) attrs() []any {
	a := []any{"block", l.block, "head", l.head, "target", l.target, "roundsJudged", l.rounds,
		"blocksPerSecond", float64(int(l.rate*10)) / 10}
	if l.eta > 0 {
		a = append(a, "eta", l.eta.Round(time.Second).String())
	}
	return a
}

// logProgress logs a backfill progress line.
func logProgress(log *slog.Logger, l progressLine) {
	log.Info("backfill progress", l.attrs()...)
}

// logCaughtUp logs the end of a backfill.
func logCaughtUp(log *slog.Logger, l progressLine) {
	log.Info("caught up", "block", l.block, "roundsJudged", l.rounds, "took", l.elapsed.Round(time.Millisecond).String(),
		"blocksPerSecond", float64(int(l.rate*10))/10)
}
