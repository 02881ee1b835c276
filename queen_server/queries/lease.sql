-- Statements of queen_server/routes/lease.py (loaded by queen_server.sql).

-- name: extend
SELECT queen.extend_lease($1, $2)
