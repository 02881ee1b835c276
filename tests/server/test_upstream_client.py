"""The upstream client (``queen-mq==2.6.0``) still works against this server with its
stricter rules (leases on acks, retries per message) and with authentication on.

The upstream client imports as ``queen`` too, so it runs in its own virtual environment,
``.bench-venv`` (shared with ``bench/client_vs_upstream.py``; made on first use), on the
scenario in ``upstream_scenario.py``: push, pop, ack, consume with a poison message that ends
in the DLQ, a transaction.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from queen_server.launch import ServerProcess

from .auth_keys import TOKENS, TOKENS_ENV
from .conftest import new_database

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".bench-venv"
UPSTREAM = "queen-mq==2.6.0"
SCENARIO = Path(__file__).resolve().parent / "upstream_scenario.py"


def upstream_python() -> Path:
    python = VENV / "bin" / "python"
    probe = [str(python), "-c", "import importlib.metadata as m; print(m.version('queen-mq'))"]
    if python.exists():
        found = subprocess.run(probe, capture_output=True, text=True)
        if found.returncode == 0 and found.stdout.strip() == UPSTREAM.split("==")[1]:
            return python
        shutil.rmtree(VENV)
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", UPSTREAM], check=True)
    return python


@pytest.fixture(scope="module")
def guarded_url(pg_dsn: str) -> Iterator[str]:
    env = {"QUEEN_AUTH_TOKENS": TOKENS_ENV}
    with ServerProcess(new_database(pg_dsn, "qs_upstream"), env=env) as server:
        yield server.url


@pytest.mark.slow
def test_the_upstream_client_scenario(guarded_url: str, tmp_path: Path) -> None:
    python = upstream_python()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [str(python), str(SCENARIO), guarded_url, TOKENS["read-write"]],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # so that `queen` is the upstream package, not this repository's
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {
        "popped": [0, 1],
        "ack": True,
        # retryLimit 1: the poison message is retried once, then dead-lettered
        "consumed": [2, 2, 3, 4, 5],
        "dlq": [2],
        "transaction": True,
        "moved": [{"moved": {"tx": 1}}],
        "left": 0,
    }
