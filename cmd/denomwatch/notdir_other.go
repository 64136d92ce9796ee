//go:build !unix

package main

func isNotDir(error) bool { return false }
