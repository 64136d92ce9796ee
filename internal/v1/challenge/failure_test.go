package challenge

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"
)

// TestFailureLog: a lasting failure is one warning a minute, not one a
// pass; a new failure warns at once; recovery is said once.
func TestFailureLog(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo}))
	var f failureLog
	t0 := time.Unix(1_800_000_000, 0)
	funds := errors.New("round 3: send 0xab: insufficient funds")
	for i := 0; i < 60; i++ { // two minutes of passes every 2 s
		f.pass(log, t0.Add(time.Duration(2*i)*time.Second), funds)
	}
	f.pass(log, t0.Add(121*time.Second), errors.New("head: connection refused"))
	f.pass(log, t0.Add(123*time.Second), nil)
	f.pass(log, t0.Add(125*time.Second), nil)
	out := buf.String()
	if n := strings.Count(out, "level=WARN"); n != 3 {
		t.Fatalf("%d warnings, want 2 for the lasting failure and 1 for the new one:\n%s", n, out)
	}
	if n := strings.Count(out, "succeed again"); n != 1 {
		t.Fatalf("recovery said %d times:\n%s", n, out)
	}
}
