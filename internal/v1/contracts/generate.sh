#!/usr/bin/env bash
# Regenerates the contract artifacts and Go bindings from contracts/src:
#   npm solc (pinned in package-lock.json) -> artifacts/*.abi, *.bin
#   go-ethereum's abigen at the go.mod version (go tool abigen) -> bindings/*.go
# Usage: contracts/generate.sh [OUTDIR]   (default: contracts itself; OUTDIR gets
# artifacts/ and bindings/ subfolders, which is how check-generated.sh diffs).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here}
cd "$here"
# Exactly the locked compiler, every time (about a second).
npm ci --no-audit --no-fund --prefer-offline --loglevel=error >/dev/null
mkdir -p "$out/artifacts" "$out/bindings"
node build.js "$out/artifacts"
cd "$here/.."
for c in DenominatorAllocationAVS Forwarder; do
	go tool abigen --v2 --pkg bindings --type "$c" \
		--abi "$out/artifacts/$c.abi" --bin "$out/artifacts/$c.bin" \
		--out "$out/bindings/$(echo "$c" | tr '[:upper:]' '[:lower:]').go"
done
