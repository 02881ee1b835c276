"""The README fixture: a clean slate on the session's server for each run of each block."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

# the checks live in plain modules: let pytest explain their failing asserts
pytest.register_assert_rewrite("readme.harness", "readme.specs")

import queen  # noqa: E402
from queen import QueenError  # noqa: E402

from .blocks import Block, read, string_arguments  # noqa: E402
from .harness import RUNNERS, Run, spec_for  # noqa: E402

_QUEUE_CALLS = {"queue", "delete_queue", "get_queue", "clear_queue", "get_queue_detail"}
_GROUP_CALLS = {
    "group",
    "dlq",
    "get_consumer_group",
    "delete_consumer_group",
    "delete_consumer_group_for_queue",
    "seek_consumer_group",
    "seek_consumer_group_partition",
    "update_consumer_group_subscription",
    "update_consumer_group_timestamp",
}


def readme_names() -> tuple[set[str], set[str]]:
    """The queues and consumer groups the README's examples name (what a run may leave)."""
    code = "\n".join(b.code for b in read().python)
    return string_arguments(code, _QUEUE_CALLS, "queue"), string_arguments(code, _GROUP_CALLS)


async def clean(server: queen.Queen) -> None:
    """Delete every queue and consumer group a README block may have made."""
    queues, groups = readme_names()
    for name in sorted(queues):
        await server.queue(name).delete()
    for group in sorted(groups):
        with contextlib.suppress(QueenError):  # never made: nothing to delete
            await server.admin.delete_consumer_group(group, delete_metadata=True)


@pytest.fixture
def anyio_backend(flavour: str) -> str:
    """asyncio and trio run under their own loop; the other flavours need one to drive them."""
    return flavour if flavour in ("asyncio", "trio") else "asyncio"


@pytest.fixture
async def readme(
    server_url: str, pg_dsn: str, tmp_path: Path, anyio_backend: str
) -> AsyncIterator[Callable[[Block, str], Awaitable[Run]]]:
    """``await readme(block, flavour)`` runs the block, with its placeholders, and checks it.

    Before and after, the README's queues and consumer groups are deleted, so no run sees
    another's leftovers (the three flavours of a block included).
    """
    async with queen.Queen(server_url) as server:
        await clean(server)

        async def run(block: Block, flavour: str) -> Run:
            spec = spec_for(block)
            folder = tmp_path / flavour
            folder.mkdir()
            outcome = Run(block, flavour, server_url, server, folder, pg_dsn=pg_dsn)
            if spec.seed is not None:
                await spec.seed(server)
            await RUNNERS[flavour](outcome, spec)  # runs the block, then its check
            return outcome

        try:
            yield run
        finally:
            await clean(server)
