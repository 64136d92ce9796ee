package main

import (
	"bytes"
	"encoding/hex"
	"errors"
	"testing"
)

// FuzzReadData: the CLI's input decoder never panics, returns raw input
// unchanged, decodes valid hex exactly (white space around it), and
// classifies every refusal; a known size gives the same answer as a stream.
func FuzzReadData(f *testing.F) {
	f.Add([]byte("0x00ff"), 64)
	f.Add([]byte("  0xABcd\n"), 64)
	f.Add([]byte("0x00\n\t "), 64)
	f.Add([]byte("0x0 0"), 64)
	f.Add([]byte{0, 1, 2, 3}, 64)
	f.Add([]byte("0x"), 64)
	f.Add([]byte("0xz"), 64)
	f.Add([]byte("0X00"), 64)
	f.Add([]byte("0x0000"), 1)
	f.Add(bytes.Repeat([]byte{7}, 100), 10)
	f.Fuzz(func(t *testing.T, in []byte, max int) {
		if max < 0 || max > 1<<16 {
			return
		}
		got, err := readData(bytes.NewReader(in), -1, max)
		sized, serr := readData(bytes.NewReader(in), int64(len(in)), max)
		if (err == nil) != (serr == nil) || !bytes.Equal(got, sized) {
			t.Fatalf("stream %x, %v; sized %x, %v", got, err, sized, serr)
		}
		trimmed := bytes.TrimSpace(in)
		isHex := bytes.HasPrefix(bytes.TrimLeft(in, " \t\r\n"), []byte("0x"))
		if err != nil {
			if !errors.Is(err, ErrBadInput) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("unclassified error %v", err)
			}
			return
		}
		if len(got) > max {
			t.Fatalf("returned %d bytes, max %d", len(got), max)
		}
		if !isHex {
			if !bytes.Equal(got, in) {
				t.Fatal("raw input changed")
			}
			return
		}
		want, herr := hex.DecodeString(string(trimmed[2:]))
		if herr != nil || !bytes.Equal(got, want) {
			t.Fatalf("hex %q decoded to %x", in, got)
		}
	})
}
