"""A Queen-compatible server in Python on PostgreSQL (embedded by default)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path


def _version() -> str:
    """queen-mq's version, read from ``queen/__init__.py``: the one place it is written (the
    build reads it there too). Read, not imported, so server processes do not load the client."""
    spec = importlib.util.find_spec("queen")
    origin = spec.origin if spec is not None else None
    text = Path(origin).read_text(encoding="utf-8") if origin else ""
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if match is None:
        raise RuntimeError(f"no __version__ line in queen/__init__.py (found {origin!r})")
    return match.group(1)


__version__ = _version()

__all__ = ["__version__"]
