"""Fixtures of the streams tests: offline builders for unit tests, and a harness per client
flavour (asyncio, trio, sync) for the integration tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import anyio
import anyio.to_thread
import pytest

import queen.sync
from queen import Queen
from queen.streams import Stream

from .harness import FLAVOURS, Harness


@pytest.fixture
def offline() -> Iterator[Queen]:
    """A client whose queues are only named (nothing is sent)."""
    return Queen("http://127.0.0.1:1")


@pytest.fixture
def source(offline: Queen) -> Stream:
    return Stream.from_(offline.queue("events"))


@pytest.fixture(params=FLAVOURS)
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def anyio_backend(flavour: str) -> str:
    return "asyncio" if flavour == "sync" else flavour


@pytest.fixture
async def harness(flavour: str, server_url: str) -> AsyncIterator[Harness]:
    async with Queen(server_url) as tool:
        if flavour == "sync":
            client = await anyio.to_thread.run_sync(queen.sync.Queen, server_url)
            h = Harness(flavour, server_url, tool, client)
            try:
                yield h
            finally:
                with anyio.CancelScope(shield=True):
                    await h.stop_all()
                    await anyio.to_thread.run_sync(client.close)
            return
        async with Queen(server_url) as client:
            h = Harness(flavour, server_url, tool, client)
            try:
                yield h
            finally:
                with anyio.CancelScope(shield=True):
                    await h.stop_all()
