-- Statements of queen_server/routes/ack.py (loaded by queen_server.sql).

-- name: ack
SELECT answer, outcome FROM queen.ack_document($1, $2)
