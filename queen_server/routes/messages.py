"""Message inspection and management (protocol §3.14, §4.2.6) and two extensions.

* ``GET /api/v1/messages`` — messages created inside a time window (default: the last hour;
  ``to`` is rounded down to the minute plus one minute), newest first, with a derived status.
* ``GET /api/v1/messages/{partitionId}/{transactionId}`` — one message with its payload
  (decrypted), its DLQ entry and the state of every consumer group on its partition.
* ``DELETE`` on the same path — hard delete (its DLQ entries and traces go with it; cursors
  are not touched).
* ``POST …/retry`` (extension) — a dead-lettered message is delivered again: its DLQ entries
  are removed and the cursors of the groups that dead-lettered it are rewound to just before it.
* ``POST …/dlq`` (extension) — dead-letter a message for the queue-mode group.

Status rules (derived, upstream's): ``dead_letter`` if any DLQ entry references the message;
on a partition read only by named groups, ``completed`` once every group's cursor is at or past
it, else ``pending``; otherwise by the queue-mode cursor: ``completed`` at or past it,
``processing`` while the partition's queue-mode lease is live, else ``pending``.
"""

from __future__ import annotations

from typing import Any

import orjson

from queen_server import sql
from queen_server.crypto import DecryptError
from queen_server.router import Route
from queen_server.routes.admin_common import (
    fmt_ms,
    page,
    path_uuid,
    query_text,
    query_timestamp,
)
from queen_server.web import (
    BadRequest,
    Request,
    Response,
    describe,
    json_response,
    raw_json_response,
)

QUERIES = sql.queries("messages")

STATUSES = ("pending", "processing", "completed", "dead_letter")

LIST_SQL = QUERIES["list"]
DETAIL_SQL = QUERIES["detail"]
DELETE_SQL = QUERIES["delete"]
RETRY_SQL = QUERIES["retry"]
MOVE_TO_DLQ_SQL = QUERIES["move_to_dlq"]


def _status_filter(request: Request) -> str | None:
    status = query_text(request, "status")
    if status is not None and status not in STATUSES:
        raise BadRequest(f"status must be one of {', '.join(STATUSES)}, got {describe(status)}")
    return status


async def list_messages(request: Request) -> Response:
    paging = page(request, 200)
    start = query_timestamp(request, "from")
    end = query_timestamp(request, "to")
    text = await request.ctx.pool.fetchval(
        LIST_SQL,
        query_text(request, "queue"),
        query_text(request, "partition"),
        query_text(request, "ns"),
        query_text(request, "task"),
        _status_filter(request),
        start,
        end,
        paging.limit,
        paging.offset,
    )
    return raw_json_response(text)


def _decode_payload(request: Request, stored: str, encrypted: bool) -> Any:
    """The payload, decrypted when it can be; else the stored envelope
    (``{encrypted, iv, authTag}``), which cannot be mistaken for the payload."""
    if encrypted and request.ctx.cipher is not None:
        try:
            return request.ctx.cipher.decrypt(orjson.loads(stored))
        except DecryptError:
            pass
    return orjson.Fragment(stored)


async def get_message(request: Request) -> Response:
    partition_id = path_uuid(request, "partitionId")
    row = await request.ctx.pool.fetchrow(DETAIL_SQL, partition_id, request.params["transactionId"])
    if row is None:
        return json_response({"error": "Message not found"})
    bus = int(row["total_groups"])
    has_qm = bool(row["has_qm"])
    kind = "hybrid" if has_qm and bus else "queue" if has_qm else "bus" if bus else "none"
    body = {
        "id": str(row["id"]),
        "transactionId": row["transaction_id"],
        "partitionId": str(row["partition_id"]),
        "queuePath": f"{row['queue_name']}/{row['partition_name']}",
        "queue": row["queue_name"],
        "partition": row["partition_name"],
        "namespace": row["namespace"],
        "task": row["task"],
        "status": row["status"],
        "payload": _decode_payload(request, row["payload"], row["is_encrypted"]),
        "isEncrypted": row["is_encrypted"],
        "traceId": str(row["trace_id"]) if row["trace_id"] is not None else None,
        "producerSub": row["producer_sub"],
        "createdAt": fmt_ms(row["created_at"]),
        "errorMessage": row["error_message"],
        "retryCount": row["retry_count"],
        "leaseExpiresAt": fmt_ms(row["qm_lease"]) if row["status"] == "processing" else None,
        "queueConfig": {
            "leaseTime": row["lease_time"],
            "retryLimit": row["retry_limit"],
            "retryDelay": row["retry_delay"],
            "ttl": row["ttl"],
            "priority": row["priority"],
        },
        "mode": {
            "hasQueueMode": has_qm,
            "busGroupsCount": bus,
            "consumedByGroups": int(row["consumed_by"]),
            "type": kind,
        },
        "consumerGroups": orjson.Fragment(row["groups"]),
    }
    return json_response(body)


async def delete_message(request: Request) -> Response:
    partition_id = path_uuid(request, "partitionId")
    txn = request.params["transactionId"]
    seq = await request.ctx.pool.fetchval(DELETE_SQL, partition_id, txn)
    found = seq is not None
    return json_response(
        {
            "success": found,
            "partitionId": partition_id,
            "transactionId": txn,
            "message": "Message deleted successfully" if found else "Message not found",
        }
    )


async def retry_message(request: Request) -> Response:
    partition_id = path_uuid(request, "partitionId")
    txn = request.params["transactionId"]
    outcome = await request.ctx.pool.fetchval(RETRY_SQL, partition_id, txn)
    messages = {
        "not_found": "Message not found",
        "not_dead_lettered": "Message is not in the dead-letter queue",
        "ok": "Message will be delivered again",
    }
    return json_response(
        {
            "success": outcome == "ok",
            "partitionId": partition_id,
            "transactionId": txn,
            "message": messages[outcome],
        }
    )


async def move_to_dlq(request: Request) -> Response:
    partition_id = path_uuid(request, "partitionId")
    txn = request.params["transactionId"]
    outcome = await request.ctx.pool.fetchval(
        MOVE_TO_DLQ_SQL, partition_id, txn, "Moved to the dead-letter queue by an operator"
    )
    messages = {
        "not_found": "Message not found",
        "ok": "Message moved to the dead-letter queue",
    }
    return json_response(
        {
            "success": outcome == "ok",
            "partitionId": partition_id,
            "transactionId": txn,
            "message": messages[outcome],
        }
    )


ROUTES = [
    Route("GET", "/api/v1/messages", list_messages),
    Route("GET", "/api/v1/messages/{partitionId}/{transactionId}", get_message),
    Route("DELETE", "/api/v1/messages/{partitionId}/{transactionId}", delete_message),
    Route("POST", "/api/v1/messages/{partitionId}/{transactionId}/retry", retry_message),
    Route("POST", "/api/v1/messages/{partitionId}/{transactionId}/dlq", move_to_dlq),
]
