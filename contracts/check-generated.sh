#!/usr/bin/env bash
# Fails if the committed artifacts or bindings differ from what contracts/src
# generates (run by .ci/run).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/generate.sh" "$tmp" >/dev/null
status=0
for d in artifacts bindings; do
	if ! diff -r "$here/$d" "$tmp/$d"; then
		echo "contracts/$d is out of date: run contracts/generate.sh and commit the result" >&2
		status=1
	fi
done
exit $status
