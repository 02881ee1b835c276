"""A real Queen server for your tests, in one line.

    async with queen.testing.local_server() as url:      # asyncio or trio
        async with queen.Queen(url) as client: ...

    with queen.testing.local_server_sync() as url:        # plain code, unittest, threads
        with queen.sync.Queen(url) as client: ...

Each starts a ``queen_server`` process on a free port and stops it (and removes its files)
afterwards. The database is an embedded PostgreSQL created for that server, or the one named
by ``dsn`` / the ``QUEEN_TEST_PG_DSN`` environment variable. Needs the ``server`` extra
(``pip install 'queen-mq[server]'``): without it they raise an ``ImportError``
(``queen_server.extra.ServerExtraMissing``) saying so. Importing ``queen`` or this module
never needs it.

An authenticated server: ``auth={"<token>": "<role>"}`` accepts each token (at least 16
characters) with its role (``admin``, ``read-write`` or ``read-only``); clients then pass
``bearer_token=``:

    async with queen.testing.local_server(auth={TOKEN: "admin"}) as url:
        async with queen.Queen(url, bearer_token=TOKEN) as client: ...

(JWTs: pass upstream's ``JWT_*`` variables in ``env``.)

The pytest plugin (``queen.pytest_plugin``, active once queen-mq is installed) offers these
as fixtures: ``queen_url``, ``queen_client``, ``queen_sync_client``, ``queen_queue_name``.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from queen_server.launch import ServerProcess

__all__ = ["DSN_ENV", "local_server", "local_server_sync", "unique_name"]

DSN_ENV = "QUEEN_TEST_PG_DSN"


def _missing_server_extra() -> str | None:
    """What to tell the user when the ``server`` extra is not installed, else None."""
    from queen_server import extra

    absent = extra.missing()
    return extra.message(absent) if absent else None


def _auth_env(auth: Mapping[str, str] | None) -> dict[str, str]:
    """``auth`` (token → role) as the server's ``QUEEN_AUTH_TOKENS`` (each named after its
    role: that name is the ``producerSub`` of its pushes)."""
    if not auth:
        return {}
    for token, role in auth.items():
        if "," in token or not token.strip():
            raise ValueError("auth tokens must be non-empty and hold no comma")
        if role not in ("admin", "read-write", "read-only"):
            raise ValueError(f"auth role must be admin, read-write or read-only, got {role!r}")
    return {"QUEEN_AUTH_TOKENS": ",".join(f"{role}:{role}:{t}" for t, role in auth.items())}


def _server(
    dsn: str | None,
    data_dir: str | Path | None,
    env: Mapping[str, str] | None,
    startup_timeout: float,
    auth: Mapping[str, str] | None = None,
) -> ServerProcess:
    from queen_server import extra  # the package is always installed...
    from queen_server.launch import ServerProcess

    extra.require()  # ...but its dependencies only with the server extra
    merged = {**(env or {}), **_auth_env(auth)}
    return ServerProcess(
        dsn or os.environ.get(DSN_ENV) or None,
        data_dir=data_dir,
        env=merged or None,
        startup_timeout=startup_timeout,
    )


@asynccontextmanager
async def local_server(
    *,
    dsn: str | None = None,
    data_dir: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    startup_timeout: float = 90.0,
    auth: Mapping[str, str] | None = None,
) -> AsyncIterator[str]:
    """Run a ``queen_server`` on a free port for the block; yields its base URL.

    ``dsn``: PostgreSQL to use (default ``$QUEEN_TEST_PG_DSN``, else an embedded PostgreSQL in
    ``data_dir`` or a temporary directory). ``env``: extra environment for the server
    (e.g. ``QUEEN_ENCRYPTION_KEY``). ``auth``: token → role (``admin``, ``read-write``,
    ``read-only``); the server then refuses requests without one of these tokens. Works under
    asyncio and trio. Raises ``ImportError`` (``queen_server.extra.ServerExtraMissing``) when
    the ``server`` extra is not installed.
    """
    async with _server(dsn, data_dir, env, startup_timeout, auth) as server:
        yield server.url


@contextmanager
def local_server_sync(
    *,
    dsn: str | None = None,
    data_dir: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    startup_timeout: float = 90.0,
    auth: Mapping[str, str] | None = None,
) -> Iterator[str]:
    """The blocking twin of :func:`local_server`: ``with local_server_sync() as url:``."""
    with _server(dsn, data_dir, env, startup_timeout, auth) as server:
        yield server.url


def unique_name(base: str = "q", scope: str = "test") -> str:
    """A queue name no other test uses: ``<scope>-<base>-<random hex>`` (safe characters)."""
    cleaned = re.sub(r"[^A-Za-z0-9_.]+", "-", f"{scope}-{base}").strip("-")[:120]
    return f"{cleaned}-{uuid.uuid4().hex[:8]}"
