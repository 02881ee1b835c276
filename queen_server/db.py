"""PostgreSQL access: the connection pool and the schema.

The schema moves forward only, in two kinds of steps, both recorded in the database:

* tables: ``migrations/NNNN_name.sql`` — versioned, applied once each, in order, recorded in
  ``queen.schema_migrations``. They only add (columns, tables, indexes), so a server of the
  previous version keeps working while a newer one runs beside it;
* functions: every ``functions/*.sql`` file, installed together into a schema of their own
  named after the server version and a hash of their text (``queen_server.sql``), recorded
  in ``queen.function_sets``. A new version installs a new schema; nothing is replaced.

A server refuses to start against a database holding migrations it does not know (migrated by
a newer version). A start that finds everything in place writes nothing: the check reads two
tables. Otherwise the changes are made under a PostgreSQL advisory lock, so several processes
may start at once.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import asyncpg

from queen_server import __version__, sql

log = logging.getLogger("queen_server.db")

_HERE = Path(__file__).resolve().parent
MIGRATIONS_DIR = _HERE / "migrations"

# Arbitrary constant identifying "queen_server schema migration" among advisory locks.
MIGRATION_LOCK_KEY = 0x51_55_45_45_4E_01  # "QUEEN" + 1

#: Settings applied to every connection: timestamps are rendered and parsed in UTC.
SERVER_SETTINGS = {"timezone": "UTC", "application_name": "queen_server"}

_SCHEMA_QUERIES = sql.queries("schema")


class SchemaTooNew(RuntimeError):
    """The database was migrated by a newer server version than this one."""


@dataclass(frozen=True)
class MigrationFile:
    """One versioned table migration, with its content checksum."""

    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()


def migration_files() -> list[MigrationFile]:
    """Every table migration, in the order it is applied."""
    return [
        MigrationFile(path.name, path.read_text(encoding="utf-8"))
        for path in sorted(MIGRATIONS_DIR.glob("*.sql"))
    ]


@dataclass(frozen=True)
class SchemaState:
    """What the database holds, compared with what this server needs."""

    missing: list[MigrationFile]
    functions_installed: bool

    @property
    def up_to_date(self) -> bool:
        return not self.missing and self.functions_installed


async def schema_state(conn: asyncpg.Connection) -> SchemaState:
    """Read (never write) the schema's state; ``SchemaTooNew`` when a newer server migrated
    the database."""
    files = migration_files()
    applied: set[str] = set()
    if await conn.fetchval("SELECT to_regclass('queen.schema_migrations') IS NOT NULL"):
        applied = {r["name"] for r in await conn.fetch(_SCHEMA_QUERIES["applied_migrations"])}
    unknown = sorted(applied - {f.name for f in files})
    if unknown:
        raise SchemaTooNew(
            f"the database was migrated by a newer queen-server: it holds migration(s) "
            f"{', '.join(unknown)}, which queen-server {__version__} does not know. Run that "
            "newer version (or a later one); a schema is never migrated backwards"
        )
    installed = False
    if await conn.fetchval("SELECT to_regclass('queen.function_sets') IS NOT NULL"):
        checksum = await conn.fetchval(_SCHEMA_QUERIES["function_set"], sql.FUNCTION_SCHEMA)
        if checksum is not None and checksum != sql.FUNCTIONS_CHECKSUM:
            raise RuntimeError(
                f"function schema {sql.FUNCTION_SCHEMA} holds other functions than this "
                "server's (checksum differs): it was made by another build"
            )
        installed = checksum is not None
    return SchemaState([f for f in files if f.name not in applied], installed)


async def migrate(conn: asyncpg.Connection) -> list[str]:
    """Bring the schema up to date; returns what was applied (migration file names, then the
    function schema's name), empty when nothing was needed."""
    if (await schema_state(conn)).up_to_date:
        return []
    applied: list[str] = []
    await conn.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK_KEY)
    try:
        await conn.execute(_SCHEMA_QUERIES["bootstrap"])
        state = await schema_state(conn)  # another process may have done it meanwhile
        for file in state.missing:
            async with conn.transaction():
                await conn.execute(file.sql)
                await conn.execute(_SCHEMA_QUERIES["record_migration"], file.name, file.checksum)
            applied.append(file.name)
            log.info("applied migration %s", file.name)
        if not state.functions_installed:
            await _install_functions(conn)
            applied.append(sql.FUNCTION_SCHEMA)
    finally:
        await conn.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK_KEY)
    return applied


async def _install_functions(conn: asyncpg.Connection) -> None:
    schema = sql.FUNCTION_SCHEMA
    async with conn.transaction():
        # a schema left by an interrupted install cannot exist (this is one transaction)
        await conn.execute(f'CREATE SCHEMA "{schema}"')
        for name, text in sql.install_script(schema):
            try:
                await conn.execute(text)
            except asyncpg.PostgresError as exc:
                raise RuntimeError(f"installing functions/{name} failed: {exc}") from exc
        await conn.execute(
            _SCHEMA_QUERIES["record_function_set"], schema, sql.FUNCTIONS_CHECKSUM, __version__
        )
    log.info("installed the functions in schema %s", schema)


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
