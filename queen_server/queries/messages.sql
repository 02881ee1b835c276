-- Statements of queen_server/routes/messages.py (loaded by queen_server.sql).

-- name: list
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
       SELECT m.*, st.total_groups, st.consumed_by, st.qm_lease, st.status
       FROM window_msgs m 
   CROSS JOIN LATERAL queen.message_state(m.partition_id, m.seq, m.transaction_id) st

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

-- name: detail
SELECT m.id, m.transaction_id, m.partition_id, m.trace_id, m.producer_sub,
          m.payload::text AS payload, m.is_encrypted, m.created_at,
          p.name AS partition_name, q.name AS queue_name, q.namespace, q.task,
          q.lease_time, q.retry_limit, q.retry_delay, q.ttl, q.priority,
          st.error_message, st.retry_count, st.has_qm, st.total_groups, st.consumed_by,
          st.qm_lease, st.status,
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

   CROSS JOIN LATERAL queen.message_state(m.partition_id, m.seq, m.transaction_id) st

   WHERE m.partition_id = $1 AND m.transaction_id = $2

-- name: delete
DELETE FROM queen.messages WHERE partition_id = $1 AND transaction_id = $2 RETURNING seq

-- name: retry
SELECT queen.admin_retry_message($1, $2)

-- name: move_to_dlq
SELECT queen.admin_move_message_to_dlq($1, $2, $3)
