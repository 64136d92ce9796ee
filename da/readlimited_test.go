package da

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"
	"testing/iotest"

	"github.com/denomwatch/denomwatch/recompute"
)

// TestReadLimited reads bodies of announced, unknown and wrongly announced
// lengths: the bytes come back whole, in a buffer of the announced length
// (and one byte) when it was right; past the limit is too large.
func TestReadLimited(t *testing.T) {
	body := bytes.Repeat([]byte("0123456789abcdef"), 6000) // 96,000 bytes
	for _, tc := range []struct {
		name        string
		size, limit int64
		tooLarge    bool
	}{
		{"announced", 96_000, 100_000, false},
		{"unknown", -1, 100_000, false},
		{"announced short", 1000, 100_000, false},
		{"announced long", 99_000, 100_000, false},
		{"announced over the limit", 200_000, 100_000, false},
		{"at the limit", 96_000, 96_000, false},
		{"over the limit", 96_000, 95_999, true},
		{"over the limit, unknown", -1, 50_000, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := iotest.HalfReader(bytes.NewReader(body))
			got, err := readLimited(context.Background(), r, int(tc.limit), tc.size)
			if tc.tooLarge {
				if !errors.Is(err, recompute.ErrTooLarge) {
					t.Fatalf("want too large, got %d bytes, %v", len(got), err)
				}
				return
			}
			if err != nil || !bytes.Equal(got, body) {
				t.Fatalf("got %d bytes (%v), want the %d", len(got), err, len(body))
			}
			if tc.size == int64(len(body)) && cap(got) != len(body)+1 {
				t.Errorf("capacity %d for an announced %d", cap(got), len(body))
			}
		})
	}
	if _, err := readLimited(context.Background(), iotest.ErrReader(io.ErrUnexpectedEOF), 10, 5); err == nil || errors.Is(err, recompute.ErrTooLarge) {
		t.Errorf("a failing reader: %v", err)
	}
}
