"""``POST /api/v1/ack`` and ``POST /api/v1/ack/batch`` — one database call per request."""

from __future__ import annotations

from typing import Any

from queen_server import sql, validate
from queen_server.router import Route
from queen_server.web import BadRequest, Request, Response, describe, raw_json_response

QUERIES = sql.queries("ack")

ACK_SQL = QUERIES["ack"]


class AckItems:
    """Validated acknowledgements as the column arrays the SQL function takes."""

    def __init__(self) -> None:
        self.txns: list[str] = []
        self.partitions: list[str] = []
        self.statuses: list[str] = []
        self.groups: list[str] = []
        self.leases: list[str] = []
        self.errors: list[str | None] = []

    def add(
        self, txn: str, partition: str, status: str, group: str, lease: str, error: str | None
    ) -> None:
        self.txns.append(txn)
        self.partitions.append(partition)
        self.statuses.append(status)
        self.groups.append(group)
        self.leases.append(lease)
        self.errors.append(error)


def _status(value: Any, field: str) -> str:
    if value is None:
        return "completed"
    if not isinstance(value, str):
        raise BadRequest(f"{field} must be a string, got {describe(value)}")
    return value


def _lease(value: Any, field: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadRequest(f"{field} must be a string, got {describe(value)}")
    return value


def _error_text(value: Any, field: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise BadRequest(f"{field} must be a string, got {describe(value)}")


def _group(value: Any, default: str) -> str:
    return value if isinstance(value, str) else default


async def run_acks(request: Request, items: AckItems) -> Response:
    body = await request.ctx.fast.fetchval(
        ACK_SQL,
        items.txns,
        items.partitions,
        items.statuses,
        items.groups,
        items.leases,
        items.errors,
    )
    return raw_json_response(body)


async def ack(request: Request) -> Response:
    body = await request.json_object()
    txn = body.get("transactionId")
    if not isinstance(txn, str):
        raise BadRequest("transactionId is required")
    partition = validate.uuid_text(
        body.get("partitionId"),
        "partitionId",
        missing="partitionId is required to ensure message uniqueness",
    )
    items = AckItems()
    items.add(
        txn,
        partition,
        _status(body.get("status"), "status"),
        _group(body.get("consumerGroup"), validate.QUEUE_MODE),
        _lease(body.get("leaseId"), "leaseId"),
        _error_text(body.get("error"), "error") or "",
    )
    return await run_acks(request, items)


async def ack_batch(request: Request) -> Response:
    body = await request.json_object()
    acks = body.get("acknowledgments")
    if not isinstance(acks, list):
        raise BadRequest("acknowledgments array is required")
    if not acks:
        return raw_json_response(b"[]")
    validate.batch_size(len(acks), "acknowledgments")
    top_group = body.get("consumerGroup")
    items = AckItems()
    for index, entry in enumerate(acks):
        where = f"acknowledgments[{index}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("transactionId"), str):
            raise BadRequest("Each acknowledgment must have a valid transactionId string")
        partition = validate.uuid_text(
            entry.get("partitionId"),
            f"{where}.partitionId",
            missing="Each acknowledgment must have a valid partitionId string to ensure "
            "message uniqueness",
        )
        group = (
            top_group
            if isinstance(top_group, str)
            else _group(entry.get("consumerGroup"), validate.QUEUE_MODE)
        )
        items.add(
            entry["transactionId"],
            partition,
            _status(entry.get("status"), f"{where}.status"),
            group,
            _lease(entry.get("leaseId"), f"{where}.leaseId"),
            _error_text(entry.get("error"), f"{where}.error"),
        )
    return await run_acks(request, items)


ROUTES = [
    Route("POST", "/api/v1/ack", ack),
    Route("POST", "/api/v1/ack/batch", ack_batch),
]
