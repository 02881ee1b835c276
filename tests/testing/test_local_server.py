"""queen.testing: a local Queen server for any test suite."""

from __future__ import annotations

import pytest

import queen.testing
from queen import Queen
from queen.sync import Queen as SyncQueen


@pytest.mark.anyio
async def test_local_server_async(pg_dsn: str, anyio_backend: str) -> None:
    async with queen.testing.local_server(dsn=pg_dsn) as url:
        assert url.startswith("http://127.0.0.1:")
        q = queen.testing.unique_name("local", scope=anyio_backend)
        async with Queen(url) as client:
            await client.queue(q).push([{"data": anyio_backend}])
            (message,) = await client.queue(q).wait(True).timeout_millis(5000).pop()
            assert message["data"] == anyio_backend
            assert (await client.ack(message, True))["success"] is True
    # stopped afterwards: nothing listens on that port any more
    async with Queen(url, retry_attempts=1, timeout_millis=2000) as gone:
        with pytest.raises(queen.QueenConnectionError):
            await gone.admin.health()


def test_local_server_sync_reads_the_dsn_from_the_environment(
    pg_dsn: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(queen.testing.DSN_ENV, pg_dsn)
    with queen.testing.local_server_sync() as url, SyncQueen(url) as client:
        assert client.admin.health()["database"] == "connected"


@pytest.mark.slow
def test_local_server_sync_with_its_own_embedded_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(queen.testing.DSN_ENV, raising=False)
    with queen.testing.local_server_sync() as url, SyncQueen(url) as client:
        q = queen.testing.unique_name("embedded")
        client.queue(q).push([{"data": "fresh database"}])
        queues = [entry["name"] for entry in client.admin.list_queues()["queues"]]
        assert queues == [q]  # a database of its own: nothing from other tests


def test_unique_names() -> None:
    first = queen.testing.unique_name("orders", scope="test_x[sync-1]")
    second = queen.testing.unique_name("orders", scope="test_x[sync-1]")
    assert first != second
    assert first.startswith("test_x-sync-1-orders-")
