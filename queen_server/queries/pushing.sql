-- Statements of queen_server/pushing.py (loaded by queen_server.sql).

-- name: push
SELECT buffered, partition_ids, dup_items, dup_ids FROM queen.push_batch($1, $2, $3, $4)
