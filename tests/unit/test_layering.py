"""Import rules: ``queen`` is written against anyio only, and never needs ``queen_server``."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

QUEEN = Path(__file__).resolve().parents[2] / "queen"
# The one module allowed to look at a specific event loop (it still imports neither).
COMPAT_SHIMS = {"_compat.py"}


def imported_modules(path: Path) -> list[tuple[str, bool]]:
    """``(module, at module level)`` for every import in ``path``."""
    tree = ast.parse(path.read_text(), str(path))
    top_level = {id(node) for node in tree.body}
    found: list[tuple[str, bool]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, id(node) in top_level))
    return found


def test_no_event_loop_library_imported_outside_the_compat_shim() -> None:
    offenders = [
        f"{path.relative_to(QUEEN.parent)} imports {module}"
        for path in sorted(QUEEN.rglob("*.py"))
        if path.name not in COMPAT_SHIMS
        for module, _ in imported_modules(path)
        if module.split(".")[0] in ("asyncio", "trio", "uvloop", "sniffio")
    ]
    assert offenders == []


def test_queen_server_is_imported_lazily_and_only_by_queen_testing() -> None:
    users = {
        (str(path.relative_to(QUEEN.parent)), top)
        for path in sorted(QUEEN.rglob("*.py"))
        for module, top in imported_modules(path)
        if module.split(".")[0] == "queen_server"
    }
    assert users == {("queen/testing.py", False)}


def test_import_queen_does_not_load_the_server() -> None:
    code = (
        "import sys, queen, queen.sync, queen.testing, queen.types; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('queen_server', 'asyncpg', 'uvicorn', 'pgserver')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
