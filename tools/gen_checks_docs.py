"""Write docs/checks.md from the check registry (run after adding or changing a check)."""

from __future__ import annotations

import sys
from pathlib import Path

from lextm.checks import CHECKS

DOC = Path(__file__).resolve().parents[1] / "docs" / "checks.md"
INTRO = """# Checks

Generated from the check registry by `python tools/gen_checks_docs.py`; a test keeps it current.
`lextm check --list` prints the same list. Run them with `lextm check [DOC[@VERSION] | FILE.po]`.

- **Severities**: `error`, `warning`, `info`. `lextm check` exits with 1 when a finding reaches
  `--fail-on` (default `error`), with 2 when it could not run.
- **Reference documents** (role `reference` in lextm.toml) are checked too, but every finding in
  them is `info`: they never fail a check run of the project's own work.
- **Suppressing** one check on one entry: the PO flag `lextm-ignore:<check-id>` (say why in a
  translator comment). For the whole project, in lextm.toml:
  `[settings] suppress = [{ check = "modal-verbs", document = "x", address = "art3.p1.s2" }]`
  (document and address optional). `--skip ID` leaves a check out of one run.
- **Spans**: every finding marks the offending text in the source and/or the translation
  (`⟦…⟧` in the text report, highlighted in the HTML report, character offsets in JSON).
"""


def render() -> str:
    """The whole page."""
    parts = [INTRO, "| id | severity | title |", "|---|---|---|"]
    parts += [f"| [`{c.id}`](#{c.id}) | {c.severity} | {c.title} |" for c in CHECKS.values()]
    for check in CHECKS.values():
        parts += [
            "",
            f"## {check.id}",
            "",
            f"*{check.title}* — {check.severity}, family {check.family}.",
            "",
            check.doc,
        ]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {DOC}\n")
