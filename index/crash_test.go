package index

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The crash test's two children. "apply" applies blocks with a small undo
// depth, so that pruning runs (and is killed) too. "reorg" also rolls back:
// after block n with n%10 == 0 it rolls back to n-4 and applies blocks
// n-3..n of another chain (variant 1), so kills land inside rollbacks too;
// its undo depth keeps every block's hash, which tells the parent which
// chain each stored block came from.
var crashModes = map[string]uint64{"apply": 8, "reorg": 1 << 30}

// crashUpdate is block n of the crash test's chain variant: the test chain,
// with 130 KB of commitment data every fifth block so that kills land in
// large writes too.
func crashUpdate(n uint64, variant byte) *BlockUpdate {
	u := testUpdate(n, variant)
	if n%5 == 0 {
		u.CommitmentData[n/2] = testData("large", n, variant, 130<<10)
	}
	return u
}

// variantOf is the chain variant of a stored block hash.
func variantOf(n uint64, h [32]byte) (byte, bool) {
	for v := range byte(2) {
		if h == hashOf("block", n, v) {
			return v, true
		}
	}
	return 0, false
}

// crashChild works on the store from its checkpoint on, printing the
// checkpoint after every Apply or Rollback returned, until it is killed.
func crashChild(dir, mode string) {
	fail := func(code int, args ...any) {
		fmt.Fprintln(os.Stderr, append([]any{"child:"}, args...)...)
		os.Exit(code)
	}
	// INDEX_CRASH_DEFER: the child's writes are unsynced, as the watcher
	// opens the store; a killed process must lose nothing all the same.
	s, err := Open(Options{Dir: dir, UndoDepth: crashModes[mode], DeferSync: os.Getenv("INDEX_CRASH_DEFER") != ""})
	if err != nil {
		fail(2, "open:", err)
	}
	if mode == "objects" {
		objectsCrashChild(s, fail)
	}
	apply := func(n uint64, variant byte) {
		if err := s.Apply(crashUpdate(n, variant)); err != nil {
			fail(3, "apply:", err)
		}
		fmt.Fprintln(os.Stdout, n) // os.Stdout is unbuffered: one write per line
	}
	for range 1_000_000 {
		cp, ok, err := s.Checkpoint()
		if err != nil {
			fail(2, "checkpoint:", err)
		}
		n := cp.Number + 1
		if !ok {
			n = 1
		}
		v, _ := variantOf(cp.Number, cp.Hash)
		switch {
		case mode == "apply":
			apply(n, 0)
		case v == 1 && n%10 >= 8 || v == 1 && n%10 == 0:
			apply(n, 1) // resume the other chain
		default:
			apply(n, 0)
			if n%10 == 0 {
				if err := s.Rollback(n - 4); err != nil {
					fail(3, "rollback:", err)
				}
				fmt.Fprintln(os.Stdout, n-4)
				for k := n - 3; k <= n; k++ {
					apply(k, 1)
				}
			}
		}
	}
	os.Exit(4)
}

// runCrashChild starts a child on dir, lets it work for a random while,
// kills it with SIGKILL and returns the last checkpoint it reported.
func runCrashChild(t *testing.T, dir, mode string, rng *rand.Rand) (last uint64) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashSafety$")
	cmd.Env = append(os.Environ(), "INDEX_CRASH_CHILD="+dir, "INDEX_CRASH_MODE="+mode)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan uint64, 1024)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if n, err := strconv.ParseUint(strings.TrimSpace(sc.Text()), 10, 64); err == nil {
				lines <- n
			}
		}
	}()
	// Wait for the first report, then kill at a random moment.
	select {
	case n, ok := <-lines:
		if !ok {
			_ = cmd.Wait()
			t.Fatalf("the child did nothing: %s", stderr.String())
		}
		last = n
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		t.Fatalf("the child did nothing in 30 s: %s", stderr.String())
	}
	time.Sleep(time.Duration(rng.IntN(150_000)) * time.Microsecond)
	if err := cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) { // SIGKILL
		t.Fatal(err)
	}
	_ = cmd.Wait()
	for n := range lines {
		last = n
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && !ws.Signaled() {
		t.Fatalf("the child exited by itself (%v): %s", cmd.ProcessState, stderr.String())
	}
	return last
}

// TestCrashSafety kills a process working on a store at random moments,
// several times, and checks after each kill that the reopened store holds
// exactly the blocks up to its checkpoint and nothing after. The checkpoint
// is the last one the process reported, or the result of the operation it
// was killed after (between the commit and the report): the next block, or
// a rollback by 4 blocks.
func TestCrashSafety(t *testing.T) {
	if dir := os.Getenv("INDEX_CRASH_CHILD"); dir != "" {
		crashChild(dir, os.Getenv("INDEX_CRASH_MODE"))
		return
	}
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	for _, run := range []struct {
		mode     string
		deferred bool
	}{{"apply", false}, {"reorg", false}, {"apply", true}, {"reorg", true}} {
		mode, name := run.mode, run.mode
		if run.deferred {
			name += " deferred sync"
		}
		t.Run(name, func(t *testing.T) {
			if run.deferred {
				t.Setenv("INDEX_CRASH_DEFER", "1")
			}
			depth := crashModes[mode]
			dir := t.TempDir()
			const kills = 5
			for i := range kills {
				last := runCrashChild(t, dir, mode, rng)
				s := openDir(t, dir, depth)
				cp := mustCheckpoint(t, s)
				t.Logf("kill %d: last reported checkpoint %d, checkpoint %d", i+1, last, cp.Number)
				if cp.Number != last && cp.Number != last+1 && (mode != "reorg" || last%10 != 0 || cp.Number != last-4) {
					t.Fatalf("kill %d: checkpoint %d, but the child last reported %d", i+1, cp.Number, last)
				}
				// The reference applies, without kills, the same blocks: by
				// their hashes in reorg mode, where all are kept.
				ref := openMem(t, depth)
				reorged := 0
				for n := uint64(1); n <= cp.Number; n++ {
					var v byte
					if mode == "reorg" {
						h, ok, err := s.BlockHash(n)
						if err != nil || !ok {
							t.Fatalf("BlockHash(%d) = %v, %v", n, ok, err)
						}
						if v, ok = variantOf(n, h); !ok {
							t.Fatalf("block %d has hash %s of no chain", n, h)
						}
					}
					reorged += int(v)
					if err := ref.Apply(crashUpdate(n, v)); err != nil {
						t.Fatal(err)
					}
				}
				if mode == "reorg" {
					t.Logf("%d of the blocks are from the other chain", reorged)
				}
				compareCrashed(t, ref, s, cp)
				if i == kills-1 {
					// The undo records survived too: roll both back and compare.
					to := cp.Number - min(cp.Number, crashModes["apply"]-1)
					for _, st := range []*Store{ref, s} {
						if err := st.Rollback(to); err != nil {
							t.Fatalf("Rollback(%d): %v", to, err)
						}
					}
					compareCrashed(t, ref, s, mustCheckpoint(t, ref))
				}
				if err := s.Close(); err != nil {
					t.Fatal(err)
				}
				if err := ref.Close(); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// compareCrashed checks that the crashed store holds what the reference
// holds after block cp: every record and data key, the checkpoint and its
// hash, no block after it, and a clean Check. Undo records and block hashes
// are left out of the exact comparison (the crashed store may not have
// pruned after its last block) unless the undo depth keeps every block.
func compareCrashed(t *testing.T, ref, s *Store, cp Checkpoint) {
	t.Helper()
	skip := [][]byte{prefixUndo, prefixBlock}
	if s.depth > 1<<20 {
		skip = nil
	}
	if d := diffDumps(dump(t, ref, skip...), dump(t, s, skip...)); d != "" {
		t.Fatalf("at block %d the store differs from the blocks up to it:\n%s", cp.Number, d)
	}
	if got := mustCheckpoint(t, s); got != cp {
		t.Fatalf("checkpoint %+v, want %+v", got, cp)
	}
	if h, ok, err := s.BlockHash(cp.Number); !ok || err != nil || h != cp.Hash {
		t.Fatalf("BlockHash(%d) = %s, %v, %v", cp.Number, h, ok, err)
	}
	if after, err := s.ProcessedBlocks(^uint64(0), 1); err != nil || len(after) != 1 || after[0] != cp {
		t.Fatalf("newest stored block: %+v, %v; want %d", after, err, cp.Number)
	}
	if err := s.Check(); err != nil {
		t.Fatalf("Check: %v", err)
	}
}
