-- Statements of queen_server/retention.py (loaded by queen_server.sql).

-- name: retention
SELECT * FROM queen.retention_delete($1)

-- name: completed_retention
SELECT * FROM queen.completed_retention_delete($1)

-- name: eviction
SELECT * FROM queen.eviction_delete($1)

-- name: partition_cleanup
SELECT queen.partition_cleanup($1)

-- name: record_event
INSERT INTO queen.retention_events (queue_name, kind, messages) VALUES ($1, $2, $3)

-- name: forget_events
DELETE FROM queen.retention_events WHERE created_at < now() - make_interval(secs => $1)
