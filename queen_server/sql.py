"""Where the server's SQL lives, and the versioned schema its functions are installed in.

* ``queries/<module>.sql`` — the statements a module runs, in sections headed
  ``-- name: <key>``; a module loads them with ``QUERIES = sql.queries("<module>")``.
* ``functions/*.sql`` — the stored functions, written as ``queen.<name>``. They are installed
  into a schema of their own, ``queen_fn_<version>_<hash of their text>`` (``FUNCTION_SCHEMA``),
  and every ``queen.<function>(`` in queries and functions is bound to that schema. Servers of
  different versions on one database therefore each call their own functions, and no start
  ever replaces a function another server is using. Tables stay in ``queen``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

from queen_server import __version__

_HERE = Path(__file__).resolve().parent
FUNCTIONS_DIR = _HERE / "functions"
QUERIES_DIR = _HERE / "queries"

_DEFINED = re.compile(r"CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+queen\.(\w+)\s*\(", re.I)
_SECTION = re.compile(r"^-- name: (\w+)\s*$", re.M)


def function_files() -> list[tuple[str, str]]:
    """(file name, text) of every function file, in the order they are installed."""
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(FUNCTIONS_DIR.glob("*.sql"))]


def _checksum(files: list[tuple[str, str]]) -> str:
    digest = hashlib.sha256()
    for name, text in files:
        digest.update(name.encode() + b"\0" + text.encode() + b"\0")
    return digest.hexdigest()


_FILES = function_files()
#: sha256 of the function files (names and text): what a function schema was made from
FUNCTIONS_CHECKSUM = _checksum(_FILES)
#: the functions defined by the function files
FUNCTION_NAMES = frozenset(m.group(1) for _, text in _FILES for m in _DEFINED.finditer(text))
_VERSION_SLUG = re.sub(r"[^0-9a-z]+", "_", __version__.lower()).strip("_")[:24]
#: the schema this server's functions live in
FUNCTION_SCHEMA = f"queen_fn_{_VERSION_SLUG}_{FUNCTIONS_CHECKSUM[:12]}"

_CALL = re.compile(r"\bqueen\.(" + "|".join(sorted(FUNCTION_NAMES)) + r")(\s*\()")


def bind(text: str, schema: str = FUNCTION_SCHEMA) -> str:
    """``text`` with every call of one of the server's functions bound to ``schema``."""
    return _CALL.sub(lambda m: f"{schema}.{m.group(1)}{m.group(2)}", text)


def install_script(schema: str = FUNCTION_SCHEMA) -> list[tuple[str, str]]:
    """(file name, SQL) creating the functions in ``schema`` (which must be new and empty)."""
    return [(name, bind(text, schema)) for name, text in _FILES]


class Queries(Mapping[str, str]):
    """The named statements of one queries file, bound to this server's functions."""

    def __init__(self, name: str, statements: dict[str, str]) -> None:
        self.name = name
        self._statements = statements

    def __getitem__(self, key: str) -> str:
        try:
            return self._statements[key]
        except KeyError:
            raise KeyError(f"queries/{self.name}.sql has no statement named {key!r}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._statements)

    def __len__(self) -> int:
        return len(self._statements)


@cache
def queries(name: str) -> Queries:
    """The statements of ``queries/<name>.sql``, by the name of their section."""
    text = (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")
    parts = _SECTION.split(text)
    statements: dict[str, str] = {}
    for key, body in zip(parts[1::2], parts[2::2], strict=True):
        if key in statements:
            raise ValueError(f"queries/{name}.sql names {key!r} twice")
        statements[key] = bind(body.strip())
    return Queries(name, statements)
