"""The architecture: light start-up, one-way dependencies, libraries behind one module, docstrings.

Imports are read with `ast` from the source files, so lazy imports inside functions count too.
To place a new module, add it to `LAYERS`; to use a new library, add it to `THIRD_PARTY`.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
PACKAGE = SRC / "lextm"
TESTS = ROOT / "tests"

# Bottom layer first. A module may import from its own layer and the layers below, never above.
# Each name is a module or a package (`structure` covers `structure/*.py`) directly under lextm;
# `__init__` is the package itself, which stays light.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("__init__", "errors", "model", "numerals"),  # vocabulary: no lextm imports above these
    ("address", "cleanup", "segment", "xrefs", "structure", "report", "fileio", "fold", "extract"),
    (
        "formats",
        "glossary",
        "terms",
        "quantities",
        "similarity",
        "ngrams",
    ),  # exchange formats (one module each), term lookup, similarity and bigram postings
    ("store",),  # the SQLite index
    ("match",),  # candidates from the store, exact scoring after
    ("checks", "align", "versions"),
    (
        "project",
        "ingest",
        "build",
        "project_checks",
        "project_versions",
        "publish",
        "publishing",
        "exchange",
        "pretranslate",
    ),  # a project's files, imports and index
    ("cli", "__main__"),  # the shell, at the top
)

# Each third-party library (and sqlite3) may be imported only by these modules or packages.
STORE = ("lextm.store",)
THIRD_PARTY: dict[str, tuple[str, ...]] = {
    "click": ("lextm.cli",),
    "jieba": ("lextm.segment",),
    "numpy": ("lextm.ngrams",),
    "rapidfuzz": ("lextm.similarity",),
    "opencc": ("lextm.fold",),
    "polib": ("lextm.formats.po",),
    "sqlite3": STORE,
    "sqlite_utils": STORE,
}

# What `import lextm`, `lextm --help` and `lextm --version` must not load.
HEAVY = ("jieba", "polib", "sqlite3", "sqlite_utils", "opencc", "numpy", "rapidfuzz")


@dataclass(frozen=True, slots=True)
class Module:
    """A module of src/lextm: its dotted name, file and syntax tree."""

    name: str
    path: Path
    tree: ast.Module

    @property
    def package(self) -> str:
        """The package relative imports start from."""
        is_package = self.path.name == "__init__.py"
        return self.name if is_package else self.name.rpartition(".")[0]

    @property
    def shown(self) -> str:
        """The path relative to the project, for messages."""
        return self.path.relative_to(ROOT).as_posix()


@dataclass(frozen=True, slots=True)
class Import:
    """One imported module, resolved to its absolute dotted name, and the line importing it."""

    target: str
    line: int


@cache
def modules() -> dict[str, Module]:
    """Every module of src/lextm by dotted name."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = Module(name, path, ast.parse(path.read_text(encoding="utf-8")))
    return found


def _resolve(module: Module, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.package.split(".")
    base = base[: len(base) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def imports(module: Module) -> Iterator[Import]:
    """Every module `module` imports, anywhere in the file, relative imports resolved."""
    known = modules()
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            yield from (Import(alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(module, node)
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                yield Import(submodule if submodule in known else source, node.lineno)


def _internal(target: str) -> str | None:
    """The lextm module `target` names (the longest known prefix), or None for another library."""
    if target.split(".")[0] != "lextm":
        return None
    parts = target.split(".")
    while ".".join(parts) not in modules() and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def _unit(name: str) -> str:
    """The entry of `LAYERS` a module belongs to: `lextm.structure.zh` -> `structure`."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def layer_of(name: str) -> int | None:
    """The layer of a lextm module, or None when `LAYERS` does not place it."""
    unit = _unit(name)
    return next((i for i, layer in enumerate(LAYERS) if unit in layer), None)


def _within(name: str, owners: tuple[str, ...]) -> bool:
    return any(name == owner or name.startswith(owner + ".") for owner in owners)


def _is_store(name: str) -> bool:
    return _within(name, STORE)


def _is_format(name: str) -> bool:
    return _within(name, ("lextm.formats",))


def _edges() -> Iterator[tuple[Module, Import, str]]:
    """(importer, import, imported lextm module) for every import between lextm modules."""
    for module in modules().values():
        for found in imports(module):
            target = _internal(found.target)
            if target is not None and target != module.name:
                yield module, found, target


def _fail(problems: list[str], advice: str) -> None:
    if problems:
        pytest.fail("\n".join([*dict.fromkeys(problems), "", advice]), pytrace=False)


# --- light start-up ------------------------------------------------------------------------------

_LOADED = "import json, sys; print(json.dumps([m for m in {heavy!r} if m in sys.modules]))"
_CLI_RUN = """
from click.testing import CliRunner
from lextm.cli import cli
result = CliRunner().invoke(cli, {argv!r})
assert result.exit_code == 0, (result.exit_code, result.output)
"""


def _python(*args: str) -> subprocess.CompletedProcess[str]:
    """Run this interpreter in a fresh process on this checkout's src/."""
    path = [str(SRC), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path)}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, check=False
    )


def _heavy_modules_after(script: str) -> list[str]:
    """Run `script` in a fresh interpreter; the heavy modules it left loaded."""
    code = script + "\n" + _LOADED.format(heavy=HEAVY)
    done = _python("-c", code)
    assert done.returncode == 0, done.stderr
    loaded: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return loaded


def test_import_lextm_is_light() -> None:
    """`import lextm` loads neither jieba, polib, sqlite3 nor sqlite_utils."""
    assert _heavy_modules_after("import lextm") == []


def test_import_cli_is_light() -> None:
    """Importing the command line module loads none of the heavy libraries."""
    assert _heavy_modules_after("import lextm.cli") == []


@pytest.mark.parametrize(
    "argv", [["--help"], ["--version"], ["outline", "--help"], ["segments", "--help"]]
)
def test_cli_help_and_version_are_light(argv: list[str]) -> None:
    """`lextm --help`, `--version` and command help load none of the heavy libraries."""
    assert _heavy_modules_after(_CLI_RUN.format(argv=argv)) == []


def test_python_m_lextm_help_is_light() -> None:
    """`python -X importtime -m lextm --help` succeeds and imports none of the heavy libraries."""
    done = _python("-X", "importtime", "-m", "lextm", "--help")
    assert done.returncode == 0, done.stderr
    imported = {
        line.rsplit("|", 1)[-1].strip().split(".")[0]
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert imported.isdisjoint(HEAVY), sorted(imported & set(HEAVY))


# --- dependency direction ------------------------------------------------------------------------


def test_every_module_has_a_layer() -> None:
    """Every module of src/lextm is placed in `LAYERS`."""
    problems = [f"{m.shown}: not placed" for m in modules().values() if layer_of(m.name) is None]
    _fail(
        problems,
        "Add each module (or its package) to LAYERS in tests/test_architecture.py, in the lowest "
        "layer above everything it imports; see 'Dependencies point one way' in STYLE.md.",
    )


def test_imports_point_down_the_layers() -> None:
    """A module imports only from its own layer or the layers below it."""
    problems = []
    for module, found, target in _edges():
        own, other = layer_of(module.name), layer_of(target)
        if own is not None and other is not None and other > own:
            problems.append(
                f"{module.shown}:{found.line}: {module.name} (layer {own}) imports "
                f"{target} (layer {other})"
            )
    _fail(
        problems,
        "Dependencies point one way: move the shared code down a layer, or pass it in as an "
        "argument, rather than importing upwards.",
    )


def test_formats_and_stores_never_import_each_other() -> None:
    """No format module imports a store module, and no store module imports a format module."""
    problems = [
        f"{module.shown}:{found.line}: {module.name} imports {target}"
        for module, found, target in _edges()
        if (_is_format(module.name) and _is_store(target))
        or (_is_store(module.name) and _is_format(target))
    ]
    _fail(
        problems,
        "Formats and stores meet only in a module above both (project, cli), which reads with one "
        "and writes to the other.",
    )


def test_format_modules_are_independent() -> None:
    """A format module never imports another format module (shared code goes in a `_` module)."""
    problems = [
        f"{module.shown}:{found.line}: {module.name} imports {target}"
        for module, found, target in _edges()
        if _is_format(module.name)
        and module.name != "lextm.formats"
        and _is_format(target)
        and target != "lextm.formats"
        and not target.rpartition(".")[2].startswith("_")
    ]
    _fail(problems, "Put what two formats share in a private module such as formats/_xml.py.")


def test_third_party_libraries_sit_behind_one_module() -> None:
    """Each third-party library (and sqlite3) is imported only by the module that wraps it."""
    problems = []
    for module in modules().values():
        for found in imports(module):
            top = found.target.split(".")[0]
            if top == "lextm" or (top in sys.stdlib_module_names and top not in THIRD_PARTY):
                continue
            owners = THIRD_PARTY.get(top)
            if owners is None:
                problems.append(f"{module.shown}:{found.line}: {top} is not in THIRD_PARTY")
            elif not _within(module.name, owners):
                problems.append(
                    f"{module.shown}:{found.line}: imports {top}, which belongs behind "
                    f"{' / '.join(owners)}"
                )
    _fail(
        problems,
        "Each library sits behind one module (STYLE.md): call that module's functions, or add a "
        "new library to THIRD_PARTY in tests/test_architecture.py with the one module wrapping it.",
    )


def test_import_resolution_handles_relative_imports() -> None:
    """The import reader resolves `.x`, `..x` and `from . import name` to absolute modules."""
    source = "from ..model import Kind\nfrom .zh import classify_zh\nfrom . import zh\nimport re\n"
    module = Module("lextm.structure.en", PACKAGE / "structure" / "en.py", ast.parse(source))
    targets = [found.target for found in imports(module)]
    assert targets == ["lextm.model", "lextm.structure.zh", "lextm.structure.zh", "re"]


# --- docstrings ----------------------------------------------------------------------------------

_Def = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef


def _public_definitions(body: list[ast.stmt], prefix: str = "") -> Iterator[tuple[str, _Def]]:
    """Public functions and classes of a module, and the public methods of its public classes."""
    for node in body:
        if isinstance(node, _Def) and not node.name.startswith("_"):
            yield prefix + node.name, node
            if isinstance(node, ast.ClassDef):
                yield from _public_definitions(node.body, f"{prefix}{node.name}.")


def test_every_module_has_a_docstring() -> None:
    """Every module of src/lextm starts with a docstring."""
    problems = [f"{m.shown}: no module docstring" for m in modules().values() if not _doc(m.tree)]
    _fail(problems, "Open each module with a docstring saying what it is for.")


def test_every_public_function_and_class_has_a_docstring() -> None:
    """Every public function, class and method in src/lextm has a docstring."""
    problems = [
        f"{module.shown}:{node.lineno}: {name} has no docstring"
        for module in modules().values()
        for name, node in _public_definitions(module.tree.body)
        if not _doc(node)
    ]
    _fail(problems, "Give each public function and class a docstring (one line is often enough).")


def _doc(node: ast.Module | _Def) -> str:
    return (ast.get_docstring(node) or "").strip()


def _is_fixture(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if ast.unparse(target) in ("pytest.fixture", "fixture"):
            return True
    return False


def _test_functions(tree: ast.Module) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    """Test functions at module level and in `Test*` classes, fixtures excluded."""
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            yield from _test_functions(ast.Module(body=node.body, type_ignores=[]))
        elif (
            isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.name.startswith("test")
            and not _is_fixture(node)
        ):
            yield node


def test_every_test_has_a_one_line_docstring() -> None:
    """Every test function in tests/ has a docstring of exactly one line."""
    problems = []
    for path in sorted(TESTS.rglob("test_*.py")):
        if TESTS / "data" in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _test_functions(tree):
            doc = _doc(node)
            if not doc or "\n" in doc:
                state = "no docstring" if not doc else "a docstring of several lines"
                shown = path.relative_to(ROOT).as_posix()
                problems.append(f"{shown}:{node.lineno}: {node.name} has {state}")
    _fail(problems, "Each test says in one line which behaviour it specifies (STYLE.md, Tests).")
