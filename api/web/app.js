// app.js: the recipient page. It reads the watcher's JSON endpoints with
// GET only (adapter.js knows their fields), checks every proof in the
// browser (verify.js), and builds the DOM with textContent only: nothing
// the API returns is parsed as HTML.

import * as A from './adapter.js';
import { checksumAddress, bytesToHex as hex } from './verify.js';

const $ = (sel) => document.querySelector(sel);
const explorer = (document.body.dataset.explorer || '').replace(/\/+$/, '');
// state: the head last seen, and the lookup shown (seq numbers lookups, so
// that an older one finishing late does not overwrite a newer one).
const state = { head: null, results: [], address: '', seq: 0 };

// el makes an element: props are attributes (class, data-*, href, ...),
// children are nodes or text.
function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
  return e;
}

// fill replaces node's children, skipping the absent (null, false).
function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

async function getJSON(path) {
  const r = await fetch(path, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await r.json(); } catch { /* an error page, or the watcher's gone */ }
  return { ok: r.ok, status: r.status, body };
}

async function getText(path) {
  const r = await fetch(path);
  return r.ok ? r.text() : '';
}

const short = (h) => (h && h.length > 14 ? `${h.slice(0, 8)}…${h.slice(-6)}` : h || '');

function copyButton(text) {
  const b = el('button', { type: 'button', class: 'copy', title: 'copy', 'aria-label': 'copy' }, 'copy');
  b.addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(text); b.textContent = 'copied'; } catch { b.textContent = 'select and copy it'; }
    setTimeout(() => { b.textContent = 'copy'; }, 1500);
  });
  return b;
}

// txLink is a transaction: a link to the explorer when one is configured,
// else the full hash to copy.
function txLink(hash, cls = 'tx') {
  if (explorer) return el('span', {}, el('a', { class: cls, href: `${explorer}/tx/${hash}`, rel: 'noreferrer noopener', target: '_blank' }, short(hash)), ' ', copyButton(hash));
  return el('span', {}, el('code', { class: cls }, hash), ' ', copyButton(hash));
}

// ---- the watcher's health

async function refreshHealth() {
  const [hz, rz, mt] = await Promise.all([
    getJSON(A.endpoints.healthz).catch(() => null), getJSON(A.endpoints.readyz).catch(() => null), getText(A.endpoints.metrics).catch(() => ''),
  ]);
  const h = A.health(hz && hz.body, rz && rz.body, mt);
  state.head = h.head;
  const box = $('#health');
  box.className = h.ready ? 'health ready' : 'health not-ready';
  fill(box,
    el('strong', { class: 'health-state' }, !h.alive ? 'watcher unreachable' : h.ready ? 'watcher ready' : 'watcher not ready'),
    h.reason ? el('span', { class: 'health-reason' }, h.reason) : null,
    h.head !== null ? el('span', {}, `head ${h.head} · processed ${h.processed} · lag ${h.lag}`) : null,
    h.nodeStalled !== null ? el('span', {}, h.nodeStalled ? 'node stalled' : `node ok${h.headAge !== null ? `, head ${h.headAge.toFixed(1)} s old` : ''}`) : null,
    h.fraudsDetected !== null ? el('span', {}, `frauds detected ${h.fraudsDetected} · proven ${h.fraudsProven ?? 0}`) : null,
    h.version ? el('span', { class: 'version' }, `denomwatch ${h.version}`) : null,
  );
}

// ---- looking an address up

async function lookup(input, count) {
  let addr;
  try { addr = checksumAddress(input.trim()); } catch (e) { return message(e.message, 'error'); }
  const seq = ++state.seq;
  history.replaceState(null, '', `#${addr}`);
  message(`Checking ${addr}…`);
  $('#results').replaceChildren();
  $('#detail').replaceChildren();
  await refreshHealth().catch(() => {}); // the head, for the deadlines
  const rs = await getJSON(A.endpoints.rounds);
  if (seq !== state.seq) return;
  if (!rs.ok) return message(`The watcher's rounds: ${rs.body ? rs.body.error : `HTTP ${rs.status}`}`, 'error');
  const rounds = A.rounds(rs.body).slice(-count);
  if (rounds.length === 0) return message('The watcher has recorded no round yet.');
  const results = await mapLimit(rounds, 2, (r) => roundAllocations(addr, r));
  if (seq !== state.seq) return; // a newer lookup started meanwhile
  state.results = results;
  state.address = addr;
  render(addr);
}

async function roundAllocations(addr, r) {
  const res = await getJSON(A.endpoints.allocations(addr.toLowerCase(), r.number)).catch((e) => ({ ok: false, status: 0, body: { error: e.message } }));
  if (!res.ok) return { round: r, error: res.body ? res.body.error : `HTTP ${res.status}`, allocations: [] };
  const data = A.roundData(res.body);
  const allocations = A.allocations(res.body).map((a) => ({ ...a, data, check: safeVerify(a, r) }));
  return { round: { ...r, data }, error: '', allocations };
}

// safeVerify is A.verify, with malformed data (a bad hex string, say)
// reported as a proof that fails rather than thrown.
function safeVerify(a, r) {
  try { return A.verify(a, r); } catch (e) { return { verified: false, reason: e.message, folds: [], leaf: null }; }
}

// mapLimit maps items with at most n calls of f in flight, in order.
async function mapLimit(items, n, f) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => { while (next < items.length) { const i = next++; out[i] = await f(items[i]); } };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

function message(text, kind = 'info') {
  fill($('#message'), text ? el('p', { class: kind, role: kind === 'error' ? 'alert' : 'status' }, text) : null);
}

// ---- the table

const isWrong = (a) => A.wrong(a);
// challengedAt: the round's fraud proof (proven, sent, or only simulated)
// names this very entry; provenAt: and it was mined.
const challengedAt = (r, a) => !!r.challenge && r.challenge.kind === 'bad-allocation' && r.challenge.index === a.providerIndex;
const provenAt = (r, a) => challengedAt(r, a) && r.challenge.proven;

function render(addr) {
  const groups = [], empty = [];
  const n = { total: 0, wrong: 0, proven: 0, verified: 0, checked: 0 };
  for (const res of state.results) {
    if (res.error) { groups.push(el('tbody', { class: 'round' }, errorRow(res))); continue; }
    if (res.allocations.length === 0) { empty.push(res.round.number); continue; }
    for (const a of res.allocations) {
      n.total++; n.wrong += isWrong(a); n.proven += provenAt(res.round, a);
      if (a.check) { n.checked++; n.verified += a.check.verified; }
    }
    groups.push(el('tbody', { class: 'round', 'data-round': res.round.number },
      roundRow(res.round), res.allocations.map((a) => allocationRow(res.round, a))));
  }
  const first = state.results[0].round.number, last = state.results[state.results.length - 1].round.number;
  const plural = (k, word) => `${k} ${word}${k === 1 ? '' : 's'}`;
  message('');
  fill($('#results'),
    el('p', { id: 'summary', class: n.wrong ? 'summary bad' : 'summary good', 'data-address': addr },
      `${addr}: rounds ${first}–${last}, ${plural(n.total, 'allocation')}, `,
      el('strong', { class: 'wrong-count' }, plural(n.wrong, 'wrong amount')),
      `, ${plural(n.proven, 'proven fraud')} at your entries, `,
      el('span', { class: 'verified-count' }, `${n.verified} of ${n.checked} proofs verified in this browser`), '.'),
    empty.length ? el('p', { class: 'empty' }, `No allocation in round${empty.length === 1 ? '' : 's'} ${empty.join(', ')}.`) : null,
    groups.length ? table(groups) : null,
  );
}

const COLUMNS = ['Round', 'Provider', 'Entry', 'Amount', 'Correct amount', 'Status', 'Verdict', 'Deadline', 'Proof (checked here)'];

function table(groups) {
  return el('table', { class: 'allocations' },
    el('thead', {}, el('tr', {}, COLUMNS.map((c) => el('th', { scope: 'col' }, c)))),
    groups);
}

// roundRow heads a round's rows: its verdict and status, and its fraud
// proof when there is one.
function roundRow(r) {
  const c = r.challenge;
  return el('tr', { class: 'round-head' }, el('th', { colspan: COLUMNS.length, scope: 'rowgroup' },
    `Round ${r.number}: `, el('span', { class: `verdict-${r.verdict}` }, r.verdict),
    r.fraud && r.fraud.kind ? ` (${r.fraud.kind}${r.fraud.index !== null ? ` at #${r.fraud.index}` : ''})` : '',
    r.fraud && r.fraud.provider !== null && r.fraud.index === null ? ` (provider ${r.fraud.provider})` : '',
    r.rule ? ` (rule ${r.rule})` : '', r.reason ? ` (${r.reason})` : '', `, ${A.status(r, state.head)}`,
    dataNote(r), r.decision ? el('span', { class: 'decision' }, ` · challenger: ${r.decision.state} (attempt ${r.decision.attempt})`) : null,
    r.notes.length ? el('span', { class: 'notes' }, ` · the watcher cannot know: ${r.notes.join('; ')}`) : null,
    c ? el('span', { class: `challenge challenge-${c.state}` }, ` · ${CHALLENGE_STATES[c.state] || c.state}: ${c.kind} at #${c.index}`,
      c.tx ? el('span', {}, ', proof tx ', txLink(c.tx, 'proof-tx')) : null) : null));
}

// dataNote says honestly what the round's data allows: nothing is owed
// under malformed data, and no amount is called correct while objects are
// missing.
function dataNote(r) {
  const d = r.data;
  if (!d || d.data === 'complete' || !d.data) return null;
  if (d.data === 'malformed') return el('span', { class: 'data-malformed' }, ` · malformed data (rule ${d.rule}): nothing is owed under it`);
  return el('span', { class: 'data-unavailable' }, ` · data unavailable${d.missing ? ` (${d.missing})` : ''}: no amount can be called correct`);
}

// correctText is the correct amount, or why there is none.
function correctText(a) {
  if (a.correct !== null) return a.correct;
  return a.data && a.data.data === 'malformed' ? 'none: malformed round' : 'unknown: data unavailable';
}

// cell is a table cell; its content is one span, so that a phone's card
// layout (a grid of label and value) sees one value.
function cell(label, cls, ...children) {
  return el('td', { 'data-label': label, class: cls }, el('span', { class: 'value' }, ...children));
}

function allocationRow(r, a) {
  const wrong = isWrong(a);
  const tr = el('tr', { 'data-round': r.number, 'data-index': a.index, class: wrong ? 'wrong' : provenAt(r, a) ? 'proven' : null },
    cell('Round', 'round', String(r.number)),
    cell('Provider', 'provider', el('code', { title: a.provider }, short(a.provider)), ` (${a.providerIndex})`),
    cell('Entry', 'entry', a.position),
    cell('Amount', wrong ? 'amount wrong' : 'amount', a.amount === null ? 'not known' : a.amount, wrong ? el('span', { class: 'badge bad' }, 'wrong') : null),
    cell('Correct amount', a.correct === null ? 'correct-unknown' : 'correct', correctText(a)),
    cell('Status', 'status', A.status(r, state.head)),
    cell('Verdict', 'verdict', verdictCell(r, a)),
    cell('Deadline', 'deadline', deadlineText(r)),
    cell('Proof', 'proof', proofCell(r, a)));
  return tr;
}

function errorRow(res) {
  return el('tr', { class: 'round-error', 'data-round': res.round.number },
    el('td', { colspan: COLUMNS.length, 'data-label': `Round ${res.round.number}` }, `Round ${res.round.number} (${res.round.verdict}): ${res.error}`));
}

function deadlineText(r) {
  const b = r.latest;
  if (!b) return '—';
  if (b.status === 'finalized') return `block ${b.deadline} (final)`;
  if (state.head === null || b.status === 'voided') return `block ${b.deadline}`;
  const left = b.deadline - state.head;
  return left >= 0 ? `block ${b.deadline} (${left} left)` : `block ${b.deadline} (passed)`;
}

const CHALLENGE_STATES = {
  confirmed: 'fraud proven', 'proven-by-other': 'fraud proven by another challenger', sent: 'proof sent',
  sending: 'proof sending', planned: 'proof planned', simulated: 'proof simulated', 'dry-run': 'proof simulated (dry run, not sent)',
  failed: 'proof failed', expired: 'window closed unproven',
};

// verdictCell is the round's verdict; when the round's fraud proof names
// this entry, it says so and links the proof.
function verdictCell(r, a) {
  const parts = [el('span', { class: `verdict-${r.verdict}` }, r.verdict)];
  if (r.fraud && r.fraud.index === a.index) parts.push(el('span', { class: 'badge bad' }, 'fraud at your entry'));
  else if (r.fraud && r.fraud.index === null && r.fraud.provider === a.providerIndex) parts.push(el('span', { class: 'badge bad' }, 'fraud in this provider\'s row'));
  const c = r.challenge;
  if (challengedAt(r, a)) {
    parts.push(el('div', { class: `challenge challenge-${c.state}` }, `your entry: ${CHALLENGE_STATES[c.state] || c.state}`,
      c.tx ? el('div', {}, 'proof tx ', txLink(c.tx, 'proof-tx')) : null));
  }
  return parts;
}

function proofCell(r, a) {
  const c = a.check;
  const result = !c ? el('span', { class: 'proof-none' }, '—')
    : c.verified ? el('span', { class: 'proof-ok' }, 'verified') : el('span', { class: 'proof-bad', title: c.reason }, 'fails');
  const b = el('button', { type: 'button', class: 'details' }, 'details');
  b.addEventListener('click', () => showDetail(r, a));
  return [result, ' ', b];
}

// ---- the detail view

function showDetail(r, a) {
  const d = $('#detail');
  fill(d,
    el('h2', {}, `Round ${r.number} · provider ${a.providerIndex} · entry ${a.position}`),
    facts(r, a),
    a.check ? proofSection(a) : el('p', {}, 'No proof: the batch\'s claim for this row is not known to this watcher (no allocations object, and its root is not the recomputed one), or the round has no live batch.'),
    a.check && a.check.verified && isWrong(a) ? el('p', { class: 'evidence' }, 'The wrong amount is in the tree the operators signed: this proof is the evidence that they signed it, which is what a fraud proof shows on chain.') : null,
    A.signedRoot(r) ? signedSection(A.signedRoot(r)) : null,
    a.check ? callSection(r, a) : null,
    r.challenge ? challengeSection(r) : null,
    el('p', {}, el('button', { type: 'button', class: 'close' }, 'close')),
  );
  d.querySelector('button.close').addEventListener('click', () => d.replaceChildren());
  d.scrollIntoView({ block: 'start' });
}

function dl(pairs) {
  return el('dl', {}, pairs.filter(Boolean).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

function facts(r, a) {
  return dl([
    ['Recipient', el('code', {}, state.address)],
    ['Provider', el('code', {}, a.provider)],
    ['Amount claimed by the batch', a.amount === null ? 'not known' : a.amount],
    ['Correct amount', correctText(a)],
    ['Status', A.status(r, state.head)],
    ['Verdict', r.verdict + (r.fraud && r.fraud.claimed ? ` (claimed ${r.fraud.claimed}, correct ${r.fraud.correct})` : '')],
    r.live ? ['Batch', txLink(r.live.tx)] : null,
    r.live && r.live.attempt !== null ? ['Attempt', String(r.live.attempt)] : null,
    a.root ? ['allocTreeRoot', el('code', {}, a.root)] : null,
  ]);
}

function proofSection(a) {
  const c = a.check;
  if (!c.leaf) return el('p', { class: 'result proof-bad' }, `The proof cannot be checked: ${c.reason}`);
  const steps = c.folds.flatMap((f) => f.steps.map((s) => el('tr', {},
    el('td', { 'data-label': 'Path' }, f.name), el('td', { 'data-label': 'Level' }, String(s.level)),
    el('td', { 'data-label': 'Node is' }, s.side === 'right' ? 'right child' : 'left child'),
    el('td', { 'data-label': 'Sibling' }, el('code', {}, hex(s.sibling))), el('td', { 'data-label': 'Parent' }, el('code', {}, hex(s.node))))));
  return el('section', { class: 'proof-detail' },
    el('h3', {}, 'The merkle proof, checked in this browser'),
    dl([['Leaf', el('code', {}, c.leaf.formula)], ...c.leaf.preimage.map(([k, v]) => [k, v]), ['Leaf hash', el('code', { class: 'leaf' }, hex(c.leaf.hash))]]),
    el('table', { class: 'steps' }, el('thead', {}, el('tr', {}, ['Path', 'Level', 'Node is', 'Sibling', 'Parent'].map((h) => el('th', {}, h)))), el('tbody', {}, steps)),
    dl([['Computed root', el('code', {}, c.computed ? hex(c.computed) : '—')], ['allocTreeRoot', el('code', {}, c.root)]]),
    el('p', { class: c.verified ? 'result proof-ok' : 'result proof-bad' }, c.verified ? 'verified: the proof reaches the signed tree root' : `does not verify: ${c.reason}`));
}

function signedSection(s) {
  return el('section', {},
    el('h3', {}, 'The signed root'),
    dl([['Formula', el('code', {}, s.formula)], ['Computed', el('code', {}, s.computed)], ['Signed allocationRoot', el('code', {}, s.signed)]]),
    el('p', { class: s.verified ? 'result proof-ok signed-ok' : 'result proof-bad' }, s.verified ? 'the operators\' signed root commits to this tree' : 'the signed root does not match this tree'));
}

function callSection(r, a) {
  const call = A.verifyCall(r.number, a);
  return el('section', {},
    el('h3', {}, 'Check it on chain'),
    el('p', {}, el('code', {}, call.signature)),
    el('pre', { class: 'verify-call' }, call.text), copyButton(call.text),
    el('p', {}, 'With Foundry, the AVS address in $AVS:'),
    el('pre', { class: 'cast' }, call.cast), copyButton(call.cast));
}

function challengeSection(r) {
  const c = r.challenge;
  return el('section', {},
    el('h3', {}, 'Fraud proof'),
    dl([
      ['State', CHALLENGE_STATES[c.state] || c.state],
      ['Kind', `${c.kind} at #${c.index}`],
      ['Batch proven wrong', txLink(c.batchTx)],
      c.tx ? ['Proof transaction', txLink(c.tx, 'proof-tx')] : null,
      c.provenBy ? ['Proven by', el('code', {}, c.provenBy)] : null,
      ['Deadline', `block ${c.deadline}`],
      c.error ? ['Error', c.error] : null,
    ]));
}

// ---- start

$('#lookup').addEventListener('submit', (ev) => {
  ev.preventDefault();
  lookup($('#address').value, Number($('#count').value)).catch((e) => message(`Failed: ${e.message}`, 'error'));
});
refreshHealth().catch(() => {});
setInterval(() => refreshHealth().catch(() => {}), 15000);
if (/^#0x[0-9a-fA-F]{40}$/.test(location.hash)) {
  $('#address').value = location.hash.slice(1);
  lookup($('#address').value, Number($('#count').value)).catch((e) => message(`Failed: ${e.message}`, 'error'));
}
