package main

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// ErrBadInput is wrapped by every readData failure that is the input's
// fault (as opposed to a failed read).
var ErrBadInput = errors.New("bad input")

// ErrTooLarge reports input longer than any well-formed commitment data.
var ErrTooLarge = errors.New("input larger than the largest well-formed commitment data")

// readData reads commitment data given either as 0x-hex text (surrounding
// white space allowed) or as raw bytes. Input that starts, after white space,
// with "0x" or "0X" is hex; anything else is raw. It never reads more than the
// largest well-formed encoding allows (twice that, plus slack, for hex).
func readData(r io.Reader, maxSize int) ([]byte, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	prefix, err := br.Peek(4096)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	trimmed := bytes.TrimLeft(prefix, " \t\r\n")
	isHex := len(trimmed) >= 2 && trimmed[0] == '0' && (trimmed[1] == 'x' || trimmed[1] == 'X')
	limit := int64(maxSize)
	if isHex {
		limit = 2*int64(maxSize) + 2 + 4096 // digits, "0x" and white space
	}
	raw, err := io.ReadAll(io.LimitReader(br, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(raw)) > limit {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, maxSize)
	}
	if !isHex {
		return raw, nil
	}
	text := bytes.TrimSpace(raw)[2:]
	if len(text)%2 != 0 {
		return nil, fmt.Errorf("%w: hex data has an odd number of digits (%d)", ErrBadInput, len(text))
	}
	data := make([]byte, len(text)/2)
	if _, err := hex.Decode(data, text); err != nil {
		return nil, fmt.Errorf("%w: data starts with 0x but is not hex: %w", ErrBadInput, err)
	}
	if len(data) > maxSize {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, maxSize)
	}
	return data, nil
}

// maxDataSize is the bound readData is called with.
var maxDataSize = recompute.MaxEncodedSize
