"""Integration harness: queues, streams and runners of one client flavour (asyncio, trio, or
the blocking client), with an async client (``tool``) that pushes and reads for the test."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from typing import Any

import anyio
import anyio.to_thread

import queen.sync
from queen import Queen
from queen.streams import Stream

FLAVOURS = ["asyncio", "trio", "sync"]


async def eventually(check: Callable[[], bool], seconds: float = 20) -> None:
    """Wait until ``check()`` holds (polling; fails after ``seconds``)."""
    for _ in range(int(seconds / 0.02)):
        if check():
            return
        await anyio.sleep(0.02)
    raise AssertionError(f"still not true after {seconds} s: {check}")


class Handle:
    """A running stream of any flavour, seen through async methods."""

    def __init__(self, runner: Any, sync: bool) -> None:
        self.runner = runner
        self.sync = sync

    async def stop(self) -> None:
        if self.sync:
            await anyio.to_thread.run_sync(self.runner.stop)
        else:
            await self.runner.stop()

    def metrics(self) -> dict[str, Any]:
        return dict(self.runner.metrics())

    async def state(self, partition: str) -> dict[str, Any]:
        if self.sync:
            return dict(await anyio.to_thread.run_sync(self.runner.state, partition))
        return dict(await self.runner.state(partition))


class Harness:
    """Queues, streams and runners of one flavour; ``tool`` (async) pushes and reads."""

    def __init__(self, flavour: str, url: str, tool: Queen, client: Any) -> None:
        self.flavour = flavour
        self.url = url
        self.tool = tool
        self.client = client
        self.Stream: Any = queen.sync.Stream if flavour == "sync" else Stream
        suffix = uuid.uuid4().hex[:8]
        self.name: Callable[[str], str] = lambda base: f"st-{base}-{suffix}"
        self.handles: list[Handle] = []

    def queue(self, name: str) -> Any:
        """A builder of the flavour's client (for ``from_`` and ``to``)."""
        return self.client.queue(name)

    async def create(self, name: str, **config: Any) -> None:
        await self.tool.queue(name).config({"leaseTime": 2, **config}).create()

    async def push(self, name: str, partition: str, payloads: list[Any]) -> None:
        await self.tool.queue(name).partition(partition).push([{"data": p} for p in payloads])

    async def start(self, stream: Any, query_id: str, **options: Any) -> Handle:
        options.setdefault("max_wait_millis", 200)  # stop() waits for the poll in progress
        if self.flavour == "sync":
            start = functools.partial(stream.start, query_id, **options)
            handle = Handle(await anyio.to_thread.run_sync(start), True)
        else:
            handle = Handle(await stream.run(query_id, **options), False)
        self.handles.append(handle)
        return handle

    async def stop_all(self) -> None:
        for handle in self.handles:
            await handle.stop()

    async def drain(
        self,
        name: str,
        until: Callable[[list[Any]], bool],
        seconds: float = 20,
        group: str | None = None,
    ) -> list[Any]:
        """Read ``name`` (auto-ack) until ``until(payloads)`` holds; the payloads read."""
        got: list[Any] = []
        builder = self.tool.queue(name).batch(1000).partitions(50).auto_ack(True)
        if group:
            builder = builder.group(group)
        with anyio.move_on_after(seconds):
            while not until(got):
                messages = await builder.wait(True).timeout_millis(200).pop()
                got += [m["data"] for m in messages]
        return got
