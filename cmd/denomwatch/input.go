package main

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/denomwatch/denomwatch/recompute"
)

// ErrBadInput is wrapped by every readData failure that is the input's
// fault (as opposed to a failed read): hex that does not decode.
var ErrBadInput = errors.New("bad input")

// ErrTooLarge reports input longer than the largest whole-round file of a
// round commitRound accepts; it is refused before it is read whole.
var ErrTooLarge = errors.New("input larger than the largest round")

const (
	// maxSpace is how much white space may surround hex input.
	maxSpace = 4096
	// chunkSize is the unit in which input is read and hex decoded.
	chunkSize = 64 << 10
)

// maxDataSize bounds the decoded input of --data.
var maxDataSize = recompute.MaxRoundFileSize

// openData opens the --data argument, a path or "-" for stdin, and returns
// the input's length when it is known (a regular file), else -1.
func openData(stdin io.Reader, path string) (io.Reader, int64, func(), error) {
	if path == "-" {
		return stdin, -1, func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, nil, fmt.Errorf("open data file: %w", err)
	}
	size := int64(-1)
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		size = st.Size()
	}
	return f, size, func() { f.Close() }, nil
}

// readData reads a whole-round file given either as 0x-hex text (white space
// around it allowed) or as raw bytes: input that starts with "0x" after white
// space is hex, anything else raw. size is the input's length if known, or
// -1. It never holds more than maxSize decoded bytes: a known size over the
// bound is refused unread, and a stream is cut off once it passes it. Hex is
// decoded as it is read, so the text is never held whole.
func readData(r io.Reader, size int64, maxSize int) ([]byte, error) {
	br := bufio.NewReaderSize(r, chunkSize)
	prefix, err := br.Peek(maxSpace + 2)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	trimmed := bytes.TrimLeft(prefix, " \t\r\n")
	if !bytes.HasPrefix(trimmed, []byte("0x")) {
		return readRaw(br, size, maxSize)
	}
	if size > 2*int64(maxSize)+2+2*maxSpace {
		return nil, fmt.Errorf("%w: %d bytes of hex text, over twice the %d-byte bound", ErrTooLarge, size, maxSize)
	}
	if _, err := br.Discard(len(prefix) - len(trimmed) + 2); err != nil {
		return nil, err
	}
	hint := min(int64(maxSize), max(size/2, 0))
	return readHex(io.LimitReader(br, 2*int64(maxSize)+1+maxSpace), int(hint), maxSize)
}

// readRaw reads raw input of at most maxSize bytes.
func readRaw(r io.Reader, size int64, maxSize int) ([]byte, error) {
	if size > int64(maxSize) {
		return nil, fmt.Errorf("%w: %d bytes, over the %d-byte bound", ErrTooLarge, size, maxSize)
	}
	if size >= 0 {
		data := make([]byte, size)
		if _, err := io.ReadFull(r, data); err != nil {
			return nil, err
		}
		return data, nil
	}
	data, err := io.ReadAll(io.LimitReader(r, int64(maxSize)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxSize {
		return nil, fmt.Errorf("%w: over the %d-byte bound", ErrTooLarge, maxSize)
	}
	return data, nil
}

// hexReader decodes hex digits from a stream in chunks; white space may only
// follow the last digit.
type hexReader struct {
	out      []byte
	maxSize  int
	odd      []byte // a digit left over from the previous chunk
	trailing bool   // white space seen: only white space may follow
}

// readHex decodes the hex digits of r (after "0x") into at most maxSize bytes.
func readHex(r io.Reader, hint, maxSize int) ([]byte, error) {
	hr := &hexReader{out: make([]byte, 0, hint), maxSize: maxSize}
	buf := make([]byte, chunkSize)
	for {
		n, err := r.Read(buf)
		if e := hr.chunk(buf[:n]); e != nil {
			return nil, e
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if len(hr.odd) != 0 {
		return nil, fmt.Errorf("%w: hex data has an odd number of digits", ErrBadInput)
	}
	if len(hr.out) > maxSize {
		return nil, fmt.Errorf("%w: over the %d-byte bound", ErrTooLarge, maxSize)
	}
	return hr.out, nil
}

// chunk decodes the next piece of input: digits up to the first byte that
// is not one, then white space only.
func (hr *hexReader) chunk(c []byte) error {
	if !hr.trailing {
		n, err := hr.digits(c)
		if err != nil {
			return err
		}
		c = c[n:]
		hr.trailing = len(c) > 0
	}
	if len(bytes.TrimLeft(c, " \t\r\n")) != 0 {
		return fmt.Errorf("%w: data starts with 0x but is not hex (byte %q)", ErrBadInput, bytes.TrimLeft(c, " \t\r\n")[0])
	}
	return nil
}

// digits decodes the leading hex digits of d, an odd one kept for the next
// chunk, and returns how many bytes of d were digits. hex.Decode does the
// scanning: where it stops on a byte that is not a digit, the digits end.
func (hr *hexReader) digits(d []byte) (int, error) {
	used := 0
	if len(hr.odd) == 1 && len(d) > 0 {
		if !isHexDigit(d[0]) {
			return 0, nil
		}
		hr.out = append(hr.out, 0)
		if _, err := hex.Decode(hr.out[len(hr.out)-1:], []byte{hr.odd[0], d[0]}); err != nil {
			return 0, fmt.Errorf("%w: %w", ErrBadInput, err)
		}
		hr.odd, used = nil, 1
	}
	d = d[used:]
	even := len(d) &^ 1
	start := len(hr.out)
	hr.out = slices.Grow(hr.out, even/2)[:start+even/2]
	n, err := hex.Decode(hr.out[start:], d[:even])
	end := even
	if err != nil {
		end = 2 * n
		if isHexDigit(d[end]) {
			end++
		}
	} else if even < len(d) && isHexDigit(d[even]) {
		end++
	}
	hr.out = hr.out[:start+end/2]
	if end%2 == 1 {
		hr.odd = []byte{d[end-1]}
	}
	if len(hr.out) > hr.maxSize {
		return 0, fmt.Errorf("%w: over the %d-byte bound", ErrTooLarge, hr.maxSize)
	}
	return used + end, nil
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
