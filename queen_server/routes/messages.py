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

STATUSES = ("pending", "processing", "completed", "dead_letter")

# Per message `m`: its consumer groups (named vs queue mode) and whether it is dead-lettered.
GROUP_STATE = """
    LEFT JOIN LATERAL (
        SELECT count(*) FILTER (WHERE c.consumer_group <> '__QUEUE_MODE__') AS total_groups,
               count(*) FILTER (WHERE c.consumer_group <> '__QUEUE_MODE__'
                                  AND c.last_consumed_seq >= m.seq) AS consumed_by,
               COALESCE(bool_or(c.consumer_group = '__QUEUE_MODE__'), false) AS has_qm,
               COALESCE(bool_or(c.consumer_group = '__QUEUE_MODE__'
                                AND c.last_consumed_seq >= m.seq), false) AS qm_done,
               max(c.lease_expires_at) FILTER (WHERE c.consumer_group = '__QUEUE_MODE__'
                                                 AND c.lease_expires_at > now()) AS qm_lease
        FROM queen.partition_consumers c WHERE c.partition_id = m.partition_id
    ) g ON true
    LEFT JOIN LATERAL (
        SELECT d.error_message, d.retry_count FROM queen.dead_letter_queue d
        WHERE d.partition_id = m.partition_id AND d.transaction_id = m.transaction_id
        ORDER BY d.failed_at DESC LIMIT 1
    ) dl ON true
"""

STATUS_EXPR = """
    CASE WHEN dl.retry_count IS NOT NULL THEN 'dead_letter'
         WHEN NOT g.has_qm AND g.total_groups > 0 THEN
             CASE WHEN g.consumed_by = g.total_groups THEN 'completed' ELSE 'pending' END
         WHEN g.qm_done THEN 'completed'
         WHEN g.qm_lease IS NOT NULL THEN 'processing'
         ELSE 'pending' END
"""

LIST_SQL = f"""
    WITH window_msgs AS (
        SELECT m.partition_id, m.seq, m.id, m.transaction_id, m.trace_id, m.producer_sub,
               m.created_at, p.name AS partition_name, q.name AS queue_name,
               q.namespace, q.task, q.priority
        FROM queen.queues q
        JOIN queen.partitions p ON p.queue_id = q.id
        JOIN queen.messages m ON m.partition_id = p.id
        WHERE ($1::text IS NULL OR q.name = $1) AND ($2::text IS NULL OR p.name = $2)
          AND ($3::text IS NULL OR q.namespace = $3) AND ($4::text IS NULL OR q.task = $4)
          AND m.created_at >= COALESCE($6::timestamptz, now() - interval '1 hour')
          AND m.created_at < date_trunc('minute', COALESCE($7::timestamptz, now()))
                             + interval '1 minute'
    ),
    with_status AS (
        SELECT m.*, g.total_groups, g.consumed_by, g.qm_lease, {STATUS_EXPR} AS status
        FROM window_msgs m {GROUP_STATE}
    ),
    paged AS (
        SELECT * FROM with_status WHERE ($5::text IS NULL OR status = $5)
        ORDER BY created_at DESC, id DESC LIMIT $8 OFFSET $9
    ),
    mode AS (
        SELECT COALESCE(bool_or(c.consumer_group = '__QUEUE_MODE__'), false) AS has_qm,
               count(DISTINCT c.consumer_group)
                   FILTER (WHERE c.consumer_group <> '__QUEUE_MODE__') AS bus
        FROM queen.partition_consumers c
        JOIN queen.partitions p ON p.id = c.partition_id
        JOIN queen.queues q ON q.id = p.queue_id
        WHERE $1::text IS NULL OR q.name = $1
    )
    SELECT json_build_object(
        'messages', COALESCE((
            SELECT json_agg(json_build_object(
                       'id', s.id, 'transactionId', s.transaction_id,
                       'partitionId', s.partition_id,
                       'queuePath', s.queue_name || '/' || s.partition_name,
                       'queue', s.queue_name, 'partition', s.partition_name,
                       'namespace', s.namespace, 'task', s.task,
                       'status', s.status, 'queueStatus', s.status,
                       'busStatus', json_build_object('consumedBy', s.consumed_by,
                                                      'totalGroups', s.total_groups),
                       'traceId', s.trace_id, 'producerSub', s.producer_sub,
                       'queuePriority', s.priority, 'createdAt', queen.fmt_ms(s.created_at),
                       'leaseExpiresAt', CASE WHEN s.status = 'processing'
                                              THEN queen.fmt_ms(s.qm_lease) END)
                   ORDER BY s.created_at DESC, s.id DESC)
            FROM paged s), '[]'::json),
        'mode', (SELECT json_build_object(
                     'hasQueueMode', has_qm, 'busGroupsCount', bus,
                     'type', CASE WHEN has_qm AND bus > 0 THEN 'hybrid'
                                  WHEN has_qm THEN 'queue'
                                  WHEN bus > 0 THEN 'bus' ELSE 'none' END)
                 FROM mode))
"""

DETAIL_SQL = f"""
    SELECT m.id, m.transaction_id, m.partition_id, m.trace_id, m.producer_sub,
           m.payload::text AS payload, m.is_encrypted, m.created_at,
           p.name AS partition_name, q.name AS queue_name, q.namespace, q.task,
           q.lease_time, q.retry_limit, q.retry_delay, q.ttl, q.priority,
           dl.error_message, dl.retry_count, g.has_qm, g.total_groups, g.consumed_by,
           g.qm_lease, {STATUS_EXPR} AS status,
           COALESCE((SELECT json_agg(json_build_object(
                         'name', c.consumer_group,
                         'consumed', COALESCE(c.last_consumed_seq >= m.seq, false),
                         'leaseExpiresAt', queen.fmt_ms(c.lease_expires_at))
                     ORDER BY c.consumer_group)
                     FROM queen.partition_consumers c WHERE c.partition_id = m.partition_id),
                    '[]'::json)::text AS groups
    FROM queen.messages m
    JOIN queen.partitions p ON p.id = m.partition_id
    JOIN queen.queues q ON q.id = p.queue_id
    {GROUP_STATE}
    WHERE m.partition_id = $1 AND m.transaction_id = $2
"""

DELETE_SQL = """
    DELETE FROM queen.messages WHERE partition_id = $1 AND transaction_id = $2 RETURNING seq
"""

RETRY_SQL = "SELECT queen.admin_retry_message($1, $2)"
MOVE_TO_DLQ_SQL = "SELECT queen.admin_move_message_to_dlq($1, $2, $3)"


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
    if encrypted and request.ctx.cipher is not None:
        return request.ctx.cipher.decrypt(orjson.loads(stored))
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
