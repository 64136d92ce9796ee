// Package recompute is the protocol v1 engine, kept only while the contracts,
// the devnet, the watcher and the challenger still speak v1. Protocol v2
// (../../recompute, PROTOCOL.md) replaces it; each of those parts drops this
// import when it moves to v2, and the package is deleted with the last one.
// Nothing new may import it.
//
// It decodes and validates a round's v1 commitment data, recomputes every
// allocation, and builds the v1 commitment and allocation trees with their
// proofs. It is pure: no RPC, clock or disk.
//
//	c, err := recompute.Decode(data)        // rule "abi" and the size rules
//	err = c.Validate(onchainRound)          // every other rule of section 3
//	res, err := recompute.Compute(c, recompute.Options{})
//
// Malformed data is reported as a *MalformedError carrying the name of the
// rule it breaks; errors.Is(err, ErrMalformed) holds for all of them.
package recompute
