-- Statements of queen_server/routes/configure.py (loaded by queen_server.sql).

-- name: configure
SELECT queue_id, partition_id FROM queen.configure_queue($1, $2, $3, $4::jsonb)
