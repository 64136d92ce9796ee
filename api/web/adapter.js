// adapter.js: the one place that knows the API's JSON field names and the
// protocol's allocation leaf, proof paths and signed root (protocol v2,
// PROTOCOL.md sections 4 and 5). The page (app.js) sees only the plain
// objects made here.

import { keccak256, concat, uint256, address, hexToBytes, bytesToHex, foldPaths, depth } from './verify.js';

export const PROTOCOL = 'v2';

// MAX_ENTRY_PROOF is the longest entry-level path verifyAllocation takes:
// depth(1024), rows hold at most 1024 entries.
export const MAX_ENTRY_PROOF = 10;

// The JSON endpoints the page reads, all with GET.
export const endpoints = {
  healthz: '/healthz',
  readyz: '/readyz',
  metrics: '/metrics',
  rounds: '/v1/rounds',
  allocations: (addr, n) => `/v1/recipients/${addr}/allocations?round=${n}`,
};

function batch(b) {
  return {
    tx: b.txHash, block: b.block, status: b.status, deadline: b.deadlineBlock, attempt: b.attempt ?? null,
    allocTreeRoot: b.allocTreeRoot, allocationRoot: b.allocationRoot,
  };
}

// decision is the v2 challenger's latest decision record of the round
// (/v1/rounds' decisions), as the page shows it.
function decision(ds) {
  if (!ds || ds.length === 0) return null;
  const d = ds[ds.length - 1];
  return { attempt: d.attempt, open: !!d.open, state: (d.record && d.record.state) || '' };
}

// fraudOf is the verdict's detail for a fraud: the rule (bad-allocation or a
// section 3 rule), the provider, and for bad-allocation the first wrong
// entry with its claimed and correct amounts when known.
function fraudOf(j) {
  if (!j || j.status !== 'fraud') return null;
  const w = j.badAllocation && j.badAllocation.firstWrongEntry;
  return {
    kind: j.rule || '', provider: j.provider ?? null, index: w ? w.globalIndex : null,
    claimed: w ? w.claimed : '', correct: w ? w.correct : '',
  };
}

// missingText names the objects a verdict lists as not held.
function missingText(list) {
  return (list || []).map((o) => (o.kind === 'row' ? `row ${o.provider}` : o.kind === 'manifest-part' ? `manifest part ${o.part}` : `${o.kind} ${o.provider ?? ''}`)).join(', ');
}

// round is a /v1/rounds item (or /v1/rounds/{n}).
export function round(v) {
  const batches = (v.batches || []).map(batch);
  const live = [...batches].reverse().find((b) => b.status !== 'voided') || null;
  const j = v.judgement || null;
  return {
    number: v.round, verdict: v.verdict, commitmentRoot: v.commitmentRoot, protocol: v.protocol || 1,
    entryCount: v.entryCount || 0, providerCount: v.providerCount || 0, deadline: v.deadlineBlock || 0, finalized: !!v.finalized,
    fraud: fraudOf(j),
    rule: j && j.status === 'malformed-commitments' ? j.rule || '' : '',
    reason: (j && j.reason) || v.reason || '',
    missing: j ? missingText(j.missing) : '',
    notes: v.notes || [],
    batches, latest: batches.length ? batches[batches.length - 1] : null, live,
    decision: decision(v.decisions),
    challenge: null,
  };
}

// rounds is /v1/rounds's rounds, ascending.
export function rounds(body) {
  return (body.rounds || []).map(round);
}

// roundData is what an allocations answer says of the round's data:
// complete, unavailable (with the objects missing) or malformed (the rule).
export function roundData(body) {
  return { data: body.data || '', rule: body.rule || '', reason: body.reason || '', missing: missingText(body.missing) };
}

// allocations is a /v1/recipients/{address}/allocations answer.
export function allocations(body) {
  return (body.allocations || []).map((a) => ({
    provider: a.provider, providerIndex: a.providerIndex, recipient: a.recipient,
    entry: a.entry, index: a.index, position: `p${a.providerIndex} #${a.entry}`,
    amount: a.amount ?? null, correct: a.correctAmount ?? null,
    claimedRoot: a.providerAllocRoot || null, correctRoot: a.correctProviderAllocRoot || null,
    entryProof: a.entryProof || null, providerProof: a.providerProof || null,
    root: a.allocTreeRoot || null, signedRoot: a.allocationRoot || null,
    args: a.verifyAllocation || null,
  }));
}

// wrong says whether an allocation is provably wrong: its claimed amount is
// not the correct one, or, the claim unknown, the batch's root of the
// provider's row is not the recomputed one.
export function wrong(a) {
  if (a.amount !== null) return a.correct !== null && BigInt(a.amount) !== BigInt(a.correct);
  return a.claimedRoot !== null && a.correctRoot !== null && a.claimedRoot.toLowerCase() !== a.correctRoot.toLowerCase();
}

// leaf is the allocation's leaf: keccak256(abi.encode(address provider,
// address recipient, uint256 amount)).
export function leaf(a) {
  return {
    formula: 'keccak256(abi.encode(address provider, address recipient, uint256 amount))',
    preimage: [['provider', a.provider], ['recipient', a.recipient], ['amount', a.amount]],
    hash: keccak256(concat(address(a.provider), address(a.recipient), uint256(a.amount))),
  };
}

// paths are the merkle paths the leaf folds through, in order, to the
// batch's allocTreeRoot: the entry path in the provider's row tree (index
// j), then the provider path in the tree of providerAllocRoots (index p).
export function paths(a) {
  return [
    { name: 'row tree', index: a.entry, siblings: a.entryProof.map(hexToBytes) },
    { name: 'provider tree', index: a.providerIndex, siblings: a.providerProof.map(hexToBytes) },
  ];
}

// verify checks a's proof in the browser as verifyAllocation does: p < P,
// an entry path of at most 10 hashes (j must fit it: foldPath checks), a
// provider path of exactly depth(P) hashes, and the leaf folded through
// both reaching the batch's allocTreeRoot.
export function verify(a, r) {
  if (!a.entryProof || !a.providerProof || !a.root || a.amount === null) return null;
  const l = leaf(a);
  const P = r.providerCount;
  const fail = (reason) => ({ leaf: l, root: a.root, verified: false, reason, computed: null, folds: [] });
  if (a.entryProof.length > MAX_ENTRY_PROOF) return fail(`the entry path has ${a.entryProof.length} hashes; at most ${MAX_ENTRY_PROOF} are allowed`);
  if (!(a.providerIndex < P)) return fail(`provider ${a.providerIndex} is not below the round's ${P} providers`);
  if (a.providerProof.length !== depth(P)) return fail(`the provider path has ${a.providerProof.length} hashes; a round of ${P} providers needs ${depth(P)}`);
  return { leaf: l, root: a.root, ...foldPaths(l.hash, paths(a), hexToBytes(a.root)) };
}

// signedRoot checks that the live (or finalized) batch's signed
// allocationRoot commits to its allocTreeRoot:
// keccak256(abi.encode(commitmentRoot, allocTreeRoot)).
export function signedRoot(r) {
  const b = r.live;
  if (!b) return null;
  const computed = keccak256(concat(hexToBytes(r.commitmentRoot), hexToBytes(b.allocTreeRoot)));
  return {
    formula: 'keccak256(abi.encode(commitmentRoot, allocTreeRoot))',
    computed: bytesToHex(computed), signed: b.allocationRoot,
    verified: bytesToHex(computed) === b.allocationRoot.toLowerCase(),
  };
}

// verifyCall is the contract call that checks a on chain, with its exact
// arguments (the API's verifyAllocation object).
export function verifyCall(roundNumber, a) {
  const g = a.args;
  const entry = `[${g.entryProof.join(',')}]`, provider = `[${g.providerProof.join(',')}]`;
  const signature = 'verifyAllocation(uint256,uint256,uint256,address,address,uint256,bytes32[],bytes32[])';
  return {
    signature: 'verifyAllocation(uint256 round, uint256 p, uint256 j, address provider, address recipient, uint256 amount, bytes32[] entryProof, bytes32[] providerProof) returns (bool)',
    args: [['round', g.round], ['p', g.p], ['j', g.j], ['provider', g.provider], ['recipient', g.recipient], ['amount', g.amount], ['entryProof', g.entryProof], ['providerProof', g.providerProof]],
    text: `verifyAllocation(${g.round}, ${g.p}, ${g.j}, ${g.provider}, ${g.recipient}, ${g.amount}, ${entry}, ${provider})`,
    cast: `cast call $AVS "${signature}(bool)" ${g.round} ${g.p} ${g.j} ${g.provider} ${g.recipient} ${g.amount} "${entry}" "${provider}"`,
  };
}

// status is where the round's batch stands, as `denomwatch audit` names
// it: no-batch, in-window, window-closed (head past the deadline, not
// finalized yet), final, proven-fraudulent (voided by a proof, no batch
// since).
export function status(r, head) {
  const b = r.latest;
  if (!b) return 'no-batch';
  if (b.status === 'finalized') return 'final';
  if (b.status === 'voided') return 'proven-fraudulent';
  return head !== null && head > b.deadline ? 'window-closed' : 'in-window';
}

// voided are the round's batches voided by a fraud proof.
export function voided(r) {
  return r.batches.filter((b) => b.status === 'voided');
}

// health joins /healthz, /readyz (both JSON, null when unreachable) and the
// few /metrics lines the page shows.
export function health(healthz, readyz, metricsText) {
  const metric = (name) => {
    const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)$`, 'm').exec(metricsText || '');
    return m ? Number(m[1]) : null;
  };
  const build = /^denomwatch_build_info\{([^}]*)\} 1$/m.exec(metricsText || '');
  const label = (k) => (build ? (new RegExp(`(?:^|,)${k}="([^"]*)"`).exec(build[1]) || [])[1] || '' : '');
  return {
    alive: !!healthz && healthz.status === 'ok',
    ready: !!readyz && readyz.ready === true,
    head: readyz ? readyz.head : null, processed: readyz ? readyz.processed : null, lag: readyz ? readyz.lag : null,
    nodeStalled: readyz ? !!readyz.nodeStalled : null, headAge: readyz ? readyz.headAgeSeconds ?? null : null,
    reason: readyz ? readyz.reason || '' : 'the watcher does not answer',
    version: label('version'), commit: label('commit'),
    fraudsDetected: metric('denomwatch_frauds_detected_total'), fraudsProven: metric('denomwatch_frauds_proven_total'),
  };
}
