// Package judge decides what a watcher concludes about a round (PROTOCOL.md
// section 10): one Verdict type for the watcher's logs, API and index, the
// challenger, which builds its proofs from the same inputs, and
// `denomwatch audit`.
//
// The package is pure: facts in, verdict out. Facts come from the chain's
// events (the commitment, the live batch, whether they are confirmed) and
// from Holdings, the round's data-availability objects, each verified as it
// is added (a manifest against commitmentRoot, a row against its header, an
// allocations object against its row and key, a row or manifest part
// revealed on chain against what is held), so that a revealed object is
// judged exactly like a fetched one.
//
// Judge(facts, opts) decides in this order; the first line that applies is
// the verdict:
//
//	commitment unknown                        incomplete (missingFact commitment)
//	facts no honest chain produces            error: ErrImpossible with ErrCommitment
//	                                          (root != hash of its fields, P or E out
//	                                          of bounds) or ErrBatch (not P roots, or
//	                                          roots that do not give allocTreeRoot and
//	                                          allocationRoot); ErrWrongHoldings
//	no batch, and Unknown names FactBatch     incomplete (missingFact batch)
//	not past the confirmation depth           pending (nothing recomputed: the facts
//	                                          may still change)
//	manifest not held                         batch live: unavailable; none:
//	                                          awaiting-batch; missing: the manifest
//	                                          parts not held (one when P <= 512, two
//	                                          otherwise), needed
//	the held data breaks a section 3 rule     batch live: fraud; none:
//	                                          malformed-commitments; with the rule,
//	                                          its positions and evidence
//	no batch                                  awaiting-batch (missing rows listed,
//	                                          needed: nothing is due yet)
//	a held row's providerAllocRoot differs    fraud, rule bad-allocation: the lowest
//	                                          such provider, correct and claimed
//	                                          roots, the first wrong entry when the
//	                                          batch's allocations object is held
//	rows not held                             unavailable: those rows, needed
//	otherwise                                 valid
//
// "The held data breaks a rule" follows section 3's order over what is held:
// the header rules (the manifest suffices), then each entry rule over the
// held rows by ascending provider and entry, then residual-consistency among
// the held rows (against a recipient's first held occurrence). So when
// several findings are provable, the verdict names the first rule in section
// 3's order, at its lowest position, before any bad allocation, and a bad
// allocation at the lowest held provider. With every row held this is
// exactly recompute.EvaluateObjects' outcome; with rows missing it is what
// the data held already proves, before any bond is paid for the rest ("a
// watcher proves what the data it holds already proves"), and the rows not
// held are listed beside the finding, not needed.
//
// A revealed manifest part alone proves nothing when P > 512: a header's
// proof against providersRoot needs the other part's root, which is not on
// chain; the manifest is held once both parts are.
package judge
