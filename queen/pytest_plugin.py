"""pytest plugin of queen-mq (entry point ``queen``): fixtures for testing with a Queen server.

Nothing starts when the plugin loads; a server starts the first time a test asks for one of
its fixtures, and serves the whole session:

* ``queen_url`` (session): base URL of a local ``queen_server`` (embedded PostgreSQL, or
  ``$QUEEN_TEST_PG_DSN``), or of the server named by ``$QUEEN_TEST_URL``;
* ``queen_client`` (per test, async): an open :class:`queen.Queen` on it — for tests marked
  ``@pytest.mark.anyio`` (anyio's pytest plugin runs it under the test's backend);
* ``queen_sync_client`` (per test): an open :class:`queen.sync.Queen`;
* ``queen_queue_name`` (per test): ``queen_queue_name("orders")`` gives a queue name unique to
  the test; those queues are deleted after it;
* ``queen_pg_dsn`` (session): the database ``queen_url``'s server uses — override it in your
  ``conftest.py`` to share a database you already start;
* ``queen_auth_token`` (session): ``None`` by default; override it to return a token (16
  characters or more) and the local server only accepts that token (role ``admin``), while
  ``queen_client``, ``queen_sync_client`` and ``queen_queue_name`` send it.

Starting a local server needs the ``server`` extra (``pip install 'queen-mq[server]'``); the
plugin itself does not. Without the extra, a test using ``queen_url`` (or a fixture built on
it) errors with that instruction while the rest of the suite runs: an error rather than a
skip, so a run that tested nothing against the queue cannot pass unnoticed.

Disable the plugin with ``-p no:queen``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from queen import Queen
    from queen.sync import Queen as SyncQueen

URL_ENV = "QUEEN_TEST_URL"


@pytest.fixture(scope="session")
def queen_pg_dsn() -> str | None:
    """PostgreSQL DSN for ``queen_url``'s server; ``None`` starts an embedded one."""
    from queen.testing import DSN_ENV

    return os.environ.get(DSN_ENV) or None


@pytest.fixture(scope="session")
def queen_auth_token() -> str | None:
    """The bearer token of ``queen_url``'s server (None: no authentication)."""
    return None


@pytest.fixture(scope="session")
def queen_url(queen_pg_dsn: str | None, queen_auth_token: str | None) -> Iterator[str]:
    """Base URL of a Queen server for the whole session (started on first use)."""
    external = os.environ.get(URL_ENV)
    if external:
        yield external.rstrip("/")
        return
    from queen.testing import _missing_server_extra, local_server_sync

    problem = _missing_server_extra()
    if problem:
        # an error, not a skip: a run without the extra must not look green
        pytest.fail(f"{problem} (or set {URL_ENV} to a running Queen server)", pytrace=False)
    auth = {queen_auth_token: "admin"} if queen_auth_token else None
    with local_server_sync(dsn=queen_pg_dsn, auth=auth) as url:
        yield url


@pytest.fixture
def queen_queue_name(
    request: pytest.FixtureRequest, queen_url: str, queen_auth_token: str | None
) -> Iterator[Callable[..., str]]:
    """``queen_queue_name("orders")`` → a queue name unique to this test (deleted after it)."""
    from queen.testing import unique_name

    names: list[str] = []

    def make(base: str = "q") -> str:
        name = unique_name(base, scope=request.node.name)
        names.append(name)
        return name

    yield make
    if names:
        from queen.sync import Queen as SyncQueen

        with SyncQueen(queen_url, retry_attempts=1, bearer_token=queen_auth_token) as client:
            for name in names:
                # best effort: the test may have deleted it already
                with contextlib.suppress(Exception):
                    client.queue(name).delete()


@pytest.fixture
async def queen_client(
    queen_url: str, queen_auth_token: str | None, anyio_backend: Any
) -> AsyncIterator[Queen]:
    """An open async client on ``queen_url``, closed after the test."""
    from queen import Queen

    async with Queen(queen_url, bearer_token=queen_auth_token) as client:
        yield client


@pytest.fixture
def queen_sync_client(queen_url: str, queen_auth_token: str | None) -> Iterator[SyncQueen]:
    """An open blocking client on ``queen_url``, closed after the test."""
    from queen.sync import Queen as SyncQueen

    with SyncQueen(queen_url, bearer_token=queen_auth_token) as client:
        yield client
