package alerts

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"
)

func signedHeader(secret string, ts int64, body []byte) http.Header {
	h := http.Header{}
	h.Set(HeaderTimestamp, strconv.FormatInt(ts, 10))
	h.Set(HeaderSignature, Sign(secret, ts, body))
	return h
}

func TestSign(t *testing.T) {
	// The documented construction, spelled out: hex HMAC-SHA256 of "ts.body".
	m := hmac.New(sha256.New, []byte("k"))
	m.Write([]byte(`1700000000.{"a":1}`))
	want := "v1=" + hex.EncodeToString(m.Sum(nil))
	if got := Sign("k", 1700000000, []byte(`{"a":1}`)); got != want {
		t.Fatalf("Sign = %s, want %s", got, want)
	}
	// The test vector of WEBHOOKS.md (checked there with openssl and Python).
	const vector = "v1=19d3fc9a6899fe9d12ec54522173db2085581f294ac6b16ad706862303391568"
	if got := Sign("s3cret-0123456789abcdef", 1700000000, []byte(`{"id":"ab","type":"fraud_detected"}`)); got != vector {
		t.Fatalf("Sign of the documented vector = %s, want %s", got, vector)
	}
}

func TestVerify(t *testing.T) {
	const secret = "0123456789abcdef-secret"
	body := []byte(`{"id":"x","type":"fraud_detected"}`)
	now := time.Unix(1_700_000_000, 0)
	ts := now.Unix()
	tests := []struct {
		name      string
		secret    string
		header    func() http.Header
		body      []byte
		tolerance time.Duration
		want      error // nil: verifies
	}{
		{"round trip", secret, func() http.Header { return signedHeader(secret, ts, body) }, body, 0, nil},
		{"within tolerance, past", secret, func() http.Header { return signedHeader(secret, ts-299, body) }, body, 0, nil},
		{"within tolerance, future", secret, func() http.Header { return signedHeader(secret, ts+299, body) }, body, 0, nil},
		{"tampered body", secret, func() http.Header { return signedHeader(secret, ts, body) }, []byte(`{"id":"y","type":"fraud_detected"}`), 0, ErrSignature},
		{"body with a trailing newline", secret, func() http.Header { return signedHeader(secret, ts, body) }, append(body, '\n'), 0, ErrSignature},
		{"wrong secret", "another-secret-of-16+", func() http.Header { return signedHeader(secret, ts, body) }, body, 0, ErrSignature},
		{"no secret", "", func() http.Header { return signedHeader(secret, ts, body) }, body, 0, ErrSignature},
		{"stale", secret, func() http.Header { return signedHeader(secret, ts-301, body) }, body, 0, ErrTimestamp},
		{"future", secret, func() http.Header { return signedHeader(secret, ts+301, body) }, body, 0, ErrTimestamp},
		{"stale under a tight tolerance", secret, func() http.Header { return signedHeader(secret, ts-6, body) }, body, 5 * time.Second, ErrTimestamp},
		{"timestamp changed after signing", secret, func() http.Header {
			h := signedHeader(secret, ts, body)
			h.Set(HeaderTimestamp, strconv.FormatInt(ts+1, 10))
			return h
		}, body, 0, ErrSignature},
		{"no timestamp", secret, func() http.Header {
			h := signedHeader(secret, ts, body)
			h.Del(HeaderTimestamp)
			return h
		}, body, 0, ErrTimestamp},
		{"signed timestamp", secret, func() http.Header {
			h := signedHeader(secret, ts, body)
			h.Set(HeaderTimestamp, "+"+strconv.FormatInt(ts, 10))
			return h
		}, body, 0, ErrTimestamp},
		{"no signature", secret, func() http.Header {
			h := signedHeader(secret, ts, body)
			h.Del(HeaderSignature)
			return h
		}, body, 0, ErrSignature},
		{"another scheme only", secret, func() http.Header {
			h := signedHeader(secret, ts, body)
			h.Set(HeaderSignature, "v0=abcd")
			return h
		}, body, 0, ErrSignature},
		{"not hex", secret, func() http.Header {
			h := signedHeader(secret, ts, body)
			h.Set(HeaderSignature, "v1=zz")
			return h
		}, body, 0, ErrSignature},
		{"truncated signature", secret, func() http.Header {
			h := signedHeader(secret, ts, body)
			h.Set(HeaderSignature, h.Get(HeaderSignature)[:20])
			return h
		}, body, 0, ErrSignature},
		{"one of several signatures", secret, func() http.Header {
			h := signedHeader(secret, ts, body)
			h.Set(HeaderSignature, "v0=00, "+Sign("old-secret-0123456789", ts, body)+", "+h.Get(HeaderSignature))
			return h
		}, body, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Verify(tt.secret, tt.header(), tt.body, now, tt.tolerance)
			switch {
			case tt.want == nil && err != nil:
				t.Fatalf("Verify = %v, want nil", err)
			case tt.want != nil && !errors.Is(err, tt.want):
				t.Fatalf("Verify = %v, want %v", err, tt.want)
			}
		})
	}
}
