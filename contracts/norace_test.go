//go:build !race

package contracts

// raceEnabled: the race detector is on (see race_test.go).
const raceEnabled = false
