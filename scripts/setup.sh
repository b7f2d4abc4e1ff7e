#!/usr/bin/env bash
# Set up everything lextm needs on a fresh machine: system tools, a virtualenv, the package.
# Idempotent and quick when nothing changed; sourced by main.sh and test.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${LEXTM_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

# Validators the tests run against what lextm writes (msgfmt, xmllint).
need_apt=()
command -v msgfmt >/dev/null 2>&1 || need_apt+=(gettext)
command -v xmllint >/dev/null 2>&1 || need_apt+=(libxml2-utils)
# The published page is tested in a real browser, with a CJK font so Chinese is text, not boxes.
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_apt+=(fonts-noto-cjk)
if ((${#need_apt[@]})); then
    if [ "$(id -u)" = 0 ]; then
        echo "setup: installing ${need_apt[*]}" >&2
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
    elif command -v sudo >/dev/null 2>&1; then
        sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
    else
        echo "setup: please install ${need_apt[*]} (Debian/Ubuntu: apt-get install ${need_apt[*]})" >&2
    fi
fi

"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "setup: lextm needs Python 3.11 or newer; set PYTHON=/path/to/python3.11" >&2
    exit 2
}
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"

# Reinstall only when the package metadata changed.
stamp="$VENV/.lextm-setup"
want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "setup: installing lextm and its test tools into $VENV" >&2
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$ROOT[test]"
    echo "$want" >"$stamp"
fi
export PATH="$VENV/bin:$PATH"
