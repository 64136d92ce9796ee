package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/denomwatch/denomwatch/internal/testutil"
)

// mountSmallDisk mounts a tmpfs of sizeMB at a fresh directory (root only;
// the test is skipped elsewhere) and unmounts it at the end.
func mountSmallDisk(t *testing.T, sizeMB int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "disk")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", fmt.Sprintf("size=%dm", sizeMB), "tmpfs", dir).CombinedOutput()
	if err != nil {
		t.Skipf("cannot mount a small file system here (needs root): %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
		}
	})
	return dir
}

// freeBytes is the free space of the file system holding dir.
func freeBytes(t *testing.T, dir string) uint64 {
	t.Helper()
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	return st.Bavail * uint64(st.Bsize)
}

// fill writes a file of zeros into dir until the file system has about
// leave bytes free (0: until it is full).
func fill(t *testing.T, dir string, leave uint64) string {
	t.Helper()
	p := filepath.Join(dir, "filler")
	f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 1<<20)
	for free := freeBytes(t, dir); free > leave; free = freeBytes(t, dir) {
		n := min(uint64(len(chunk)), free-leave)
		if _, err := f.Write(chunk[:n]); err != nil {
			if errors.Is(err, syscall.ENOSPC) {
				break
			}
			t.Fatal(err)
		}
	}
	return p
}

// metric returns the value of a metric without labels.
func metric(t *testing.T, url, name string) float64 {
	t.Helper()
	body := string(waitHTTP(t, url+"/metrics", 200, time.Minute))
	m := regexp.MustCompile(`(?m)^` + name + ` (\S+)$`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no %s in the metrics", name)
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	return v
}

// TestDiskFull: with its index on a small disk that another process fills,
// the daemon stops writing below --min-free-mb (a metric, a clear error
// logged once) instead of dying with SIGBUS in Badger's memory-mapped
// writes, keeps serving its API, and resumes by itself once space is
// freed; `check` then works on the store even with the disk full (it opens
// it read-only).
func TestDiskFull(t *testing.T) {
	disk := mountSmallDisk(t, 96)
	data := filepath.Join(disk, "data")
	d := startDevnet(t, 0) // in the test, not in run: its chain is not what is tested
	desc, rpcURL := d.desc, d.rpc
	apiPort := testutil.FreePort(t)
	url := fmt.Sprintf("http://127.0.0.1:%d", apiPort)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr testutil.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"denomwatch", "run", "--rpc", rpcURL, "--da-sources", d.da, "--contract", desc.AVS.Hex(), "--start-block", fmt.Sprint(desc.StartBlock),
			"--data-dir", data, "--min-free-mb", "32", "--api-addr", fmt.Sprintf("127.0.0.1:%d", apiPort),
			"--poll-interval", "100ms", "--block-time", "100ms", "--stall-blocks", "600"}, nil, io.Discard, &stderr)
	}()
	waitFor(t, "blocks indexed", 2*time.Minute, func() bool { return metric(t, url, "denomwatch_processed_block") > 10 })

	filler := fill(t, disk, 16<<20)
	waitFor(t, "writes paused", time.Minute, func() bool { return metric(t, url, "denomwatch_index_writes_paused") == 1 })
	paused := metric(t, url, "denomwatch_processed_block")
	time.Sleep(3 * time.Second) // blocks keep coming; nothing is written, nothing dies
	select {
	case code := <-done:
		t.Fatalf("the daemon exited (%d) on a full disk:\n%s", code, tail(stderr.String(), 20))
	default:
	}
	if got := metric(t, url, "denomwatch_processed_block"); got != paused {
		t.Fatalf("processed moved from %v to %v while writes were paused", paused, got)
	}
	waitHTTP(t, url+"/healthz", 200, time.Minute)
	if n := strings.Count(stderr.String(), "disk almost full"); n != 1 {
		t.Fatalf("the disk-full error was logged %d times:\n%s", n, tail(stderr.String(), 20))
	}

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "writes resumed", time.Minute, func() bool {
		return metric(t, url, "denomwatch_index_writes_paused") == 0 && metric(t, url, "denomwatch_processed_block") > paused+3
	})
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("exit %d:\n%s", code, tail(stderr.String(), 20))
	}
	if !strings.Contains(stderr.String(), "disk space is back") {
		t.Fatalf("no resumption logged:\n%s", tail(stderr.String(), 20))
	}

	// check, on a disk with no room left at all.
	fill(t, disk, 0)
	code, stdout, errOut := runCLI(t, nil, "check", "--data-dir", data)
	if code != 0 || !strings.Contains(stdout, "consistent") {
		t.Fatalf("check on a full disk: exit %d\n%s%s", code, stdout, errOut)
	}
}
