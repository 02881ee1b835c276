"""``POST /api/v1/transaction`` — acks and pushes applied all together or not at all."""

from __future__ import annotations

from typing import Any

import orjson

from queen_server import ids, sql, validate
from queen_server.router import Route
from queen_server.routes.push import parse_item
from queen_server.web import BadRequest, Request, Response, describe, raw_json_response

QUERIES = sql.queries("transaction")

TRANSACTION_SQL = QUERIES["transaction"]


def _push_ops(op: dict[str, Any], where: str) -> list[dict[str, Any]]:
    """The flattened push operations of one ``push`` op (``items`` form or flat form)."""
    if "items" in op:
        items = op["items"]
        if not isinstance(items, list):
            raise BadRequest(f"{where}.items must be an array, got {describe(items)}")
        flat = [(item, f"{where}.items[{i}]", None) for i, item in enumerate(items)]
    else:
        flat = [(op, where, op.get("messageId"))]
    result = []
    for item, item_where, message_id in flat:
        queue, partition, txn, trace, _ = parse_item(item, item_where)
        assert isinstance(item, dict)
        if "payload" in item:
            payload = item["payload"]
        elif item is op and "data" in item:
            payload = item["data"]
        else:
            payload = {}
        mid = (
            validate.uuid_text(message_id, f"{item_where}.messageId") if message_id else ids.uuid7()
        )
        result.append(
            {
                "type": "push",
                "queue": queue,
                "partition": partition,
                "transactionId": txn or ids.uuid4(),
                "traceId": trace,
                "payload": payload,
                "messageId": mid,
            }
        )
    return result


def _ack_op(op: dict[str, Any], where: str) -> dict[str, Any]:
    txn = op.get("transactionId")
    if not isinstance(txn, str):
        raise BadRequest(f"{where}.transactionId must be a string, got {describe(txn)}")
    partition = validate.uuid_text(op.get("partitionId"), f"{where}.partitionId")
    normalised: dict[str, Any] = {"type": "ack", "transactionId": txn, "partitionId": partition}
    for key in ("status", "consumerGroup", "leaseId", "error"):
        value = op.get(key)
        if value is not None and not isinstance(value, str):
            raise BadRequest(f"{where}.{key} must be a string, got {describe(value)}")
        if value is not None:
            normalised[key] = value
    return normalised


async def commit_transaction(request: Request) -> Response:
    body = await request.json_object()
    operations = body.get("operations")
    if not isinstance(operations, list):
        raise BadRequest("operations array required")
    if not operations:
        raise BadRequest("operations array cannot be empty")
    validate.batch_size(len(operations), "operations")
    ops: list[dict[str, Any]] = []
    for index, op in enumerate(operations):
        where = f"operations[{index}]"
        kind = op.get("type") if isinstance(op, dict) else None
        if kind == "push":
            assert isinstance(op, dict)
            ops.extend(_push_ops(op, where))
        elif kind == "ack":
            assert isinstance(op, dict)
            ops.append(_ack_op(op, where))
        else:
            ops.append({"type": kind})  # rejected by the database with upstream's text
    validate.batch_size(len(ops), "operations (flattened)")
    ctx = request.ctx
    pushes = [op for op in ops if op["type"] == "push"]
    encrypt = await ctx.queues_to_encrypt({op["queue"] for op in pushes})
    for op in pushes:
        if op["queue"] in encrypt and ctx.cipher is not None:
            op["payload"] = ctx.cipher.encrypt(orjson.dumps(op["payload"]))
            op["encrypted"] = True
    result = await ctx.pool.fetchval(TRANSACTION_SQL, orjson.dumps(ops).decode())
    for queue in {op["queue"] for op in pushes}:
        ctx.hub.wake(queue)
    return raw_json_response(result)


ROUTES = [Route("POST", "/api/v1/transaction", commit_transaction)]

__all__ = ["ROUTES", "commit_transaction"]
