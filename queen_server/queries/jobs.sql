-- Statements of queen_server/jobs.py (loaded by queen_server.sql).

-- name: maintenance
SELECT queen.flag('maintenance_mode')

-- name: buffered_pushes
SELECT id, queue_name, partition_name, transaction_id, trace_id,
       payload::text AS payload, is_encrypted, producer_sub
FROM queen.push_buffer ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
