"""``GET /api/v1/dlq`` — dead-lettered messages (protocol §3.13).

Upstream's keys and order (most recently failed first, ``id`` = the message id, payloads as
stored), plus what its documentation promises and its code does not do: a ``total`` field,
working ``limit``/``offset``, and the ``partition``, ``from`` and ``to`` filters (``from`` and
``to`` bound the time the message was dead-lettered).
"""

from __future__ import annotations

from queen_server.router import Route
from queen_server.routes.admin_common import page, query_text, query_timestamp
from queen_server.web import Request, Response, raw_json_response

DLQ_SQL = """
    WITH hits AS (
        SELECT d.*, q.name AS queue_name, p.name AS partition_name,
               count(*) OVER () AS total
        FROM queen.dead_letter_queue d
        JOIN queen.partitions p ON p.id = d.partition_id
        JOIN queen.queues q ON q.id = p.queue_id
        WHERE ($1::text IS NULL OR q.name = $1)
          AND ($2::text IS NULL OR d.consumer_group = $2)
          AND ($3::text IS NULL OR p.name = $3)
          AND ($4::timestamptz IS NULL OR d.failed_at >= $4)
          AND ($5::timestamptz IS NULL OR d.failed_at <= $5)
    ),
    paged AS (
        SELECT * FROM hits ORDER BY failed_at DESC, id LIMIT $6 OFFSET $7
    )
    SELECT json_build_object(
        'messages', COALESCE((
            SELECT json_agg(json_build_object(
                       'id', d.message_id, 'transactionId', d.transaction_id,
                       'partitionId', d.partition_id, 'queue', d.queue_name,
                       'partition', d.partition_name, 'consumerGroup', d.consumer_group,
                       'errorMessage', d.error_message, 'retryCount', d.retry_count,
                       'data', m.payload, 'producerSub', m.producer_sub,
                       'createdAt', queen.fmt_ms(d.original_created_at),
                       'failedAt', queen.fmt_ms(d.failed_at))
                   ORDER BY d.failed_at DESC, d.id)
            FROM paged d
            JOIN queen.messages m
              ON m.partition_id = d.partition_id AND m.transaction_id = d.transaction_id),
            '[]'::json),
        'total', COALESCE((SELECT max(total) FROM hits), 0),
        'pagination', json_build_object('limit', $6::integer, 'offset', $7::integer))
"""


async def list_dlq(request: Request) -> Response:
    paging = page(request, 100)
    text = await request.ctx.pool.fetchval(
        DLQ_SQL,
        query_text(request, "queue"),
        query_text(request, "consumerGroup"),
        query_text(request, "partition"),
        query_timestamp(request, "from"),
        query_timestamp(request, "to"),
        paging.limit,
        paging.offset,
    )
    return raw_json_response(text)


ROUTES = [Route("GET", "/api/v1/dlq", list_dlq)]
