"""The pop routes, with long polling.

``GET /api/v1/pop/queue/{queue}``, ``GET /api/v1/pop/queue/{queue}/partition/{partition}``
and the namespace/task extension ``GET /api/v1/pop?namespace=&task=``. A pop is one database
call; with ``wait=true`` an empty answer parks the request until a push to the queue (any
server process, via LISTEN/NOTIFY) or a short re-check interval, until ``timeout``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson

from queen_server import ids, sql, validate
from queen_server.context import ServerContext
from queen_server.crypto import ENV_KEY, DecryptError
from queen_server.router import Route
from queen_server.web import (
    BadRequest,
    Receive,
    Request,
    Response,
    json_response,
    raw_json_response,
)

QUERIES = sql.queries("pop")

POP_SQL = QUERIES["pop"]
REJECT_SQL = QUERIES["reject_undecryptable"]

log = logging.getLogger("queen_server")
FILTERED_QUEUES_SQL = QUERIES["filtered_queues"]

#: longest accepted long-poll ``timeout`` (ms)
MAX_TIMEOUT_MS = 3_600_000
#: upstream's re-check cadence for parked pops: 100 ms, then growing to 1 s
FIRST_INTERVALS = 3
MAX_INTERVAL = 1.0


@dataclass(frozen=True)
class PopParams:
    queue: str
    partition: str | None
    group: str
    batch: int
    partitions: int
    wait: bool
    timeout_ms: int
    auto_ack: bool
    sub_new: bool
    sub_from: datetime | None


def parse_params(request: Request, queue: str, partition: str | None) -> PopParams:
    settings = request.ctx.settings
    group = request.query("consumerGroup", validate.QUEUE_MODE)
    assert group is not None
    if len(group) > validate.MAX_NAME_LENGTH:
        raise BadRequest(f"consumerGroup must be at most {validate.MAX_NAME_LENGTH} characters")
    batch = request.query_int("batch", settings.default_batch)
    if partition is None:
        batch = max(batch, 1)  # the queue route treats values below 1 as 1
    elif batch < 0:
        raise BadRequest(f"batch must not be negative, got {batch}")
    if batch > validate.MAX_BATCH:
        raise BadRequest(f"batch must be at most {validate.MAX_BATCH}, got {batch}")
    partitions = 1 if partition is not None else max(request.query_int("partitions", 1), 1)
    if partitions > validate.MAX_BATCH:
        raise BadRequest(f"partitions must be at most {validate.MAX_BATCH}, got {partitions}")
    wait = request.query_bool("wait", False)
    timeout_ms = request.query_int("timeout", settings.default_timeout_ms)
    if wait and not 0 <= timeout_ms <= MAX_TIMEOUT_MS:
        raise BadRequest(f"timeout must be between 0 and {MAX_TIMEOUT_MS} ms, got {timeout_ms}")
    mode = request.query("subscriptionMode", settings.default_subscription_mode) or ""
    sub_from_raw = request.query("subscriptionFrom", "") or ""
    sub_from = None if sub_from_raw in ("", "now") else validate.timestamp(sub_from_raw)
    return PopParams(
        queue=queue,
        partition=partition,
        group=group,
        batch=batch,
        partitions=partitions,
        wait=wait,
        timeout_ms=timeout_ms,
        auto_ack=request.query_bool("autoAck", False),
        sub_new=mode == "new" or sub_from_raw == "now",
        sub_from=sub_from,
    )


async def _decrypt(ctx: ServerContext, params: PopParams, body: str) -> bytes:
    """Decrypt the payloads of messages stored encrypted (marked ``_encrypted`` by SQL).

    A payload this server cannot decrypt is never handed out: the message is dead-lettered
    with the reason when it is first in line, else the claim stops before it (it is first in
    line next time), so it cannot loop."""
    data = orjson.loads(body)
    kept: list[Any] = []
    kept_per_partition: dict[str, int] = {}
    rejected: dict[str, tuple[int, str, str]] = {}  # partitionId → (kept before, txn, error)
    dead: list[tuple[str, str, str]] = []  # autoAck: every undecryptable message
    for message in data.get("messages", ()):
        partition = message["partitionId"]
        if partition in rejected:
            continue  # after an undecryptable message of its partition: delivered later
        if message.pop("_encrypted", False):
            try:
                if ctx.cipher is None:
                    raise DecryptError(f"this server has no {ENV_KEY}")
                message["data"] = ctx.cipher.decrypt(message["data"])
            except DecryptError as exc:
                error = f"Cannot decrypt the payload: {exc}"
                log.error(
                    "message %s of queue %s: %s", message["transactionId"], params.queue, error
                )
                if params.auto_ack:
                    dead.append((partition, message["transactionId"], error))
                else:
                    rejected[partition] = (
                        kept_per_partition.get(partition, 0),
                        message["transactionId"],
                        error,
                    )
                continue
        kept.append(message)
        kept_per_partition[partition] = kept_per_partition.get(partition, 0) + 1
    lease = data.get("leaseId") or ""
    for partition, (keep, txn, error) in rejected.items():
        await ctx.pool.execute(REJECT_SQL, partition, params.group, lease, keep, txn, error, False)
    for partition, txn, error in dead:
        await ctx.pool.execute(REJECT_SQL, partition, params.group, lease, 0, txn, error, True)
    data["messages"] = kept
    return orjson.dumps(data)


async def pop_once(ctx: ServerContext, params: PopParams) -> tuple[str, str]:
    """One pop attempt: (status, body) with status 'ok', 'empty' or 'paused'."""
    row = await ctx.fast.fetchrow(
        POP_SQL,
        params.queue,
        params.partition,
        params.group,
        params.batch,
        params.partitions,
        ids.uuid7(),
        params.auto_ack,
        params.sub_new,
        params.sub_from,
    )
    assert row is not None
    return row["status"], row["body"]


async def _answer(ctx: ServerContext, params: PopParams, status: str, body: str) -> Response:
    if status == "paused":
        return Response(status=204)
    if status == "ok" and '"_encrypted"' in body:
        return raw_json_response(await _decrypt(ctx, params, body))
    return raw_json_response(body)


def _timeout_body(params: PopParams) -> dict[str, Any]:
    return {
        "success": True,
        "queue": params.queue,
        "partition": params.partition or "",
        "partitionId": None,
        "leaseId": None,
        "consumerGroup": params.group,
        "messages": [],
    }


async def _disconnected(receive: Receive) -> None:
    """Returns when the client has gone away."""
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return


async def pop_with_wait(request: Request, params: PopParams) -> Response:
    ctx = request.ctx
    if not params.wait:
        status, body = await pop_once(ctx, params)
        if status == "ok":
            ctx.counters.messages_popped += body.count('"transactionId"')
        return await _answer(ctx, params, status, body)

    loop = asyncio.get_running_loop()
    deadline = loop.time() + params.timeout_ms / 1000
    hub = ctx.hub
    event = hub.register(params.queue)
    watcher: asyncio.Task[None] | None = None
    attempt = 0
    try:
        while True:
            event.clear()  # before the attempt: a push during it is not missed
            status, body = await pop_once(ctx, params)
            if status != "empty":
                if status == "ok":
                    ctx.counters.messages_popped += body.count('"transactionId"')
                return await _answer(ctx, params, status, body)
            remaining = deadline - loop.time()
            if remaining <= 0 or hub.closing:
                return json_response(_timeout_body(params))
            attempt += 1
            interval = 0.1 if attempt <= FIRST_INTERVALS else min(0.2 * attempt, MAX_INTERVAL)
            if watcher is None:
                watcher = loop.create_task(_disconnected(request.receive))
            woken = loop.create_task(event.wait())
            done, _ = await asyncio.wait(
                {woken, watcher},
                timeout=min(interval, remaining),
                return_when=asyncio.FIRST_COMPLETED,
            )
            woken.cancel()
            if watcher in done:
                return Response(status=204)  # nobody is listening any more
    finally:
        hub.unregister(params.queue, event)
        if watcher is not None:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await watcher


async def pop_queue(request: Request) -> Response:
    params = parse_params(request, request.params["queue"], None)
    return await pop_with_wait(request, params)


async def pop_partition(request: Request) -> Response:
    partition: str | None = request.params["partition"]
    if partition in ("", "null"):
        partition = None  # upstream treats these as "any partition"
    params = parse_params(request, request.params["queue"], partition)
    return await pop_with_wait(request, params)


async def pop_filtered(request: Request) -> Response:
    """Pop from the first queue (by name) of a namespace and/or task that has messages."""
    namespace = request.query("namespace")
    task = request.query("task")
    if not namespace and not task:
        raise BadRequest("namespace or task is required")
    rows = await request.ctx.pool.fetch(
        FILTERED_QUEUES_SQL,
        namespace or None,
        task or None,
    )
    names = [r["name"] for r in rows]
    first = parse_params(request, names[0] if names else "", None)
    if not names:
        return json_response({"success": False, "error": "no_available_partition", "messages": []})
    ctx = request.ctx
    loop = asyncio.get_running_loop()
    deadline = loop.time() + first.timeout_ms / 1000
    while True:
        for name in names:
            params = PopParams(**{**first.__dict__, "queue": name, "wait": False})
            status, body = await pop_once(ctx, params)
            if status != "empty":
                return await _answer(ctx, params, status, body)
        if not first.wait or loop.time() >= deadline or ctx.hub.closing:
            if first.wait:
                return json_response({**_timeout_body(first), "queue": ""})
            return json_response(
                {"success": False, "error": "no_available_partition", "messages": []}
            )
        await asyncio.sleep(min(0.2, max(deadline - loop.time(), 0)))


ROUTES = [
    Route("GET", "/api/v1/pop/queue/{queue}", pop_queue),
    Route("GET", "/api/v1/pop/queue/{queue}/partition/{partition}", pop_partition),
    Route("GET", "/api/v1/pop", pop_filtered),
]
