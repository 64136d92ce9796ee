package index

import "golang.org/x/sys/unix"

// statfsFree returns the bytes an unprivileged process may still write to
// the file system holding dir.
func statfsFree(dir string) (uint64, error) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return st.Bavail * uint64(st.Bsize), nil
}
