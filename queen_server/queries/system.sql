-- Statements of queen_server/routes/system.py (loaded by queen_server.sql).

-- name: notify_push
SELECT pg_notify('queen_push', $1)

-- name: buffered
SELECT count(*) FROM queen.push_buffer

-- name: set_flag
WITH upd AS (
    INSERT INTO queen.system_state (key, value, updated_at)
    VALUES ($1, to_jsonb($2::boolean), now())
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
)
SELECT pg_notify('queen_state', $1)
