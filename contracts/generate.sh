#!/usr/bin/env bash
# Regenerates the protocol v2 contract artifacts and Go bindings from contracts/src:
#   npm solc (pinned in package-lock.json) -> artifacts/*.abi, *.bin
#   go-ethereum's abigen at the go.mod version (go tool abigen) -> bindings/bindings.go,
#   one file for every deployable contract, so that the structs they share (Entry,
#   ProviderHeader, BN254 points) are declared once.
# Usage: contracts/generate.sh [OUTDIR]   (default: contracts itself; OUTDIR gets
# artifacts/ and bindings/ subfolders, which is how check-generated.sh diffs).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here}
contracts=(DenominatorAllocationAVS Forwarder ProtocolHarness)
cd "$here"
# Exactly the locked compiler, every time (about a second).
npm ci --no-audit --no-fund --prefer-offline --loglevel=error >/dev/null
mkdir -p "$out/artifacts" "$out/bindings"
node build.js "$out/artifacts"
combined=$(mktemp)
trap 'rm -f "$combined"' EXIT
# abigen's combined-json input, assembled from the artifacts.
node -e '
const fs = require("fs");
const [dir, ...names] = process.argv.slice(1);
const contracts = {};
for (const n of names) {
  contracts[n + ".sol:" + n] = {
    abi: JSON.parse(fs.readFileSync(dir + "/" + n + ".abi", "utf8")),
    bin: fs.readFileSync(dir + "/" + n + ".bin", "utf8").trim(),
  };
}
fs.writeFileSync(1, JSON.stringify({ contracts }));
' "$out/artifacts" "${contracts[@]}" >"$combined"
cd "$here/.."
go tool abigen --v2 --pkg bindings --combined-json "$combined" --out "$out/bindings/bindings.go"
