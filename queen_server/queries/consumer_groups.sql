-- Statements of queen_server/routes/consumer_groups.py (loaded by queen_server.sql).

-- name: list
WITH r AS (SELECT * FROM queen.consumer_cursors()),
    g AS (
        SELECT consumer_group, queue_name, count(*) AS members,
               count(oldest_unconsumed) AS partitions_with_lag,
               COALESCE(max(time_lag), 0) AS max_time_lag,
               bool_or(last_consumed_at IS NOT NULL OR last_consumed_seq > 0) AS consumed
        FROM r GROUP BY consumer_group, queue_name
    )
    SELECT json_agg(json_build_object(
               'name', g.consumer_group, 'topics', json_build_array(g.queue_name),
               'queueName', g.queue_name, 'members', g.members,
               'partitionsWithLag', g.partitions_with_lag, 'totalLag', NULL,
               'maxTimeLag', g.max_time_lag,
               'state', CASE WHEN g.max_time_lag > 300 THEN 'Lagging'
                             WHEN g.consumed THEN 'Stable' ELSE 'Dead' END,
               'subscriptionMode', md.subscription_mode,
               'subscriptionTimestamp', queen.fmt_ms(md.subscription_timestamp),
               'subscriptionCreatedAt', queen.fmt_ms(md.created_at))
           ORDER BY g.consumer_group, g.queue_name)
    FROM g
    LEFT JOIN LATERAL (
        SELECT * FROM queen.consumer_groups_metadata m
        WHERE m.consumer_group = g.consumer_group AND m.queue_name = g.queue_name
        ORDER BY m.partition_name LIMIT 1) md ON true

-- name: lagging
WITH r AS (SELECT * FROM queen.consumer_cursors())
    SELECT json_agg(json_build_object(
               'consumer_group', r.consumer_group, 'queue_name', r.queue_name,
               'partition_name', r.partition_name, 'partition_id', r.partition_id,
               'worker_id', r.worker_id,
               'offset_lag', queen.offset_lag(r.partition_id, r.last_consumed_seq),
               'time_lag_seconds', r.time_lag, 'lag_hours', round(r.time_lag / 3600.0, 2),
               'oldest_unconsumed_at', queen.fmt_ms(r.oldest_unconsumed),
               'last_consumed_at', queen.fmt_ms(r.last_consumed_at))
           ORDER BY r.time_lag DESC, r.consumer_group, r.queue_name, r.partition_name)
    FROM r
    WHERE r.oldest_unconsumed IS NOT NULL AND r.time_lag >= $1

-- name: detail
WITH r AS (SELECT * FROM queen.consumer_cursors($1))
    SELECT json_object_agg(queue_name, json_build_object('partitions', parts))
    FROM (
        SELECT r.queue_name, json_agg(json_build_object(
                   'partition', r.partition_name, 'workerId', r.worker_id,
                   'lastConsumedAt', queen.fmt_ms(r.last_consumed_at),
                   'totalConsumed', r.total_messages_consumed,
                   'offsetLag', queen.offset_lag(r.partition_id, r.last_consumed_seq),
                   'timeLagSeconds', r.time_lag,
                   'leaseActive', COALESCE(r.lease_expires_at > now(), false))
               ORDER BY r.partition_name) AS parts
        FROM r GROUP BY r.queue_name ORDER BY r.queue_name
    ) per_queue

-- name: delete
WITH cursors AS (
    DELETE FROM queen.partition_consumers c
    USING queen.partitions p, queen.queues q
    WHERE c.consumer_group = $1 AND p.id = c.partition_id AND q.id = p.queue_id
      AND ($2::text IS NULL OR q.name = $2)
    RETURNING 1
),
metadata AS (
    DELETE FROM queen.consumer_groups_metadata
    WHERE $3 AND consumer_group = $1 AND ($2::text IS NULL OR queue_name = $2)
    RETURNING 1
)
SELECT (SELECT count(*) FROM cursors) AS deleted, (SELECT count(*) FROM metadata) AS meta

-- name: subscription
WITH upd AS (
    UPDATE queen.consumer_groups_metadata SET subscription_timestamp = $2
    WHERE consumer_group = $1 RETURNING 1
)
SELECT count(*) FROM upd

-- name: seek
SELECT queen.admin_seek($1, $2, $3, $4)

-- name: partition_seek
SELECT queen.admin_seek_partition($1, $2, $3)

-- name: notify_push
SELECT pg_notify('queen_push', $1)

-- name: stats_refresh
SELECT pg_try_advisory_xact_lock($1) AS won,
       (SELECT count(*) FROM queen.partitions) AS partitions,
       (SELECT count(*) FROM queen.queues) AS queues,
       (SELECT count(DISTINCT namespace) FROM queen.queues WHERE namespace <> '')
           AS namespaces,
       (SELECT count(DISTINCT task) FROM queen.queues WHERE task <> '') AS tasks
