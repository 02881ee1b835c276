"""Shared fixtures: an embedded PostgreSQL, a queen_server on it, and the anyio backends.

Set QUEEN_TEST_PG_DSN to run against an existing PostgreSQL instead of an embedded one.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator

import pytest

from queen_server.launch import EmbeddedPostgres, ServerProcess


@pytest.fixture(scope="session")
def pg_dsn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """DSN of a PostgreSQL for the whole test session."""
    external = os.environ.get("QUEEN_TEST_PG_DSN")
    if external:
        yield external
        return
    database = EmbeddedPostgres(tmp_path_factory.mktemp("pg"), delete=True)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
            dsn = database.start()
        yield dsn
    finally:
        database.stop()


@pytest.fixture(scope="session")
def server_url(pg_dsn: str) -> Iterator[str]:
    """Base URL of a queen_server process (free port) on ``pg_dsn``."""
    with ServerProcess(pg_dsn) as server:
        yield server.url


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    """Every ``@pytest.mark.anyio`` test runs under asyncio and under trio."""
    return str(request.param)
