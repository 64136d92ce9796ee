// Package devnet runs a working Denominator Allocation AVS on a chain: it
// deploys the contract, registers operators with fresh BN254 keys and stake,
// and runs rounds in which a coordinator posts commitments, every operator
// recomputes and signs, an aggregator submits the batch, and rounds are
// finalized after their challenge window. Rounds named in a fault schedule
// carry a chosen kind of fraud, signed by a colluding quorum, so that a
// watcher has something to catch.
//
// The chain is either go-ethereum's simulated chain, run in-process and
// served over JSON-RPC on 127.0.0.1 (blocks sealed on an interval), or an
// existing node such as geth --dev.
package devnet
