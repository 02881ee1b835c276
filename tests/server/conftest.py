"""Fixtures of the server tests: an HTTP client, unique queue names, extra databases."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import httpx
import pytest
from integration.servers import new_database

__all__ = ["new_database"]


@pytest.fixture
def http(server_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server_url, timeout=60) as client:
        yield client


@pytest.fixture
def queue() -> str:
    """A queue name no other test uses."""
    return f"t-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def fresh_dsn(pg_dsn: str) -> str:
    """A DSN of a brand-new, empty database on the test PostgreSQL."""
    return new_database(pg_dsn)
