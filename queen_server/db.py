"""PostgreSQL access: the connection pool and the schema migrations.

Schema changes live in two folders next to this module:

* ``migrations/NNNN_name.sql`` — versioned, applied once each, in order;
* ``functions/NNN_name.sql`` — the stored functions, re-applied whenever a file's content
  changes (its checksum is recorded), after the versioned migrations.

Everything is recorded in ``queen.schema_migrations``. Start-up of several processes at once
is safe: migrations run under a PostgreSQL advisory lock.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import asyncpg

log = logging.getLogger("queen_server.db")

_HERE = Path(__file__).resolve().parent
MIGRATIONS_DIR = _HERE / "migrations"
FUNCTIONS_DIR = _HERE / "functions"

# Arbitrary constant identifying "queen_server schema migration" among advisory locks.
MIGRATION_LOCK_KEY = 0x51_55_45_45_4E_01  # "QUEEN" + 1

#: Settings applied to every connection: timestamps are rendered and parsed in UTC.
SERVER_SETTINGS = {"timezone": "UTC", "application_name": "queen_server"}


@dataclass(frozen=True)
class MigrationFile:
    """One SQL file of the schema, with its version key and content checksum."""

    kind: str  # "migration" or "function"
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()


def _load(folder: Path, kind: str) -> list[MigrationFile]:
    return [
        MigrationFile(kind, path.name, path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.sql"))
    ]


def migration_files() -> list[MigrationFile]:
    """Every schema file in the order it is applied."""
    return _load(MIGRATIONS_DIR, "migration") + _load(FUNCTIONS_DIR, "function")


async def migrate(conn: asyncpg.Connection) -> list[str]:
    """Bring the schema up to date; returns the names of the files applied."""
    applied: list[str] = []
    await conn.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK_KEY)
    try:
        await conn.execute(
            """
            CREATE SCHEMA IF NOT EXISTS queen;
            CREATE TABLE IF NOT EXISTS queen.schema_migrations (
                kind text NOT NULL,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (kind, name)
            );
            """
        )
        rows = await conn.fetch("SELECT kind, name, checksum FROM queen.schema_migrations")
        known = {(r["kind"], r["name"]): r["checksum"] for r in rows}
        for file in migration_files():
            previous = known.get((file.kind, file.name))
            if previous is not None and (file.kind == "migration" or previous == file.checksum):
                continue
            async with conn.transaction():
                await conn.execute(file.sql)
                await conn.execute(
                    """
                    INSERT INTO queen.schema_migrations (kind, name, checksum)
                    VALUES ($1, $2, $3)
                    ON CONFLICT (kind, name)
                    DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = now()
                    """,
                    file.kind,
                    file.name,
                    file.checksum,
                )
            applied.append(file.name)
            log.debug("applied %s %s", file.kind, file.name)
    finally:
        await conn.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK_KEY)
    return applied


async def connect(dsn: str, **settings: str) -> asyncpg.Connection:
    """One standalone connection with the server's session settings (plus ``settings``)."""
    conn: asyncpg.Connection = await asyncpg.connect(
        dsn, server_settings={**SERVER_SETTINGS, **settings}
    )
    return conn


async def _keep_session(_conn: asyncpg.Connection) -> None:
    """Connections go back to the pool as they are (see ``create_pool``)."""


async def create_pool(dsn: str, *, min_size: int = 2, max_size: int = 20) -> asyncpg.Pool:
    """The request pool (statement cache on, UTC sessions).

    A released connection is not reset: asyncpg's default reset is one more round trip per
    request (``RESET ALL; UNLISTEN *; ...``). Handlers therefore leave no session state behind:
    no ``SET`` (use ``SET LOCAL`` in a transaction), no ``LISTEN``, no open cursors, and session
    advisory locks only through ``advisory_lock``. Open transactions are still rolled back.
    """
    pool = await asyncpg.create_pool(
        dsn,
        min_size=min_size,
        max_size=max_size,
        server_settings=SERVER_SETTINGS,
        max_inactive_connection_lifetime=300.0,
        reset=_keep_session,
    )
    assert pool is not None
    return pool


@asynccontextmanager
async def advisory_lock(pool: asyncpg.Pool, key: int) -> AsyncIterator[bool]:
    """Try a session advisory lock for the duration of the block; yields whether it was won.

    Used by background jobs that must run on one server process at a time.
    """
    async with pool.acquire() as conn:
        won = bool(await conn.fetchval("SELECT pg_try_advisory_lock($1)", key))
        try:
            yield won
        finally:
            if won:
                try:
                    await conn.execute("SELECT pg_advisory_unlock($1)", key)
                except BaseException:
                    # the pool does not reset sessions: a lock must not outlive its block
                    conn.terminate()
                    raise
