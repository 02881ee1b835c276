-- Statements of queen_server/context.py (loaded by queen_server.sql).

-- name: encryption_flags
SELECT name, encryption_enabled FROM queen.queues WHERE name = ANY($1::text[])
