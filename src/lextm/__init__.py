"""lextm: bilingual glossary and translation memory for legal and regulatory texts.

The library behind the `lextm` command. Names are loaded on first use, so `import lextm`
stays light (no jieba, no SQLite) until a function that needs them is called::

    import lextm
    law = lextm.parse_law("law.txt")
    project = lextm.find_project()
    project, result = lextm.import_version(project, "law.txt", document="x", version="2021")
    lextm.build_index(project)
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    "parse_law": "structure",
    "parse_text": "structure",
    "segment_law": "structure.segments",
    "align_laws": "align",
    "find_project": "project",
    "init_project": "project",
    "import_version": "ingest",
    "map_versions": "versions",
    "carry_over": "versions",
    "build_index": "build",
    "open_index": "build",
    "project_stats": "build",
    "read_po": "formats.po",
    "write_po": "formats.po",
    "parse_address": "address",
    "LextmError": "errors",
}

__all__ = ["__version__", *sorted(_API)]


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'lextm' has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)
