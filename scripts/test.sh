#!/usr/bin/env bash
# Set everything up, then run the whole test suite: lint, format check, types, tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
echo "== ruff check" && ruff check .
echo "== ruff format --check" && ruff format --check .
echo "== mypy src" && mypy src
echo "== pytest" && pytest -n "${LEXTM_TEST_WORKERS:-auto}" "$@"
