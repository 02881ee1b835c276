-- Statements of queen_server/routes/resources.py (loaded by queen_server.sql).

-- name: overview
WITH s AS (SELECT * FROM queen.partition_stats()),
lag AS (
    SELECT s.unconsumed AS offset_lag,
           COALESCE(EXTRACT(EPOCH FROM now() - s.oldest_unconsumed), 0) AS time_lag
    FROM s
)
SELECT json_build_object(
    'queues', (SELECT count(*) FROM queen.queues),
    'partitions', (SELECT count(*) FROM queen.partitions),
    'namespaces', (SELECT count(DISTINCT namespace) FROM queen.queues WHERE namespace <> ''),
    'tasks', (SELECT count(DISTINCT task) FROM queen.queues WHERE task <> ''),
    'messages', (SELECT queen.counts_json(sum(total)::bigint, sum(pending)::bigint,
                                          sum(processing)::bigint, sum(completed)::bigint,
                                          sum(dead_letter)::bigint) FROM s),
    'lag', (SELECT json_build_object(
                'time', json_build_object(
                    'avg', COALESCE(round(avg(time_lag)), 0),
                    'median', COALESCE(round(percentile_cont(0.5)
                                             WITHIN GROUP (ORDER BY time_lag)), 0),
                    'min', COALESCE(round(min(time_lag)), 0),
                    'max', COALESCE(round(max(time_lag)), 0)),
                'offset', json_build_object(
                    'avg', COALESCE(round(avg(offset_lag)), 0),
                    'median', COALESCE(round(percentile_cont(0.5)
                                             WITHIN GROUP (ORDER BY offset_lag)), 0),
                    'min', COALESCE(min(offset_lag), 0),
                    'max', COALESCE(max(offset_lag), 0)))
            FROM lag),
    'throughput', json_build_object(
        'ingestedPerSecond', (SELECT round(count(*) / 60.0, 2) FROM queen.messages
                              WHERE created_at > now() - interval '1 minute'),
        'processedPerSecond', (SELECT round(count(*) / 60.0, 2)
                               FROM queen.partition_consumers
                               WHERE last_consumed_at > now() - interval '1 minute')),
    'timestamp', queen.fmt_ms(now()),
    'statsAge', 0)

-- name: queues
WITH s AS (SELECT * FROM queen.partition_stats())
SELECT json_build_object('queues', COALESCE(json_agg(json_build_object(
           'id', q.id, 'name', q.name, 'namespace', q.namespace, 'task', q.task,
           'createdAt', queen.fmt_ms(q.created_at),
           'partitions', COALESCE(a.partitions, 0),
           'messages', json_build_object('total', COALESCE(a.total, 0),
                                         'pending', COALESCE(a.pending, 0),
                                         'processing', COALESCE(a.processing, 0)))
       ORDER BY q.created_at DESC, q.name), '[]'::json))
FROM queen.queues q
LEFT JOIN (SELECT queue_id, count(*) AS partitions, sum(total) AS total,
                  sum(pending) AS pending, sum(processing) AS processing
           FROM s GROUP BY queue_id) a ON a.queue_id = q.id

-- name: queue_detail
WITH q AS (SELECT * FROM queen.queues WHERE name = $1),
s AS (SELECT * FROM queen.partition_stats(ARRAY(SELECT id FROM q)))
SELECT json_build_object(
    'id', q.id, 'name', q.name, 'namespace', q.namespace, 'task', q.task,
    'createdAt', queen.fmt_ms(q.created_at),
    'partitions', COALESCE((
        SELECT json_agg(json_build_object(
                   'id', p.id, 'name', p.name, 'createdAt', queen.fmt_ms(p.created_at),
                   'stats', queen.counts_json(s.total, s.pending, s.processing,
                                              s.completed, s.dead_letter),
                   'oldestMessage', queen.fmt_ms(s.oldest),
                   'newestMessage', queen.fmt_ms(s.newest))
               ORDER BY p.created_at, p.name)
        FROM queen.partitions p JOIN s ON s.partition_id = p.id), '[]'::json),
    'totals', (SELECT queen.counts_json(sum(total)::bigint, sum(pending)::bigint,
                                        sum(processing)::bigint, sum(completed)::bigint,
                                        sum(dead_letter)::bigint) FROM s))
FROM q

-- name: delete_queue
WITH gone AS (DELETE FROM queen.queues WHERE name = $1 RETURNING name)
SELECT (SELECT count(*) FROM gone) > 0 AS existed, pg_notify('queen_config', $1)

-- name: namespaces
WITH s AS (SELECT * FROM queen.partition_stats()),
per_queue AS (
    SELECT q.namespace AS label, q.id, count(s.partition_id) AS partitions,
           COALESCE(sum(s.total), 0) AS total, COALESCE(sum(s.pending), 0) AS pending
    FROM queen.queues q LEFT JOIN s ON s.queue_id = q.id
    WHERE q.namespace <> ''
    GROUP BY q.namespace, q.id
)
SELECT json_build_object('namespaces', COALESCE(json_agg(json_build_object(
           'namespace', g.label, 'queues', g.queues, 'partitions', g.partitions,
           'messages', json_build_object('total', g.total, 'pending', g.pending))
       ORDER BY g.label), '[]'::json))
FROM (SELECT label, count(*) AS queues, sum(partitions) AS partitions,
             sum(total) AS total, sum(pending) AS pending
      FROM per_queue GROUP BY label) g

-- name: tasks
WITH s AS (SELECT * FROM queen.partition_stats()),
per_queue AS (
    SELECT q.task AS label, q.id, count(s.partition_id) AS partitions,
           COALESCE(sum(s.total), 0) AS total, COALESCE(sum(s.pending), 0) AS pending
    FROM queen.queues q LEFT JOIN s ON s.queue_id = q.id
    WHERE q.task <> ''
    GROUP BY q.task, q.id
)
SELECT json_build_object('tasks', COALESCE(json_agg(json_build_object(
           'task', g.label, 'queues', g.queues, 'partitions', g.partitions,
           'messages', json_build_object('total', g.total, 'pending', g.pending))
       ORDER BY g.label), '[]'::json))
FROM (SELECT label, count(*) AS queues, sum(partitions) AS partitions,
             sum(total) AS total, sum(pending) AS pending
      FROM per_queue GROUP BY label) g

-- name: partitions
WITH q AS (SELECT * FROM queen.queues WHERE $1::text IS NULL OR name = $1),
s AS (SELECT * FROM queen.partition_stats(ARRAY(SELECT id FROM q))),
rows AS (
    SELECT p.*, q.name AS queue_name, q.namespace, q.task, s.total, s.pending,
           s.processing, s.completed, s.dead_letter
    FROM queen.partitions p JOIN q ON q.id = p.queue_id JOIN s ON s.partition_id = p.id
    ORDER BY q.name, p.name LIMIT $2 OFFSET $3
)
SELECT json_build_object(
    'partitions', COALESCE(json_agg(json_build_object(
        'id', r.id, 'name', r.name, 'queue', r.queue_name, 'namespace', r.namespace,
        'task', r.task, 'createdAt', queen.fmt_ms(r.created_at),
        'lastActivity', queen.fmt_ms(COALESCE(r.last_activity, r.last_message_at)),
        'messages', queen.counts_json(r.total, r.pending, r.processing, r.completed,
                                      r.dead_letter))
        ORDER BY r.queue_name, r.name), '[]'::json),
    'pagination', json_build_object('limit', $2::integer, 'offset', $3::integer))
FROM rows r

-- name: clear
SELECT queen.admin_clear_queue($1, $2)
