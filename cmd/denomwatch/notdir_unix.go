//go:build unix

package main

import (
	"errors"
	"syscall"
)

// isNotDir reports an open that failed because a path component is a file:
// the object is missing, not unreadable.
func isNotDir(err error) bool { return errors.Is(err, syscall.ENOTDIR) }
