// Package watcher follows the AVS on chain, obtains each round's data,
// recomputes it from scratch and records a verdict per round in the index.
//
// A round goes: NewRoundCommitments log -> commitment data from the commit
// transaction's calldata (DataSource) -> recompute -> verdict on commitments
// (malformed, unavailable or awaiting a batch); AllocationBatchSubmitted log ->
// published allocation data from the batch transaction's calldata -> verdict on
// the batch (valid, fraud with the proof kind and index, or unavailable);
// FraudProven and RoundFinalized logs update the batch's status. Registry logs
// keep the operator set and stakes at every block, so signers are known
// without archive-state reads.
//
// Blocks are read only once they are Confirmations deep; every processed
// block is written to the index atomically with the checkpoint, and a block
// hash that is no longer canonical rolls the index back to the common
// ancestor before following again.
package watcher
