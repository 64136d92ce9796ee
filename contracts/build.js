// Compiles contracts/src (protocol v2) with the pinned solcjs (package-lock.json) and writes
// <outDir>/<Contract>.abi and .bin for the deployable contracts
// (outDir: the first argument, default contracts/artifacts). ProtocolHarness
// exposes the AVS's libraries to tests; the devnet never deploys it.
// Settings are stated here, not left to the compiler's defaults.
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'osaka', // the fork the simulated chain and geth --dev run (PROTOCOL gas rules: see README)
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
};
const DEPLOYABLE = ['DenominatorAllocationAVS', 'Forwarder', 'ProtocolHarness'];
const MAX_CODE_SIZE = 24576; // EIP-170

const srcDir = path.join(__dirname, 'src');
const outDir = process.argv[2] || path.join(__dirname, 'artifacts');

const sources = {};
for (const f of fs.readdirSync(srcDir).filter((f) => f.endsWith('.sol')).sort()) {
  sources[f] = { content: fs.readFileSync(path.join(srcDir, f), 'utf8') };
}
const input = { language: 'Solidity', sources, settings: SETTINGS };
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: (p) => ({ error: 'imports must be relative to src: ' + p }) }));

let failed = false;
for (const e of output.errors || []) {
  console.error(e.formattedMessage);
  if (e.severity === 'error') failed = true;
}
if (failed) process.exit(1);

fs.mkdirSync(outDir, { recursive: true });
for (const name of DEPLOYABLE) {
  const c = output.contracts[name + '.sol'][name];
  const runtime = c.evm.deployedBytecode.object.length / 2;
  if (runtime > MAX_CODE_SIZE) {
    console.error(`${name}: runtime code ${runtime} bytes exceeds ${MAX_CODE_SIZE}`);
    process.exit(1);
  }
  fs.writeFileSync(path.join(outDir, name + '.abi'), JSON.stringify(c.abi, null, 1) + '\n');
  fs.writeFileSync(path.join(outDir, name + '.bin'), c.evm.bytecode.object + '\n');
  console.log(`${name}: solc ${solc.version()}, runtime ${runtime} bytes`);
}
