// Package devnet runs a working Denominator Allocation AVS (protocol v2,
// ../shared/PROTOCOL.md) on a chain: it deploys the contract, registers
// operators with fresh BN254 keys and stake, and runs rounds in which a
// coordinator publishes the round's objects to a data-availability store
// (section 9) and posts their root, every operator reads the round back
// through the da client, checks it against the on-chain root and signs the
// v2 batch message, an aggregator submits the batch and publishes its
// allocations objects, and rounds are finalized after their window.
// Availability challenges of data it holds are answered.
//
// Rounds named in a fault schedule go wrong in a chosen way (faults.go):
// wrong amounts signed by a colluding quorum, malformed rounds (refused,
// or signed anyway), withheld rows and manifests, a root nothing opens, a
// batch through a forwarder contract, a voided batch replayed, operators
// leaving and joining.
//
// The chain is go-ethereum's simulated chain, run in-process and served over
// JSON-RPC on 127.0.0.1 (blocks sealed on an interval), or an existing node
// such as geth --dev (internal/devchain).
package devnet
