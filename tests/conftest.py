"""Shared fixtures: an embedded PostgreSQL, a queen_server on it, and the anyio backends.

Set QUEEN_TEST_PG_DSN to run against an existing PostgreSQL instead of an embedded one.
The server comes from queen's own pytest plugin (``queen_url``, see ``queen/pytest_plugin.py``),
started on the session's database, so this suite starts servers the way users do.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator

import pytest

from queen_server.launch import EmbeddedPostgres

# The test servers listen on loopback: never send their traffic to a proxy from the
# environment (the client would otherwise pick httpx and route through it).
_local = "127.0.0.1,localhost"
for _name in ("NO_PROXY", "no_proxy"):
    os.environ[_name] = f"{os.environ[_name]},{_local}" if os.environ.get(_name) else _local


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
def queen_pg_dsn(pg_dsn: str) -> str:
    """The plugin's ``queen_url`` server uses the session's database."""
    return pg_dsn


@pytest.fixture(scope="session")
def server_url(queen_url: str) -> str:
    """Base URL of a queen_server process (free port) on ``pg_dsn``."""
    return queen_url


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    """Every ``@pytest.mark.anyio`` test runs under asyncio and under trio."""
    return str(request.param)
