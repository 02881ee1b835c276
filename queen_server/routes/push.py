"""``POST /api/v1/push`` — one database call per request, whatever the batch size.

The answer is built here from what the request already says plus the partition ids (and the
duplicates) the database returns.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import orjson

from queen_server import validate
from queen_server.context import ServerContext
from queen_server.pushing import PushBatch, PushResult, write_batch
from queen_server.router import Route
from queen_server.web import (
    BadRequest,
    Request,
    Response,
    describe,
    json_response,
)

DEFAULT_PARTITION = "Default"

#: names that passed ``validate.name`` (a check of the text alone), so that an item naming them
#: takes the hot path of ``parse_items`` from a request's first item on; bounded, as names
#: come from clients
_VALID_NAMES: set[str] = {DEFAULT_PARTITION}
_VALID_NAMES_LIMIT = 4096


def parse_item(item: Any, where: str) -> tuple[str, str, str | None, str | None, Any]:
    """(queue, partition, transactionId or None, traceId or None, payload) of one item."""
    if not isinstance(item, dict):
        raise BadRequest(f"Queue must be a string ({where} is {describe(item)})")
    queue = item.get("queue")
    if not isinstance(queue, str):
        raise BadRequest(f"Queue must be a string ({where}.queue is {describe(queue)})")
    validate.name(queue, f"{where}.queue")
    partition = item.get("partition")
    if partition is None:
        partition = DEFAULT_PARTITION
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


def parse_items(items: list[Any], field: str = "items") -> PushBatch:
    """Validate every item (400 naming the first bad field, e.g. ``items[3].queue``) and
    group them.

    This loop is the hot path of every push: an item whose queue and partition names already
    passed, with no traceId, goes straight into the batch's columns; any other item goes
    through ``parse_item``, which checks everything and words the errors."""
    batch = PushBatch()
    known = _VALID_NAMES
    max_txn = validate.MAX_NAME_LENGTH
    counts, groups, txns = batch.counts, batch.groups, batch.txns
    traces, payloads = batch.traces, batch.payloads
    last_queue = last_partition = ""
    group = 0
    for index, item in enumerate(items):
        if item.__class__ is dict:
            queue = item.get("queue")
            partition = item.get("partition")
            if partition is None:
                partition = DEFAULT_PARTITION
            txn = item.get("transactionId")
            if (
                queue.__class__ is str
                and queue in known
                and partition.__class__ is str
                and partition in known
                and (txn is None or (txn.__class__ is str and len(txn) <= max_txn))
                and item.get("traceId") is None
            ):
                if queue != last_queue or partition != last_partition:
                    group = batch.group(queue, partition)
                    last_queue, last_partition = queue, partition
                counts[group - 1] += 1
                groups.append(group)
                txns.append(txn or None)
                traces.append(None)
                payloads.append(item.get("payload"))
                continue
        queue, partition, txn, trace, payload = parse_item(item, f"{field}[{index}]")
        if len(known) >= _VALID_NAMES_LIMIT:
            known.clear()
            known.add(DEFAULT_PARTITION)
        known.add(queue)
        known.add(partition)
        batch.add(batch.group(queue, partition), txn, trace, payload)
    return batch


async def encrypt_payloads(ctx: ServerContext, batch: PushBatch) -> None:
    """Encrypt the payloads of queues that ask for it (refused without a key)."""
    to_encrypt = await ctx.queues_to_encrypt(set(batch.queues))
    if not to_encrypt:
        return
    cipher = ctx.cipher
    assert cipher is not None  # queues_to_encrypt refuses encrypted queues without a key
    for index, payload in enumerate(batch.payloads):
        if batch.queue_of(index) in to_encrypt:
            batch.payloads[index] = cipher.encrypt(orjson.dumps(payload))
            batch.encrypted[index] = True


class ItemColumns(NamedTuple):
    """Validated push items as per-item columns, for SQL callers of ``queen.push_messages``."""

    queues: list[str]
    partitions: list[str]
    txns: list[str]
    traces: list[str | None]
    #: JSON text, encrypted where the queue asks for it
    payloads: list[str]
    encrypted: list[bool]


async def item_columns(
    ctx: ServerContext, raw_items: list[Any], field: str = "items"
) -> ItemColumns:
    """``raw_items`` (the request's ``field``) validated (400 naming the first bad field),
    transactionIds made where missing, payloads encrypted where configured."""
    batch = parse_items(raw_items, field)
    batch.seal()
    await encrypt_payloads(ctx, batch)
    count = range(len(batch))
    return ItemColumns(
        [batch.queue_of(i) for i in count],
        [batch.partition_of(i) for i in count],
        [txn for txn in batch.txns if txn is not None],
        batch.traces,
        [orjson.dumps(p).decode() for p in batch.payloads],
        [batch.encrypted.get(i, False) for i in count],
    )


async def push(request: Request) -> Response:
    body = await request.json()
    raw_items = body.get("items") if isinstance(body, dict) else None
    if not isinstance(raw_items, list):
        raise BadRequest("items array is required")
    if not raw_items:
        return json_response([], 201)
    validate.batch_size(len(raw_items), "items")
    batch = parse_items(raw_items)
    ctx = request.ctx
    identity = request.identity
    if identity is not None and identity.subject is not None:
        # upstream: the token's subject, whatever producerSub the body says
        batch.subs = dict.fromkeys(range(len(batch)), identity.subject)
    await encrypt_payloads(ctx, batch)
    result = await write_batch(ctx.fast, batch)
    if result.buffered:
        return json_response(_buffered_answer(batch), 201)
    ctx.counters.messages_pushed += len(batch) - len(result.duplicates)
    ctx.pushed(batch.queues)
    return json_response(_answer(batch, result))


def _answer(batch: PushBatch, result: PushResult) -> list[dict[str, Any]]:
    """Upstream's per-item answer, in request order."""
    partition_ids = result.partition_ids
    duplicates = result.duplicates
    queues = batch.queues
    answer: list[dict[str, Any]] = []
    append = answer.append
    for index, (group, txn, trace, mid) in enumerate(
        zip(batch.groups, batch.txns, batch.traces, batch.msg_ids, strict=True)
    ):
        existing = duplicates.get(index) if duplicates else None
        if existing is None:
            append(
                {
                    "index": index,
                    "transaction_id": txn,
                    "status": "queued",
                    "message_id": mid,
                    "partition_id": partition_ids[group - 1],
                    "trace_id": trace,
                    "queueName": queues[group - 1],
                }
            )
        else:
            append(
                {
                    "index": index,
                    "transaction_id": txn,
                    "status": "duplicate",
                    "message_id": existing,
                    "queueName": queues[group - 1],
                }
            )
    return answer


def _buffered_answer(batch: PushBatch) -> list[dict[str, str]]:
    answer = []
    for index, (given, txn) in enumerate(zip(batch.given_txn, batch.txns, strict=True)):
        entry = {
            "status": "buffered",
            "queue": batch.queue_of(index),
            "partition": batch.partition_of(index),
        }
        if given and txn is not None:
            entry["transactionId"] = txn
        answer.append(entry)
    return answer


ROUTES = [Route("POST", "/api/v1/push", push)]
