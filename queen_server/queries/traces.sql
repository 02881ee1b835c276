-- Statements of queen_server/routes/traces.py (loaded by queen_server.sql).

-- name: record
SELECT queen.record_trace($1, $2, $3, $4, $5::jsonb, $6, $7)
