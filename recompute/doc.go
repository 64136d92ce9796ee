// Package recompute is the protocol engine of denomwatch for protocol v2
// (PROTOCOL.md sections 3 to 7.3 and 9): the data model and its hashing, the
// content-addressed objects and their verification, the well-formedness
// rules with the evidence a proof needs, the allocation math, the two-level
// allocation tree with its proofs, and the batch message operators sign.
//
// The package is pure: no RPC, clock or disk. Bytes go in; roots, amounts,
// rule violations and proofs come out. Whole rounds are evaluated on all
// cores, one provider row at a time, and the per-entry loops do not allocate.
//
// A round arrives in one of two forms. From the data-availability objects:
//
//	m, err := recompute.VerifyManifest(commitmentRoot, manifestBytes) // key check
//	res, v := recompute.EvaluateObjects(m, rowBytes, opts)            // rows by entriesRoot
//
// or from the offline whole-round file (v1's format, still the CLI's --data):
//
//	res, v := recompute.EvaluateRoundFile(data, opts)
//
// Either way v is nil for a well-formed round, and otherwise the first broken
// rule in the order of PROTOCOL.md section 3 and RECOMPUTE-CLI.md, with its
// evidence positions. The pieces are exported on their own for the watcher,
// the contracts' tests and the challenger: DecodeManifest, VerifyRow,
// (*Manifest).ValidateHeaders, Evaluate, the leaf and root functions, Tree,
// VerifyAllocation and BatchMessage.
package recompute
