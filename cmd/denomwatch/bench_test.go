package main

import (
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/denomwatch/denomwatch/internal/benchwork"
	"github.com/denomwatch/denomwatch/recompute"
)

// buildBinary builds the denomwatch binary into dir.
func buildBinary(tb testing.TB, dir string) string {
	tb.Helper()
	bin := filepath.Join(dir, "denomwatch")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// BenchmarkCLI runs the whole CLI, a process of the built binary reading the
// file, on whole-round files of 10^5 and 10^6 entries (P x 1000), raw and as
// hex text, as a multiple of the bare keccak work of as many entries on as
// many goroutines, interleaved with it (benchwork.Measure: x-bare).
func BenchmarkCLI(b *testing.B) {
	dir := b.TempDir()
	bin := buildBinary(b, dir)
	for _, providers := range []int{100, 1000} {
		n := providers * 1000
		data := recompute.EncodeRoundFile(benchwork.Round(providers, 1000))
		raw := filepath.Join(dir, fmt.Sprintf("round-%d.bin", n))
		text := filepath.Join(dir, fmt.Sprintf("round-%d.hex", n))
		if err := os.WriteFile(raw, data, 0o600); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(text, []byte("0x"+hex.EncodeToString(data)+"\n"), 0o600); err != nil {
			b.Fatal(err)
		}
		for _, in := range []struct{ name, file string }{{"raw", raw}, {"hex", text}} {
			b.Run(fmt.Sprintf("%s/entries=%d", in.name, n), func(b *testing.B) {
				benchwork.Measure(b, n, func() {
					out, err := exec.Command(bin, "recompute", "--round", "7", "--data", in.file).Output()
					if err != nil || len(out) < 100 || string(out[:18]) != `{"wellFormed":true` {
						b.Fatalf("err %v, output %.200s", err, out)
					}
				})
			})
		}
	}
}
