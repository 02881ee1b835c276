-- Statements of queen_server/routes/ack.py (loaded by queen_server.sql).

-- name: ack
SELECT queen.ack_messages($1, $2, $3, $4, $5, $6)
