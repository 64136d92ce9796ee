package challenge

import (
	"errors"
	"testing"
	"time"
)

// TestFailureLog: a lasting failure is logged when it starts and once a
// minute after, a new error at once, and the recovery once.
func TestFailureLog(t *testing.T) {
	f := failureLog{every: time.Minute}
	start := time.Unix(1_000_000, 0)
	down, other := errors.New("node down"), errors.New("another error")
	logged := 0
	for i := range 60 { // two minutes of passes every 2 s
		if log, n := f.failed(down, start.Add(time.Duration(i)*2*time.Second)); log {
			logged++
			if n != i+1 {
				t.Fatalf("pass %d logged with %d failures in a row", i, n)
			}
		}
	}
	if logged != 2 {
		t.Fatalf("a lasting failure over 2 minutes logged %d times, want 2 (at its start and a minute later)", logged)
	}
	if log, n := f.failed(other, start.Add(121*time.Second)); !log || n != 61 {
		t.Fatalf("a new error: logged %v with %d in a row", log, n)
	}
	if n := f.succeeded(); n != 61 {
		t.Fatalf("recovery after %d failures, want 61", n)
	}
	if n := f.succeeded(); n != 0 {
		t.Fatalf("a second success reports %d failures", n)
	}
	if log, _ := f.failed(down, start.Add(122*time.Second)); !log {
		t.Fatal("the first failure after a recovery was not logged")
	}
}
