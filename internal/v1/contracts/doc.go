// Package contracts is the protocol v1 on-chain side, kept only while the
// devnet, the watcher and the challenger still speak v1: the Solidity sources
// (src/), their build (generate.sh: the pinned npm solc, then go-ethereum's
// abigen), the generated artifacts and bindings (artifacts/, bindings/), and
// the Go glue that turns the v1 engine's results and bls keys into contract
// arguments: signed batches, fraud proofs, typed revert errors. Protocol v2's
// contracts replace it in ../../../contracts; nothing new may import it.
//
// Regenerate with generate.sh; check-generated.sh fails when the committed
// artifacts or bindings drift from the sources.
package contracts
