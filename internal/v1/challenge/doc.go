// Package challenge is the v1 challenger, kept serving `denomwatch run`
// until the switch to the v2 executor (package challenge at the top of the
// tree). It turns the watcher's provable fraud verdicts into mined
// fraud proofs before their deadline (PROTOCOL.md sections 7 and 8).
//
// The pure part (proof.go) builds every proof that applies to a batch from
// the stored commitment and allocation data. The Challenger (challenger.go)
// finds fraud verdicts whose live batch has no settled challenge, serves
// them earliest deadline first, and drives each through a state machine
// stored in the index (index.Challenge) before every step is taken
// (drive.go):
//
//	(new) ─► planned ─► simulated ─► sending ─► sent ─► confirmed
//	                         │          ▲         │
//	                         │          └─────────┘  replacement: same nonce, fees +12.5%
//	                         └─► dry-run             (DryRun: simulated, never sent)
//	any open state ─► failed           the proof is refused (simulation or mined revert),
//	                                   or cannot be built
//	               ─► proven-by-other  another challenger's FraudProven voided the batch
//	               ─► expired          the window closed with the batch unproven by us
//	sent ─► planned                    the nonce was taken by another transaction of the key
//
// A proof pending when it stops being needed (proven by another, window
// closed) is replaced by a cancellation (a 0-value transfer to the
// challenger, same nonce), so that it neither reverts on chain nor holds
// back the key's later nonces; the challenge settles once that is mined.
//
// The transaction manager (internal/txmgr, shared with the v2 executor)
// owns the key's nonce, EIP-1559 fees, gas limits, replacements and
// rebroadcasts. Because each signed transaction is stored
// (state sending) before it is broadcast, a process killed at any point
// resumes with the same transaction, or a replacement of it with the same
// nonce: never a second, different proof of the same batch.
//
// Wiring: txmgr.LoadKey reads the key (none: monitor-only); New builds the
// Challenger over the chain client, the index and the API's metrics (an
// Observer); Run runs it; NotifyingStore, given to the watcher, wakes it as
// soon as a fraud verdict is stored.
package challenge
