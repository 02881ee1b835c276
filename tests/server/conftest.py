"""Fixtures of the server tests: an HTTP client, unique queue names, extra databases."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import anyio
import asyncpg
import httpx
import pytest


@pytest.fixture
def http(server_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server_url, timeout=60) as client:
        yield client


@pytest.fixture
def queue() -> str:
    """A queue name no other test uses."""
    return f"t-{uuid.uuid4().hex[:12]}"


def new_database(pg_dsn: str, prefix: str = "qs") -> str:
    """Create a brand-new, empty database on the test PostgreSQL; return its DSN."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"

    async def create() -> None:
        conn = await asyncpg.connect(pg_dsn)
        try:
            await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()

    anyio.run(create)
    parts = urlsplit(pg_dsn)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


@pytest.fixture
def fresh_dsn(pg_dsn: str) -> str:
    """A DSN of a brand-new, empty database on the test PostgreSQL."""
    return new_database(pg_dsn)
