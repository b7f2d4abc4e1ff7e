"""lextm: bilingual glossary and translation memory for legal and regulatory texts."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
