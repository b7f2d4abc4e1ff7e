#!/usr/bin/env bash
# Set everything up, then run the main job on the bundled project and say where the results are.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
OUT="${1:-$ROOT/out}"
mkdir -p "$OUT"
SEED="sources/xizang-network-communications-2021.zh.txt"
echo "== outline of $SEED" >&2
lextm outline "$SEED" --explain | tee "$OUT/outline.txt"
lextm outline "$SEED" --json >"$OUT/outline.json"
echo "== segments of $SEED" >&2
lextm segments "$SEED" --json >"$OUT/segments.json"
lextm segments "$SEED" >"$OUT/segments.tsv"
echo "results: $OUT/outline.txt, $OUT/outline.json, $OUT/segments.tsv, $OUT/segments.json" >&2
