-- Statements of queen_server/routes/streams.py (loaded by queen_server.sql).

-- name: register
SELECT conflict, body FROM queen.stream_register($1, $2, $3, $4, $5)

-- name: cycle
SELECT queen.stream_cycle($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15)

-- name: state_get
SELECT queen.stream_state_get($1, $2, $3, $4, $5, $6)

-- name: partitions
SELECT queen.stream_state_partitions($1)
