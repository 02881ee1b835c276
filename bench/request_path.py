"""The server's own work per push request, with the database taken out.

The request's bytes are fed to queen_server's HTTP protocol (uvicorn's httptools protocol with
the server's limits) in process, the app handles them as it would, the push statement's answer
comes from a stub, and the answer is written to a transport that only records it. What is
measured is CPU per request: HTTP parsing, routing, validation, the statement's arguments and
the answer. The baseline, measured in the same run, is a bare httptools handler doing the same
parsing, the same statement arguments and an answer of the same shape, and nothing else: no
limits, no routing, no ASGI. The two take turns, three rounds.
"""

from __future__ import annotations

import asyncio
import logging
import statistics
import time
import uuid
from collections.abc import Callable
from typing import Any

import httptools
import orjson
import uvicorn
import uvloop
from uvicorn.server import ServerState

from bench._report import machine, table
from queen_server.app import QueenApp
from queen_server.config import Settings
from queen_server.context import ServerContext
from queen_server.notify import WaiterHub
from queen_server.protocol import protocol_class
from queen_server.pushing import PUSH_ONE_SQL, PUSH_SQL
from queen_server.routes.push import parse_items

QUEUE = "bench"
REQUESTS = 20_000
ROUNDS = 3
PAYLOAD = {
    "order": 12345,
    "customer": "c-0001",
    "items": [{"sku": "A-1", "qty": 2}],
    "note": "x" * 40,
}
ROW = {"buffered": False, "partition_ids": [uuid.uuid4()], "dup_items": None, "dup_ids": None}


def _request(batch: int) -> bytes:
    items = [{"queue": QUEUE, "partition": "p0", "payload": PAYLOAD} for _ in range(batch)]
    body = orjson.dumps({"items": items})
    head = (
        b"POST /api/v1/push HTTP/1.1\r\nhost: 127.0.0.1:6632\r\n"
        b"content-type: application/json\r\ncontent-length: %d\r\n\r\n" % len(body)
    )
    return head + body


class _StubLanes:
    """The push statement's answer, one event-loop turn later (as a reply from the socket)."""

    async def fetchrow(self, query: str, *args: Any) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        reply: asyncio.Future[dict[str, Any]] = loop.create_future()
        loop.call_soon(reply.set_result, ROW)
        return await reply

    async def fetchval(self, query: str, *args: Any) -> Any:
        """The single-message statement's answer: the partition id."""
        return (await self.fetchrow(query, *args))["partition_ids"][0]


class _Transport(asyncio.Transport):
    def __init__(self) -> None:
        super().__init__()
        self.answered: asyncio.Future[bytes] | None = None
        self.closing = False

    def write(self, data: bytes | bytearray | memoryview) -> None:  # type: ignore[override]
        if self.answered is not None and not self.answered.done():
            self.answered.set_result(bytes(data))

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return ("127.0.0.1", 9) if name in ("peername", "sockname") else default

    def is_closing(self) -> bool:
        return self.closing

    def close(self) -> None:
        self.closing = True

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass

    def set_write_buffer_limits(self, high: int | None = None, low: int | None = None) -> None:
        pass


Feed = Callable[[bytes], None]


async def _drive(feed: Feed, transport: _Transport, request: bytes, count: int) -> float:
    """CPU seconds per request for ``count`` requests, one at a time on one connection."""
    loop = asyncio.get_running_loop()
    start = time.process_time()
    for _ in range(count):
        transport.answered = loop.create_future()
        feed(request)
        answer = await transport.answered
        if b'"queued"' not in answer:
            raise RuntimeError(f"unexpected answer: {answer[:200]!r}")
    return (time.process_time() - start) / count


def _queen_server() -> tuple[Feed, _Transport]:
    settings = Settings(dsn="unused")
    app = QueenApp(settings)
    ctx = ServerContext(settings=settings, pool=None, hub=WaiterHub(), lanes=_StubLanes())  # type: ignore[arg-type]
    ctx.encryption_flags[QUEUE] = False
    app._ctx = ctx
    protocol_type = protocol_class(settings.limits)
    config = uvicorn.Config(
        app, http=protocol_type, ws="none", lifespan="off", access_log=False, proxy_headers=False
    )
    config.load()
    protocol = protocol_type(config=config, server_state=ServerState(), app_state={})
    transport = _Transport()
    protocol.connection_made(transport)
    return protocol.data_received, transport


def _bare() -> tuple[Feed, _Transport]:
    transport = _Transport()
    lanes = _StubLanes()

    async def handle(raw: bytes) -> None:
        batch = parse_items(orjson.loads(raw)["items"])
        batch.seal()
        if len(batch) == 1:
            pid = str(await lanes.fetchval(PUSH_ONE_SQL, *batch.one_arguments()))
        else:
            row = await lanes.fetchrow(PUSH_SQL, *batch.arguments())
            pid = str(row["partition_ids"][0])
        answer = orjson.dumps(
            [
                {
                    "index": i,
                    "transaction_id": txn,
                    "status": "queued",
                    "message_id": mid,
                    "partition_id": pid,
                    "trace_id": None,
                    "queueName": QUEUE,
                }
                for i, (txn, mid) in enumerate(zip(batch.txns, batch.msg_ids, strict=True))
            ]
        )
        head = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n"
        transport.write(head % len(answer) + answer)

    class Handler:
        def __init__(self) -> None:
            self.body: list[bytes] = []
            self.tasks: set[asyncio.Task[None]] = set()

        def on_body(self, body: bytes) -> None:
            self.body.append(body)

        def on_message_complete(self) -> None:
            raw, self.body = b"".join(self.body), []
            task = asyncio.get_running_loop().create_task(handle(raw))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    parser = httptools.HttpRequestParser(Handler())
    return parser.feed_data, transport


async def _measure(batch: int) -> tuple[list[float], list[float]]:
    request = _request(batch)
    queen, bare = _queen_server(), _bare()
    for feed, transport in (queen, bare):
        await _drive(feed, transport, request, 500)  # warm-up
    queen_s: list[float] = []
    bare_s: list[float] = []
    for _ in range(ROUNDS):
        bare_s.append(await _drive(*bare, request, REQUESTS // batch))
        queen_s.append(await _drive(*queen, request, REQUESTS // batch))
    return queen_s, bare_s


def run() -> None:
    logging.getLogger("queen_server").setLevel(logging.CRITICAL)
    print(f"machine: {machine()}; rounds: {ROUNDS}, one connection, database stubbed")
    rows = []
    for batch in (1, 10, 100):
        queen_s, bare_s = uvloop.run(_measure(batch))
        ratios = sorted(q / b for q, b in zip(queen_s, bare_s, strict=True))
        rows.append(
            [
                f"push, batch {batch}",
                f"{statistics.median(bare_s) * 1e6:.1f}",
                f"{statistics.median(queen_s) * 1e6:.1f}",
                f"{statistics.median(ratios):.2f}x ({ratios[0]:.2f}-{ratios[-1]:.2f})",
            ]
        )
    print(
        table(
            ["request (CPU µs)", "bare httptools handler", "queen_server", "queen / bare"],
            rows,
        )
    )


if __name__ == "__main__":
    run()
