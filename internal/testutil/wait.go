package testutil

import (
	"testing"
	"time"
)

// WaitFor polls cond every `every` until it holds, failing tb with what it
// waited for once timeout has passed.
func WaitFor(tb testing.TB, what string, timeout, every time.Duration, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(every)
	}
}
