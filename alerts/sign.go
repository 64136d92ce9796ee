package alerts

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The headers of a webhook delivery. Their names are a stable interface.
const (
	// HeaderEventID carries Event.ID: the same on every attempt.
	HeaderEventID = "X-Denomwatch-Event-Id"
	// HeaderEventType carries Event.Type.
	HeaderEventType = "X-Denomwatch-Event-Type"
	// HeaderTimestamp carries the time of the attempt, in Unix seconds.
	HeaderTimestamp = "X-Denomwatch-Timestamp"
	// HeaderSignature carries "v1=" and the hex HMAC-SHA256, under the
	// webhook's secret, of the timestamp, ".", and the raw body.
	HeaderSignature = "X-Denomwatch-Signature"
	// HeaderAttempt carries the attempt number, from 1 (informative; not
	// signed).
	HeaderAttempt = "X-Denomwatch-Attempt"
)

// DefaultTolerance is how far a delivery's timestamp may be from the
// receiver's clock when Verify is given no tolerance.
const DefaultTolerance = 5 * time.Minute

// Verification errors; test for them with errors.Is.
var (
	// ErrSignature: the signature header is missing or malformed, or no
	// signature in it matches the body under the secret.
	ErrSignature = errors.New("webhook signature does not verify")
	// ErrTimestamp: the timestamp header is missing or malformed, or
	// further from now than the tolerance (a replay, or a skewed clock).
	ErrTimestamp = errors.New("webhook timestamp not acceptable")
)

// signatureScheme prefixes each signature in HeaderSignature.
const signatureScheme = "v1="

func mac(secret string, ts int64, body []byte) []byte {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(strconv.AppendInt(nil, ts, 10))
	m.Write([]byte{'.'})
	m.Write(body)
	return m.Sum(nil)
}

// Sign returns the HeaderSignature value of a delivery of body at Unix time
// ts: "v1=" followed by the hex HMAC-SHA256, keyed with secret, of the
// decimal timestamp, ".", and body.
func Sign(secret string, ts int64, body []byte) string {
	return signatureScheme + hex.EncodeToString(mac(secret, ts, body))
}

// Verify checks a delivery as a receiver: that header's signature matches
// body (the raw bytes received) under secret, and that its timestamp is
// within tolerance of now (0 means DefaultTolerance), which bounds a replay.
// HeaderSignature may carry several comma-separated signatures (a sender
// rotating its secret); one that matches suffices. Comparisons are constant
// time. A receiver should also drop an event id it has already processed.
func Verify(secret string, header http.Header, body []byte, now time.Time, tolerance time.Duration) error {
	if secret == "" {
		return fmt.Errorf("%w: no secret to verify with", ErrSignature)
	}
	if tolerance <= 0 {
		tolerance = DefaultTolerance
	}
	tsText := header.Get(HeaderTimestamp)
	if tsText == "" || len(tsText) > 19 || strings.TrimLeft(tsText, "0123456789") != "" {
		return fmt.Errorf("%w: %s is missing or not Unix seconds", ErrTimestamp, HeaderTimestamp)
	}
	ts, err := strconv.ParseInt(tsText, 10, 64)
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrTimestamp, HeaderTimestamp, err)
	}
	sigs := header.Get(HeaderSignature)
	if sigs == "" {
		return fmt.Errorf("%w: no %s header", ErrSignature, HeaderSignature)
	}
	want := mac(secret, ts, body)
	found := false
	for s := range strings.SplitSeq(sigs, ",") {
		s = strings.TrimSpace(s)
		hexSig, ok := strings.CutPrefix(s, signatureScheme)
		if !ok {
			continue // another scheme
		}
		found = true
		got, err := hex.DecodeString(hexSig)
		if err != nil || len(got) != sha256.Size {
			continue
		}
		if hmac.Equal(got, want) {
			sent := time.Unix(ts, 0)
			if d := now.Sub(sent); d > tolerance || d < -tolerance {
				return fmt.Errorf("%w: sent at %s, %s from now (tolerance %s)", ErrTimestamp, sent.UTC().Format(time.RFC3339), d.Round(time.Second), tolerance)
			}
			return nil
		}
	}
	if !found {
		return fmt.Errorf("%w: no %s signature in %s", ErrSignature, strings.TrimSuffix(signatureScheme, "="), HeaderSignature)
	}
	return fmt.Errorf("%w: no signature matches the body", ErrSignature)
}
