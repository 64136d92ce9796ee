// Package contracts holds the on-chain side of denomwatch: the Solidity sources
// (src/), their build (generate.sh: the pinned npm solc, then go-ethereum's
// abigen), the generated artifacts and bindings (artifacts/, bindings/), and the
// Go glue that turns recompute's results and bls keys into contract arguments:
// signed batches, fraud proofs, typed revert errors.
//
// Regenerate with contracts/generate.sh; contracts/check-generated.sh fails when
// the committed artifacts or bindings drift from the sources.
package contracts
