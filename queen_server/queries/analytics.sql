-- Statements of queen_server/routes/analytics.py (loaded by queen_server.sql).

-- name: worker_series
SELECT COALESCE(json_agg(json_build_object('b', queen.fmt_s(x.b), 'n', x.n) ORDER BY x.b),
                   '[]'::json)
   FROM (SELECT 
   (date_trunc('minute', $1::timestamptz) + make_interval(mins => $2 * floor(
       EXTRACT(EPOCH FROM m.created_at - date_trunc('minute', $1::timestamptz)) / ($2 * 60))::integer))
AS b, count(*) AS n
         FROM queen.messages m WHERE m.created_at >= $1 AND m.created_at <= $3
         GROUP BY 1) x

-- name: worker_queues
SELECT COALESCE(json_agg(json_build_object(
           'queueName', x.name, 'popCount', x.consumed, 'avgLagMs', 0, 'maxLagMs', 0)
       ORDER BY x.consumed DESC, x.name), '[]'::json)
FROM (SELECT q.name, COALESCE(sum(c.total_messages_consumed), 0) AS consumed
      FROM queen.queues q
      LEFT JOIN queen.partitions p ON p.queue_id = q.id
      LEFT JOIN queen.partition_consumers c ON c.partition_id = p.id
      GROUP BY q.name) x

-- name: worker_summary
SELECT (SELECT count(*) FROM queen.messages WHERE created_at >= $1 AND created_at <= $2)
           AS pushed,
       (SELECT count(*) FROM queen.dead_letter_queue
        WHERE failed_at >= $1 AND failed_at <= $2) AS dlq,
       (SELECT COALESCE(sum(unconsumed), 0)::bigint FROM queen.partition_stats()) AS pending

-- name: queue_lag
SELECT json_agg(json_build_object(
           'queueName', q.name, 'popCount', 0, 'avgLagMs', 0, 'maxLagMs', 0,
           'bucketTime', queen.fmt_s(date_trunc('minute', now())))
       ORDER BY q.name)
FROM queen.queues q WHERE $1::text IS NULL OR q.name = $1

-- name: queue_ops
WITH q AS (SELECT * FROM queen.queues q WHERE $4::text IS NULL OR q.name = $4),
   pushed AS (
       SELECT p.queue_id, 
   (date_trunc('minute', $1::timestamptz) + make_interval(mins => $2 * floor(
       EXTRACT(EPOCH FROM m.created_at - date_trunc('minute', $1::timestamptz)) / ($2 * 60))::integer))
AS b, count(*) AS n
       FROM queen.messages m JOIN queen.partitions p ON p.id = m.partition_id
       WHERE p.queue_id IN (SELECT id FROM q) AND m.created_at >= $1 AND m.created_at <= $3
       GROUP BY 1, 2
   ),
   created AS (
       SELECT p.queue_id, 
   (date_trunc('minute', $1::timestamptz) + make_interval(mins => $2 * floor(
       EXTRACT(EPOCH FROM p.created_at - date_trunc('minute', $1::timestamptz)) / ($2 * 60))::integer))
AS b, count(*) AS n
       FROM queen.partitions p
       WHERE p.queue_id IN (SELECT id FROM q) AND p.created_at >= $1 AND p.created_at <= $3
       GROUP BY 1, 2
   ),
   activity AS (
       SELECT COALESCE(pu.queue_id, cr.queue_id) AS queue_id, COALESCE(pu.b, cr.b) AS b,
              COALESCE(pu.n, 0) AS pushed, COALESCE(cr.n, 0) AS created
       FROM pushed pu FULL JOIN created cr ON cr.queue_id = pu.queue_id AND cr.b = pu.b
   )
   SELECT json_build_object(
       'series', COALESCE((
           SELECT json_agg(json_build_object(
                      'queueName', q.name, 'bucket', queen.fmt_s(a.b),
                      'pushMessages', a.pushed, 'pushRequests', 0,
                      'pushPerSecond', round(a.pushed / ($2 * 60.0), 2),
                      'popMessages', 0, 'popEmpty', 0, 'popPerSecond', 0.0,
                      'emptyPerSecond', 0.0, 'ackSuccess', 0, 'ackFailed', 0,
                      'ackRequests', 0, 'ackPerSecond', 0.0, 'transactions', 0,
                      'avgLagMs', 0, 'maxLagMs', 0, 'parkedCount', 0.0,
                      'partitionCount', (SELECT count(*) FROM queen.partitions p
                                         WHERE p.queue_id = q.id),
                      'partitionsCreated', a.created, 'partitionsDeleted', 0)
                  ORDER BY a.b, q.name)
           FROM activity a JOIN q ON q.id = a.queue_id), '[]'::json),
       'queues', COALESCE((SELECT json_agg(q.name ORDER BY q.name) FROM q), '[]'::json))

-- name: retention
WITH e AS (
       SELECT * FROM queen.retention_events
       WHERE created_at >= $1 AND created_at <= $3 AND ($4::text IS NULL OR queue_name = $4)
   ),
   per_bucket AS (
       SELECT 
   (date_trunc('minute', $1::timestamptz) + make_interval(mins => $2 * floor(
       EXTRACT(EPOCH FROM e.created_at - date_trunc('minute', $1::timestamptz)) / ($2 * 60))::integer))
AS b,
              COALESCE(sum(messages) FILTER (WHERE kind = 'retention'), 0) AS retention,
              COALESCE(sum(messages) FILTER (WHERE kind = 'completed_retention'), 0)
                  AS completed,
              COALESCE(sum(messages) FILTER (WHERE kind = 'eviction'), 0) AS eviction,
              sum(messages) AS total, count(*) AS events
       FROM e GROUP BY 1
   )
   SELECT json_build_object(
       'series', COALESCE((
           SELECT json_agg(json_build_object(
                      'bucket', queen.fmt_s(b), 'retentionMsgs', retention,
                      'completedRetentionMsgs', completed, 'evictionMsgs', eviction,
                      'totalMsgs', total, 'eventCount', events) ORDER BY b)
           FROM per_bucket), '[]'::json),
       'totals', json_build_object(
           'retentionMsgs', (SELECT COALESCE(sum(retention), 0) FROM per_bucket),
           'completedRetentionMsgs', (SELECT COALESCE(sum(completed), 0) FROM per_bucket),
           'evictionMsgs', (SELECT COALESCE(sum(eviction), 0) FROM per_bucket),
           'totalMsgs', (SELECT COALESCE(sum(total), 0) FROM per_bucket),
           'eventCount', (SELECT COALESCE(sum(events), 0) FROM per_bucket)))

-- name: postgres_stats
WITH tables AS (
    SELECT s.relname, s.relid, s.n_live_tup, s.n_dead_tup, s.last_vacuum,
           s.last_autovacuum, s.autovacuum_count, s.autoanalyze_count, s.n_tup_upd,
           s.n_tup_hot_upd, io.heap_blks_hit, io.heap_blks_read
    FROM pg_stat_user_tables s
    JOIN pg_statio_user_tables io ON io.relid = s.relid
    WHERE s.schemaname = 'queen'
),
indexes AS (
    SELECT relname, indexrelname, idx_blks_hit, idx_blks_read
    FROM pg_statio_user_indexes WHERE schemaname = 'queen'
),
db AS (SELECT * FROM pg_stat_database WHERE datname = current_database())
SELECT json_build_object(
    'timestamp', queen.fmt_ms(now()),
    'database', current_database(),
    'databaseCache', (SELECT json_build_object(
        'database', datname, 'cacheHits', blks_hit, 'diskReads', blks_read,
        'cacheHitRatio', round(100.0 * blks_hit / NULLIF(blks_hit + blks_read, 0), 2))
        FROM db),
    'tableCache', COALESCE((SELECT json_agg(json_build_object(
        'schema', 'queen', 'table', relname, 'cacheHits', heap_blks_hit,
        'diskReads', heap_blks_read,
        'cacheHitRatio', round(100.0 * heap_blks_hit
                               / NULLIF(heap_blks_hit + heap_blks_read, 0), 2))
        ORDER BY heap_blks_hit + heap_blks_read DESC, relname) FROM tables), '[]'::json),
    'indexCache', COALESCE((SELECT json_agg(json_build_object(
        'schema', 'queen', 'table', relname, 'index', indexrelname,
        'cacheHits', idx_blks_hit, 'diskReads', idx_blks_read,
        'cacheHitRatio', round(100.0 * idx_blks_hit
                               / NULLIF(idx_blks_hit + idx_blks_read, 0), 2))
        ORDER BY idx_blks_hit + idx_blks_read DESC, indexrelname) FROM indexes),
        '[]'::json),
    'cacheSummary', json_build_object(
        'tables', (SELECT json_build_object(
            'cacheHits', COALESCE(sum(heap_blks_hit), 0),
            'diskReads', COALESCE(sum(heap_blks_read), 0),
            'hitRatio', COALESCE(round(100.0 * sum(heap_blks_hit)
                / NULLIF(sum(heap_blks_hit) + sum(heap_blks_read), 0), 2), 0))
            FROM tables),
        'indexes', (SELECT json_build_object(
            'cacheHits', COALESCE(sum(idx_blks_hit), 0),
            'diskReads', COALESCE(sum(idx_blks_read), 0),
            'hitRatio', COALESCE(round(100.0 * sum(idx_blks_hit)
                / NULLIF(sum(idx_blks_hit) + sum(idx_blks_read), 0), 2), 0))
            FROM indexes)),
    'deadTuples', COALESCE((SELECT json_agg(json_build_object(
        'schema', 'queen', 'table', relname, 'liveTuples', n_live_tup,
        'deadTuples', n_dead_tup,
        'deadPercentage', round(100.0 * n_dead_tup / GREATEST(n_live_tup, 1), 2),
        'lastVacuum', queen.fmt_s(last_vacuum),
        'lastAutovacuum', queen.fmt_s(last_autovacuum))
        ORDER BY n_dead_tup DESC, relname) FROM tables), '[]'::json),
    'hotUpdates', COALESCE((SELECT json_agg(json_build_object(
        'schema', 'queen', 'table', relname, 'totalUpdates', n_tup_upd,
        'hotUpdates', n_tup_hot_upd,
        'hotUpdatePercentage', round(100.0 * n_tup_hot_upd / GREATEST(n_tup_upd, 1), 2))
        ORDER BY n_tup_upd DESC, relname) FROM tables WHERE n_tup_upd > 0), '[]'::json),
    'activeQueries', COALESCE((SELECT json_agg(json_build_object(
        'pid', pid, 'state', state, 'query', left(query, 200),
        'durationMs', round(EXTRACT(EPOCH FROM now() - query_start) * 1000))
        ORDER BY query_start)
        FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'active'
          AND pid <> pg_backend_pid()), '[]'::json),
    'autovacuumStatus', COALESCE((SELECT json_agg(json_build_object(
        'table', relname, 'deadTuples', n_dead_tup, 'autovacuumCount', autovacuum_count,
        'autoanalyzeCount', autoanalyze_count,
        'lastAutovacuum', queen.fmt_s(last_autovacuum))
        ORDER BY n_dead_tup DESC, relname) FROM tables WHERE n_dead_tup > 0), '[]'::json),
    'bufferConfig', (SELECT json_build_object(
        'sharedBuffers', setting,
        'sharedBuffersSize', pg_size_pretty(setting::bigint * 8192))
        FROM pg_settings WHERE name = 'shared_buffers'),
    'bufferUsage', '[]'::json,
    'tableSizes', COALESCE((SELECT json_agg(json_build_object(
        'table', relname,
        'tableSize', pg_size_pretty(pg_table_size(relid)),
        'tableSizeBytes', pg_table_size(relid),
        'indexSize', pg_size_pretty(pg_indexes_size(relid)),
        'indexSizeBytes', pg_indexes_size(relid),
        'totalSize', pg_size_pretty(pg_total_relation_size(relid)),
        'totalSizeBytes', pg_total_relation_size(relid))
        ORDER BY pg_total_relation_size(relid) DESC, relname) FROM tables), '[]'::json))
