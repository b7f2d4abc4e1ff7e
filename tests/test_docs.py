"""Documentation that must stay true: the CLI reference and the README quick start."""

from __future__ import annotations

import importlib.util
import re

from conftest import ROOT


def test_cli_reference_is_current() -> None:
    """docs/cli.md is what tools/gen_cli_docs.py writes from the current --help texts."""
    spec = importlib.util.spec_from_file_location(
        "gen_cli_docs", ROOT / "tools" / "gen_cli_docs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == module.render()


def test_checks_reference_is_current() -> None:
    """docs/checks.md is what tools/gen_checks_docs.py writes from the check registry."""
    path = ROOT / "tools" / "gen_checks_docs.py"
    spec = importlib.util.spec_from_file_location("gen_checks_docs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "checks.md").read_text(encoding="utf-8") == module.render()


def test_quick_start_has_two_commands() -> None:
    """The README quick start is exactly two commands, and both scripts exist."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start.*?```sh\n(.*?)```", readme, re.S)
    assert block is not None
    commands = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(commands) == 2
    for command in commands:
        script = command.split("#")[0].split()[1]
        assert (ROOT / script).exists(), script


def test_ci_runs_the_test_command() -> None:
    """.ci/run runs the README's test command and nothing else."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test.sh" in ci
