-- Statements of queen_server/routes/dlq.py (loaded by queen_server.sql).

-- name: dlq
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
