#!/usr/bin/env bash
# Set everything up, then run the main job on the bundled project: build the index, run all
# checks, publish the seed regulation's parallel text, and say where the results are.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
OUT="${1:-$ROOT/out}"
SEED_DOC="xizang-network-communications"
mkdir -p "$OUT"
started=$SECONDS

echo "== 1/4 build the index of the bundled project (lextm.toml, glossary/, tm/)" >&2
lextm build

echo "== 2/4 check every document (reference laws are informational)" >&2
status=0
lextm check --html "$OUT/check.html" >"$OUT/check.txt" || status=$?
tail -n 1 "$OUT/check.txt" >&2
if [ "$status" -gt 1 ]; then exit "$status"; fi
lextm check "$SEED_DOC" --json >"$OUT/check-$SEED_DOC.json" || status=$?

echo "== 3/4 publish the parallel text of $SEED_DOC" >&2
lextm publish "$SEED_DOC" --out "$OUT/publish" >"$OUT/publish.txt"

echo "== 4/4 translation status" >&2
lextm stats | tee "$OUT/stats.txt" >&2
lextm stats --json >"$OUT/stats.json"

echo "" >&2
echo "done in $((SECONDS - started)) s. Results in $OUT:" >&2
echo "  check.txt, check.html          findings of every document (check-$SEED_DOC.json: the seed's)" >&2
echo "  publish/                       $(tr '\n' ' ' <"$OUT/publish.txt" | sed "s#$OUT/publish/##g")" >&2
echo "  stats.txt, stats.json          translation status per document version" >&2
exit "$status"
