"""``POST /api/v1/push`` — one database call per request, whatever the batch size."""

from __future__ import annotations

from typing import Any

import orjson

from queen_server import ids, validate
from queen_server.context import ServerContext
from queen_server.router import Route
from queen_server.web import (
    BadRequest,
    Request,
    Response,
    describe,
    json_response,
    raw_json_response,
)

PUSH_SQL = "SELECT buffered, body FROM queen.push_messages($1, $2, $3, $4, $5, $6, $7, $8)"


class PushItems:
    """Validated push items, as the column arrays the SQL function takes."""

    __slots__ = ("encrypted", "given_txn", "partitions", "payloads", "queues", "traces", "txns")

    def __init__(self) -> None:
        self.queues: list[str] = []
        self.partitions: list[str] = []
        self.txns: list[str] = []
        self.given_txn: list[bool] = []
        self.traces: list[str | None] = []
        self.payloads: list[Any] = []
        self.encrypted: list[bool] = []

    def __len__(self) -> int:
        return len(self.queues)


def parse_item(item: Any, where: str) -> tuple[str, str, str | None, str | None, Any]:
    """(queue, partition, transactionId or None, traceId or None, payload) of one item."""
    if not isinstance(item, dict):
        raise BadRequest(f"Queue must be a string ({where} is {describe(item)})")
    queue = item.get("queue")
    if not isinstance(queue, str):
        raise BadRequest(f"Queue must be a string ({where}.queue is {describe(queue)})")
    validate.name(queue, f"{where}.queue")
    partition = item.get("partition", "Default")
    if partition is None:
        partition = "Default"
    if not isinstance(partition, str):
        raise BadRequest(f"Partition must be a string ({where}.partition is {describe(partition)})")
    validate.name(partition, f"{where}.partition")
    txn = item.get("transactionId")
    if txn is not None and not isinstance(txn, str):
        raise BadRequest(
            f"TransactionId must be a string ({where}.transactionId is {describe(txn)})"
        )
    if txn:
        validate.optional_text(txn, f"{where}.transactionId")
    trace = item.get("traceId")
    if trace is not None and not isinstance(trace, str):
        raise BadRequest(f"TraceId must be a string ({where}.traceId is {describe(trace)})")
    trace_id = validate.uuid_text(trace, f"{where}.traceId") if trace else None
    return queue, partition, txn or None, trace_id, item.get("payload")


def parse_items(items: list[Any]) -> PushItems:
    parsed = PushItems()
    for index, item in enumerate(items):
        queue, partition, txn, trace, payload = parse_item(item, f"items[{index}]")
        parsed.queues.append(queue)
        parsed.partitions.append(partition)
        parsed.given_txn.append(txn is not None)
        parsed.txns.append(txn if txn is not None else ids.uuid4())
        parsed.traces.append(trace)
        parsed.payloads.append(payload)
    return parsed


async def encode_payloads(ctx: ServerContext, items: PushItems) -> list[str]:
    """Payloads as JSON text, encrypted for queues that ask for it (when a key is set)."""
    to_encrypt = await ctx.queues_to_encrypt(set(items.queues))
    texts: list[str] = []
    flags: list[bool] = []
    for queue, payload in zip(items.queues, items.payloads, strict=True):
        raw = orjson.dumps(payload)
        if queue in to_encrypt and ctx.cipher is not None:
            texts.append(orjson.dumps(ctx.cipher.encrypt(raw)).decode())
            flags.append(True)
        else:
            texts.append(raw.decode())
            flags.append(False)
    items.encrypted = flags
    return texts


async def push(request: Request) -> Response:
    body = await request.json()
    raw_items = body.get("items") if isinstance(body, dict) else None
    if not isinstance(raw_items, list):
        raise BadRequest("items array is required")
    if not raw_items:
        return json_response([], 201)
    validate.batch_size(len(raw_items), "items")
    items = parse_items(raw_items)
    ctx = request.ctx
    payloads = await encode_payloads(ctx, items)
    row = await ctx.pool.fetchrow(
        PUSH_SQL,
        items.queues,
        items.partitions,
        items.txns,
        items.traces,
        payloads,
        items.encrypted,
        ids.uuid7_batch(len(items)),
        [None] * len(items),
    )
    assert row is not None
    if row["buffered"]:
        return json_response(_buffered_answer(items), 201)
    ctx.counters.messages_pushed += len(items)
    for queue in set(items.queues):
        ctx.hub.wake(queue)
    return raw_json_response(row["body"])


def _buffered_answer(items: PushItems) -> list[dict[str, str]]:
    answer = []
    for i in range(len(items)):
        entry = {"status": "buffered", "queue": items.queues[i], "partition": items.partitions[i]}
        if items.given_txn[i]:
            entry["transactionId"] = items.txns[i]
        answer.append(entry)
    return answer


ROUTES = [Route("POST", "/api/v1/push", push)]
