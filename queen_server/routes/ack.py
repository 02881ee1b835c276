"""``POST /api/v1/ack`` and ``POST /api/v1/ack/batch`` — one database call per request."""

from __future__ import annotations

from typing import Any

import asyncpg
import orjson

from queen_server import ids, sql, validate
from queen_server.lanes import Lanes
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

    def document(self) -> tuple[str, str]:
        """The arguments of ``queen.ack_document``: the transactionIds as a JSON array, and
        the other columns as one JSON object, where a column whose items all hold the same
        value travels as that value."""
        columns = {
            "pid": _column(self.partitions),
            "status": _column(self.statuses),
            "group": _column(self.groups),
            "lease": _column(self.leases),
            "error": _column(self.errors),
        }
        return orjson.dumps(self.txns).decode(), orjson.dumps(columns).decode()

    def answer(self, outcome: str) -> bytes:
        """Upstream's ack answer from the ``outcome`` of ``queen.ack_completed``."""
        decided = orjson.loads(outcome)
        names: dict[str, list[str]] = decided["names"] or {}
        nameless = [None, None]
        answer: list[dict[str, Any]] = []
        append = answer.append
        for index, (txn, partition, flag) in enumerate(
            zip(self.txns, self.partitions, decided["items"], strict=True)
        ):
            queue_name, partition_name = names.get(partition, nameless)
            found = flag != "0"
            append(
                {
                    "index": index,
                    "transactionId": txn,
                    "success": found,
                    "error": None if found else "Message not found",
                    "queueName": queue_name,
                    "partitionName": partition_name,
                    "leaseReleased": flag == "2",
                    "dlq": False,
                }
            )
        return orjson.dumps(answer)


def _column(values: list[Any]) -> Any:
    """``values``, or its one value when every element is that value."""
    if values and values.count(values[0]) == len(values):
        return values[0]
    return values


async def acknowledge(conn: Lanes | asyncpg.Connection, items: AckItems) -> str | bytes:
    """Apply ``items`` in one database call; upstream's JSON answer."""
    row = await conn.fetchrow(ACK_SQL, *items.document())
    assert row is not None
    answer: str | None = row["answer"]
    return items.answer(row["outcome"]) if answer is None else answer


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
    return raw_json_response(await acknowledge(request.ctx.fast, items))


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
    items = _usual_columns(acks, top_group)
    if items is None:
        items = _checked_columns(acks, top_group)
    return await run_acks(request, items)


#: the types an entry's optional string fields may have on the hot path
_STR_OR_NONE = frozenset({str, type(None)})


def _usual_columns(acks: list[Any], top_group: Any) -> AckItems | None:
    """The columns of a batch whose entries all have the usual field types, else None.

    The hot path of every ack, column by column: a batch of 100 usually holds one
    partition, one lease and one status, so only distinct values are checked."""
    if {entry.__class__ for entry in acks} != {dict}:
        return None
    txns = [entry.get("transactionId") for entry in acks]
    if {txn.__class__ for txn in txns} != {str}:
        return None
    partitions = [entry.get("partitionId") for entry in acks]
    if {p.__class__ for p in partitions} != {str}:
        return None
    distinct = set(partitions)
    if not all(ids.is_uuid(p) for p in distinct):
        return None
    if any(p != p.lower() for p in distinct):
        lowered = {p: p.lower() for p in distinct}
        partitions = [lowered[p] for p in partitions]
    statuses = [entry.get("status") for entry in acks]
    leases = [entry.get("leaseId") for entry in acks]
    errors = [entry.get("error") for entry in acks]
    if not (
        {s.__class__ for s in statuses} <= _STR_OR_NONE
        and {lease.__class__ for lease in leases} <= _STR_OR_NONE
        and {e.__class__ for e in errors} <= _STR_OR_NONE
    ):
        return None
    if None in statuses:
        statuses = ["completed" if s is None else s for s in statuses]
    if None in leases:
        leases = ["" if lease is None else lease for lease in leases]
    if top_group.__class__ is str:
        groups = [top_group] * len(acks)
    else:
        groups = [entry.get("consumerGroup") for entry in acks]
        if {g.__class__ for g in groups} != {str}:
            groups = [g if g.__class__ is str else validate.QUEUE_MODE for g in groups]
    items = AckItems()
    items.txns, items.partitions, items.statuses = txns, partitions, statuses
    items.groups, items.leases, items.errors = groups, leases, errors
    return items


def _checked_columns(acks: list[Any], top_group: Any) -> AckItems:
    """The columns of any batch: entries with the usual field types go straight in, any other
    one goes through the checks that word the errors (400 naming the entry and the field)."""
    items = AckItems()
    txns, partitions, statuses = items.txns, items.partitions, items.statuses
    groups, leases, errors = items.groups, items.leases, items.errors
    is_uuid = ids.is_uuid
    for index, entry in enumerate(acks):
        if entry.__class__ is dict:
            txn = entry.get("transactionId")
            partition = entry.get("partitionId")
            status = entry.get("status")
            lease = entry.get("leaseId")
            error = entry.get("error")
            group = top_group if top_group.__class__ is str else entry.get("consumerGroup")
            if (
                txn.__class__ is str
                and partition.__class__ is str
                and is_uuid(partition)
                and (status is None or status.__class__ is str)
                and (lease is None or lease.__class__ is str)
                and (error is None or error.__class__ is str)
            ):
                txns.append(txn)
                partitions.append(partition.lower())
                statuses.append("completed" if status is None else status)
                groups.append(group if group.__class__ is str else validate.QUEUE_MODE)
                leases.append("" if lease is None else lease)
                errors.append(error)
                continue
        _add_checked(items, entry, index, top_group)
    return items


def _add_checked(items: AckItems, entry: Any, index: int, top_group: Any) -> None:
    """Check one entry field by field (400 naming the field) and add it."""
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


ROUTES = [
    Route("POST", "/api/v1/ack", ack),
    Route("POST", "/api/v1/ack/batch", ack_batch),
]
