// Package contracts is the on-chain side of protocol v2 (PROTOCOL.md sections
// 2 to 8): the Solidity sources (src/), their build (generate.sh: the pinned
// npm solc, then go-ethereum's abigen), the generated artifacts and bindings
// (artifacts/, bindings/), and the Go glue that turns recompute's results and
// bls keys into contract arguments:
//
//   - Params, Deploy: the AVS's deploy-time parameters and its deployment;
//   - SignBatch: a round's providerAllocRoots signed into submitAllocationBatch;
//   - NewBadAllocation: the one-row proof of a provider's wrong root;
//   - NewMalformed: the proof of a section 3 rule from (*recompute.Result).Evidence;
//   - Challenge, NewManifestResolution, NewRowResolution: availability
//     challenges and their resolutions;
//   - RevertError, RevertAs: reverts decoded into the bindings' typed errors;
//   - EventID, FraudKind, ObjectKind: the contract's vocabulary as Go values.
//
// Every builder returns a value with a Calldata method; the caller sends it
// (the challenger and the watcher own the transactions).
//
// Regenerate with generate.sh; check-generated.sh fails when the committed
// artifacts or bindings drift from the sources.
package contracts
