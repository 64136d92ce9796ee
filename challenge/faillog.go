package challenge

import "time"

// failureLog decides which failed passes are worth a log line: a new
// error at once, the same error again once a minute (a node down for an
// hour is 60 lines, not 1,800), and the recovery once. It is the Run
// goroutine's.
type failureLog struct {
	every    time.Duration
	last     string    // the error last logged
	loggedAt time.Time // when
	failures int       // passes failed since the last success
}

// failed records a failed pass at now and reports whether to log it, with
// the number of passes failed in a row.
func (f *failureLog) failed(err error, now time.Time) (log bool, inARow int) {
	f.failures++
	msg := err.Error()
	if msg != f.last || now.Sub(f.loggedAt) >= f.every {
		f.last, f.loggedAt = msg, now
		return true, f.failures
	}
	return false, f.failures
}

// succeeded records a good pass and reports how many failed before it (0:
// nothing to say).
func (f *failureLog) succeeded() (after int) {
	after, f.failures, f.last = f.failures, 0, ""
	return after
}
