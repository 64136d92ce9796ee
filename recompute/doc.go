// Package recompute is the protocol engine of denomwatch: it decodes and
// validates a round's commitment data, recomputes every allocation, and builds
// the commitment and allocation trees with their proofs, exactly as
// PROTOCOL.md sections 3 to 5 define them.
//
// The package is pure: no RPC, clock or disk. Data goes in, roots, amounts and
// proofs come out. The work of a round is spread over the available cores per
// provider, and the per-entry loop does not allocate.
//
// The usual sequence is
//
//	c, err := recompute.Decode(data)        // rule "abi" and the size rules
//	err = c.Validate(onchainRound)          // every other rule of section 3
//	res, err := recompute.Compute(c, recompute.Options{})
//
// Malformed data is reported as a *MalformedError carrying the name of the
// rule it breaks (the names of the test vectors' note); errors.Is(err,
// ErrMalformed) holds for all of them.
package recompute
