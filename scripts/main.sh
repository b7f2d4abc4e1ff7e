#!/usr/bin/env bash
# Set everything up, then run the main job on the bundled project and say where the results are.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
OUT="${1:-$ROOT/out}"
mkdir -p "$OUT"
SEED="sources/xizang-network-communications-2021.zh.txt"
echo "== build the index of the bundled project (lextm.toml, glossary/, tm/)" >&2
lextm build
echo "== translation status" >&2
lextm stats | tee "$OUT/stats.txt"
lextm stats --json >"$OUT/stats.json"
echo "== outline of $SEED" >&2
lextm outline "$SEED" --explain >"$OUT/outline.txt"
lextm outline "$SEED" --json >"$OUT/outline.json"
tail -n 3 "$OUT/outline.txt" >&2
echo "== segments of $SEED" >&2
lextm segments "$SEED" --json >"$OUT/segments.json"
lextm segments "$SEED" >"$OUT/segments.tsv"
echo "results in $OUT: stats.txt, stats.json, outline.txt, outline.json, segments.tsv, segments.json" >&2
