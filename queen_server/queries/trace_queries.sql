-- Statements of queen_server/routes/trace_queries.py (loaded by queen_server.sql).

-- name: message_traces
SELECT json_build_object('traces', COALESCE(json_agg(json_build_object(
               'id', t.id, 'event_type', t.event_type, 'data', t.data,
               'consumer_group', t.consumer_group, 'worker_id', t.worker_id,
               'created_at', queen.fmt_ms(t.created_at), 'trace_names', 
    COALESCE((SELECT json_agg(n.trace_name ORDER BY n.trace_name)
              FROM queen.message_trace_names n WHERE n.trace_id = t.id), '[]'::json)
)
           ORDER BY t.created_at, t.id), '[]'::json))
    FROM queen.message_traces t
    WHERE t.partition_id = $1 AND t.transaction_id = $2

-- name: by_name
WITH named AS (
        SELECT t.*, count(*) OVER () AS total
        FROM queen.message_trace_names nm
        JOIN queen.message_traces t ON t.id = nm.trace_id
        WHERE nm.trace_name = $1
    ),
    paged AS (
        SELECT * FROM named ORDER BY created_at, id LIMIT $2 OFFSET $3
    )
    SELECT json_build_object(
        'traces', COALESCE((
            SELECT json_agg(json_build_object(
                       'id', t.id, 'transaction_id', t.transaction_id,
                       'partition_id', t.partition_id, 'event_type', t.event_type,
                       'data', t.data, 'consumer_group', t.consumer_group,
                       'worker_id', t.worker_id, 'created_at', queen.fmt_ms(t.created_at),
                       'queue_name', q.name, 'partition_name', p.name,
                       'message_payload', m.payload, 'trace_names', 
    COALESCE((SELECT json_agg(n.trace_name ORDER BY n.trace_name)
              FROM queen.message_trace_names n WHERE n.trace_id = t.id), '[]'::json)
)
                   ORDER BY t.created_at, t.id)
            FROM paged t
            LEFT JOIN queen.messages m
                   ON m.partition_id = t.partition_id AND m.transaction_id = t.transaction_id
            LEFT JOIN queen.partitions p ON p.id = t.partition_id
            LEFT JOIN queen.queues q ON q.id = p.queue_id), '[]'::json),
        'total', COALESCE((SELECT max(total) FROM named), 0),
        'pagination', json_build_object('limit', $2::integer, 'offset', $3::integer))

-- name: names
WITH names AS (
    SELECT nm.trace_name, count(*) AS trace_count,
           count(DISTINCT (t.partition_id, t.transaction_id)) AS message_count,
           max(t.created_at) AS last_seen
    FROM queen.message_trace_names nm
    JOIN queen.message_traces t ON t.id = nm.trace_id
    GROUP BY nm.trace_name
)
SELECT json_build_object(
    'trace_names', COALESCE((
        SELECT json_agg(json_build_object(
                   'trace_name', s.trace_name, 'trace_count', s.trace_count,
                   'message_count', s.message_count, 'last_seen', queen.fmt_ms(s.last_seen))
               ORDER BY s.last_seen DESC, s.trace_name)
        FROM (SELECT * FROM names ORDER BY last_seen DESC, trace_name
              LIMIT $1 OFFSET $2) s), '[]'::json),
    'total', (SELECT count(*) FROM names),
    'pagination', json_build_object('limit', $1::integer, 'offset', $2::integer))
