-- Statements of queen_server/routes/transaction.py (loaded by queen_server.sql).

-- name: transaction
SELECT queen.execute_transaction($1::jsonb)
