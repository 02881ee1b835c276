"""Integration scenarios: one suite, run once per client flavour.

Each scenario is written once against the async API and asks for ``connect``; the
``flavour`` parameter decides which client it talks to. ``asyncio`` and ``trio`` run
``queen.Queen`` under that event loop; ``sync`` runs ``queen.sync.Queen`` through a driver
that exposes it in the same awaitable shape (each blocking call run in a worker thread, see
``sync_driver.py``), so no scenario is copied.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import pytest

from queen import Queen

from .sync_driver import connect_sync

FLAVOURS = ["asyncio", "trio", "sync"]

Connect = Callable[..., AbstractAsyncContextManager[Any]]


@pytest.fixture(params=FLAVOURS)
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def anyio_backend(flavour: str) -> str:
    return "asyncio" if flavour not in ("asyncio", "trio") else flavour


@pytest.fixture
def connect(flavour: str, server_url: str) -> Connect:
    """``async with connect(**options) as queen`` — a client of the current flavour."""

    @asynccontextmanager
    async def open_client(urls: Any = None, **options: Any) -> AsyncIterator[Any]:
        if flavour == "sync":
            async with connect_sync(urls or server_url, **options) as queen:
                yield queen
            return
        async with Queen(urls or server_url, **options) as queen:
            yield queen

    return open_client


@pytest.fixture
def qname() -> Callable[[str], str]:
    """Unique queue names per test: ``qname('orders')`` → ``it-orders-<hex>``."""
    suffix = uuid.uuid4().hex[:10]
    return lambda base="q": f"it-{base}-{suffix}"
