-- Statements of queen_server/routes/pop.py (loaded by queen_server.sql).

-- name: pop
SELECT status, body FROM queen.pop_messages($1, $2, $3, $4, $5, $6, $7, $8, $9)

-- name: filtered_queues
SELECT name FROM queen.queues
WHERE ($1::text IS NULL OR namespace = $1) AND ($2::text IS NULL OR task = $2)
ORDER BY priority DESC, name

-- name: reject_undecryptable
SELECT queen.reject_undecryptable($1::uuid, $2, $3, $4, $5, $6, $7)
