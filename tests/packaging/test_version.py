"""The version is written once, in ``queen/__init__.py``; everything else reads it."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

import queen
import queen_server

REPO = Path(__file__).resolve().parents[2]


def test_the_version_is_written_only_in_queen_init() -> None:
    pyproject = (REPO / "pyproject.toml").read_text()
    assert re.search(r'^dynamic = \["version"\]$', pyproject, re.MULTILINE)
    assert not re.search(r"^version\s*=", pyproject, re.MULTILINE)
    assert re.search(
        r'^\[tool\.hatch\.version\]\n(?:#.*\n)*path = "queen/__init__.py"$', pyproject, re.M
    )
    written = [
        path.relative_to(REPO).as_posix()
        for package in ("queen", "queen_server")
        for path in sorted((REPO / package).rglob("*.py"))
        if re.search(r"^__version__ = \"", path.read_text(), re.MULTILINE)
    ]
    assert written == ["queen/__init__.py"]


def test_every_reader_agrees() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", queen.__version__)
    assert queen_server.__version__ == queen.__version__
    # the metadata of this (editable) install; the built wheel's is checked in test_wheel.py
    assert importlib.metadata.version("queen-mq") == queen.__version__


def test_the_server_reads_the_version_without_importing_the_client() -> None:
    code = "import sys, queen_server; print(queen_server.__version__, 'queen' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [queen.__version__, "False"]
