//go:build race

package contracts

// raceEnabled: the race detector is on. The heaviest tests (the largest
// legal round, the gas report, 256 registrations) skip themselves; .ci/run
// runs them in a separate pass without it.
const raceEnabled = true
