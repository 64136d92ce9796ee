// Package index is the watcher's persistent store, on Badger: rounds and
// their verdicts, the data they were judged on (and the verified section 9
// objects a proof needs, with where each came from), the operator set, and
// the checkpoint (the last processed block), under a versioned key schema.
//
// Every processed block is written by Store.Apply in one Badger transaction
// together with the checkpoint, so a process killed at any instant resumes
// from the checkpoint with nothing lost or doubled. Apply also writes, per
// key it changes, an undo record holding the key's previous value (or its
// absence); Store.Rollback replays them newest block first to undo a chain
// reorganisation. Undo records are kept for the last UndoDepth blocks.
//
// # Key schema, version 1
//
// Numbers in keys are big-endian so that Badger's byte order is numeric
// order. Records are JSON (the types in records.go, whose field names are a
// stable interface); data is stored raw.
//
//	| key                                             | value                                                     |
//	|-------------------------------------------------|-----------------------------------------------------------|
//	| v1/meta/schema                                  | schema version, ASCII "1"                                 |
//	| v1/meta/checkpoint                              | JSON Checkpoint {number, hash}: the last applied block    |
//	| v1/block/<8-byte block number>                  | 32-byte block hash; user-meta bit 0x01: carried an update |
//	| v1/round/<8-byte round>                         | JSON Round                                                |
//	| v1/cdata/<8-byte round>                         | raw commitment data of the round                          |
//	| v1/bdata/<32-byte batch tx hash>                | raw allocation data published by the batch transaction    |
//	| v1/op/<4-byte operator index>                   | JSON Operator                                             |
//	| v1/undo/<8-byte block>/<4-byte seq>             | undo record: what block's write number seq replaced       |
//	| v1/meta/outbox-seq                              | 8-byte big-endian: the last outbox sequence number given  |
//	| v1/outbox/<8-byte seq>                          | JSON alert waiting for delivery (see outbox.go)           |
//	| v1/dead/<8-byte seq>                            | JSON dead letter: an alert given up on (see outbox.go)    |
//	| v1/solve/<8-byte round>/<8-byte attempt>        | JSON solve.Record: the v2 challenger's record of a batch; |
//	|                                                 | user-meta bit 0x01: not settled (see solve.go)            |
//	| v1/obj/<kind>/<32-byte key>                     | a verified section 9 object's bytes, raw (see objects.go) |
//	| v1/objprov/<kind>/<32-byte key>                 | JSON Provenance: origin, source, time, size of the object |
//	| v1/objref/<kind>/<32-byte key>/<8-byte round>   | empty: the round references the object                    |
//	| v1/roundobj/<8-byte round>/<kind>/<32-byte key> | empty: the same reference, found by round                 |
//
// <kind> is an object kind's name as section 9's transport spells it
// (manifest, row, allocations), or manifest-part for a manifest part
// revealed on chain (KindManifestPart), so that kinds are separate
// namespaces. An
// object shared by several rounds is stored once, with one reference per
// round under both reference keys.
//
// The outbox, dead letters, decision records and objects are
// side records: Apply enqueues a block's alerts with the block, the
// challengers, the dispatcher and the watcher write the rest, and Rollback
// never undoes them (a proof sent or an alert raised stays a fact whatever
// the chain does later; bytes that verified against their key stay right). An object's bytes, its
// provenance and its references are written in one transaction
// (Store.PutObject); the object leaves the store with its last reference
// (Store.PruneObjects, when the caller releases every round that
// references it, or Store.Prune, which releases the rounds whose data it
// prunes), so that every stored object is referenced and every reference
// names a stored object.
//
// On disk, values of 32 KB or more (commitment and batch data, a very large
// round, objects of a few hundred entries or more) are kept in Badger's
// value log with a pointer in the LSM tree; Apply runs the value log's
// garbage collection every 1024 blocks, which also reclaims pruned objects.
// Writes are synced: a block Apply returned for survives a killed process
// and a power cut.
//
// An undo record is: one byte, 1 if the key had a value and 0 if it was
// absent; the previous value's Badger user-meta byte; the key's length
// (2 bytes, big-endian); the key; the previous value (when it had one).
// Apply numbers a block's writes in a fixed order: seq 0 is always the
// checkpoint (so a block's undo records name the previously applied block,
// which Rollback follows), seq 1 the block's hash, then rounds, commitment
// data by round, batch data by transaction hash, and operators. A key the
// block writes twice has one undo record.
//
// Block hashes are kept for the last UndoDepth+1 blocks, so that the oldest
// block a rollback can reach has its hash, and for good for every block that
// carried an update (user-meta bit 0x01), which keeps the block a round was
// recorded in identifiable. After Apply(n) commits, the undo records of
// blocks at or below n-UndoDepth and the other hashes below n-UndoDepth are
// pruned.
//
// A store whose v1/meta/schema is missing (while other keys exist) or holds
// another version is refused by Open with ErrSchema. A later schema version
// uses another key prefix (v2/...), so a migration can read one and write
// the other in the same store.
package index
