package index

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// releaseMappedPages drops from this process's page tables the pages of
// Badger's memory-mapped files under dir (the write-ahead log, the value
// log, the tables). Badger maps them shared, so the pages stay in the page
// cache, dirty ones included (the kernel carries the dirty bit over and
// writes them back as usual), and a later access maps them again from
// there: nothing is lost, and the resident set no longer grows with every
// page the store has written. It returns the bytes released.
func releaseMappedPages(dir string) (int64, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return 0, err
	}
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return 0, err
	}
	var released int64
	sc := bufio.NewScanner(bytes.NewReader(maps))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		// start-end perms offset dev inode path
		f := strings.Fields(sc.Text())
		if len(f) < 6 || !strings.HasPrefix(f[5], abs+string(filepath.Separator)) {
			continue
		}
		lo, hi, ok := strings.Cut(f[0], "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		if _, _, errno := unix.Syscall(unix.SYS_MADVISE, uintptr(start), uintptr(end-start), unix.MADV_DONTNEED); errno != 0 {
			return released, errno
		}
		released += int64(end - start)
	}
	return released, sc.Err()
}
