-- Statements of queen_server/routes/health.py (loaded by queen_server.sql).

-- name: flags
SELECT queen.flag('maintenance_mode') AS push, queen.flag('pop_maintenance_mode') AS pop
