-- Statements of queen_server/routes/status.py (loaded by queen_server.sql).

-- name: status
WITH q AS (SELECT * FROM queen.queues q WHERE 
    ($1::text IS NULL OR q.name = $1) AND ($2::text IS NULL OR q.namespace = $2)
    AND ($3::text IS NULL OR q.task = $3)
),
    s AS (SELECT * FROM queen.partition_stats(ARRAY(SELECT id FROM q))),
    buckets AS (
        SELECT b FROM generate_series(date_trunc('minute', $4::timestamptz),
                                      date_trunc('minute', $5::timestamptz),
                                      make_interval(mins => $6)) AS b
    ),
    ingested AS (
        SELECT date_trunc('minute', $4::timestamptz) + make_interval(mins => $6 * floor(
                   EXTRACT(EPOCH FROM m.created_at - date_trunc('minute', $4::timestamptz))
                   / ($6 * 60))::integer) AS b,
               count(*) AS n
        FROM queen.messages m JOIN queen.partitions p ON p.id = m.partition_id
        WHERE p.queue_id IN (SELECT id FROM q) AND m.created_at >= $4 AND m.created_at <= $5
        GROUP BY 1
    ),
    leases AS (
        SELECT c.* FROM queen.partition_consumers c
        JOIN queen.partitions p ON p.id = c.partition_id
        WHERE p.queue_id IN (SELECT id FROM q) AND c.lease_expires_at > now()
    ),
    dlq AS (
        SELECT d.* FROM queen.dead_letter_queue d
        JOIN queen.partitions p ON p.id = d.partition_id
        WHERE p.queue_id IN (SELECT id FROM q)
    )
    SELECT json_build_object(
        'throughput', COALESCE((
            SELECT json_agg(json_build_object(
                       'timestamp', queen.fmt_s(b.b),
                       'ingested', COALESCE(i.n, 0),
                       'processed', 0, 'popMessages', 0,
                       'ingestedPerSecond', round(COALESCE(i.n, 0) / ($6 * 60.0), 2),
                       'processedPerSecond', 0.0, 'popPerSecond', 0.0,
                       'avgLagMs', 0, 'maxLagMs', 0, 'ackFailed', 0, 'dbErrors', NULL,
                       'dlqCount', NULL, 'avgEventLoopLagMs', NULL, 'maxEventLoopLagMs', NULL,
                       'minFreeSlots', NULL, 'dbPoolActive', NULL, 'dbPoolIdle', NULL,
                       'dbPoolSize', NULL, 'queenCpuSysPct', NULL, 'queenCpuUserPct', NULL,
                       'queenRssMb', NULL)
                   ORDER BY b.b DESC)
            FROM buckets b LEFT JOIN ingested i ON i.b = b.b), '[]'::json),
        'queues', COALESCE((
            SELECT json_agg(json_build_object(
                       'id', q.id, 'name', q.name, 'namespace', q.namespace, 'task', q.task,
                       'partitions', (SELECT count(*) FROM s WHERE s.queue_id = q.id),
                       'totalConsumed', (SELECT COALESCE(sum(c.total_messages_consumed), 0)
                                         FROM queen.partition_consumers c
                                         JOIN queen.partitions p ON p.id = c.partition_id
                                         WHERE p.queue_id = q.id))
                   ORDER BY q.created_at, q.name)
            FROM q), '[]'::json),
        'messages', (SELECT json_build_object(
                         'total', COALESCE(sum(total), 0), 'pending', COALESCE(sum(pending), 0),
                         'processing', COALESCE(sum(processing), 0),
                         'completed', COALESCE(sum(completed), 0), 'failed', 0,
                         'deadLetter', COALESCE(sum(dead_letter), 0))
                     FROM s),
        'leases', (SELECT json_build_object(
                       'active', count(*), 'partitionsWithLeases', count(DISTINCT partition_id),
                       'totalBatchSize', COALESCE(sum(batch_size), 0),
                       'totalAcked', COALESCE(sum(acked_count), 0))
                   FROM leases),
        'deadLetterQueue', json_build_object(
            'totalMessages', (SELECT count(*) FROM dlq),
            'affectedPartitions', (SELECT count(DISTINCT partition_id) FROM dlq),
            'topErrors', COALESCE((
                SELECT json_agg(json_build_object('error', e.error, 'count', e.n)
                                ORDER BY e.n DESC, e.error)
                FROM (SELECT COALESCE(error_message, '') AS error, count(*) AS n FROM dlq
                      GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5) e), '[]'::json)))

-- name: status_queues
WITH q AS (
    SELECT * FROM queen.queues q
    WHERE ($1::text IS NULL OR q.namespace = $1) AND ($2::text IS NULL OR q.task = $2)
    ORDER BY q.created_at DESC, q.name LIMIT $3 OFFSET $4
),
s AS (SELECT * FROM queen.partition_stats(ARRAY(SELECT id FROM q)))
SELECT json_build_object(
    'queues', COALESCE((
        SELECT json_agg(json_build_object(
                   'id', q.id, 'name', q.name, 'namespace', q.namespace, 'task', q.task,
                   'createdAt', queen.fmt_ms(q.created_at),
                   'partitions', (SELECT count(*) FROM s WHERE s.queue_id = q.id),
                   'messages', (SELECT json_build_object(
                                    'total', COALESCE(sum(total), 0),
                                    'pending', COALESCE(sum(pending), 0),
                                    'processing', COALESCE(sum(processing), 0))
                                FROM s WHERE s.queue_id = q.id))
               ORDER BY q.created_at DESC, q.name)
        FROM q), '[]'::json),
    'pagination', json_build_object('limit', $3::integer, 'offset', $4::integer))

-- name: status_queue
WITH q AS (SELECT * FROM queen.queues WHERE name = $1),
s AS (SELECT * FROM queen.partition_stats(ARRAY(SELECT id FROM q))),
totals AS (
    SELECT queen.counts_json(sum(total)::bigint, sum(pending)::bigint,
                             sum(processing)::bigint, sum(completed)::bigint,
                             sum(dead_letter)::bigint)::jsonb AS counts
    FROM s
)
SELECT json_build_object(
    'queue', json_build_object(
        'id', q.id, 'name', q.name, 'namespace', q.namespace, 'task', q.task,
        'priority', q.priority, 'createdAt', queen.fmt_ms(q.created_at),
        'config', json_build_object(
            'leaseTime', q.lease_time, 'retryLimit', q.retry_limit,
            'retryDelay', q.retry_delay, 'ttl', q.ttl, 'maxQueueSize', q.max_queue_size,
            'deadLetterQueue', q.dead_letter_queue)),
    'partitions', COALESCE((
        SELECT json_agg(json_build_object(
                   'id', p.id, 'name', p.name, 'createdAt', queen.fmt_ms(p.created_at),
                   'messages', queen.counts_json(s.total, s.pending, s.processing,
                                                 s.completed, s.dead_letter),
                   'stats', queen.counts_json(s.total, s.pending, s.processing,
                                              s.completed, s.dead_letter),
                   'cursor', json_build_object('totalConsumed', s.total_consumed,
                                               'batchesConsumed', s.batches_consumed),
                   'lastActivity', queen.fmt_ms(COALESCE(p.last_activity,
                                                         p.last_message_at, p.created_at)),
                   'oldestMessage', queen.fmt_ms(s.oldest),
                   'newestMessage', queen.fmt_ms(s.newest))
               ORDER BY p.created_at, p.name)
        FROM queen.partitions p JOIN s ON s.partition_id = p.id), '[]'::json),
    'totals', (SELECT (counts || jsonb_build_object('messages', counts))::json FROM totals))
FROM q

-- name: status_queue_messages
WITH q AS (SELECT * FROM queen.queues WHERE name = $1),
paged AS (
    SELECT m.partition_id, m.seq, m.id, m.transaction_id, m.created_at,
           p.name AS partition_name, q.name AS queue_name
    FROM q JOIN queen.partitions p ON p.queue_id = q.id
    JOIN queen.messages m ON m.partition_id = p.id
    ORDER BY m.created_at DESC, m.id DESC LIMIT $2 OFFSET $3
)
SELECT json_agg(json_build_object(
           'id', m.id, 'transactionId', m.transaction_id, 'partitionId', m.partition_id,
           'queuePath', m.queue_name || '/' || m.partition_name, 'queue', m.queue_name,
           'partition', m.partition_name,
           'status', CASE
               WHEN EXISTS (SELECT 1 FROM queen.dead_letter_queue d
                            WHERE d.partition_id = m.partition_id
                              AND d.transaction_id = m.transaction_id) THEN 'dead_letter'
               WHEN c.last_consumed_seq >= m.seq THEN 'completed'
               WHEN c.lease_expires_at > now() THEN 'processing'
               ELSE 'pending' END,
           'createdAt', queen.fmt_ms(m.created_at))
       ORDER BY m.created_at DESC, m.id DESC)
FROM paged m
LEFT JOIN queen.partition_consumers c
       ON c.partition_id = m.partition_id AND c.consumer_group = '__QUEUE_MODE__'

-- name: analytics
WITH buckets AS (
       SELECT b FROM generate_series(date_trunc($4, $5::timestamptz),
                                     date_trunc($4, $6::timestamptz),
                                     $7::text::interval) AS b
   ),
   counts AS (
       SELECT date_trunc($4, m.created_at) AS b, count(*) AS n
       FROM queen.messages m
       JOIN queen.partitions p ON p.id = m.partition_id
       JOIN queen.queues q ON q.id = p.queue_id
       WHERE 
   ($1::text IS NULL OR q.name = $1) AND ($2::text IS NULL OR q.namespace = $2)
   AND ($3::text IS NULL OR q.task = $3)
AND m.created_at >= $5 AND m.created_at <= $6
       GROUP BY 1
   )
   SELECT json_agg(json_build_object('timestamp', queen.fmt_ms(b.b),
                                     'messages', COALESCE(c.n, 0)) ORDER BY b.b)
   FROM buckets b LEFT JOIN counts c ON c.b = b.b

-- name: buffered
SELECT count(*) FROM queen.push_buffer
